import XCTest
import TestSupport
@testable import Tensor

final class ElementwiseTests: XCTestCase {
    /// Reference broadcasting by explicit index arithmetic (NumPy's rule spelled out).
    func naiveBroadcast(_ a: Tensor<Double>, _ b: Tensor<Double>, _ f: (Double, Double) -> Double) -> Tensor<Double> {
        let r = max(a.rank, b.rank)
        let pa = [Int](repeating: 1, count: r - a.rank) + a.shape, pb = [Int](repeating: 1, count: r - b.rank) + b.shape
        let shape = zip(pa, pb).map { $0 == 1 ? $1 : $0 }  // 1 stretches, even to 0
        var out: [Double] = []
        let total = shape.reduce(1, *)
        for flat in 0..<total {
            var rem = flat, idx = [Int](repeating: 0, count: r)
            for ax in stride(from: r - 1, through: 0, by: -1) { idx[ax] = rem % shape[ax]; rem /= shape[ax] }
            var oa = 0, ob = 0
            for ax in 0..<r {
                oa = oa * pa[ax] + (pa[ax] == 1 ? 0 : idx[ax])
                ob = ob * pb[ax] + (pb[ax] == 1 ? 0 : idx[ax])
            }
            out.append(f(a.scalars[oa], b.scalars[ob]))
        }
        return Tensor(shape: shape, scalars: out)
    }

    func testBroadcastingMatchesIndexArithmetic() {
        let cases: [([Int], [Int])] = [
            ([3, 4], [4]), ([3, 1], [1, 4]), ([2, 3, 4], [3, 1]), ([1], [2, 2]),
            ([], [2, 3]), ([5, 1, 3], [1, 4, 1]), ([2, 3], [2, 3]), ([0, 3], [3]),
        ]
        for (i, (sa, sb)) in cases.enumerated() {
            let a = lcgTensor(sa, seed: UInt64(i)), b = lcgTensor(sb, seed: UInt64(i + 50))
            XCTAssertEqual(a + b, naiveBroadcast(a, b, +), "\(sa) + \(sb)")
            XCTAssertEqual(a - b, naiveBroadcast(a, b, -), "\(sa) - \(sb)")
            XCTAssertEqual(b * a, naiveBroadcast(b, a, *), "\(sb) * \(sa)")
            XCTAssertEqual(a / b, naiveBroadcast(a, b, /), "\(sa) / \(sb)")
            XCTAssertEqual(maximum(a, b), naiveBroadcast(a, b, Swift.max))
            XCTAssertEqual(minimum(a, b), naiveBroadcast(a, b, Swift.min))
        }
    }

    func testBroadcastShapesAgreeWithNumPy() throws {
        let pairs = [([8, 1, 6, 1], [7, 1, 5]), ([5, 4], [1]), ([15, 3, 5], [15, 1, 5]), ([3], [4, 1]), ([], [3])]
        func tuple(_ s: [Int]) -> String { "(" + s.map { "\($0)," }.joined() + ")" }
        let code = "import numpy as np\n" + pairs.map { "print(list(np.broadcast_shapes(\(tuple($0.0)), \(tuple($0.1)))))" }.joined(separator: "\n")
        let out = try Tools.python(code)
        let expected = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(pairs.map { "\(broadcastShapes("t", $0.0, $0.1))" }, expected)
    }

    func testShapeErrorsNameTheOperationAndShapes() {
        XCTAssertEqual(
            checkedBroadcast("+", [2, 3], [4, 3]),
            .failure(ShapeError(message: "+: shapes [2, 3] and [4, 3] cannot be broadcast together (axis 0: 2 vs 4)")))
        XCTAssertEqual(checkedBroadcast("where", [3], [2, 1]), .success([2, 3]))
        XCTAssertEqual(
            checkedAxis("sum", 2, rank: 2),
            .failure(ShapeError(message: "sum: axis 2 is out of range for a tensor of rank 2")))
        XCTAssertEqual(checkedAxis("sum", -2, rank: 2), .success(0))
    }

    func testScalarOperandsAndCompoundAssignment() {
        var x = Tensor<Double>([1, 2, 3])
        XCTAssertEqual((2 * x + 1).scalars, [3, 5, 7])
        XCTAssertEqual((1 - x).scalars, [0, -1, -2])
        XCTAssertEqual((6 / x).scalars, [6, 3, 2])
        XCTAssertEqual((-x).scalars, [-1, -2, -3])
        XCTAssertEqual(pow(x, 2).scalars, [1, 4, 9])
        x += Tensor([1, 1, 1]); x *= 2
        XCTAssertEqual(x.scalars, [4, 6, 8])
    }

    func testMinimumPropagatesNaN() {
        let r = minimum(Tensor<Double>([1, .nan]), Tensor<Double>([.nan, 0]))
        XCTAssertTrue(r.scalars[0].isNaN && r.scalars[1].isNaN)
    }

    func testUnaryFunctionsMatchLibm() {
        let x = Tensor<Double>.linspace(-3, 3, count: 61)
        let pos = x * x + 0.01
        let pairs: [(Tensor<Double>, (Double) -> Double, String)] = [
            (exp(x), Foundation.exp, "exp"), (tanh(x), Foundation.tanh, "tanh"), (sin(x), Foundation.sin, "sin"),
            (cos(x), Foundation.cos, "cos"), (erf(x), Foundation.erf, "erf"), (abs(x), Swift.abs, "abs"),
            (relu(x), { Swift.max(0, $0) }, "relu"), (sigmoid(x), { 1 / (1 + Foundation.exp(-$0)) }, "sigmoid"),
            (softplus(x), { Foundation.log(1 + Foundation.exp($0)) }, "softplus"), (expm1(x), Foundation.expm1, "expm1"),
        ]
        for (got, f, name) in pairs {
            XCTAssertLessThan(maxDiff(got, x.map(f)), 1e-14, name)
        }
        XCTAssertLessThan(maxDiff(log(pos), pos.map(Foundation.log)), 1e-15)
        XCTAssertLessThan(maxDiff(log1p(pos), pos.map(Foundation.log1p)), 1e-15)
        XCTAssertLessThan(maxDiff(sqrt(pos), pos.map { $0.squareRoot() }), 1e-15)
        XCTAssertEqual(sign(Tensor<Double>([-2, 0, 3])).scalars, [-1, 0, 1])
    }

    func testSigmoidAndSoftplusDoNotOverflow() {
        let x = Tensor<Float>([-1000, -100, 100, 1000])
        let s = sigmoid(x).scalars
        XCTAssertEqual([s[0], s[2], s[3]], [0, 1, 1])
        // σ(−100) is subnormal in Float: libmvec keeps it, the SSE2 fallback polynomial flushes it.
        XCTAssertTrue(s[1] == Float(Foundation.exp(-100.0)) || s[1] == 0, "\(s[1])")
        XCTAssertEqual(Double(sigmoid(Tensor<Float>([-80])).scalar), Foundation.exp(-80.0), accuracy: 1e-41)
        XCTAssertEqual(sigmoid(Tensor<Double>([-1000, -100])).scalars, [0, Foundation.exp(-100.0)])
        XCTAssertEqual(softplus(x).scalars, [0, Float(Foundation.exp(-100.0)), 100, 1000])
    }

    func testFloatAgreesWithDouble() {
        let x = lcgTensor([1000], seed: 9) * 4
        let xf = x.asType(Float.self), xd = xf.asType(Double.self)  // the same inputs in both precisions
        for (f32, f64) in [(tanh(xf), tanh(xd)), (exp(xf), exp(xd)), (sigmoid(xf), sigmoid(xd)), (erf(xf), erf(xd))] {
            for (a, b) in zip(f32.scalars, f64.scalars) { XCTAssertEqual(Double(a), b, accuracy: 4e-7 * Swift.max(1, Swift.abs(b))) }
        }
        // Every length, so the padded last group of eight is exercised too.
        for n in 1...17 {
            let a = xf.slice([0..<n]), b = x.slice([0..<n])
            XCTAssertLessThan(maxDiff(exp(a).asType(Double.self), exp(b)), 1e-4, "n = \(n)")
            XCTAssertLessThan(maxDiff(tanh(a).asType(Double.self), tanh(b)), 1e-6, "n = \(n)")
        }
    }

    /// Every function with a libmvec path, at every length up to 40 (full and padded vectors
    /// of 4, 8 and 16 lanes) and in place, against the C library within a few ulps.
    func testVectorMathMatchesLibmAtEveryLength() {
        let ops: [(UnaryOp, (Double) -> Double, Bool)] = [
            (.exp, Foundation.exp, false), (.expm1, Foundation.expm1, false), (.log, Foundation.log, true),
            (.log1p, Foundation.log1p, true), (.tanh, Foundation.tanh, false), (.sin, Foundation.sin, false),
            (.cos, Foundation.cos, false), (.erf, Foundation.erf, false), (.sigmoid, { 1 / (1 + Foundation.exp(-$0)) }, false),
        ]
        let base = lcgValues(40, seed: 11).map { $0 * 6 }
        for (op, f, positive) in ops {
            let xs = positive ? base.map { Swift.abs($0) + 1e-3 } : base
            for n in 1...40 {
                let x = Tensor(Array(xs.prefix(n)))
                let want = x.scalars.map(f)
                for (got, w) in zip(x.apply(op).scalars, want) {
                    XCTAssertEqual(got, w, accuracy: 4e-16 * Swift.max(1, Swift.abs(w)), "\(op) n = \(n)")
                }
                for (got, w) in zip(x.asType(Float.self).apply(op).scalars, x.asType(Float.self).scalars.map { f(Double($0)) }) {
                    XCTAssertEqual(Double(got), w, accuracy: 4e-7 * Swift.max(1, Swift.abs(w)), "\(op) Float n = \(n)")
                }
            }
            // In place (the softmax path): x and y are the same buffer.
            var y = xs.map(Float.init)
            let vectorised = y.withUnsafeMutableBufferPointer { p in vectorMath(op, UnsafePointer(p.baseAddress!), p.baseAddress!, p.count) }
            if vectorised { XCTAssertEqual(y, Tensor(xs.map(Float.init)).apply(op).scalars, "\(op) in place") }
        }
    }

    /// + − × ÷ (vector kernels where the CPU has them) give exactly the scalar IEEE results:
    /// equal shapes, a scalar on either side, a one-element tensor on either side, tails of
    /// every vector width and a threaded length.
    func testArithmeticIsExactlyTheScalarOperation() {
        let ops: [(BinaryOp, (Double, Double) -> Double)] = [(.add, +), (.subtract, -), (.multiply, *), (.divide, /)]
        for n in Array(1...40) + [100_003] {
            let x = lcgTensor([n], seed: UInt64(n)), y = lcgTensor([n], seed: UInt64(n + 1)) + 0.01
            let xf = x.asType(Float.self), yf = y.asType(Float.self), s = 0.37, sf = Float(s)
            for (op, f) in ops {
                XCTAssertEqual(Tensor.elementwise(op, x, y).scalars, zip(x.scalars, y.scalars).map(f), "\(op) n = \(n)")
                XCTAssertEqual(Tensor.elementwise(op, x, scalar: s).scalars, x.scalars.map { f($0, s) })
                XCTAssertEqual(Tensor.elementwise(op, x, scalar: s, scalarFirst: true).scalars, x.scalars.map { f(s, $0) })
                XCTAssertEqual(Tensor.elementwise(op, Tensor([s]), x).scalars, x.scalars.map { f(s, $0) })
                XCTAssertEqual(Tensor.elementwise(op, x, Tensor(s)).scalars, x.scalars.map { f($0, s) })
                let ff: (Float, Float) -> Float = { Float(f(Double($0), Double($1))) }  // exact: one rounding of an exact result
                XCTAssertEqual(Tensor.elementwise(op, xf, yf).scalars, zip(xf.scalars, yf.scalars).map(ff), "Float \(op) n = \(n)")
                XCTAssertEqual(Tensor.elementwise(op, xf, scalar: sf, scalarFirst: true).scalars, xf.scalars.map { ff(sf, $0) })
            }
        }
    }

    func testLargeTensorsGiveTheSameResultOnOneAndTwoThreads() {
        let x = lcgTensor([100_003], seed: 4).asType(Float.self), y = lcgTensor([100_003], seed: 5).asType(Float.self)
        let saved = tensorThreads
        defer { tensorThreads = saved }
        tensorThreads = 1
        let one = (tanh(x * y + 0.5), x + y, exp(x), sigmoid(x).asType(Double.self) + sin(x.asType(Double.self)))
        tensorThreads = 2
        let two = (tanh(x * y + 0.5), x + y, exp(x), sigmoid(x).asType(Double.self) + sin(x.asType(Double.self)))
        XCTAssertEqual(one.0, two.0); XCTAssertEqual(one.1, two.1); XCTAssertEqual(one.2, two.2); XCTAssertEqual(one.3, two.3)
        XCTAssertEqual((x + y).scalars[77_777], x.scalars[77_777] + y.scalars[77_777])
    }

    func testComparisonsAndWhere() {
        let a = Tensor<Double>(rows: [[1, 5], [3, 2]]), b = Tensor<Double>([2, 2])
        XCTAssertEqual((a .> b).scalars, [false, true, true, false])
        XCTAssertEqual((a .<= 2).scalars, [true, false, false, true])
        XCTAssertEqual((a .== b).scalars, [false, false, false, true])
        XCTAssertEqual((a .!= b).trueCount, 3)
        XCTAssertEqual(`where`(a .> b, a, -a).scalars, [-1, 5, 3, -2])
        XCTAssertEqual(`where`(a .> 2.5, 1.0, 0.0).scalars, [0, 1, 1, 0])
        // A [2, 1] condition broadcast against [2] branches.
        let c = BoolTensor(shape: [2, 1], scalars: [true, false])
        XCTAssertEqual(`where`(c, Tensor<Double>([1, 2]), Tensor<Double>(0)), Tensor(rows: [[1, 2], [0, 0]]))
        XCTAssertEqual(a.masked(a .> 2).scalars, [5, 3])
        XCTAssertEqual((a .> 2).select(a, 0).scalars, [0, 5, 3, 0])
        XCTAssertEqual(((a .> 1) && (a .< 5)).scalars, [false, false, true, true])
    }

    func testInitialisers() {
        XCTAssertEqual(Tensor<Double>.arange(0, 1, step: 0.25).scalars, [0, 0.25, 0.5, 0.75])
        XCTAssertEqual(Tensor<Double>.arange(4).scalars, [0, 1, 2, 3])
        XCTAssertEqual(Tensor<Double>.arange(5, 0, step: -2).scalars, [5, 3, 1])
        let l = Tensor<Double>.linspace(0, 1, count: 11)
        XCTAssertEqual(l.count, 11); XCTAssertEqual(l.scalars.last, 1); XCTAssertEqual(l.scalars[3], 0.3, accuracy: 1e-16)
        XCTAssertEqual(Tensor<Double>.eye(2, 3), Tensor(rows: [[1, 0, 0], [0, 1, 0]]))
        XCTAssertEqual(Tensor<Float>.full([2], 7).scalars, [7, 7])
        let t: Tensor<Double> = [1, 2, 3]
        XCTAssertEqual(t.shape, [3])
        XCTAssertEqual(Tensor<Double>.diagonal([1, 2]).trace(), 3)
    }
}
