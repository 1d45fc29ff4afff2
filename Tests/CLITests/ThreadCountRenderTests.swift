import Foundation
import TestSupport
import XCTest

/// The same bits on 1, 2, 3, 4 and 8 threads as a user gets them: `folio render` with an
/// explicit `FOLIO_THREADS`, so the count reaches the program through its environment (Cores)
/// and sizes the pool from its first use, as in a real render — not a count switched inside one
/// process, which the unit tests (ThreadCountTests, ThreadCountProbeTests) do. The notebook runs
/// the pool's elementwise and reduction kernels, gemm, sampling and the theory probes, and
/// prints a digest of every bit; each manifest records the count it ran on.
final class ThreadCountRenderTests: CLITestCase {
    static let notebook = """
        ---
        title: Threads
        inputs: [round.txt]
        ---

        ```swift
        // Small sizes take the threaded paths too.
        parallelThreshold = 256
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ xs: [Double]) { for x in xs { digest = (digest ^ x.bitPattern) &* 0x100_0000_01b3 } }
        var rng = RNG(seed: 7)
        let a = rng.normal([97, 101], as: Double.self), b = rng.normal([101, 103], as: Double.self)
        mix(matmul(a, b).scalars)
        mix(matmul(b, a, transposingA: true, transposingB: true).scalars)
        mix(matmul(a.asType(Float.self), b.asType(Float.self)).scalars.map(Double.init))
        mix((tanh(a * 0.5) + exp(a) / (a * a + 1)).scalars)
        mix(a.sum(axis: 0).scalars + a.sum(axis: 1).scalars + [a.sum(), a.logsumexp()])
        mix(a.softmax().scalars)
        mix(rng.normal([100_003], as: Double.self).scalars)
        let net = MLP<Double>(widths: [2, 30, 30, 5], activation: .relu, outputActivation: .relu, seed: 4)
        mix(TrajectoryLength.measure(net, along: Curves.circle(points: 3001), closed: true))
        let x = rng.normal([300, 2], as: Double.self), y = rng.normal([300, 1], as: Double.self)
        let small = MLP<Double>(widths: [2, 32, 32, 1], activation: .relu, seed: 2)
        let d1 = Directions.random(like: small.parameters, normalisation: .filter, seed: 4)
        let d2 = Directions.random(like: small.parameters, normalisation: .filter, seed: 5)
        let grid = LossLandscape<Double>.grid(span: 1, count: 9)
        mix(LossLandscape(small, x: x, y: y).surface(d1, d2, alphas: grid, betas: grid).values)
        print("digest", String(digest, radix: 16))
        ```
        """

    func testEveryThreadCountRendersTheSameBits() throws {
        try write("notebooks/threads.md", Self.notebook)
        var reports: [Int: Data] = [:]
        var digests: [Int: String] = [:]
        for threads in [1, 2, 3, 4, 8] {
            // A new input each time: the cell runs again (the count is not part of its key), the program is not recompiled.
            try write("notebooks/round.txt", "\(threads)\n")
            let r = try folio(["render", "notebooks/threads.md"], environment: ["FOLIO_THREADS": "\(threads)"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let data = try Data(contentsOf: dir.appendingPathComponent("output/threads/manifest.json"))
            let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(manifest["tensorThreads"] as? Int, threads, "the manifest records the count the program ran on")
            let text = try pdftotext("output/threads.pdf")
            // The printed line, the last "digest " of the report (the code above it shows the word too).
            digests[threads] = text.components(separatedBy: "digest ").last.map { String($0.prefix { $0.isHexDigit }) }
            // The report itself: the same words on every count.
            reports[threads] = Data(text.utf8)
        }
        let one = try XCTUnwrap(digests[1] ?? nil)
        XCTAssertGreaterThan(one.count, 8)
        for threads in [2, 3, 4, 8] {
            XCTAssertEqual(digests[threads], one, "\(threads) threads computed other bits than 1")
            XCTAssertEqual(reports[threads], reports[1], "the report on \(threads) threads differs from 1")
        }
    }
}
