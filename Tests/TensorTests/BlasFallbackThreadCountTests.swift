import Foundation
import XCTest
@testable import Tensor

/// The products Gemm.c declines go to OpenBLAS, whose own threading splits a product by the
/// thread count and so changes its last bits (BlockedBLAS.swift). Tensor runs it on one
/// OpenBLAS thread in blocks sized by the data; this checks the bits are the same for
/// FOLIO_THREADS = 1, 2, 3, 4 and 8. The kernel choice is fixed once per process, so each count
/// runs in a child process of this test bundle (the probe test below) with
/// FOLIO_TENSOR_ISA=avx2, which makes Gemm.c decline every product with a dimension above 96.
final class BlasFallbackThreadCountTests: XCTestCase {
    /// Shapes (m, k, n) that only OpenBLAS takes at the AVX2 level: square, tall, wide (split by
    /// columns), k beyond one block, and the transposes.
    static let shapes = [(300, 300, 300), (1031, 53, 97), (40, 500, 1200), (130, 2000, 101), (97, 97, 97)]

    func testFallbackProductsAreBitIdenticalOnEveryThreadCount() throws {
        let bundle = try XCTUnwrap(Bundle.main.executableURL, "no test bundle executable to run the probe with")
        var reference: [String]?
        for threads in [1, 2, 3, 4, 8] {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("blas-fallback-\(getpid())-\(threads).txt")
            defer { try? FileManager.default.removeItem(at: out) }
            var env = ProcessInfo.processInfo.environment
            env["FOLIO_THREADS"] = "\(threads)"
            env["FOLIO_TENSOR_ISA"] = "avx2"
            env["FOLIO_BLAS_PROBE_OUTPUT"] = out.path
            let p = Process()
            p.executableURL = bundle
            p.arguments = ["TensorTests.BlasFallbackThreadCountTests/testProbeWritesProductBits"]
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "probe at \(threads) threads failed")
            let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "threads \(threads) fallback", "the probe must run at this count, on OpenBLAS")
            let bits = Array(lines.dropFirst())
            XCTAssertEqual(bits.count, Self.shapes.count * 6)
            if let reference {
                for (i, (x, y)) in zip(reference, bits).enumerated() where x != y {
                    XCTFail("product \(i): bits differ at \(threads) threads from 1")
                }
            } else {
                reference = bits
            }
        }
    }

    /// Run only as the child above (FOLIO_BLAS_PROBE_OUTPUT set): every product's bits, one
    /// FNV-1a hash per product, after a first line naming the thread count and the path taken.
    func testProbeWritesProductBits() throws {
        guard let path = ProcessInfo.processInfo.environment["FOLIO_BLAS_PROBE_OUTPUT"] else { return }
        let allFallback = Self.shapes.allSatisfy { m, k, n in !gemmKernelTakes(m, n, k) }
        var lines = ["threads \(tensorThreads) " + (allFallback ? "fallback" : "own kernel")]
        for (m, k, n) in Self.shapes {
            let a = Tensor<Double>(shape: [m, k], scalars: (0..<m * k).map { Double(($0 * 7919) % 2001) / 1000 - 1 })
            let b = Tensor<Double>(shape: [k, n], scalars: (0..<k * n).map { Double(($0 * 104_729) % 2003) / 1000 - 1 })
            let af = a.asType(Float.self), bf = b.asType(Float.self)
            let products: [[UInt64]] = [
                matmul(a, b).scalars.map(\.bitPattern),
                matmul(af, bf).scalars.map { UInt64($0.bitPattern) },
                matmul(b, a, transposingA: true, transposingB: true).scalars.map(\.bitPattern),
                matmul(bf, af, transposingA: true, transposingB: true).scalars.map { UInt64($0.bitPattern) },
                matmul(a.T.contiguous(), b, transposingA: true).scalars.map(\.bitPattern),
                matmul(af, bf.T.contiguous(), transposingB: true).scalars.map { UInt64($0.bitPattern) },
            ]
            lines += products.map { bits in String(bits.reduce(14_695_981_039_346_656_037) { ($0 ^ $1) &* 1_099_511_628_211 }, radix: 16) }
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
