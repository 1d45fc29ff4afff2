import Foundation
import Notebook
import OutputChannel

/// What one run of one compiled program produced. `execute` holds it back from the render's
/// result and the cache until `FailurePlacement` has chosen which run the report shows.
struct ProgramRun {
    /// The flags the program was compiled with.
    var flags: [String]
    /// The program's scratch folder (without a cache, the logs of capped cells go there).
    var folder: URL
    /// Non-empty: the program did not compile, and nothing ran.
    var compileErrors: [Diagnostic] = []
    /// How the program ended; nil when it did not compile.
    var exit: ProgramExit?
    /// The results of the cells that began, by cell index.
    var cells: [Int: RunResult.CellResult] = [:]
    /// The full printed text of the cells whose inline output was capped.
    var logs: [Int: String] = [:]
    /// The cells whose results may be cached: all but one stopped by a time limit.
    var cacheable: Set<Int> = []
    /// The program's end when no cell is to blame (before its first cell, after its last).
    var failures: [Diagnostic] = []

    var compiled: Bool { compileErrors.isEmpty }
}

/// Cells run optimised (`-O`), but a failure must point at its true Markdown line: when the
/// optimised program traps, the same program up to the trapping cell is built at `-Onone`
/// and run again, and the report shows that run — every cell's outputs, not only the error.
///
/// What may have moved: every failure located from the program's own crash report, that is
/// a trap (index out of range, overflow, force-unwrapping nil, division by zero,
/// `precondition`, `fatalError`, an uncaught error) or a fault (SIGSEGV or SIGBUS: a stack
/// overflow, a bad pointer; SIGABRT: `abort()`, a C library's abort). At `-O` the optimiser
/// folds `let xs = [1]; print(xs[2])` into one trap reported at the cell's first line as
/// "Illegal instruction", drops `precondition`'s message ("precondition failure"), and turns
/// a runaway recursion into a fault the stack-overflow check does not recognise.
/// `fatalError("…")` keeps its message and its `#line` at `-O`, but its column, and the line
/// of anything it is called from, come from the backtrace: it is re-run like the rest, which
/// keeps the rule one sentence long and the report's outputs from one run.
///
/// Not re-run, since the optimiser cannot move them: a time limit (its place is the cell), an
/// exit status without a signal, a kill from outside (SIGKILL, SIGTERM), outputs that cannot
/// be read. The `-Onone` program is cached like any other, so it is compiled once per version
/// of the notebook, and only when the optimised one traps.
enum FailurePlacement {
    /// The signals of the Swift runtime's traps and of memory faults.
    static let trapSignals: Set<Int32> = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    /// The cell to place again: the first failed cell (from index `from` on) of a run not built
    /// with `exactFlags` — at `-O`, or at `OptimizationTier`'s `-Onone` with `assert` off, whose
    /// `precondition` drops its message as at `-O` — that ended with a trap signal; nil when the
    /// run needs no second look.
    static func cellToPlace(_ run: ProgramRun, plan: ExecutionPlan, from: Int) -> Int? {
        guard run.compiled, run.flags != Compilation.exactFlags, let exit = run.exit, exit.signaled,
            trapSignals.contains(exit.status), exit.killedBecause == nil, exit.stoppedBecause == nil
        else { return nil }
        return plan.entries.first { $0.index >= from && failed(run, $0.index) }?.index
    }

    /// The run the report shows. The `-Onone` run when it failed in the same cell (not by a
    /// time limit): its line is true. Otherwise the optimised run, with a note on the error
    /// saying why its line may be approximate — never a moved line passed off as exact.
    static func choose(optimized: ProgramRun, exact: ProgramRun, cell index: Int, cells: CellLookup) -> ProgramRun {
        let stop = exact.exit?.killedBecause.map { "it exceeded the \($0)" } ?? exact.exit?.stoppedBecause
        if exact.compiled, stop == nil, failed(exact, index) { return exact }
        var run = optimized
        let why: String
        if !exact.compiled {
            why = "the -Onone build of the notebook did not compile"
        } else if let stop {
            why = "the -Onone re-run that places it was stopped: \(stop)"
            // Like any cell stopped by a time limit, it has no reproducible result.
            run.cacheable.remove(index)
        } else if let other = exact.cells.keys.sorted().first(where: { $0 < index && failed(exact, $0) }) {
            why = "the -Onone re-run failed earlier, in the cell at line \(cells[other]?.firstLine ?? 1)"
        } else {
            why = "at -Onone the cell ran without this failure"
        }
        guard var r = run.cells[index], case .failed(var error) = r.status else { return run }
        error.message += " (located in the -O build, so the line may be approximate: \(why))"
        r.status = .failed(error)
        if let last = r.outputs.indices.last, case .error = r.outputs[last] { r.outputs[last] = .error(error) }
        run.cells[index] = r
        return run
    }

    private static func failed(_ run: ProgramRun, _ index: Int) -> Bool {
        if case .failed? = run.cells[index]?.status { true } else { false }
    }
}
