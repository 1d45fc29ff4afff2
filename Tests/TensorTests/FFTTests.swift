import Foundation
import TestSupport
import XCTest
@testable import Tensor

/// fft/ifft/rfft/irfft/fft2 against NumPy's numpy.fft on the same inputs, for lengths that take
/// every path (radix 2, 3, 4, 5, direct primes, Bluestein), plus Parseval's identity.
final class FFTTests: XCTestCase {
    /// Lengths covering each radix, their mixtures, small direct primes and Bluestein primes.
    let lengths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 25, 30, 47, 49, 53, 64, 97, 100, 210, 243, 1000, 1009, 1024, 2310]

    /// Runs NumPy on `inputs` (name → list of reals) with `expression` per case, returning each
    /// case's values as a flat [Double] (complex results as re, im pairs).
    func numpy(_ cases: [(input: [Double], expression: String)]) throws -> [[Double]] {
        let data = try JSONSerialization.data(withJSONObject: cases.map(\.input))
        let path = uniqueTemporaryURL("fft-input.json")
        try data.write(to: path)
        let code = """
            import json, numpy as np
            inputs = json.load(open('\(path.path)'))
            out = []
            for x, e in zip(inputs, \(cases.map(\.expression))):
                x = np.array(x, dtype=float)
                y = np.asarray(eval(e))
                out.append(np.stack([y.real, y.imag], -1).ravel().tolist() if np.iscomplexobj(y) else y.ravel().tolist())
            print(json.dumps(out))
            """
        let text = try Tools.python(code)
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[Double]]
    }

    func assertClose(_ got: [Double], _ want: [Double], _ tolerance: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, want.count, "\(what): count", file: file, line: line)
        let scale = max(1, want.map { Swift.abs($0) }.max() ?? 1)
        let error = zip(got, want).map { Swift.abs($0 - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(error, tolerance * scale, "\(what): max error \(error)", file: file, line: line)
    }

    func testOneDimensionalTransformsMatchNumPyAtEveryLength() throws {
        var cases: [(input: [Double], expression: String)] = []
        for n in lengths {
            let x = lcgValues(2 * n, seed: UInt64(n))
            cases.append((x, "np.fft.fft(x[0::2] + 1j * x[1::2])"))
            cases.append((x, "np.fft.ifft(x[0::2] + 1j * x[1::2])"))
            cases.append((Array(x.prefix(n)), "np.fft.rfft(x)"))
            cases.append((Array(x.prefix(n)), "np.fft.irfft(np.fft.rfft(x) * (1 + 0.5j), n=len(x))"))
        }
        let want = try numpy(cases)
        for (i, n) in lengths.enumerated() {
            let x = lcgValues(2 * n, seed: UInt64(n))
            let z = ComplexTensor<Double>(realView: Tensor(shape: [n, 2], scalars: x))
            let tolerance = 1e-13 * log2(Double(max(n, 2)))
            assertClose(z.fft().realView.scalars, want[4 * i], tolerance, "fft(\(n))")
            assertClose(z.ifft().realView.scalars, want[4 * i + 1], tolerance, "ifft(\(n))")
            let real = Tensor<Double>(Array(x.prefix(n)))
            assertClose(real.rfft().realView.scalars, want[4 * i + 2], tolerance, "rfft(\(n))")
            let spectrum = real.rfft()
            let rotated = ComplexTensor<Double>(shape: spectrum.shape, scalars: spectrum.scalars.map { $0 * Complex(1, 0.5) })
            assertClose(rotated.irfft(n: n).scalars, want[4 * i + 3], tolerance, "irfft(\(n))")
        }
    }

    func testAxesLengthsAndNormsMatchNumPy() throws {
        let x = lcgValues(2 * 6 * 10, seed: 42)
        let z = ComplexTensor<Double>(realView: Tensor(shape: [6, 10, 2], scalars: x))
        let realInput = Array(x.prefix(60))
        let r = Tensor<Double>(shape: [6, 10], scalars: realInput)
        let zn = "(x[0::2] + 1j * x[1::2]).reshape(6, 10)"
        let cases: [(input: [Double], expression: String, got: [Double])] = [
            (x, "np.fft.fft(\(zn), axis=0)", z.fft(axis: 0).realView.scalars),
            (x, "np.fft.fft(\(zn), n=7, axis=0)", z.fft(n: 7, axis: 0).realView.scalars),
            (x, "np.fft.fft(\(zn), n=16)", z.fft(n: 16).realView.scalars),
            (x, "np.fft.ifft(\(zn), n=4, norm='ortho')", z.ifft(n: 4, norm: .ortho).realView.scalars),
            (x, "np.fft.fft(\(zn), norm='forward')", z.fft(norm: .forward).realView.scalars),
            (x, "np.fft.ifft(\(zn), norm='forward')", z.ifft(norm: .forward).realView.scalars),
            (x, "np.fft.fft2(\(zn))", z.fft2().realView.scalars),
            (x, "np.fft.ifft2(\(zn), s=(5, 12))", z.ifft2(s: [5, 12]).realView.scalars),
            (x, "np.fft.fftn(\(zn).reshape(3, 2, 10), axes=(0, 2))", z.reshaped([3, 2, 10]).fftn(axes: [0, 2]).realView.scalars),
            (realInput, "np.fft.rfft(x.reshape(6, 10), axis=0)", r.rfft(axis: 0).realView.scalars),
            (realInput, "np.fft.rfft(x.reshape(6, 10), n=13, norm='ortho')", r.rfft(n: 13, norm: .ortho).realView.scalars),
            (realInput, "np.fft.irfft(x.reshape(6, 10) + 0j, axis=0)", r.complex().irfft(axis: 0).scalars),
            (realInput, "np.fft.irfft(x.reshape(6, 10) + 0.25j, n=7, norm='forward')", r.complex().irfft(n: 7, norm: .forward).scalars.map { $0 }),
            (realInput, "np.fft.fft(x.reshape(6, 10), axis=1)", r.fft(axis: 1).realView.scalars),
            (realInput, "np.fft.fft2(x.reshape(6, 10))", r.fft2().realView.scalars),
        ]
        let want = try numpy(cases.map { ($0.input, $0.expression) })
        for (c, w) in zip(cases, want) {
            if c.expression.contains("+ 0.25j") {
                let shifted = ComplexTensor<Double>(real: r, imaginary: Tensor(shape: [6, 10], repeating: 0.25))
                assertClose(shifted.irfft(n: 7, norm: .forward).scalars, w, 1e-13, c.expression)
            } else {
                assertClose(c.got, w, 1e-13, c.expression)
            }
        }
    }

    func testParsevalAndRoundTripInBothPrecisions() {
        for n in [17, 128, 1000, 1009, 4096] {
            let x = ComplexTensor<Double>(realView: Tensor(shape: [n, 2], scalars: lcgValues(2 * n, seed: 7)))
            let energy = x.abs2().sum()
            let spectrum = x.fft(norm: .ortho)
            XCTAssertEqual(spectrum.abs2().sum(), energy, accuracy: 1e-12 * energy, "Parseval, n = \(n)")
            XCTAssertLessThan(maxDiff(x.fft().ifft().realView, x.realView), 1e-13, "ifft∘fft, n = \(n)")
            let real = x.real
            XCTAssertLessThan(maxDiff(real.rfft().irfft(n: n), real), 1e-13, "irfft∘rfft, n = \(n)")
            let single = Tensor<Float>(shape: [n], scalars: real.scalars.map { Float($0) })
            let error = zip(single.rfft().irfft(n: n).scalars, single.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(error, 2e-6, "Float irfft∘rfft, n = \(n)")
            let fromFloat = single.rfft().realView.scalars.map { Double($0) }
            let fromDouble = real.rfft().realView.scalars
            let spread = zip(fromFloat, fromDouble).map { Swift.abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(spread, 1e-5 * Double(n).squareRoot(), "Float rfft against Double, n = \(n)")
        }
    }

    func testEmptyLeadingAxesAndLengthOne() {
        let empty = ComplexTensor<Double>.zeros([0, 8])
        XCTAssertEqual(empty.fft().shape, [0, 8])
        let one = ComplexTensor<Double>(real: [3])
        XCTAssertEqual(one.fft().scalars, [Complex(3, 0)])
        XCTAssertEqual(Tensor<Double>([2, 4]).rfft().scalars, [Complex(6, 0), Complex(-2, 0)])
    }
}
