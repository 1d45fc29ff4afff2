import XCTest
import TestSupport
@testable import Tensor

final class NPYTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = try makeTemporaryFolder("npy")
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testRoundTripAllTypes() throws {
        let f = Tensor<Float>(shape: [2, 3], scalars: [1, -2.5, .pi, 0, 1e-30, -7])
        let d = lcgTensor([4, 1, 3], seed: 2)
        let i = IntTensor(shape: [3], scalars: [Int.min, 0, 42])
        let b = BoolTensor(shape: [2, 2], scalars: [true, false, false, true])
        let s = Tensor<Double>(2.5)
        try f.save(npy: dir.appendingPathComponent("f.npy"))
        try d.save(npy: dir.appendingPathComponent("d.npy"))
        try i.save(npy: dir.appendingPathComponent("i.npy"))
        try b.save(npy: dir.appendingPathComponent("b.npy"))
        try s.save(npy: dir.appendingPathComponent("s.npy"))
        XCTAssertEqual(try Tensor<Float>(npy: dir.appendingPathComponent("f.npy")), f)
        XCTAssertEqual(try Tensor<Double>(npy: dir.appendingPathComponent("d.npy")), d)
        XCTAssertEqual(try IntTensor(npy: dir.appendingPathComponent("i.npy")), i)
        XCTAssertEqual(try BoolTensor(npy: dir.appendingPathComponent("b.npy")), b)
        XCTAssertEqual(try Tensor<Double>(npy: dir.appendingPathComponent("s.npy")), s)
        // The header is padded so the data starts on a 64-byte boundary.
        let raw = try Data(contentsOf: dir.appendingPathComponent("d.npy"))
        XCTAssertEqual((raw.count - 12 * 8) % 64, 0)
    }

    func testNumPyReadsOurFilesAndWeReadNumPys() throws {
        let d = lcgTensor([3, 4], seed: 3), f = d.asType(Float.self)
        try d.save(npy: dir.appendingPathComponent("d.npy"))
        try f.save(npy: dir.appendingPathComponent("f.npy"))
        try IntTensor([5, -6, 7]).save(npy: dir.appendingPathComponent("i.npy"))
        try BoolTensor([true, false]).save(npy: dir.appendingPathComponent("b.npy"))
        let p = dir.path
        let code = """
            import numpy as np
            d = np.load('\(p)/d.npy'); f = np.load('\(p)/f.npy'); i = np.load('\(p)/i.npy'); b = np.load('\(p)/b.npy')
            print(d.dtype, d.shape, f.dtype, i.dtype, i.tolist(), b.dtype, b.tolist())
            print(repr(float(d.sum())), repr(float(f.astype(np.float64).sum())))
            np.save('\(p)/from_numpy.npy', np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
            np.save('\(p)/ints.npy', np.array([[1, 2], [3, -4]], dtype=np.int64))
            np.save('\(p)/mask.npy', np.array([True, False, True]))
            """
        let out = try Tools.python(code)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "float64 (3, 4) float32 int64 [5, -6, 7] bool [True, False]")
        let sums = lines[1].split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(sums[0], d.scalars.reduce(0, +), accuracy: 1e-15)  // bit-exact data, summed in another order
        XCTAssertEqual(sums[1], f.scalars.map(Double.init).reduce(0, +), accuracy: 1e-12)
        XCTAssertEqual(
            try Tensor<Float>(npy: dir.appendingPathComponent("from_numpy.npy")),
            Tensor<Float>(shape: [2, 3], scalars: [0, 0.25, 0.5, 0.75, 1, 1.25]))
        XCTAssertEqual(try IntTensor(npy: dir.appendingPathComponent("ints.npy")), IntTensor(shape: [2, 2], scalars: [1, 2, 3, -4]))
        XCTAssertEqual(try BoolTensor(npy: dir.appendingPathComponent("mask.npy")).scalars, [true, false, true])
    }

    func testBadFilesThrowNamedErrors() throws {
        let bad = dir.appendingPathComponent("bad.npy")
        try Data("hello".utf8).write(to: bad)
        XCTAssertThrowsError(try Tensor<Double>(npy: bad)) { e in
            XCTAssertEqual("\(e)", "npy \(bad.path): not a .npy file (bad magic)")
        }
        try IntTensor([1]).save(npy: bad)
        XCTAssertThrowsError(try Tensor<Double>(npy: bad)) { e in XCTAssertTrue("\(e)".contains("'<i8' is not float32/float64")) }
    }
}
