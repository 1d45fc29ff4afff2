// Circular (periodic) convolution: the signal continued periodically instead of by zeros, so the
// output has the input's size and translation commutes with the filter exactly (PyTorch's
// `padding_mode='circular'`): what framelet and wavelet filter banks on the torus need. Built as
// a periodic padding (`padded(_:mode: .wrap)`) followed by a valid convolution.

/// The periodic extension widths for a `same`-sized output: d·(k − 1) split as PyTorch's `same`.
func circularWidths(_ kernel: [Int], _ dilation: [Int]) -> [(before: Int, after: Int)] {
    [(0, 0), (0, 0)] + zip(kernel, dilation).map { k, d in (d * (k - 1) / 2, d * (k - 1) - d * (k - 1) / 2) }
}

/// The circular 2-D convolution (cross-correlation) of a batch, as PyTorch's `nn.Conv2d` with
/// `padding='same', padding_mode='circular'`: each channel is treated as periodic in both axes.
///
/// ```swift
/// let y = circularConv2d(image, filters)   // y.shape == [N, O, H, W]
/// ```
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - weight: [outChannels, C / groups, kH, kW].
///   - bias: [outChannels].
///   - dilation: Spacing of the kernel's taps, once or per axis.
///   - groups: Channel groups.
///   - method: How the valid convolution of the periodic extension is computed (see ``ConvolutionMethod``).
/// - Returns: [N, outChannels, H, W]: y[n, o, i, j] = Σ w[o, c, a, b]·x[n, c, (i + a·d − p) mod H, (j + b·d − q) mod W].
/// - Precondition: Shapes that agree.
public func circularConv2d<T>(
    _ input: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil, dilation: [Int] = [1], groups: Int = 1,
    method: ConvolutionMethod = .auto
) -> Tensor<T> {
    guard input.rank == 4, weight.rank == 4 else {
        fatalError("circularConv2d: input \(input.shape) must be [N, C, H, W] and weight \(weight.shape) [out, in/groups, kH, kW]")
    }
    let d = spatialPair(dilation, "dilation", "circularConv2d")
    let periodic = input.padded(circularWidths([weight.shape[2], weight.shape[3]], d), mode: .wrap)
    return conv2d(periodic, weight, bias: bias, dilation: d, groups: groups, method: method)
}

/// The circular 1-D convolution (cross-correlation) of a batch: each channel treated as periodic,
/// as PyTorch's `nn.Conv1d` with `padding='same', padding_mode='circular'`.
///
/// - Parameters:
///   - input: [N, C, L].
///   - weight: [outChannels, C / groups, k].
///   - bias: [outChannels].
///   - dilation: Spacing of the kernel's taps.
///   - groups: Channel groups.
///   - method: How the convolution is computed (see ``ConvolutionMethod``).
/// - Returns: [N, outChannels, L].
/// - Precondition: Shapes that agree.
public func circularConv1d<T>(
    _ input: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil, dilation: Int = 1, groups: Int = 1,
    method: ConvolutionMethod = .auto
) -> Tensor<T> {
    guard input.rank == 3, weight.rank == 3 else {
        fatalError("circularConv1d: input \(input.shape) must be [N, C, L] and weight \(weight.shape) [out, in/groups, k]")
    }
    let y = circularConv2d(
        input.reshaped([input.shape[0], input.shape[1], 1, input.shape[2]]),
        weight.reshaped([weight.shape[0], weight.shape[1], 1, weight.shape[2]]), bias: bias, dilation: [1, dilation],
        groups: groups, method: method)
    return y.reshaped([y.shape[0], y.shape[1], y.shape[3]])
}

/// The periodic extension widths of ``circularConv2d(_:_:bias:dilation:groups:)`` for a kernel of
/// `kernel` taps per spatial axis (what Autograd pads with before its valid convolution).
///
/// - Parameters:
///   - kernel: Taps per spatial axis (kH, kW).
///   - dilation: Spacing per axis (or one for both).
/// - Returns: Four (before, after) pairs for [N, C, H, W]: none on N and C.
public func circularPaddingWidths(kernel: [Int], dilation: [Int]) -> [(before: Int, after: Int)] {
    circularWidths(kernel, spatialPair(dilation, "dilation", "circular convolution"))
}
