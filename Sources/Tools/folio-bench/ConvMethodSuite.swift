import Foundation
import Tensor

/// Suite `conv-method`: where FFT convolution overtakes im2col + gemm. For conv1d on length 4096
/// (kernels 3…1023) and conv2d on 256² (kernels 3…63), one and several channels, f32 and f64,
/// valid padding: a row `…-fft-over-direct` times the FFT path against the direct one (peer
/// "bound" 1: a ratio above 1 means the FFT path is the faster), and a row `…-auto` times the
/// method `.auto` picks against `scripts/peers/conv-method.py` (scipy.signal.fftconvolve, and
/// numpy.correlate for 1-D). FOLIO_BENCH_CASES (comma-separated names) runs a subset.
enum ConvMethodSuite {
    /// One workload: its name's stem, and the convolution by a given method.
    struct Shape {
        var stem: String
        var run: (ConvolutionMethod) -> Void
    }

    static func shapes<T: TensorScalar>(_: T.Type, _ tag: String) -> [Shape] {
        var out: [Shape] = []
        for c in [1, 8] {
            for k in [3, 7, 15, 31, 63, 127, 255, 1023] {
                let x = TensorSuite.data([1, c, 4096], 7919, as: T.self), w = TensorSuite.data([c, c, k], 104_729, as: T.self)
                out.append(Shape(stem: "conv1d-\(tag)-L4096-c\(c)-k\(k)") { _ = conv1d(x, w, method: $0) })
            }
        }
        for c in [1, 4] {
            for k in [3, 5, 7, 11, 15, 31, 63] {
                let x = TensorSuite.data([1, c, 256, 256], 7919, as: T.self), w = TensorSuite.data([c, c, k, k], 104_729, as: T.self)
                out.append(Shape(stem: "conv2d-\(tag)-256-c\(c)-k\(k)") { _ = conv2d(x, w, method: $0) })
            }
        }
        return out
    }

    static func cases() -> [BenchCase] {
        var out: [BenchCase] = []
        for shape in shapes(Float.self, "f32") + shapes(Double.self, "f64") {
            out.append(
                BenchCase(
                    suite: "conv-method", name: "\(shape.stem)-fft-over-direct", unit: "t(fft)/t(direct)", rate: { $0 },
                    body: { shape.run(.fft) }, baseline: { shape.run(.direct) }, bound: 1))
            out.append(BenchCase(suite: "conv-method", name: "\(shape.stem)-auto", unit: "calls/s", rate: { 1 / $0 }) { shape.run(.auto) })
        }
        if let only = ProcessInfo.processInfo.environment["FOLIO_BENCH_CASES"] {
            let names = Set(only.split(separator: ",").map(String.init))
            return out.filter { names.contains($0.name) }
        }
        return out
    }
}
