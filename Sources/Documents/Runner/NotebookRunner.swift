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
    /// Overrides the front matter's `execute.optimize` (`folio render --optimize`, `--no-optimize`).
    /// Either way a trap under `-O` is placed by a re-run at `-Onone` (`FailurePlacement`).
    public var optimize: Bool?
    /// Overrides the front matter's `execute.output-lines` and `execute.output-bytes`.
    public var limits: OutputLimits?
    /// Where the compiled program runs; nil: here, as a child process.
    public var launcher: (any ProgramLauncher)?
    /// Parameters and the cell table are passed as program arguments instead of literals, so
    /// every point of a sweep runs one compiled program (what a cluster launcher wants: one
    /// compile, many tasks). Outputs are the same either way; only the program's text differs.
    public var paramsAtRunTime = false

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
                throw Diagnostic(
                    file: document.path, line: 1,
                    message: "-P \(name)=…: the notebook has no parameter '\(name)' (it has: \(params.map(\.name).joined(separator: ", ")))")
            }
            guard let v = params[i].value.overridden(by: text) else {
                throw Diagnostic(
                    file: document.path, line: params[i].line,
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
        let fm = document.frontMatter
        for (k, input) in fm.inputs.enumerated() {
            let url = input.hasPrefix("/") ? URL(fileURLWithPath: input) : folder.appendingPathComponent(input)
            guard let hash = digest.sha256(url) else {
                // Checked at load (FrontMatter.validateInputs); this is a file changed since.
                let at = k < fm.inputPositions.count ? fm.inputPositions[k] : nil
                throw Diagnostic(
                    file: document.path, line: at?.line ?? 1, column: at?.column ?? 1,
                    message: "declared input '\(input)' cannot be read (looked for \(url.path))")
            }
            inputs[input] = hash
        }
        return ExecutionContext(
            toolchain: try toolchain.fingerprint(memo: digestMemo),
            flags: Compilation.flags(optimize: optimize ?? document.frontMatter.optimize),
            params: params.map { "\($0.name): \($0.value.swiftType) = \($0.value.swiftLiteral)" },
            seed: document.frontMatter.seed, inputs: inputs,
            outputLimits: outputLimits(document))
    }

    /// Remembered file digests and compiler version, keyed by file identity: safe to use even
    /// when results are not cached (`--no-cache`), and they spare a compiler start per render.
    var digestMemo: URL { (cache ?? ResultCache(root: toolchain.cacheDirectory)).digests }

    func outputLimits(_ document: Document) -> OutputLimits {
        limits ?? OutputLimits(lines: document.frontMatter.outputLines, bytes: document.frontMatter.outputBytes)
    }

    public func run(_ document: Document, params: [FrontMatter.Param]) throws -> RunResult {
        let plan = ExecutionPlan(document: document, context: try context(for: document, params: params))
        var result = RunResult(cells: [:], compileErrors: [], failures: [])
        result.plan = plan
        result.compilerVersion = try toolchain.compilerVersion(memo: digestMemo)
        for cell in document.cells {  // one pass; `Document.cells` may be computed
            result.cells[cell.index] = .init(outputs: [], status: .notRun)
            if !cell.options.eval { result.cells[cell.index]?.reason = "eval: false" }
        }
        guard !plan.entries.isEmpty else { return result }
        let previous = cache?.loadRecord(for: document.path)
        let cells = CellLookup(document)
        let lineOf = { (i: Int) in cells[i]?.firstLine ?? 1 }

        // Reuse cached results from the top while they last. A cached failure under the
        // default policy ends the notebook there, exactly as running it would.
        var reused = 0, endedByFailure = false
        if let cache {
            for entry in plan.entries {
                guard let hit = cache.load(entry.key), let cell = cells[entry.index] else { break }
                var r = RunResult.CellResult(
                    outputs: Self.shiftLines(hit.outputs, by: cell.firstLine - 1),
                    status: Self.shiftLines(hit.status, by: cell.firstLine - 1))
                (r.cache, r.reason, r.seconds, r.key, r.seed) = (.reused, "unchanged", hit.seconds, entry.key, entry.seed)
                r.optimization = hit.optimization
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
            // The level the program is built at: the key's, or -Onone for a notebook whose last run took a blink.
            let buildFlags = OptimizationTier.buildFlags(
                requested: plan.context.flags, levelIsExplicit: optimize != nil || document.frontMatter.optimizeIsExplicit,
                lastRun: launcher == nil && !paramsAtRunTime ? OptimizationTier.lastRun(previous, in: cache) : nil)
            try execute(document, params: params, plan: plan, flags: buildFlags, into: &result)
            let firstChange = CacheExplanation.firstChange(plan: plan, previous: previous)
            for (position, entry) in plan.entries.enumerated() {
                guard var r = result.cells[entry.index], r.cache != .notRun else { continue }
                if position < firstMiss {
                    r.cache = .rebuilt
                    r.reason = "unchanged, but re-run to rebuild the state of the cell at line \(lineOf(plan.entries[firstMiss].index))"
                } else {
                    r.reason = CacheExplanation.whyMissed(
                        position: position, plan: plan, previous: previous,
                        firstChange: firstChange, lineOf: lineOf)
                }
                result.cells[entry.index] = r
            }
        }
        if result.compileErrors.isEmpty { applyErrorPolicies(document, &result) }
        try? cache?.storeRecord(ExecutionRecord(context: plan.context, entries: plan.entries), for: document.path)
        return result
    }

    /// Default policy `stop`: a failed cell fails the render. `allow`: shown, not a failure.
    /// `expected`: the cell must fail. Applied after the fact, so it is not part of the cache key.
    func applyErrorPolicies(_ document: Document, _ result: inout RunResult) {
        let cells = document.cells
        for cell in cells where cell.options.eval {
            guard let r = result.cells[cell.index] else { continue }
            switch (r.status, cell.options.error) {
            case (.failed(let error), .stop):
                result.failures.append(
                    Diagnostic(
                        file: document.path, line: error.line ?? cell.firstLine,
                        column: error.column ?? 1, message: error.message))
            case (.succeeded, .expected):
                result.failures.append(
                    Diagnostic(
                        file: document.path, line: cell.firstLine,
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
