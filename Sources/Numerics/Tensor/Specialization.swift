/// Concrete entry points for the hot kernels.
///
/// `Tensor` is built with library evolution, and generic code called from another module
/// (a notebook, the benchmarks) runs unspecialised: every `+` on an element would go through
/// a witness table. So each hot public entry checks its scalar type once and calls one of
/// these non-generic functions, inside which the compiler specialises the generic
/// implementation for Float or Double with the element operations inlined.
extension Tensor {
    // `consuming`, so that an unshared temporary stays unshared through the cast (BufferReuse.swift).
    @inline(__always) static func asFloat(_ t: consuming Tensor) -> Tensor<Float> { unsafeBitCast(t, to: Tensor<Float>.self) }
    @inline(__always) static func asDouble(_ t: consuming Tensor) -> Tensor<Double> { unsafeBitCast(t, to: Tensor<Double>.self) }
    @inline(__always) static func asSelf<U>(_ t: Tensor<U>) -> Tensor { unsafeBitCast(t, to: Tensor.self) }
}

func binaryFloat(_ op: BinaryOp, _ a: consuming Tensor<Float>, _ b: consuming Tensor<Float>) -> Tensor<Float> { .binaryImpl(op, a, b) }
func binaryDouble(_ op: BinaryOp, _ a: consuming Tensor<Double>, _ b: consuming Tensor<Double>) -> Tensor<Double> { .binaryImpl(op, a, b) }
func scalarFloat(_ op: BinaryOp, _ a: consuming Tensor<Float>, _ s: Float, _ first: Bool) -> Tensor<Float> { .scalarImpl(op, a, s, first) }
func scalarDouble(_ op: BinaryOp, _ a: consuming Tensor<Double>, _ s: Double, _ first: Bool) -> Tensor<Double> { .scalarImpl(op, a, s, first) }
func compareFloat(_ op: ComparisonOp, _ a: Tensor<Float>, _ b: Tensor<Float>) -> BoolTensor { Tensor.comparisonImpl(op, a, b) }
func compareDouble(_ op: ComparisonOp, _ a: Tensor<Double>, _ b: Tensor<Double>) -> BoolTensor { Tensor.comparisonImpl(op, a, b) }
func unaryFloat(_ op: UnaryOp, _ x: consuming Tensor<Float>) -> Tensor<Float> { x.applyImpl(op) }
func unaryDouble(_ op: UnaryOp, _ x: consuming Tensor<Double>) -> Tensor<Double> { x.applyImpl(op) }
func sumFloat(_ x: Tensor<Float>) -> Float { x.sumImpl() }
func sumDouble(_ x: Tensor<Double>) -> Double { x.sumImpl() }
func foldFloat(_ x: Tensor<Float>, _ k: Fold, _ axis: Int, _ keep: Bool) -> Tensor<Float> { x.foldImpl(k, axis: axis, keepDims: keep) }
func foldDouble(_ x: Tensor<Double>, _ k: Fold, _ axis: Int, _ keep: Bool) -> Tensor<Double> { x.foldImpl(k, axis: axis, keepDims: keep) }
func softmaxFloat(_ x: Tensor<Float>, _ axis: Int) -> Tensor<Float> { x.softmaxImpl(axis: axis) }
func softmaxDouble(_ x: Tensor<Double>, _ axis: Int) -> Tensor<Double> { x.softmaxImpl(axis: axis) }

/// `count` copies of `value`. `Array(repeating:count:)` in unspecialised generic code copies
/// each element through the value witness table (~5 ns each: most of a 32×32 matmul); this
/// fills through code specialised for Float or Double.
@inline(__always)
func filled<T: TensorScalar>(_ value: T, count: Int) -> [T] {
    if T.self == Float.self {
        return unsafeBitCast([Float](repeating: unsafeBitCast(value, to: Float.self), count: count), to: [T].self)
    }
    if T.self == Double.self {
        return unsafeBitCast([Double](repeating: unsafeBitCast(value, to: Double.self), count: count), to: [T].self)
    }
    return [T](repeating: value, count: count)
}
