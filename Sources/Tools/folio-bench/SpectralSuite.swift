import Foundation
import Tensor

/// Suite `spectral`: FFTs against numpy.fft and an einsum tensor network against
/// numpy.einsum(optimize=True), the same workloads as `scripts/peers/spectral.py`.
enum SpectralSuite {
    /// The complex signal whose real parts are TensorSuite.data(p: 7919) and imaginary parts p: 104729.
    static func signal(_ shape: [Int]) -> ComplexTensor<Double> {
        ComplexTensor(real: TensorSuite.data(shape, 7919, as: Double.self), imaginary: TensorSuite.data(shape, 104_729, as: Double.self))
    }

    /// Throughput in millions of input points per second.
    static func transform(_ name: String, _ count: Int, _ body: @escaping () -> Void) -> BenchCase {
        BenchCase(suite: "spectral", name: name, unit: "Mpoint/s", rate: { Double(count) / $0 / 1e6 }, body: body)
    }

    static func cases() -> [BenchCase] {
        var out: [BenchCase] = []
        for n in [1024, 65536, 1000, 1009] {
            let x = signal([n])
            out.append(transform("fft-c128-\(n)", n) { _ = x.fft() })
        }
        let real = TensorSuite.data([65536], 7919, as: Double.self)
        out.append(transform("rfft-f64-65536", 65536) { _ = real.rfft() })
        let image = signal([512, 512])
        out.append(transform("fft2-c128-512", 512 * 512) { _ = image.fft2() })
        // A ring of four 3-tensors contracted to a number, every bond 32: numpy.einsum(optimize=True)
        // contracts it pairwise too (a network whose pairwise intermediates exceed its memory limit it
        // runs as one 7-index loop, seconds per call, which would compare nothing).
        let d = 32
        let network = [7919, 104_729, 15_485_863, 32_452_843].map { TensorSuite.data([d, d, d], $0, as: Double.self) }
        out.append(
            BenchCase(suite: "spectral", name: "einsum-ring-32", unit: "calls/s", rate: { 1 / $0 }) {
                _ = einsum("ijk,jkl,lmn,mni->", network)
            })
        if let only = ProcessInfo.processInfo.environment["FOLIO_BENCH_CASES"] {
            let names = Set(only.split(separator: ",").map(String.init))
            return out.filter { names.contains($0.name) }
        }
        return out
    }
}
