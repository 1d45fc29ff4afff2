import Yams

/// Where a notebook's program runs: here (the default) or as Slurm tasks, with the
/// submission options of front matter `execute: {on: slurm, partition:, time:, cpus:, mem:,
/// account:, extra: [...]}`. `folio render --on` overrides `on`.
public struct ExecutionSite: Equatable, Sendable {
    /// The two places a program can run.
    public enum Place: String, Equatable, Sendable { case local, slurm }

    /// `execute.on`; `local` unless the front matter or `--on` says otherwise.
    public var on: Place = .local
    /// `sbatch --partition`.
    public var partition: String?
    /// `sbatch --time`, in Slurm's own forms (`30`, `1:00:00`, `2-0`): Slurm's limit per task.
    public var time: String?
    /// `sbatch --cpus-per-task`; the task's tensor threads follow it.
    public var cpus: Int?
    /// `sbatch --mem` (`4G`, `500M`).
    public var mem: String?
    /// `sbatch --account`.
    public var account: String?
    /// More `sbatch` arguments, passed as written (`--qos=short`, `--constraint=avx2`).
    public var extra: [String] = []
    /// Where `execute.on` is written, for errors about it.
    public var line = 1

    /// Creates the default site: here.
    public init() {}

    /// The `execute` keys this type reads.
    static let keys: Set<String> = ["on", "partition", "time", "cpus", "mem", "account", "extra"]

    /// Reads one `execute` key.
    ///
    /// - Parameters:
    ///   - key: one of `keys`.
    ///   - value: its YAML value.
    ///   - fail: makes the diagnostic at the key's line and column.
    /// - Throws: a `Diagnostic` for a value of the wrong kind.
    mutating func read(_ key: String, _ value: Yams.Node, line: Int, fail: (String) -> Diagnostic) throws {
        func text() throws -> String {
            guard let s = value.string, !s.isEmpty, !s.contains("\n") else { throw fail("execute.\(key) needs a text value on one line") }
            return s
        }
        switch key {
        case "on":
            guard let place = value.string.flatMap(Place.init(rawValue:)) else { throw fail("execute.on must be local or slurm") }
            (on, self.line) = (place, line)
        case "partition": partition = try text()
        case "time":
            // A Slurm time: digits with `-` and `:` ("30", "0:30", "1-12:00:00").
            let t = try text()
            guard t.first?.isNumber == true, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "-") }) else {
                throw fail("execute.time needs a Slurm time such as 30 (minutes), 1:00:00 or 2-0 (days-hours), got '\(t)'")
            }
            time = t
        case "cpus":
            guard let n = value.int, n > 0, n <= 4096 else { throw fail("execute.cpus needs a whole number from 1 to 4096") }
            cpus = n
        case "mem":
            let m = try text()
            guard m.first?.isNumber == true, m.allSatisfy({ $0.isASCII && ($0.isNumber || "KMGTkmgt".contains($0)) }) else {
                throw fail("execute.mem needs a size such as 500M or 4G, got '\(m)'")
            }
            mem = m
        case "account": account = try text()
        case "extra":
            let items = value.string != nil ? [value] : (value.sequence.map(Array.init) ?? [])
            guard !items.isEmpty, items.allSatisfy({ ($0.string ?? "").hasPrefix("-") }) else {
                throw fail("execute.extra needs a list of sbatch options, each starting with -")
            }
            extra = items.compactMap(\.string)
        default: break
        }
    }
}
