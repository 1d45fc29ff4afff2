import Tensor

// Autograd, like Tensor, is built with library evolution: its generic code runs unspecialised
// when a notebook or the benchmarks call it, every element operation going through a witness
// table. The hot kernels of this folder therefore check the scalar type once and call a Float
// or Double function, inside which the compiler specialises the generic body with the element
// operations inlined (the pattern of Tensor's Specialization.swift).

/// Reinterprets a value whose type differs only in a generic argument already known to be equal
/// (Tensor<T> as Tensor<Float> when T == Float).
@inline(__always) func same<A, B>(_ a: A, as _: B.Type = B.self) -> B { unsafeBitCast(a, to: B.self) }

/// A new array of `count` elements written by `body` (no zero-fill first).
@inline(__always)
func filledArray<T>(_ count: Int, _ body: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if count > 0 { body(buffer.baseAddress!) }
        initialized = count
    }
}

extension Variable {
    /// Parameters as leaves to differentiate with respect to (specialised: see above).
    static func leaves(_ tensors: [Tensor<Scalar>]) -> [Variable] {
        if Scalar.self == Float.self { return same(leavesFloat(same(tensors))) }
        if Scalar.self == Double.self { return same(leavesDouble(same(tensors))) }
        return tensors.map { Variable($0) }
    }

    /// The values of variables (gradients as tensors).
    static func values(_ variables: [Variable]) -> [Tensor<Scalar>] {
        if Scalar.self == Float.self { return same(valuesFloat(same(variables))) }
        if Scalar.self == Double.self { return same(valuesDouble(same(variables))) }
        return variables.map { $0.value }
    }
}

private func leavesFloat(_ t: [Tensor<Float>]) -> [Variable<Float>] { t.map { Variable($0) } }
private func leavesDouble(_ t: [Tensor<Double>]) -> [Variable<Double>] { t.map { Variable($0) } }
private func valuesFloat(_ v: [Variable<Float>]) -> [Tensor<Float>] { v.map { $0.value } }
private func valuesDouble(_ v: [Variable<Double>]) -> [Tensor<Double>] { v.map { $0.value } }

// Eight lanes at a time: the package builds for baseline x86-64, where LLVM leaves these loops
// scalar (and turns selects into mispredicted branches); explicit SIMD8 keeps them vectorised.
@inline(__always) func load8<T: TensorScalar>(_ p: UnsafePointer<T>) -> SIMD8<T> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<T>.self)
}
@inline(__always) func store8<T: TensorScalar>(_ v: SIMD8<T>, _ p: UnsafeMutablePointer<T>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<T>.self)
}

/// Lane-wise selects written in concrete Float and Double code. Comparisons of `SIMD8<T>` in
/// generic code stay lane-by-lane branches even once specialised (the standard library's vector
/// comparisons are overloads chosen only for concrete types), so kernels that select call these.
protocol LaneSelects: TensorScalar {
    /// ReLU: x < 0 becomes 0; NaN and −0 stay (as Tensor's relu kernel).
    static func relu8(_ x: SIMD8<Self>) -> SIMD8<Self>
    /// The cotangent through a ReLU from its output o: g where o > 0, 0 where o = 0, NaN where o is NaN.
    static func reluGradient8(_ g: SIMD8<Self>, output o: SIMD8<Self>) -> SIMD8<Self>
}

extension Float: LaneSelects {
    @inline(__always) static func relu8(_ x: SIMD8<Float>) -> SIMD8<Float> { x.replacing(with: 0, where: x .< 0) }
    @inline(__always) static func reluGradient8(_ g: SIMD8<Float>, output o: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8<Float>(repeating: 0).replacing(with: g, where: o .> 0).replacing(with: o, where: o .!= o)
    }
}

extension Double: LaneSelects {
    @inline(__always) static func relu8(_ x: SIMD8<Double>) -> SIMD8<Double> { x.replacing(with: 0, where: x .< 0) }
    @inline(__always) static func reluGradient8(_ g: SIMD8<Double>, output o: SIMD8<Double>) -> SIMD8<Double> {
        SIMD8<Double>(repeating: 0).replacing(with: g, where: o .> 0).replacing(with: o, where: o .!= o)
    }
}

/// For the fallbacks of kernels that need `LaneSelects`: Tensor's scalars are Float and Double.
func onlyFloatAndDouble(_ what: String) -> Never {
    fatalError("\(what): Autograd's kernels support Float and Double tensors")
}
