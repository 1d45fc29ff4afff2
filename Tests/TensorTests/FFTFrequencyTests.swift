import XCTest
import TestSupport
@testable import Tensor

/// fftfreq / rfftfreq against NumPy's values for even, odd and spaced lengths.
final class FFTFrequencyTests: XCTestCase {
    func testFrequenciesMatchNumPy() throws {
        let cases: [(n: Int, spacing: Double)] = [(1, 1), (4, 1), (5, 1), (8, 0.1), (9, 2.5)]
        let code =
            "import numpy as np\n"
            + cases.map { c in
                "print(' '.join(repr(float(v)) for v in np.fft.fftfreq(\(c.n), d=\(c.spacing))))\n"
                    + "print(' '.join(repr(float(v)) for v in np.fft.rfftfreq(\(c.n), d=\(c.spacing))))\n"
            }.joined()
        let lines = try Tools.python(code).split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        XCTAssertEqual(lines.count, 2 * cases.count)
        for (i, c) in cases.enumerated() {
            let full = Tensor<Double>.fftfreq(c.n, spacing: c.spacing).scalars
            let half = Tensor<Double>.rfftfreq(c.n, spacing: c.spacing).scalars
            XCTAssertEqual(full.count, lines[2 * i].count, "fftfreq(\(c.n))")
            XCTAssertEqual(half.count, lines[2 * i + 1].count, "rfftfreq(\(c.n))")
            for (a, b) in zip(full, lines[2 * i]) { XCTAssertEqual(a, b, accuracy: 1e-15 * max(1, abs(b)), "fftfreq(\(c.n))") }
            for (a, b) in zip(half, lines[2 * i + 1]) { XCTAssertEqual(a, b, accuracy: 1e-15 * max(1, abs(b)), "rfftfreq(\(c.n))") }
        }
    }
}
