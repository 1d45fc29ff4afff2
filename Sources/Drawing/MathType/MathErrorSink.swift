/// Who hears about formulas that did not typeset. A bad formula still lays out (as a red box),
/// so without a listener the only trace of it is on the page; a renderer binds one around its
/// drawing — a report around its pages and figure files — and every formula typeset inside,
/// by any layer (a page's text, a plot's labels, a table's cells), is reported to it with its
/// source and errors. Task-local, so notebooks rendered on other threads report to their own.
public enum MathErrorSink {
    @TaskLocal public static var report: (@Sendable (_ tex: String, _ errors: [MathError]) -> Void)?
}
