import Foundation
import Storage
import Notebook
import OutputChannel

/// Building and running the notebook's program when the cache cannot answer.
extension NotebookRunner {
    /// Compiles (unless the same program is cached) and runs the whole notebook, since cells
    /// share one scope; fills `result` and stores each finished cell's result in the cache.
    ///
    /// A failed cell whose policy is `allow` or `expected` does not end the notebook: the
    /// program is built again without that cell and run for the cells after it (as if the
    /// failed cell had been `eval: false`; a later cell that needs its declarations then
    /// fails to compile, with a note naming the failed cell).
    ///
    /// `flags`: what the program is built with; the cache keys keep `plan.context.flags`
    /// (`OptimizationTier` may build at `-Onone` what is keyed at `-O`: same outputs).
    func execute(
        _ document: Document, params: [FrontMatter.Param], plan: ExecutionPlan, flags: [String], into result: inout RunResult
    ) throws {
        try? FileManager.default.removeItem(at: workDirectory)
        try FileManager.default.createDirectory(at: toolchain.moduleCache, withIntermediateDirectories: true)
        var skipping: [Int] = []
        let cells = CellLookup(document)
        while true {
            let from = skipping.last.map { $0 + 1 } ?? 0
            var run = try runProgram(
                document, cells: cells, params: params, plan: plan, flags: flags, skipping: skipping,
                collectingFrom: from, orCachedAt: flags == plan.context.flags ? nil : plan.context.flags, into: &result)
            // A trap under -O may be reported at a line the optimiser moved it to: the same
            // program, up to the trapping cell, is built at -Onone and run again to place it.
            if let trapped = FailurePlacement.cellToPlace(run, plan: plan, from: from) {
                let exact = try runProgram(
                    document, cells: cells, params: params, plan: plan, flags: Compilation.exactFlags, skipping: skipping,
                    stoppingAfter: trapped, collectingFrom: from, into: &result)
                run = FailurePlacement.choose(optimized: run, exact: exact, cell: trapped, cells: cells)
            }
            commit(run, cells: cells, plan: plan, into: &result)
            guard run.compiled,
                let failed = plan.entries.first(where: { e in
                    guard e.index >= from, case .failed? = result.cells[e.index]?.status else { return false }
                    return true
                }),
                let cell = cells[failed.index], cell.options.error != .stop,
                plan.entries.last.map({ $0.index > failed.index }) == true
            else { return }
            skipping.append(failed.index)
        }
    }

    /// Puts a program's results into `result` and, for the cells that finished, into the cache.
    func commit(_ run: ProgramRun, cells: CellLookup, plan: ExecutionPlan, into result: inout RunResult) {
        if !run.compiled { result.compileErrors = run.compileErrors }
        result.failures += run.failures
        for (index, var r) in run.cells.sorted(by: { $0.key < $1.key }) {
            guard let cell = cells[index], let key = r.key else { continue }
            let log = run.logs[index]
            if let log {
                let url = cache?.logURL(key) ?? run.folder.appendingPathComponent("cell-\(index).log")
                try? AtomicFile.write(Data(log.utf8), to: url)
                r.fullLog = url
            }
            result.cells[index] = r
            if let cache, run.cacheable.contains(index) {
                let entry = ResultCache.Entry(
                    outputs: Self.shiftLines(r.outputs, by: 1 - cell.firstLine),
                    status: Self.shiftLines(r.status, by: 1 - cell.firstLine),
                    seconds: r.seconds, hasLog: log != nil, optimization: r.optimization)
                try? cache.store(entry, key: key, log: nil)
            }
        }
    }

    /// One program compiled with `flags`: every evaluated cell but `skipping` (and, with
    /// `stoppingAfter`, but the cells after that one); results are taken for cells from index
    /// `from` on. Counts its compile and run in `result`; everything else it produced is in
    /// the returned run, for `commit`. `orCachedAt`: flags whose build of the same program,
    /// when the cache has it, is run instead of compiling with `flags` (a tier-down re-render
    /// of a program already compiled at `-O`).
    func runProgram(
        _ document: Document, cells: CellLookup, params: [FrontMatter.Param], plan: ExecutionPlan, flags: [String],
        skipping: [Int], stoppingAfter last: Int? = nil, collectingFrom from: Int, orCachedAt preferred: [String]? = nil,
        into result: inout RunResult
    ) throws -> ProgramRun {
        var flags = flags
        let fm = FileManager.default
        let programDir = workDirectory.appendingPathComponent("program-\(skipping.count)" + (last == nil ? "" : "-exact"))
        let runDir = programDir.appendingPathComponent("run")
        try fm.createDirectory(at: runDir, withIntermediateDirectories: true)

        let leftOut = Set(skipping).union(last.map { l in plan.entries.map(\.index).filter { $0 > l } } ?? [])
        let program = Tangler.generate(
            for: document, params: params, seed: document.frontMatter.seed, plan: plan,
            skipping: leftOut, readingArguments: paramsAtRunTime)
        let main = programDir.appendingPathComponent("main.swift")
        // A plain write: the scratch folder is private, and Foundation's atomic write leaves an
        // empty `TemporaryDirectory.*` folder in $TMPDIR behind on Linux.
        try Data(program.source.utf8).write(to: main)
        // The cells lifted out of main.swift (Tangler/CellLifting), a second source when there are any.
        let lifted = program.liftedSource.isEmpty ? [] : [programDir.appendingPathComponent(Tangler.liftedFileName)]
        for url in lifted { try Data(program.liftedSource.utf8).write(to: url) }
        func digest(_ flags: [String]) -> String {
            SHA256.hex("\(plan.context.toolchain)\n\(flags)\n\(program.source)" + (lifted.isEmpty ? "" : "\n" + program.liftedSource))
        }
        if let preferred, cache?.verifiedProgram(digest(preferred)) != nil { flags = preferred }
        if flags == Compilation.tierFlags {
            result.tierNote = "built at -Onone with assert off, as at -O: the cells' last run took under the tier's budget"
        }
        var outcome = ProgramRun(flags: flags, folder: programDir)
        let programDigest = digest(flags)
        var binary = programDir.appendingPathComponent("notebook")
        // Held until the program is compiled (or found cached), not while it runs.
        let gate = CompileGate.lock(programDigest)
        if let cached = cache?.verifiedProgram(programDigest) {
            binary = cached
        } else {
            let args = Compilation.arguments(flags: flags, toolchain: toolchain, main: main, output: binary) + lifted.map(\.path)
            result.compilerInvocations += 1
            // The compiler's own temporary folders (`TemporaryDirectory.*`) go inside the scratch
            // folder, so a compiler killed by an interrupt or a time limit leaves none in $TMPDIR.
            let compilerTemp = programDir.appendingPathComponent("tmp")
            try fm.createDirectory(at: compilerTemp, withIntermediateDirectories: true)
            var compileEnv = ProcessInfo.processInfo.environment
            compileEnv["TMPDIR"] = compilerTemp.path
            let compile = try gateOnThrow(gate) {
                try ChildProcess.run(
                    toolchain.swiftc, arguments: args, environment: compileEnv,
                    directory: programDir, timeout: 600, logName: "compile")
            }
            if compile.status != 0 {
                var errors = Compilation.diagnostics(
                    compile.stderr + compile.stdout, document: document,
                    cells: cells, program: program, mainPath: main.path)
                if errors.isEmpty {
                    errors = [
                        Diagnostic(
                            file: document.path, line: 1,
                            message: "the notebook program did not compile:\n" + compile.stderr)
                    ]
                }
                let left = skipping.compactMap { i in cells[i]?.firstLine }
                if !left.isEmpty {
                    let lines = left.map(String.init).joined(separator: ", ")
                    for i in errors.indices {
                        errors[i].message += " (the rest of the notebook runs without the failed cell at line \(lines))"
                    }
                }
                gate.unlock()
                outcome.compileErrors = errors
                return outcome
            }
            if let cache { binary = (try? cache.storeProgram(binary, digest: programDigest)) ?? binary }
        }
        gate.unlock()

        var env = ProcessInfo.processInfo.environment
        env[RunFiles.environmentKey] = runDir.path
        if let cache { env["FOLIO_MEMO_DIR"] = cache.memo.path }
        let reportFile = programDir.appendingPathComponent("backtrace.json")
        env["SWIFT_BACKTRACE"] = Backtrace.environmentValue(reportFile: reportFile)
        let cellTimeouts = Dictionary(uniqueKeysWithValues: cells.all.compactMap { c in c.options.timeout.map { (c.index, $0) } })
        result.programRuns += 1
        let tail = ProgressTail(runDirectory: runDir)
        let watchdog: (() -> String?)? =
            cellTimeouts.isEmpty
            ? nil
            : {
                guard let (cell, since) = tail.running(), let limit = cellTimeouts[cell] else { return nil }
                return Double(Progress.now() &- since) / 1e9 > limit ? "cell time limit of \(ChildProcess.seconds(limit)) s" : nil
            }
        let notebookFolder = URL(fileURLWithPath: document.path).deletingLastPathComponent()
        let run: ProgramExit
        if let launcher {
            var added = [RunFiles.environmentKey: runDir.path, "SWIFT_BACKTRACE": env["SWIFT_BACKTRACE"]!]
            if let cache { added["FOLIO_MEMO_DIR"] = cache.memo.path }
            run = try launcher.launch(
                LaunchRequest(
                    program: binary, arguments: program.arguments, environment: added,
                    workingDirectory: notebookFolder, programDirectory: programDir, runDirectory: runDir,
                    timeout: document.frontMatter.timeout, watchdog: watchdog))
        } else {
            let local = try ChildProcess.run(
                binary, arguments: program.arguments, environment: env, directory: notebookFolder,
                logDirectory: programDir, timeout: document.frontMatter.timeout, logName: "notebook",
                marker: runDir.path, watchdog: watchdog)
            run = ProgramExit(
                status: local.status, signaled: local.signaled, killedBecause: local.killedBecause,
                stdout: local.stdout, stderr: local.stderr)
        }
        outcome.exit = run
        let finished = Progress.now()
        let progress = Progress(runDirectory: runDir)
        var backtrace = (try? Data(contentsOf: reportFile)).flatMap { Backtrace.parse($0, file: document.path) }
        if run.signaled, run.status == SIGABRT, backtrace?.line == nil,
            let (line, column) = AbortLocation.find(
                runDirectory: runDir, program: binary, file: document.path,
                symbolizer: toolchain.swiftc.deletingLastPathComponent().appendingPathComponent("llvm-symbolizer"))
        {
            var b = backtrace ?? Backtrace(description: "Aborted")
            (b.line, b.column) = (line, column)
            backtrace = b
        }
        var anyFailed = false
        var notBegun: ExecutionPlan.Entry?
        for entry in plan.entries where entry.index >= from && entry.index <= last ?? .max {
            guard let cell = cells[entry.index] else { continue }
            guard let began = progress.begun[entry.index] else {
                if notBegun == nil && !anyFailed { notBegun = entry }
                continue
            }
            var status = RunResult.CellStatus.succeeded
            var outputs: [CellOutput]
            do { outputs = try RunFiles.read(cell: cell.index, in: runDir) } catch {
                // A cell that overwrote its own output files (or showed something the channel
                // rejects) fails by itself; the other cells' results stand.
                let e = CellError(
                    message: "the cell's output could not be read: \(CellFailure.describe(error))",
                    line: cell.firstLine, column: 1)
                (outputs, status) = ([.error(e)], .failed(e))
            }
            if progress.ended[cell.index] == nil {
                let error = CellFailure.error(
                    outputs: &outputs, killedBecause: run.killedBecause, stoppedBecause: run.stoppedBecause,
                    signaled: run.signaled,
                    status: run.status, backtrace: backtrace, document: document, cell: cell)
                outputs.append(.error(error))
                status = .failed(error)
            }
            if case .failed = status { anyFailed = true }
            // The label made a safe file name (Notebook's one sanitiser): it is the user's text and may hold `../`.
            let logName = cell.logFileName
            let (capped, log) = plan.context.outputLimits.cap(outputs, logName: logName)
            var r = RunResult.CellResult(outputs: capped, status: status)
            r.cache = .ran
            r.seconds = Double((progress.ended[cell.index] ?? finished) &- began) / 1e9
            (r.key, r.seed, r.optimization) = (entry.key, entry.seed, Compilation.level(flags))
            outcome.cells[cell.index] = r
            outcome.logs[cell.index] = log
            // A cell stopped by a time limit has no reproducible result: it is not cached.
            let stopped = (run.killedBecause != nil || run.stoppedBecause != nil) && progress.ended[cell.index] == nil
            if !stopped { outcome.cacheable.insert(cell.index) }
        }
        // The program ended without a cell to blame: before a cell began, or after the last
        // one. Never a silent success with cells missing from the report.
        if !anyFailed, notBegun != nil || run.status != 0 || run.signaled || run.killedBecause != nil || run.stoppedBecause != nil {
            let how =
                run.killedBecause.map { "it was stopped at the \($0)" } ?? run.stoppedBecause
                ?? (run.signaled
                    ? "it was killed by signal \(run.status) (\(Self.signalName(run.status)))"
                    : "it exited with status \(run.status)")
            let programStderr = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            let detail = programStderr.isEmpty ? "" : ": " + String(programStderr.prefix(500))
            if let notBegun, let cell = cells[notBegun.index] {
                let when =
                    notBegun.index == plan.entries.first(where: { $0.index >= from })?.index
                    ? "before its first cell ran" : "before the cell at line \(cell.firstLine) ran"
                outcome.failures.append(
                    Diagnostic(
                        file: document.path, line: cell.firstLine,
                        message: "the notebook program ended \(when): \(how)\(detail)"))
            } else {
                outcome.failures.append(
                    Diagnostic(
                        file: document.path, line: 1,
                        message: "the notebook program ended badly after its last cell: \(how)\(detail)"))
            }
        }
        return outcome
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGABRT: "SIGABRT", SIGILL: "SIGILL",
            SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGFPE: "SIGFPE", SIGTRAP: "SIGTRAP",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}

/// Releases the compile gate when `body` throws (a compiler that cannot be started).
private func gateOnThrow<T>(_ gate: NSLock, _ body: () throws -> T) throws -> T {
    do { return try body() } catch {
        gate.unlock()
        throw error
    }
}

/// The document's cells by index, looked up in constant time (`Document.cells` may be computed).
struct CellLookup {
    let all: [Cell]
    private let position: [Int: Int]
    init(_ document: Document) {
        all = document.cells
        var p: [Int: Int] = [:]
        p.reserveCapacity(all.count)
        for (i, c) in all.enumerated() { p[c.index] = i }
        position = p
    }
    subscript(index: Int) -> Cell? { position[index].map { all[$0] } }
}
