import Foundation
import XCTest
@testable import Tensor

/// Results written over dead temporaries (BufferReuse.swift): reuse happens where nothing else
/// can see the operand, never where something can, and the values are bit-identical to a
/// fresh result.
final class BufferReuseTests: XCTestCase {
    // Below and above the size at which kernels split across threads.
    let sizes = [1, 37, 1000, 300_001]

    func values<T: TensorScalar>(_ n: Int, seed: UInt64, as _: T.Type) -> Tensor<T> {
        Tensor(shape: [n], scalars: lcgValues(n, seed: seed).map { T($0) })
    }

    func testScalarOperationsWriteOverATemporary() {
        for n in sizes {
            checkScalarReuse(values(n, seed: 1, as: Float.self))
            checkScalarReuse(values(n, seed: 2, as: Double.self))
        }
    }

    func checkScalarReuse<T: TensorScalar>(_ x: Tensor<T>) {
        // A switch, not an array of closures: storing a closure over a generic tensor type
        // adds a reabstraction thunk, which may copy its argument (still correct, just fresh).
        func apply(_ name: String, _ t: consuming Tensor<T>) -> Tensor<T> {
            switch name {
            case "+ 0.25": return t + 0.25
            case "- 3": return t - 3
            case "* 0.5": return t * 0.5
            case "/ 7": return t / 7
            case "3 -": return 3 - t
            case "3 /": return 3 / t
            case "2 +": return 2 + t
            case "2 *": return 2 * t
            default: return -t
            }
        }
        let references: [(String, (T) -> T)] = [
            ("+ 0.25", { $0 + 0.25 }), ("- 3", { $0 - 3 }), ("* 0.5", { $0 * 0.5 }), ("/ 7", { $0 / 7 }),
            ("3 -", { 3 - $0 }), ("3 /", { 3 / $0 }), ("2 +", { 2 + $0 }), ("2 *", { 2 * $0 }), ("negate", { -$0 }),
        ]
        for (name, reference) in references {
            let t = x * 3
            let before = t.scalars.map { $0 }, address = t.storageAddress  // a copy: sharing would block reuse
            let y = apply(name, consume t)
            XCTAssertEqual(y.storageAddress, address, "\(T.self) \(name) on a temporary of \(x.count)")
            XCTAssertEqual(y.scalars, before.map(reference), "\(T.self) \(name)")
        }
    }

    func testTensorOperationsWriteOverWhicheverOperandIsATemporary() {
        for n in sizes {
            checkTensorReuse(values(n, seed: 3, as: Float.self), values(n, seed: 4, as: Float.self))
            checkTensorReuse(values(n, seed: 5, as: Double.self), values(n, seed: 6, as: Double.self))
        }
    }

    func checkTensorReuse<T: TensorScalar>(_ x: Tensor<T>, _ w: Tensor<T>) {
        let ops: [(String, (T, T) -> T)] = [("+", +), ("-", -), ("*", *), ("/", /)]
        func apply(_ name: String, _ a: consuming Tensor<T>, _ b: consuming Tensor<T>) -> Tensor<T> {
            switch name {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            default: return a / b
            }
        }
        let x2 = (x * 2).scalars, wBefore = w.scalars
        for (name, f) in ops {
            // Left operand the temporary.
            var t = x * 2
            var address = t.storageAddress
            var y = apply(name, consume t, w)
            XCTAssertEqual(y.storageAddress, address, "temporary \(name) named")
            XCTAssertEqual(y.scalars, zip(x2, w.scalars).map(f), "temporary \(name) named")
            // Right operand the temporary: the result goes over it, operands keep their order.
            t = x * 2
            address = t.storageAddress
            y = apply(name, w, consume t)
            XCTAssertEqual(y.storageAddress, address, "named \(name) temporary")
            XCTAssertEqual(y.scalars, zip(w.scalars, x2).map(f), "named \(name) temporary")
            // A one-element left operand broadcast over a temporary.
            t = x * 2
            address = t.storageAddress
            y = apply(name, Tensor<T>(5), consume t)
            XCTAssertEqual(y.storageAddress, address, "scalar tensor \(name) temporary")
            XCTAssertEqual(y.scalars, x2.map { f(5, $0) }, "scalar tensor \(name) temporary")
            XCTAssertEqual(y.shape, x.shape)
        }
        // The named operand is untouched throughout.
        XCTAssertEqual(w.scalars, wBefore)
    }

    func testUnaryFunctionsWriteOverATemporaryBitIdentically() {
        let ops: [UnaryOp] = [.exp, .expm1, .log1p, .tanh, .sigmoid, .softplus, .relu, .abs, .sqrt, .square, .sin, .cos, .erf, .sign]
        for n in sizes {
            let f = values(n, seed: 7, as: Float.self), d = values(n, seed: 8, as: Double.self)
            for op in ops {
                // log1p and sqrt need x > -1 and x ≥ 0: the values are in [-1, 1], so shift them.
                let sf = f * 0.5 + 0.5, sd = d * 0.5 + 0.5
                let freshF = sf.apply(op), freshD = sd.apply(op)  // sf, sd stay alive: fresh results
                let tf = f * 0.5 + 0.5, td = d * 0.5 + 0.5
                let af = tf.storageAddress, ad = td.storageAddress
                let yf = (consume tf).apply(op), yd = (consume td).apply(op)
                XCTAssertEqual(yf.storageAddress, af, "Float \(op) of \(n)")
                XCTAssertEqual(yd.storageAddress, ad, "Double \(op) of \(n)")
                XCTAssertEqual(yf.scalars.map(\.bitPattern), freshF.scalars.map(\.bitPattern), "Float \(op) of \(n)")
                XCTAssertEqual(yd.scalars.map(\.bitPattern), freshD.scalars.map(\.bitPattern), "Double \(op) of \(n)")
                XCTAssertEqual(sf.scalars, (f * 0.5 + 0.5).scalars, "input of fresh \(op) unchanged")
            }
        }
    }

    /// The benchmark's expression: one allocation (for `x * 0.5`), and the bits of the
    /// step-by-step fresh results.
    func testAffineTanhChainReusesOneBuffer() {
        let x = values(1_000_000, seed: 9, as: Float.self)
        let step1 = x * 0.5, step2 = step1 + 0.25, fresh = tanh(step2)
        XCTAssertNotEqual(step2.storageAddress, step1.storageAddress, "step1 is still named, so step2 is fresh")
        XCTAssertEqual(tanh(x * 0.5 + 0.25).scalars.map(\.bitPattern), fresh.scalars.map(\.bitPattern))
        let t = x * 0.5
        let address = t.storageAddress
        let y = tanh(consume t + 0.25)
        XCTAssertEqual(y.storageAddress, address, "+ 0.25 and tanh both write over x * 0.5")
    }

    /// pow, minimum and maximum (Swift loops, no vector kernel) reuse a temporary too.
    func testPowMinimumMaximumWriteOverATemporary() {
        let x = values(1000, seed: 14, as: Double.self) + 2, w = values(1000, seed: 15, as: Double.self)
        let cases: [(String, (Double, Double) -> Double)] = [("pow", Foundation.pow), ("minimum", Swift.min), ("maximum", Swift.max)]
        func apply(_ name: String, _ a: consuming Tensor<Double>, _ b: consuming Tensor<Double>) -> Tensor<Double> {
            switch name {
            case "pow": return pow(a, b)
            case "minimum": return minimum(a, b)
            default: return maximum(a, b)
            }
        }
        for (name, f) in cases {
            let t = x * 1
            let address = t.storageAddress
            let y = apply(name, consume t, w)
            XCTAssertEqual(y.storageAddress, address, name)
            XCTAssertEqual(y.scalars, zip(x.scalars, w.scalars).map(f), name)
            XCTAssertEqual(x.scalars, (values(1000, seed: 14, as: Double.self) + 2).scalars, "\(name) left x alone")
        }
    }

    func testSharedTensorsAreNeverWritten() {
        let x = values(1000, seed: 10, as: Double.self)
        let original = x.scalars
        let y = x
        let z = y * 2
        XCTAssertEqual(x.scalars, original)
        XCTAssertEqual(y.scalars, original)
        XCTAssertNotEqual(z.storageAddress, x.storageAddress)
        XCTAssertEqual(z.scalars, original.map { $0 * 2 })
        _ = tanh(y); _ = exp(x); _ = -y; _ = y + x; _ = x - y; _ = 1 / y
        let t = x * 2
        let squared = t * t  // both operands are the same storage
        XCTAssertEqual(t.scalars, original.map { $0 * 2 })
        XCTAssertEqual(squared.scalars, original.map { ($0 * 2) * ($0 * 2) })
        XCTAssertEqual(x.scalars, original)
        XCTAssertEqual(y.scalars, original)

        // Compound assignment writes in place only when the variable alone holds the elements.
        var w = x
        w += 1
        XCTAssertEqual(x.scalars, original)
        XCTAssertEqual(w.scalars, original.map { $0 + 1 })
        var u = x * 2
        let v = u
        u -= x
        XCTAssertEqual(v.scalars, original.map { $0 * 2 })
        XCTAssertEqual(u.scalars, original.map { $0 * 2 - $0 })
        var solo = x * 2
        let soloAddress = solo.storageAddress
        solo *= 3
        solo += x
        XCTAssertEqual(solo.storageAddress, soloAddress)
        XCTAssertEqual(solo.scalars, original.map { $0 * 2 * 3 + $0 })

        // A tensor held in a collection or a closure is shared too.
        let held = [x * 2]
        let fromHeld = held[0] + 1
        XCTAssertEqual(held[0].scalars, original.map { $0 * 2 })
        XCTAssertEqual(fromHeld.scalars, original.map { $0 * 2 + 1 })
    }

    /// Reshapes share elements with their source; broadcasts and transposes are new arrays. None
    /// of them may let an operation write into the source.
    func testReshapesAndBroadcastsAreNotWrittenThrough() {
        let x = lcgTensor([4, 6], seed: 11)
        let original = x.scalars
        let r = x.reshaped([6, 4]) + 1
        XCTAssertEqual(x.scalars, original)
        XCTAssertEqual(r.scalars, original.map { $0 + 1 })
        _ = tanh(x.reshaped([24])); _ = x.reshaped([2, 12]) * x.reshaped([2, 12])
        XCTAssertEqual(x.scalars, original)

        // A temporary whose shape is not the result's is not reused, and the result is right.
        let column = lcgTensor([4, 1], seed: 12), row = lcgTensor([1, 6], seed: 13)
        let sum = (column * 1) + row
        XCTAssertEqual(sum.shape, [4, 6])
        for i in 0..<4 { for j in 0..<6 { XCTAssertEqual(sum[i, j], column[i, 0] + row[0, j]) } }
        let scaled = (Tensor<Double>([2]) * 1) * x  // one-element temporary on the left of a bigger tensor
        XCTAssertEqual(scaled.shape, [4, 6])
        XCTAssertEqual(scaled.scalars, original.map { 2 * $0 })
        let narrow = x + (Tensor<Double>([3]) * 1)  // and on the right
        XCTAssertEqual(narrow.scalars, original.map { $0 + 3 })
        XCTAssertEqual(x.scalars, original)
        let t = x.T * 1
        XCTAssertEqual(t.shape, [6, 4])
        XCTAssertEqual(x.scalars, original)
    }
}
