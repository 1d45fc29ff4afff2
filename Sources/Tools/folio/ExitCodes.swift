import ArgumentParser

/// Documented exit codes (README "Exit codes"): scripts and CI can tell failures apart.
enum FolioExit {
    static let cellFailed = ExitCode(1)
    static let compileError = ExitCode(2)
    static let renderError = ExitCode(3)
    static let usageError = ExitCode(4)
    /// `--strict` (or `strict: true`) and the notebook has warnings: it ran, but is not published.
    /// Not 4: that code means nothing could start, this one that the notebook itself needs fixing.
    static let strictWarnings = ExitCode(5)
}
