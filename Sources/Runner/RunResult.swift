import Notebook
import OutputChannel

/// What executing a notebook produced, cell by cell.
public struct RunResult: Sendable {
    public enum CellStatus: Equatable, Sendable {
        case succeeded
        /// The cell threw or trapped; its error is also the last of its outputs.
        case failed(CellError)
        /// Not run: `eval: false`, or an earlier cell stopped the notebook.
        case notRun
    }

    public struct CellResult: Sendable {
        public var outputs: [CellOutput]
        public var status: CellStatus
    }

    /// Indexed by `Cell.index`.
    public var cells: [Int: CellResult]
    /// Compile errors, each at its Markdown line. Non-empty means nothing ran.
    public var compileErrors: [Diagnostic]
    /// Run-time failures that stop the render (policy `stop`, or `expected` cells that succeeded).
    public var failures: [Diagnostic]

    public var succeeded: Bool { compileErrors.isEmpty && failures.isEmpty }
}
