import Foundation
import Notebook
import OutputChannel

/// What executing a notebook produced, cell by cell, and how much work it took.
public struct RunResult: Sendable {
    public enum CellStatus: Equatable, Sendable, Codable {
        case succeeded
        /// The cell threw or trapped; its error is also the last of its outputs.
        case failed(CellError)
        /// Not run: `eval: false`, or an earlier cell stopped the notebook.
        case notRun
    }

    /// Where a cell's result came from.
    public enum CacheStatus: String, Sendable, Codable {
        /// Loaded from the cache: the cell's key was unchanged.
        case reused
        /// Executed because its key was not in the cache (`reason` says why).
        case ran
        /// Key unchanged, but executed anyway to rebuild the shared state a later cell needed.
        case rebuilt
        case notRun = "not-run"
    }

    public struct CellResult: Sendable {
        public var outputs: [CellOutput]
        public var status: CellStatus
        public var cache: CacheStatus = .notRun
        /// Why the cell ran or was reused, in words (`folio render --explain`).
        public var reason = ""
        /// Run time of the cell when it last executed (also for reused results).
        public var seconds: Double = 0
        public var key: String?
        public var seed: UInt64?
        /// The cell's full printed text when its inline output was capped.
        public var fullLog: URL?
        /// The optimisation level of the program whose run produced these outputs (also for
        /// reused results): `-O`, or `-Onone` when a trap under `-O` was re-run to place it,
        /// or when the notebook asked for `-Onone`. Nil for a cell that did not run.
        public var optimization: String?

        public init(outputs: [CellOutput], status: CellStatus) { (self.outputs, self.status) = (outputs, status) }
    }

    /// Indexed by `Cell.index`.
    public var cells: [Int: CellResult]
    /// Compile errors, each at its Markdown line. Non-empty means nothing ran.
    public var compileErrors: [Diagnostic]
    /// Run-time failures that stop the render (policy `stop`, or `expected` cells that succeeded).
    public var failures: [Diagnostic]
    /// How many times swiftc ran (0 when every result, or the compiled program, was cached).
    public var compilerInvocations = 0
    /// How many times the notebook program ran.
    public var programRuns = 0
    /// Why the program was built at another level than its cache keys say (`OptimizationTier`),
    /// for `--explain`; nil when it was not.
    public var tierNote: String?
    public var plan: ExecutionPlan?
    public var compilerVersion = ""

    public init(cells: [Int: CellResult], compileErrors: [Diagnostic], failures: [Diagnostic]) {
        (self.cells, self.compileErrors, self.failures) = (cells, compileErrors, failures)
    }

    public var succeeded: Bool { compileErrors.isEmpty && failures.isEmpty }
}
