import Foundation

/// One benchmark workload. `rate` turns seconds per call into the reported value (higher is better).
struct BenchCase {
    var suite: String
    var name: String
    var unit: String
    var rate: (Double) -> Double
    var body: () -> Void
    /// For a Folio-only ratio row (no peer): the value is time(body) / time(baseline), which
    /// should stay ≤ `bound` (e.g. backward / forward ≤ 3). Reported with peer "bound", whose
    /// ratio bound / value is ≥ 1 when it holds, like every other row.
    var baseline: (() -> Void)? = nil
    var bound: Double? = nil
}

struct Row: Encodable {
    var suite, `case`, unit: String
    var value: Double
    var peer: String
    var peer_value: Double
    /// Folio's speed over the peer's: > 1 means Folio is faster.
    var ratio: Double
}

// `folio-bench [suite…]`: all suites by default. Peers run in the same invocation.
let suites: [String: () -> [BenchCase]] = [
    "tensor": TensorSuite.cases,
    "math": MathSuite.cases,
    "plot": PlotSuite.cases,
    "plot-stats": PlotStatsSuite.cases,
    "report": ReportSuite.cases,
    "runner": { RunnerSuite.cases() + (RunnerSuite.wants("slurm-sweep-16") ? SlurmRunnerRow.cases() : []) },
    "runner-slurm": SlurmRunnerRow.cases,  // the slurm-sweep-16 row alone (it starts its own cluster)
    "runner-local": RunnerSuite.cases,  // the runner rows without Slurm (cold-scaling-500-1000 where no cluster starts)
    "autograd": AutogradSuite.cases,
    "theory": TheorySuite.cases,
    "citations": CitationSuite.cases,
    "report-citations": ReportCitationSuite.cases,
    "spectral": SpectralSuite.cases,
    "attention": AttentionSuite.cases,
    "preview": PreviewSuite.cases,
    "channel": ChannelSuite.cases,
    "conv": ConvSuite.cases,
    "conv-method": ConvMethodSuite.cases,
]
let wanted = CommandLine.arguments.dropFirst().isEmpty ? suites.keys.sorted() : Array(CommandLine.arguments.dropFirst())
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

var rows: [Row] = []
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
for suite in wanted {
    guard let make = suites[suite] else {
        FileHandle.standardError.write(Data("folio-bench: unknown suite '\(suite)' (known: \(suites.keys.sorted().joined(separator: ", ")))\n".utf8))
        exit(4)
    }
    let cases = make()
    for c in cases {
        if let baseline = c.baseline, let bound = c.bound {
            let value = Measure.ratioOfTimes(c.body, baseline)
            let row = Row(
                suite: c.suite, case: c.name, unit: c.unit, value: value, peer: "bound", peer_value: bound,
                ratio: bound / value)
            rows.append(row)
            print(String(decoding: try encoder.encode(row), as: UTF8.self))
            continue
        }
        // Rounds alternate the peer and Folio on the same case, and each round gives a ratio: the
        // median ratio is what a shared machine's swings in speed (±30 % here, over minutes) leave
        // alone, where one peer pass for the whole suite followed by Folio's pass did not.
        var ours: [Double] = []
        var peerNames: [String] = []
        var peerSamples: [String: [(seconds: Double, ratio: Double)]] = [:]
        for _ in 0..<Bench.rounds {
            let timings: [Peer.Timing]
            do { timings = try Peer.run(suite: suite, cases: [c.name], root: root)[c.name] ?? [] } catch {
                FileHandle.standardError.write(Data("folio-bench: \(error.localizedDescription)\n".utf8))
                exit(3)
            }
            if timings.isEmpty { break }  // no peer measures this case here
            let seconds = Measure.secondsPerCall(budget: Bench.budget, c.body)
            ours.append(seconds)
            for t in timings {
                if peerSamples[t.peer] == nil { peerNames.append(t.peer) }
                peerSamples[t.peer, default: []].append((t.seconds, t.seconds / seconds))
            }
        }
        for peer in peerNames {
            let samples = peerSamples[peer]!
            let row = Row(
                suite: c.suite, case: c.name, unit: c.unit, value: c.rate(Bench.median(ours)), peer: peer,
                peer_value: c.rate(Bench.median(samples.map(\.seconds))), ratio: Bench.median(samples.map(\.ratio)))
            rows.append(row)
            print(String(decoding: try encoder.encode(row), as: UTF8.self))
        }
    }
}

print("")
let header = ["suite", "case", "unit", "folio", "peer", "peer value", "ratio"]
let table = rows.map {
    [
        $0.suite, $0.case, $0.unit, String(format: "%.2f", $0.value), $0.peer,
        String(format: "%.2f", $0.peer_value), String(format: "%.2f×", $0.ratio),
    ]
}
let widths = header.indices.map { i in ([header[i]] + table.map { $0[i] }).map(\.count).max()! }
func line(_ cells: [String]) -> String {
    cells.enumerated().map { i, c in
        i >= 3
            ? String(repeating: " ", count: widths[i] - c.count) + c
            : c + String(repeating: " ", count: widths[i] - c.count)
    }.joined(separator: "  ")
}
print(line(header))
print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
table.forEach { print(line($0)) }
