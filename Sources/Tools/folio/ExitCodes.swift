import ArgumentParser

/// Documented exit codes (README "Exit codes"): scripts and CI can tell failures apart.
enum FolioExit {
    static let cellFailed = ExitCode(1)
    static let compileError = ExitCode(2)
    static let renderError = ExitCode(3)
    static let usageError = ExitCode(4)
}
