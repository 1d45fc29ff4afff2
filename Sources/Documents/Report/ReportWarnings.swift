import Foundation
import MathType
import Notebook

/// The one sink of a render's warnings: unresolved references, missing images, links not
/// published, formulas that do not typeset. Report's resolving step adds what it finds; while
/// pages and figure files are drawn, MathType reports every bad formula here (`MathErrorSink`),
/// so no formula drawn anywhere can fail without a word. Warnings print in line order, each
/// once; `--strict` turns the lot into errors.
public final class ReportWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    private var keys: Set<String> = []
    /// Formulas already reported at their places (normalised), so the drawing of the same
    /// formula in the PDF, the HTML and the figure files adds nothing.
    private var placedFormulas: Set<String> = []
    let file: String

    init(file: String) { self.file = file }

    /// Every warning, in line and column order.
    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }.map(\.element)
    }

    /// Adds `d` unless the same message was already given at the same place.
    func add(_ d: Diagnostic) {
        let key = "\(d.line):\(d.column):\(d.message)"
        lock.lock()
        defer { lock.unlock() }
        if keys.insert(key).inserted { items.append(d) }
    }

    func add(_ ds: [Diagnostic]) { ds.forEach(add) }

    /// A formula whose errors are reported at its place (or that has none).
    func placed(_ tex: String) {
        lock.lock()
        defer { lock.unlock() }
        placedFormulas.insert(Self.normalised(tex))
    }

    /// Listens to MathType while drawing: a formula not already reported is reported at
    /// `line:column` (a figure's cell) with `what` naming where it was drawn, once.
    func mathListener(line: Int, column: Int, what: String) -> @Sendable (String, [MathError]) -> Void {
        { [self] tex, errors in
            lock.lock()
            let new = placedFormulas.insert(Self.normalised(tex)).inserted
            lock.unlock()
            guard new, let first = errors.first else { return }
            add(Diagnostic(file: file, line: line, column: column, message: MathWarnings.message(tex, first, in: what), severity: .warning))
        }
    }

    /// Display formulas are drawn without their `\tag{…}` (set beside them), labels as the math
    /// between `$`s: one formula, however it reaches MathType.
    static func normalised(_ tex: String) -> String {
        MathSetter.splitTag(tex).tex.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
