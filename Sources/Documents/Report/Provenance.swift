import Cores
import Foundation
import Storage
import Notebook
import OutputChannel
import Runner

/// What a render was made from and what it produced, written as `output/<name>/manifest.json`
/// so a figure in a paper can be traced to the code, data, seeds and machine behind it.
public struct Provenance: Codable, Sendable {
    public struct CellRecord: Codable, Sendable {
        public var index: Int
        public var line: Int
        public var label: String?
        public var seed: UInt64?
        public var key: String?
        /// reused, ran, rebuilt or not-run.
        public var cache: String
        public var reason: String
        public var seconds: Double
        /// SHA-256 of the cell's outputs as the channel encodes them.
        public var outputSHA256: String
        /// The optimisation level of the run the outputs came from (`RunResult.CellResult.optimization`).
        public var optimization: String?
    }

    public var tool: String
    public var notebook: String
    public var notebookSHA256: String
    public var compiler: String
    public var flags: [String]
    public var cpu: String
    public var threads: Int
    public var blasThreads: String?
    /// The threads the notebook program's kernels used: its available cores or FOLIO_THREADS
    /// (Cores; the program inherits this process's affinity, cgroup and environment).
    public var tensorThreads: Int
    public var seed: UInt64
    public var params: [String]
    public var inputs: [String: String]
    public var compilerInvocations: Int
    public var programRuns: Int
    public var cells: [CellRecord]
    /// Written file (relative to the output folder) → SHA-256 of its bytes.
    public var files: [String: String]

    public init(tool: String, document: Document, result: RunResult, compiler: String, files: [String: String]) {
        self.tool = tool
        notebook = document.path
        notebookSHA256 = FileManager.default.contents(atPath: document.path).map(SHA256.hex) ?? "unreadable"
        self.compiler = compiler
        flags = result.plan?.context.flags ?? []
        cpu = Self.cpuModel()
        threads = ProcessInfo.processInfo.activeProcessorCount
        blasThreads = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"]
        tensorThreads = Cores.resolved(warn: { _ in })
        seed = document.frontMatter.seed
        params = result.plan?.context.params ?? []
        inputs = result.plan?.context.inputs ?? [:]
        // Bibliography files are inputs of the text: their hashes say which .bib made the references.
        let folder = URL(fileURLWithPath: document.path).deletingLastPathComponent()
        for file in document.frontMatter.bibliography.files where inputs[file] == nil {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file)
            inputs[file] = FileManager.default.contents(atPath: url.path).map(SHA256.hex) ?? "unreadable"
        }
        compilerInvocations = result.compilerInvocations
        programRuns = result.programRuns
        let encoder = ChannelCoding.encoder()
        cells = document.cells.map { cell in
            let r = result.cells[cell.index]
            let outputs = r.flatMap { try? encoder.encode($0.outputs) } ?? Data()
            return CellRecord(
                index: cell.index, line: cell.firstLine, label: cell.options.label, seed: r?.seed, key: r?.key,
                cache: r?.cache.rawValue ?? "not-run", reason: r?.reason ?? "",
                seconds: ((r?.seconds ?? 0) * 1e4).rounded() / 1e4, outputSHA256: SHA256.hex(outputs),
                optimization: r?.optimization)
        }
        self.files = files
    }

    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }

    static func cpuModel() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") { return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        return "unknown"
    }
}
