// Max and average pooling with PyTorch's arguments (`F.max_pool2d`, `F.avg_pool2d`): a window per
// channel, the stride defaulting to the window, implicit padding (−∞ for max, 0 for average).
// The window geometry is a depthwise convolution's (groups = channels, one tap per window entry).

/// The windows of one pooling: a depthwise convolution geometry (one kernel per channel) whose taps
/// are the window's positions.
public struct PoolingGeometry: Sendable, Equatable {
    /// The windows as a convolution geometry with `groups == inChannels == outChannels`.
    public let windows: ConvolutionGeometry

    /// The windows of pooling `inputShape` [N, C, H, W] with PyTorch's arguments.
    ///
    /// - Parameters:
    ///   - inputShape: [N, C, H, W].
    ///   - kernelSize: Window height and width (or one size for both).
    ///   - stride: The window's step; nil (the default) means the window size, as PyTorch.
    ///   - padding: Implicit padding on both sides, at most half the window (PyTorch's limit).
    ///   - dilation: Spacing of the window's positions.
    ///   - operation: The name used in error messages.
    /// - Precondition: A 4-D input, positive sizes, padding ≤ half the window.
    public init(pooling inputShape: [Int], kernelSize: [Int], stride: [Int]?, padding: [Int], dilation: [Int], operation: String) {
        guard inputShape.count == 4 else { fatalError("\(operation): input \(inputShape) must be [N, C, H, W]") }
        let kernel = spatialPair(kernelSize, "kernel size", operation)
        let pad = spatialPair(padding, "padding", operation)
        for a in 0..<2 where pad[a] < 0 || 2 * pad[a] > kernel[a] {
            fatalError("\(operation): padding \(pad) must be non-negative and at most half the window \(kernel)")
        }
        windows = ConvolutionGeometry(
            convolving: inputShape, with: [inputShape[1], 1, kernel[0], kernel[1]], stride: stride ?? kernel,
            padding: .explicit(pad), dilation: dilation, groups: max(inputShape[1], 1), operation: operation)
    }

    /// Calls `body(plane, outputIndex, inputIndex)` for every window tap inside the input, window by window.
    @inline(__always)
    func forEachTap(_ body: (_ plane: Int, _ output: Int, _ input: Int) -> Void) {
        let g = windows
        for plane in 0..<(g.batch * g.inChannels) {
            for oh in 0..<g.outHeight {
                for ow in 0..<g.outWidth {
                    let o = (plane * g.outHeight + oh) * g.outWidth + ow
                    for i in 0..<g.kernelHeight {
                        let ih = oh * g.strideHeight - g.padTop + i * g.dilationHeight
                        if ih < 0 || ih >= g.inHeight { continue }
                        for j in 0..<g.kernelWidth {
                            let iw = ow * g.strideWidth - g.padLeft + j * g.dilationWidth
                            if iw < 0 || iw >= g.inWidth { continue }
                            body(plane, o, (plane * g.inHeight + ih) * g.inWidth + iw)
                        }
                    }
                }
            }
        }
    }

    /// Each window's divisor: its size, or with `countIncludePad == false` the taps inside the input.
    func divisors(countIncludePad: Bool) -> [Int] {
        let g = windows
        if countIncludePad { return Array(repeating: g.kernelArea, count: g.batch * g.inChannels * g.outPlane) }
        var counts = Array(repeating: 0, count: g.batch * g.inChannels * g.outPlane)
        forEachTap { _, o, _ in counts[o] += 1 }
        return counts
    }

    /// Each window's mean (see ``avgPool2d(_:kernelSize:stride:padding:countIncludePad:)``).
    ///
    /// - Parameters:
    ///   - x: The input, of shape `windows.inputShape`.
    ///   - countIncludePad: Whether padded positions count in the divisor.
    /// - Returns: A tensor of shape `windows.outputShape`. O(output count · window size).
    public func average<T>(_ x: Tensor<T>, countIncludePad: Bool) -> Tensor<T> {
        let divisors = divisors(countIncludePad: countIncludePad)
        var sums = [T](repeating: 0, count: divisors.count)
        x.scalars.withUnsafeBufferPointer { px in forEachTap { _, o, i in sums[o] += px[i] } }
        for o in sums.indices { sums[o] /= T(divisors[o]) }
        return Tensor(shape: windows.outputShape, scalars: sums)
    }

    /// The adjoint of ``average(_:countIncludePad:)``: each window's cotangent, divided by its
    /// divisor, added to the positions the window read.
    ///
    /// - Parameters:
    ///   - outputGradient: A tensor of shape `windows.outputShape`.
    ///   - countIncludePad: As in the forward pooling.
    /// - Returns: A tensor of shape `windows.inputShape`.
    public func averageAdjoint<T>(_ outputGradient: Tensor<T>, countIncludePad: Bool) -> Tensor<T> {
        let divisors = divisors(countIncludePad: countIncludePad)
        var dx = [T](repeating: 0, count: windows.inputShape.reduce(1, *))
        outputGradient.scalars.withUnsafeBufferPointer { pg in forEachTap { _, o, i in dx[i] += pg[o] / T(divisors[o]) } }
        return Tensor(shape: windows.inputShape, scalars: dx)
    }

    /// Each window's maximum and where it is (see ``maxPool2d(_:kernelSize:stride:padding:dilation:)``).
    ///
    /// - Parameter x: The input, of shape `windows.inputShape`.
    /// - Returns: The maxima and their flat indices within each input plane (H·W), both of shape
    ///   `windows.outputShape`; the first maximum wins ties, NaN propagates as in PyTorch.
    public func maximum<T>(_ x: Tensor<T>) -> (values: Tensor<T>, indices: IntTensor) {
        let g = windows
        let count = g.batch * g.inChannels * g.outPlane
        var best = [T](repeating: -.infinity, count: count)
        var at = [Int](repeating: -1, count: count)
        x.scalars.withUnsafeBufferPointer { px in
            forEachTap { plane, o, i in
                let v = px[i]
                if at[o] < 0 || v > best[o] || (v.isNaN && !best[o].isNaN) {
                    best[o] = v
                    at[o] = i - plane * g.inPlane
                }
            }
        }
        return (Tensor(shape: g.outputShape, scalars: best), IntTensor(shape: g.outputShape, scalars: at))
    }
}

/// Max pooling over windows of each channel, as PyTorch's `F.max_pool2d(…, return_indices=True)`.
///
/// ```swift
/// let (y, at) = maxPool2d(x, kernelSize: [2])   // [N, C, H/2, W/2]; at: flat indices in H·W
/// ```
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - kernelSize: Window height and width (or one size for both).
///   - stride: The step; nil means the window size.
///   - padding: Implicit −∞ on both sides, at most half the window.
///   - dilation: Spacing of the window's positions.
/// - Returns: The maxima [N, C, outH, outW] and their flat indices within each H·W plane (what
///   the gradient is routed to).
/// - Precondition: A 4-D input and a window that fits.
public func maxPool2d<T>(
    _ input: Tensor<T>, kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1]
) -> (values: Tensor<T>, indices: IntTensor) {
    PoolingGeometry(pooling: input.shape, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, operation: "maxPool2d")
        .maximum(input)
}

/// Average pooling over windows of each channel, as PyTorch's `F.avg_pool2d`.
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - kernelSize: Window height and width (or one size for both).
///   - stride: The step; nil means the window size.
///   - padding: Implicit zeros on both sides, at most half the window.
///   - countIncludePad: Whether those zeros count in the divisor (PyTorch's default, true).
/// - Returns: [N, C, outH, outW].
/// - Precondition: A 4-D input and a window that fits.
public func avgPool2d<T>(
    _ input: Tensor<T>, kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], countIncludePad: Bool = true
) -> Tensor<T> {
    PoolingGeometry(pooling: input.shape, kernelSize: kernelSize, stride: stride, padding: padding, dilation: [1], operation: "avgPool2d")
        .average(input, countIncludePad: countIncludePad)
}

/// 1-D max pooling, as PyTorch's `F.max_pool1d(…, return_indices=True)`.
///
/// - Parameters:
///   - input: [N, C, L].
///   - kernelSize: Window length.
///   - stride: The step; nil means the window length.
///   - padding: Implicit −∞ at both ends, at most half the window.
///   - dilation: Spacing of the window's positions.
/// - Returns: The maxima [N, C, outL] and their indices along L.
public func maxPool1d<T>(
    _ input: Tensor<T>, kernelSize: Int, stride: Int? = nil, padding: Int = 0, dilation: Int = 1
) -> (values: Tensor<T>, indices: IntTensor) {
    guard input.rank == 3 else { fatalError("maxPool1d: input \(input.shape) must be [N, C, L]") }
    let (n, c, l) = (input.shape[0], input.shape[1], input.shape[2])
    let (y, at) = maxPool2d(
        input.reshaped([n, c, 1, l]), kernelSize: [1, kernelSize], stride: stride.map { [1, $0] } ?? [1, kernelSize],
        padding: [0, padding], dilation: [1, dilation])
    let shape = [n, c, y.shape[3]]
    return (y.reshaped(shape), IntTensor(shape: shape, scalars: at.scalars))
}

/// 1-D average pooling, as PyTorch's `F.avg_pool1d`.
///
/// - Parameters:
///   - input: [N, C, L].
///   - kernelSize: Window length.
///   - stride: The step; nil means the window length.
///   - padding: Implicit zeros at both ends, at most half the window.
///   - countIncludePad: Whether those zeros count in the divisor.
/// - Returns: [N, C, outL].
public func avgPool1d<T>(
    _ input: Tensor<T>, kernelSize: Int, stride: Int? = nil, padding: Int = 0, countIncludePad: Bool = true
) -> Tensor<T> {
    guard input.rank == 3 else { fatalError("avgPool1d: input \(input.shape) must be [N, C, L]") }
    let (n, c, l) = (input.shape[0], input.shape[1], input.shape[2])
    let y = avgPool2d(
        input.reshaped([n, c, 1, l]), kernelSize: [1, kernelSize], stride: stride.map { [1, $0] } ?? [1, kernelSize],
        padding: [0, padding], countIncludePad: countIncludePad)
    return y.reshaped([n, c, y.shape[3]])
}
