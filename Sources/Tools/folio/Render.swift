import ArgumentParser
import Foundation
import Notebook
import Report
import Runner

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a notebook's cells and write its PDF, HTML page and figures.",
        discussion:
            "With no paths, renders every .md file in notebooks/. Results are cached (see `folio cache clear`). Exit codes: 0 success, 1 a cell failed at run time, 2 a compile error, 3 a render error, 4 a usage or configuration error, 5 warnings under --strict."
    )

    @Argument(help: "Notebook files or folders of notebooks (default: notebooks/).")
    var paths: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Folder for the rendered files.")
    var output = "output"

    @Option(
        name: [.customShort("P"), .customLong("param")],
        help: "Override a front-matter parameter: -P name=value; -P name=a,b or repeated -P name=… sweeps it (README, \"Sweeps\").")
    var params: [String] = []

    @Option(help: "Resolution of the PNG figure files, in dots per inch.")
    var dpi: Double = 200

    @Option(
        name: [.customShort("j"), .customLong("jobs")],
        help: "Render this many notebooks at once (default: one per two available cores; README, \"Cores\").")
    var jobs: Int?

    @Flag(
        inversion: .prefixedNo,
        help: "Compile cells with -O (the default) or -Onone, over front matter `execute: {optimize: …}` (README, \"Cells run optimised\").")
    var optimize: Bool?

    @Flag(help: "Say for each cell whether it ran or was reused from the cache, and why.")
    var explain = false

    @Flag(name: .customLong("no-cache"), help: "Ignore and do not update the result cache.")
    var noCache = false

    @Flag(help: "Treat every warning as an error: a notebook with any is not published (exit 5).")
    var strict = false

    @Option(help: "Where the programs run: local, or slurm (README, \"Running on a cluster\"); overrides front matter execute.on.")
    var on: ExecutionSite.Place?

    @Option(help: "With --on slurm: submit a failed task again up to this many times.")
    var retry = 0

    /// PNG resolutions that make sense for figures: a 6.5 in figure at 2400 dpi is 15 600 px wide,
    /// well inside Cairo's 32 767 px limit and a few hundred MB of pixels at most.
    static let dpiRange = 10.0...2400.0

    func run() throws {
        Interrupts.install()
        var overrides: [String: String] = [:], pairs: [(String, String)] = []
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                FileHandle.standardError.write("folio: error: -P expects name=value, got '\(p)'\n")
                throw FolioExit.usageError
            }
            overrides[String(p[..<eq])] = String(p[p.index(after: eq)...])
            pairs.append((String(p[..<eq]), String(p[p.index(after: eq)...])))
        }
        if retry < 0 || retry > 100 {
            FileHandle.standardError.write("folio: error: --retry expects a number of retries from 0 to 100, got \(retry)\n")
            throw FolioExit.usageError
        }
        if let jobs, jobs < 1 {
            FileHandle.standardError.write("folio: error: -j expects a number of notebooks ≥ 1, got \(jobs)\n")
            throw FolioExit.usageError
        }
        guard dpi.isFinite, (Self.dpiRange).contains(dpi) else {
            FileHandle.standardError.write(
                "folio: error: --dpi expects a resolution from \(Int(Self.dpiRange.lowerBound)) to \(Int(Self.dpiRange.upperBound)) dots per inch, got \(dpi)\n"
            )
            throw FolioExit.usageError
        }
        let files: [String]
        do { files = try PublishedNames.distinct(try notebookFiles(), output: output) } catch let d as Diagnostic {
            FileHandle.standardError.write("\(d)\n")
            throw FolioExit.usageError
        }
        do { try RequiredFonts.check() } catch {
            FileHandle.standardError.write("folio: error: \(error)\n")
            throw FolioExit.usageError
        }
        let toolchain: Toolchain
        do { toolchain = try Toolchain.locate() } catch {
            FileHandle.standardError.write("folio: error: \(error)\n")
            throw FolioExit.usageError
        }
        let job = RenderJob(
            toolchain: toolchain, overrides: overrides, output: URL(fileURLWithPath: output),
            dpi: dpi, optimize: optimize, explain: explain, strict: strict,
            cache: noCache ? nil : ResultCache(root: toolchain.cacheDirectory), sweepParams: SweepPlan.group(pairs),
            on: on, retries: retry)
        // Notebooks render in parallel; their messages are printed afterwards in input order,
        // so the terminal output does not depend on scheduling.
        let outcomes = Outcomes(count: files.count)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = try CoreShare.apply(requestedJobs: jobs, notebooks: files.count)
        for (i, file) in files.enumerated() {
            queue.addOperation { outcomes.set(i, job.render(file)) }
        }
        queue.waitUntilAllOperationsAreFinished()
        Interrupts.holdIfStopping()
        var worst: Int32 = 0
        for outcome in outcomes.all {
            if !outcome.stdout.isEmpty { print(outcome.stdout, terminator: "") }
            if !outcome.stderr.isEmpty { FileHandle.standardError.write(outcome.stderr) }
            if outcome.code != 0 && (worst == 0 || outcome.code > worst) { worst = outcome.code }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    func notebookFiles() throws -> [String] { try Self.notebookFiles(paths) }

    /// The notebooks to render: given files, `.md` files in given folders, or `notebooks/`.
    static func notebookFiles(_ paths: [String]) throws -> [String] {
        let fm = FileManager.default
        let inputs = paths.isEmpty ? ["notebooks"] : paths
        var files: [String] = []
        for p in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                throw Diagnostic(file: p, line: 1, message: "no such file or folder")
            }
            if isDir.boolValue {
                let entries = try fm.contentsOfDirectory(atPath: p).filter { $0.hasSuffix(".md") }.sorted()
                files += entries.map { (p as NSString).appendingPathComponent($0) }
            } else {
                files.append(p)
            }
        }
        return files
    }
}

/// Results of parallel renders, by input position.
final class Outcomes: @unchecked Sendable {
    private var items: [RenderJob.Outcome]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: .init(code: 0), count: count) }
    func set(_ i: Int, _ o: RenderJob.Outcome) { lock.lock(); items[i] = o; lock.unlock() }
    var all: [RenderJob.Outcome] { lock.lock(); defer { lock.unlock() }; return items }
}

extension FileHandle {
    func write(_ s: String) { write(Data(s.utf8)) }
}

extension ExecutionSite.Place: ExpressibleByArgument {}
