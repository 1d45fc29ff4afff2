import Foundation
import Notebook
import OutputChannel

/// Tangles, compiles and runs a notebook in a child process, then collects each cell's
/// outputs — or reuses them from the cache when nothing that could change them changed.
public struct NotebookRunner {
    public var toolchain: Toolchain
    /// Scratch space for this notebook's program and run files (one per notebook and render).
    public var workDirectory: URL
    /// Where results and compiled programs are kept between renders; nil: always compile and run.
    public var cache: ResultCache?
    /// Overrides the front matter's `execute.optimize` (`folio render --optimize`).
    public var optimize: Bool?
    /// Overrides the front matter's `execute.output-lines` and `execute.output-bytes`.
    public var limits: OutputLimits?

    public init(toolchain: Toolchain, workDirectory: URL, cache: ResultCache? = nil, optimize: Bool? = nil) {
        self.toolchain = toolchain
        self.workDirectory = workDirectory
        self.cache = cache
        self.optimize = optimize
    }

    /// Parameters after `-P name=value` overrides; an unknown name or a value of the wrong
    /// type is an error at the parameter's front-matter line.
    public static func resolveParams(_ document: Document, overrides: [String: String]) throws -> [FrontMatter.Param] {
        var params = document.frontMatter.params
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let i = params.firstIndex(where: { $0.name == name }) else {
                throw Diagnostic(file: document.path, line: 1,
                                 message: "-P \(name)=…: the notebook has no parameter '\(name)' (it has: \(params.map(\.name).joined(separator: ", ")))")
            }
            guard let v = params[i].value.overridden(by: text) else {
                throw Diagnostic(file: document.path, line: params[i].line,
                                 message: "-P \(name)=\(text): expected a value of type \(params[i].value.swiftType)")
            }
            params[i].value = v
        }
        return params
    }

    /// The cache-relevant inputs of this render.
    public func context(for document: Document, params: [FrontMatter.Param]) throws -> ExecutionContext {
        let folder = URL(fileURLWithPath: document.path).deletingLastPathComponent()
        let digest = FileDigest(memoDirectory: nil)
        var inputs: [String: String] = [:]
        for input in document.frontMatter.inputs {
            let url = input.hasPrefix("/") ? URL(fileURLWithPath: input) : folder.appendingPathComponent(input)
            guard let hash = digest.sha256(url) else {
                throw Diagnostic(file: document.path, line: 1, message: "declared input '\(input)' cannot be read (looked for \(url.path))")
            }
            inputs[input] = hash
        }
        return ExecutionContext(toolchain: try toolchain.fingerprint(memo: cache?.digests),
                                flags: Compilation.flags(optimize: optimize ?? document.frontMatter.optimize),
                                params: params.map { "\($0.name): \($0.value.swiftType) = \($0.value.swiftLiteral)" },
                                seed: document.frontMatter.seed, inputs: inputs,
                                outputLimits: outputLimits(document))
    }

    func outputLimits(_ document: Document) -> OutputLimits {
        limits ?? OutputLimits(lines: document.frontMatter.outputLines, bytes: document.frontMatter.outputBytes)
    }

    public func run(_ document: Document, params: [FrontMatter.Param]) throws -> RunResult {
        let plan = ExecutionPlan(document: document, context: try context(for: document, params: params))
        var result = RunResult(cells: [:], compileErrors: [], failures: [])
        result.plan = plan
        result.compilerVersion = try toolchain.compilerVersion(memo: cache?.digests)
        for cell in document.cells {
            result.cells[cell.index] = .init(outputs: [], status: .notRun)
            if !cell.options.eval { result.cells[cell.index]?.reason = "eval: false" }
        }
        guard !plan.entries.isEmpty else { return result }
        let previous = cache?.loadRecord(for: document.path)
        let lineOf = { (i: Int) in document.cells.first { $0.index == i }?.firstLine ?? 1 }

        // Reuse cached results from the top while they last. A cached failure under the
        // default policy ends the notebook there, exactly as running it would.
        var reused = 0, endedByFailure = false
        if let cache {
            for entry in plan.entries {
                guard let hit = cache.load(entry.key), let cell = document.cells.first(where: { $0.index == entry.index }) else { break }
                var r = RunResult.CellResult(outputs: Self.shiftLines(hit.outputs, by: cell.firstLine - 1),
                                             status: Self.shiftLines(hit.status, by: cell.firstLine - 1))
                (r.cache, r.reason, r.seconds, r.key, r.seed) = (.reused, "unchanged", hit.seconds, entry.key, entry.seed)
                if hit.hasLog { r.fullLog = cache.logURL(entry.key) }
                result.cells[entry.index] = r
                reused += 1
                if case .failed = hit.status, cell.options.error == .stop { endedByFailure = true; break }
            }
        }
        if reused < plan.entries.count && !endedByFailure {
            // Cells share one scope, so the program runs from the top: the cells above the
            // first miss run again only to rebuild the state it needs.
            let firstMiss = reused
            for entry in plan.entries { result.cells[entry.index] = .init(outputs: [], status: .notRun) }
            try execute(document, params: params, plan: plan, into: &result)
            for (position, entry) in plan.entries.enumerated() {
                guard var r = result.cells[entry.index], r.cache != .notRun else { continue }
                if position < firstMiss {
                    r.cache = .rebuilt
                    r.reason = "unchanged, but re-run to rebuild the state of the cell at line \(lineOf(plan.entries[firstMiss].index))"
                } else {
                    r.reason = CacheExplanation.whyMissed(position: position, plan: plan, previous: previous, lineOf: lineOf)
                }
                result.cells[entry.index] = r
            }
        }
        if result.compileErrors.isEmpty { applyErrorPolicies(document, &result) }
        try? cache?.storeRecord(ExecutionRecord(context: plan.context, entries: plan.entries), for: document.path)
        return result
    }

    /// Compiles (unless the same program is cached) and runs the whole notebook, since cells
    /// share one scope; fills `result` and stores each finished cell's result in the cache.
    ///
    /// A failed cell whose policy is `allow` or `expected` does not end the notebook: the
    /// program is built again without that cell and run for the cells after it (as if the
    /// failed cell had been `eval: false`; a later cell that needs its declarations then
    /// fails to compile, with a note naming the failed cell).
    func execute(_ document: Document, params: [FrontMatter.Param], plan: ExecutionPlan, into result: inout RunResult) throws {
        try? FileManager.default.removeItem(at: workDirectory)
        try FileManager.default.createDirectory(at: toolchain.moduleCache, withIntermediateDirectories: true)
        var skipping: [Int] = []
        while true {
            let from = skipping.last.map { $0 + 1 } ?? 0
            let compiled = try runProgram(document, params: params, plan: plan, skipping: skipping,
                                          collectingFrom: from, into: &result)
            guard compiled,
                  let failed = plan.entries.first(where: { e in
                      guard e.index >= from, case .failed? = result.cells[e.index]?.status else { return false }
                      return true }),
                  let cell = document.cells.first(where: { $0.index == failed.index }), cell.options.error != .stop,
                  plan.entries.contains(where: { $0.index > failed.index }) else { return }
            skipping.append(failed.index)
        }
    }

    /// One program: every evaluated cell but `skipping`; results are taken for cells from
    /// index `from` on. Returns false when the program did not compile.
    func runProgram(_ document: Document, params: [FrontMatter.Param], plan: ExecutionPlan, skipping: [Int],
                    collectingFrom from: Int, into result: inout RunResult) throws -> Bool {
        let fm = FileManager.default
        let programDir = workDirectory.appendingPathComponent("program-\(skipping.count)")
        let runDir = programDir.appendingPathComponent("run")
        try fm.createDirectory(at: runDir, withIntermediateDirectories: true)

        let program = Tangler.generate(for: document, params: params, seed: document.frontMatter.seed, plan: plan,
                                       skipping: Set(skipping))
        let main = programDir.appendingPathComponent("main.swift")
        try program.source.write(to: main, atomically: true, encoding: .utf8)
        let programDigest = SHA256.hex("\(plan.context.toolchain)\n\(plan.context.flags)\n\(program.source)")
        var binary = programDir.appendingPathComponent("notebook")
        if let cached = cache?.programURL(programDigest), fm.isExecutableFile(atPath: cached.path) {
            binary = cached
        } else {
            let args = Compilation.arguments(flags: plan.context.flags, toolchain: toolchain, main: main, output: binary)
            result.compilerInvocations += 1
            let compile = try ChildProcess.run(toolchain.swiftc, arguments: args, directory: programDir,
                                               timeout: 600, logName: "compile")
            if compile.status != 0 {
                result.compileErrors = Compilation.diagnostics(compile.stderr + compile.stdout, document: document,
                                                               program: program, mainPath: main.path)
                if result.compileErrors.isEmpty {
                    result.compileErrors = [Diagnostic(file: document.path, line: 1,
                                                       message: "the notebook program did not compile:\n" + compile.stderr)]
                }
                let left = skipping.compactMap { i in document.cells.first { $0.index == i }?.firstLine }
                if !left.isEmpty {
                    let lines = left.map(String.init).joined(separator: ", ")
                    for i in result.compileErrors.indices {
                        result.compileErrors[i].message += " (the rest of the notebook runs without the failed cell at line \(lines))"
                    }
                }
                return false
            }
            if let cache { binary = (try? cache.storeProgram(binary, digest: programDigest)) ?? binary }
        }

        var env = ProcessInfo.processInfo.environment
        env[RunFiles.environmentKey] = runDir.path
        if let cache { env["FOLIO_MEMO_DIR"] = cache.memo.path }
        let reportFile = programDir.appendingPathComponent("backtrace.json")
        env["SWIFT_BACKTRACE"] = Backtrace.environmentValue(reportFile: reportFile)
        let cellTimeouts = Dictionary(uniqueKeysWithValues: document.cells.compactMap { c in c.options.timeout.map { (c.index, $0) } })
        result.programRuns += 1
        let run = try ChildProcess.run(binary, arguments: [], environment: env,
                                       directory: URL(fileURLWithPath: document.path).deletingLastPathComponent(),
                                       logDirectory: programDir, timeout: document.frontMatter.timeout, logName: "notebook",
                                       watchdog: cellTimeouts.isEmpty ? nil : {
            guard let (cell, since) = Progress(runDirectory: runDir).running, let limit = cellTimeouts[cell] else { return nil }
            return Double(Progress.now() &- since) / 1e9 > limit ? "cell time limit of \(ChildProcess.seconds(limit)) s" : nil
        })
        let finished = Progress.now()
        let progress = Progress(runDirectory: runDir)
        let backtrace = (try? Data(contentsOf: reportFile)).flatMap { Backtrace.parse($0, file: document.path) }
        for entry in plan.entries where entry.index >= from {
            guard let began = progress.begun[entry.index], let cell = document.cells.first(where: { $0.index == entry.index }) else { continue }
            var outputs = try RunFiles.read(cell: cell.index, in: runDir)
            var status = RunResult.CellStatus.succeeded
            if progress.ended[cell.index] == nil {
                let error = CellFailure.error(outputs: &outputs, killedBecause: run.killedBecause, signaled: run.signaled,
                                              status: run.status, backtrace: backtrace, document: document, cell: cell)
                outputs.append(.error(error))
                status = .failed(error)
            }
            let logName = "cell-\(cell.options.label ?? String(cell.index)).log"
            let (capped, log) = plan.context.outputLimits.cap(outputs, logName: logName)
            var r = RunResult.CellResult(outputs: capped, status: status)
            r.cache = .ran
            r.seconds = Double((progress.ended[cell.index] ?? finished) &- began) / 1e9
            (r.key, r.seed) = (entry.key, entry.seed)
            if let log {
                let url = cache?.logURL(entry.key) ?? programDir.appendingPathComponent(logName)
                try? ResultCache.atomicWrite(Data(log.utf8), to: url)
                r.fullLog = url
            }
            result.cells[cell.index] = r
            // A cell stopped by a time limit has no reproducible result: it is not cached.
            let stopped = run.killedBecause != nil && progress.ended[cell.index] == nil
            if let cache, !stopped {
                let entryToStore = ResultCache.Entry(outputs: Self.shiftLines(capped, by: 1 - cell.firstLine),
                                                     status: Self.shiftLines(status, by: 1 - cell.firstLine),
                                                     seconds: r.seconds, hasLog: log != nil)
                try? cache.store(entryToStore, key: entry.key, log: nil)
            }
        }
        if run.status != 0 && !run.signaled && run.killedBecause == nil && progress.running == nil,
           !result.cells.values.contains(where: { if case .failed = $0.status { true } else { false } }) {
            result.failures.append(Diagnostic(file: document.path, line: 1,
                                              message: "the notebook program exited with status \(run.status)"))
        }
        return true
    }

    /// Default policy `stop`: a failed cell fails the render. `allow`: shown, not a failure.
    /// `expected`: the cell must fail. Applied after the fact, so it is not part of the cache key.
    func applyErrorPolicies(_ document: Document, _ result: inout RunResult) {
        for cell in document.cells where cell.options.eval {
            guard let r = result.cells[cell.index] else { continue }
            switch (r.status, cell.options.error) {
            case (.failed(let error), .stop):
                result.failures.append(Diagnostic(file: document.path, line: error.line ?? cell.firstLine,
                                                  column: error.column ?? 1, message: error.message))
            case (.succeeded, .expected):
                result.failures.append(Diagnostic(file: document.path, line: cell.firstLine,
                                                  message: "cell is marked `error: expected` but ran without error"))
            default: break
            }
        }
    }

    static func shiftLines(_ outputs: [CellOutput], by delta: Int) -> [CellOutput] {
        outputs.map { if case .error(let e) = $0 { .error(shift(e, delta)) } else { $0 } }
    }

    static func shiftLines(_ status: RunResult.CellStatus, by delta: Int) -> RunResult.CellStatus {
        if case .failed(let e) = status { .failed(shift(e, delta)) } else { status }
    }

    private static func shift(_ e: CellError, _ delta: Int) -> CellError {
        var e = e
        e.line = e.line.map { $0 + delta }
        return e
    }
}
