import Tensor

/// The circular 2-D convolution of Tensor's `circularConv2d`, differentiable to any order: a
/// periodic padding (whose adjoint folds the border's cotangent back onto the elements it copied)
/// followed by a valid convolution.
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - weight: [outChannels, C / groups, kH, kW].
///   - bias: [outChannels].
///   - dilation: Spacing of the kernel's taps.
///   - groups: Channel groups.
///   - method: How the valid convolution is computed (see `ConvolutionMethod`).
/// - Returns: [N, outChannels, H, W].
public func circularConv2d<T>(
    _ input: Variable<T>, _ weight: Variable<T>, bias: Variable<T>? = nil, dilation: [Int] = [1], groups: Int = 1,
    method: ConvolutionMethod = .auto
) -> Variable<T> {
    guard input.shape.count == 4, weight.shape.count == 4 else {
        fatalError("circularConv2d: input \(input.shape) must be [N, C, H, W] and weight \(weight.shape) [out, in/groups, kH, kW]")
    }
    let widths = circularPaddingWidths(kernel: [weight.shape[2], weight.shape[3]], dilation: dilation)
    return conv2d(input.padded(widths, mode: .wrap), weight, bias: bias, dilation: dilation, groups: groups, method: method)
}

/// The circular 1-D convolution of Tensor's `circularConv1d`, differentiable to any order.
///
/// - Parameters:
///   - input: [N, C, L].
///   - weight: [outChannels, C / groups, k].
///   - bias: [outChannels].
///   - dilation: Spacing of the kernel's taps.
///   - groups: Channel groups.
///   - method: How the convolution is computed (see `ConvolutionMethod`).
/// - Returns: [N, outChannels, L].
public func circularConv1d<T>(
    _ input: Variable<T>, _ weight: Variable<T>, bias: Variable<T>? = nil, dilation: Int = 1, groups: Int = 1,
    method: ConvolutionMethod = .auto
) -> Variable<T> {
    guard input.shape.count == 3, weight.shape.count == 3 else {
        fatalError("circularConv1d: input \(input.shape) must be [N, C, L] and weight \(weight.shape) [out, in/groups, k]")
    }
    let y = circularConv2d(
        input.reshaped([input.shape[0], input.shape[1], 1, input.shape[2]]),
        weight.reshaped([weight.shape[0], weight.shape[1], 1, weight.shape[2]]), bias: bias, dilation: [1, dilation],
        groups: groups, method: method)
    return y.reshaped([y.shape[0], y.shape[1], y.shape[3]])
}
