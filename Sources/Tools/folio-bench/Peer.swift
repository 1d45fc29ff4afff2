import Foundation

/// Runs the same workloads in a peer (NumPy, …) through `scripts/peers/<suite>.py`, which
/// prints one JSON object per case and peer: {"case": …, "peer": …, "seconds": …} (a suite may
/// have several peers — NumPy, PyTorch, JAX — each giving its own row).
enum Peer {
    struct Timing: Decodable { var `case`: String; var peer: String; var seconds: Double }

    static func run(suite: String, cases: [String], root: URL) throws -> [String: [Timing]] {
        let script = root.appendingPathComponent("scripts/peers/\(suite).py")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path] + cases
        // OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set on these machines for old OpenBLAS builds;
        // they slow NumPy's current one, so the peer runs without them (never handicap the peer).
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_CORETYPE"] = nil
        env["OPENBLAS_L2_SIZE"] = nil
        env["FOLIO_BENCH_BUDGET"] = String(Bench.budget)
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(
                domain: "folio-bench", code: Int(p.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: "peer \(script.lastPathComponent) failed"])
        }
        var result: [String: [Timing]] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let t = try JSONDecoder().decode(Timing.self, from: Data(line))
            result[t.case, default: []].append(t)
        }
        return result
    }
}
