import Tensor

// Differentiable pooling. Max pooling routes each window's cotangent to the position it chose
// (a scatter-add, whose own VJP gathers: second derivatives pass through); average pooling's
// adjoint spreads it over the window, and the adjoint of that is the average again.

/// Max pooling as `F.max_pool2d`, differentiable: the cotangent goes to each window's maximum
/// (ties: the first, as the forward chose), overlapping windows adding up.
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - kernelSize: Window height and width (or one size for both).
///   - stride: The step; nil means the window size.
///   - padding: Implicit −∞ on both sides, at most half the window.
///   - dilation: Spacing of the window's positions.
/// - Returns: [N, C, outH, outW].
public func maxPool2d<T>(
    _ input: Variable<T>, kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1]
) -> Variable<T> {
    let pooling = PoolingGeometry(
        pooling: input.shape, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, operation: "maxPool2d")
    let (values, indices) = pooling.maximum(input.value)
    let g = pooling.windows
    let planes = [g.batch, g.inChannels, g.inHeight * g.inWidth]
    let routes = IntTensor(shape: [g.batch, g.inChannels, g.outHeight * g.outWidth], scalars: indices.scalars)
    let shape = input.shape
    return Variable(values, op: "maxPool2d", parents: [input]) { cotangent in
        let flat = cotangent.reshaped(routes.shape)
        return [Variable.constant(Tensor<T>.zeros(planes)).scatterAdd(routes, flat, axis: 2).reshaped(shape)]
    }
}

/// Average pooling as `F.avg_pool2d`, differentiable to any order.
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - kernelSize: Window height and width (or one size for both).
///   - stride: The step; nil means the window size.
///   - padding: Implicit zeros on both sides, at most half the window.
///   - countIncludePad: Whether those zeros count in the divisor.
/// - Returns: [N, C, outH, outW].
public func avgPool2d<T>(
    _ input: Variable<T>, kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], countIncludePad: Bool = true
) -> Variable<T> {
    let pooling = PoolingGeometry(
        pooling: input.shape, kernelSize: kernelSize, stride: stride, padding: padding, dilation: [1], operation: "avgPool2d")
    return averageNode(input, pooling, countIncludePad)
}

/// 1-D max pooling as `F.max_pool1d`, differentiable.
///
/// - Parameters:
///   - input: [N, C, L].
///   - kernelSize: Window length.
///   - stride: The step; nil means the window length.
///   - padding: Implicit −∞ at both ends.
///   - dilation: Spacing of the window's positions.
/// - Returns: [N, C, outL].
public func maxPool1d<T>(_ input: Variable<T>, kernelSize: Int, stride: Int? = nil, padding: Int = 0, dilation: Int = 1) -> Variable<T> {
    guard input.shape.count == 3 else { fatalError("maxPool1d: input \(input.shape) must be [N, C, L]") }
    let (n, c, l) = (input.shape[0], input.shape[1], input.shape[2])
    let y = maxPool2d(
        input.reshaped([n, c, 1, l]), kernelSize: [1, kernelSize], stride: [1, stride ?? kernelSize], padding: [0, padding],
        dilation: [1, dilation])
    return y.reshaped([n, c, y.shape[3]])
}

/// 1-D average pooling as `F.avg_pool1d`, differentiable.
///
/// - Parameters:
///   - input: [N, C, L].
///   - kernelSize: Window length.
///   - stride: The step; nil means the window length.
///   - padding: Implicit zeros at both ends.
///   - countIncludePad: Whether those zeros count in the divisor.
/// - Returns: [N, C, outL].
public func avgPool1d<T>(_ input: Variable<T>, kernelSize: Int, stride: Int? = nil, padding: Int = 0, countIncludePad: Bool = true) -> Variable<T> {
    guard input.shape.count == 3 else { fatalError("avgPool1d: input \(input.shape) must be [N, C, L]") }
    let (n, c, l) = (input.shape[0], input.shape[1], input.shape[2])
    let y = avgPool2d(
        input.reshaped([n, c, 1, l]), kernelSize: [1, kernelSize], stride: [1, stride ?? kernelSize], padding: [0, padding],
        countIncludePad: countIncludePad)
    return y.reshaped([n, c, y.shape[3]])
}

private func averageNode<T>(_ x: Variable<T>, _ pooling: PoolingGeometry, _ countIncludePad: Bool) -> Variable<T> {
    Variable(pooling.average(x.value, countIncludePad: countIncludePad), op: "avgPool", parents: [x]) { g in
        [averageAdjointNode(g, pooling, countIncludePad)]
    }
}

private func averageAdjointNode<T>(_ g: Variable<T>, _ pooling: PoolingGeometry, _ countIncludePad: Bool) -> Variable<T> {
    Variable(pooling.averageAdjoint(g.value, countIncludePad: countIncludePad), op: "avgPoolAdjoint", parents: [g]) { u in
        [averageNode(u, pooling, countIncludePad)]
    }
}
