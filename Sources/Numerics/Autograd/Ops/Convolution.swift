import Tensor

// Differentiable convolutions. A convolution, its transpose and its weight gradient are the three
// faces of one trilinear form T(x, w, g) = ⟨conv(x, w), g⟩, so the VJP of each face is the other
// two (ConvolutionGeometry's three methods), recorded as nodes themselves: gradients of any order
// (Hessian-vector products through Curvature) come from the same three kernels.

/// conv(x, w): its cotangent g gives x ← convᵀ(g, w) and w ← ∂_w(x, g). `method` (resolved from
/// the geometry once, so every derivative takes the same path as the forward map) picks the kernels.
func convolutionNode<T>(_ x: Variable<T>, _ w: Variable<T>, _ geometry: ConvolutionGeometry, _ method: ConvolutionMethod) -> Variable<T> {
    Variable(geometry.forward(x.value, w.value, method: method), op: "conv", parents: [x, w]) { g in
        [
            x.requiresGrad ? convolutionInputNode(g, w, geometry, method) : nil,
            w.requiresGrad ? convolutionWeightNode(x, g, geometry, method) : nil,
        ]
    }
}

/// convᵀ(g, w), x-shaped: T(u, w, g) for its cotangent u gives g ← conv(u, w) and w ← ∂_w(u, g).
func convolutionInputNode<T>(_ g: Variable<T>, _ w: Variable<T>, _ geometry: ConvolutionGeometry, _ method: ConvolutionMethod) -> Variable<T> {
    Variable(geometry.inputGradient(g.value, w.value, method: method), op: "convTranspose", parents: [g, w]) { u in
        [
            g.requiresGrad ? convolutionNode(u, w, geometry, method) : nil,
            w.requiresGrad ? convolutionWeightNode(u, g, geometry, method) : nil,
        ]
    }
}

/// ∂_w(x, g), w-shaped: T(x, v, g) for its cotangent v gives x ← convᵀ(g, v) and g ← conv(x, v).
func convolutionWeightNode<T>(_ x: Variable<T>, _ g: Variable<T>, _ geometry: ConvolutionGeometry, _ method: ConvolutionMethod) -> Variable<T> {
    Variable(geometry.weightGradient(x.value, g.value, method: method), op: "convWeight", parents: [x, g]) { v in
        [
            x.requiresGrad ? convolutionInputNode(g, v, geometry, method) : nil,
            g.requiresGrad ? convolutionNode(x, v, geometry, method) : nil,
        ]
    }
}

/// `bias` [C] added to every position of channel C of `y` [N, C, …].
func addingChannelBias<T>(_ y: Variable<T>, _ bias: Variable<T>?) -> Variable<T> {
    guard let bias else { return y }
    guard bias.shape == [y.shape[1]] else { fatalError("convolution: bias has shape \(bias.shape), expected [\(y.shape[1])]") }
    return y + bias.reshaped([1, y.shape[1]] + Array(repeating: 1, count: y.shape.count - 2))
}

/// The 2-D convolution (cross-correlation) of `F.conv2d`, differentiable in input, weight and bias
/// to any order. Arguments and shapes as Tensor's `conv2d`.
///
/// ```swift
/// let y = conv2d(x, w, bias: b, padding: .same)   // x: [N, C, H, W], w: [O, C, 3, 3]
/// ```
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - weight: [outChannels, C / groups, kH, kW].
///   - bias: [outChannels].
///   - stride: The window's step, once or per axis.
///   - padding: Zeros at the borders.
///   - dilation: Spacing of the kernel's taps.
///   - groups: Channel groups.
///   - method: im2col + gemm, FFT, or the cost model's choice; the gradients take the same path.
/// - Returns: [N, outChannels, outH, outW].
/// - Precondition: Shapes that agree and a window that fits.
public func conv2d<T>(
    _ input: Variable<T>, _ weight: Variable<T>, bias: Variable<T>? = nil, stride: [Int] = [1],
    padding: ConvolutionPadding = .valid, dilation: [Int] = [1], groups: Int = 1, method: ConvolutionMethod = .auto
) -> Variable<T> {
    let geometry = ConvolutionGeometry(
        convolving: input.shape, with: weight.shape, stride: stride, padding: padding, dilation: dilation, groups: groups)
    return addingChannelBias(convolutionNode(input, weight, geometry, geometry.resolved(method, for: T.self)), bias)
}

/// The 1-D convolution of `F.conv1d`, differentiable to any order.
///
/// - Parameters:
///   - input: [N, C, L].
///   - weight: [outChannels, C / groups, k].
///   - bias: [outChannels].
///   - stride: The window's step.
///   - padding: Zeros at both ends.
///   - dilation: Spacing of the kernel's taps.
///   - groups: Channel groups.
///   - method: im2col + gemm, FFT, or the cost model's choice; the gradients take the same path.
/// - Returns: [N, outChannels, outL].
public func conv1d<T>(
    _ input: Variable<T>, _ weight: Variable<T>, bias: Variable<T>? = nil, stride: Int = 1,
    padding: ConvolutionPadding = .valid, dilation: Int = 1, groups: Int = 1, method: ConvolutionMethod = .auto
) -> Variable<T> {
    let geometry = ConvolutionGeometry(oneDimensional: input.shape, weight.shape, stride, padding, dilation, groups, "conv1d")
    let method = geometry.resolved(method, for: T.self)
    let y = convolutionNode(input.reshaped(geometry.inputShape), weight.reshaped(geometry.weightShape), geometry, method)
    return addingChannelBias(y.reshaped([geometry.batch, geometry.outChannels, geometry.outWidth]), bias)
}

/// The transposed 2-D convolution of `F.conv_transpose2d`, differentiable to any order.
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - weight: [C, outChannels / groups, kH, kW].
///   - bias: [outChannels].
///   - stride: The stride of the convolution it transposes.
///   - padding: That convolution's zeros on both sides.
///   - outputPadding: Extra rows and columns after (less than the stride or the dilation).
///   - groups: Channel groups.
///   - dilation: Spacing of the kernel's taps.
/// - Returns: [N, outChannels, (H − 1)·stride − 2·padding + dilation·(kH − 1) + outputPadding + 1, …].
public func convTranspose2d<T>(
    _ input: Variable<T>, _ weight: Variable<T>, bias: Variable<T>? = nil, stride: [Int] = [1], padding: [Int] = [0],
    outputPadding: [Int] = [0], groups: Int = 1, dilation: [Int] = [1]
) -> Variable<T> {
    let geometry = ConvolutionGeometry(
        transposing: input.shape, with: weight.shape, stride: stride, padding: padding, outputPadding: outputPadding,
        dilation: dilation, groups: groups)
    return addingChannelBias(convolutionInputNode(input, weight, geometry, .direct), bias)
}

/// The transposed 1-D convolution of `F.conv_transpose1d`, differentiable to any order.
///
/// - Parameters:
///   - input: [N, C, L].
///   - weight: [C, outChannels / groups, k].
///   - bias: [outChannels].
///   - stride: The stride of the convolution it transposes.
///   - padding: That convolution's zeros at both ends.
///   - outputPadding: Extra positions at the end.
///   - groups: Channel groups.
///   - dilation: Spacing of the kernel's taps.
/// - Returns: [N, outChannels, (L − 1)·stride − 2·padding + dilation·(k − 1) + outputPadding + 1].
public func convTranspose1d<T>(
    _ input: Variable<T>, _ weight: Variable<T>, bias: Variable<T>? = nil, stride: Int = 1, padding: Int = 0,
    outputPadding: Int = 0, groups: Int = 1, dilation: Int = 1
) -> Variable<T> {
    guard input.shape.count == 3, weight.shape.count == 3 else {
        fatalError("convTranspose1d: input \(input.shape) must be [N, C, L] and weight \(weight.shape) [C, out/groups, k]")
    }
    let y = convTranspose2d(
        input.reshaped([input.shape[0], input.shape[1], 1, input.shape[2]]),
        weight.reshaped([weight.shape[0], weight.shape[1], 1, weight.shape[2]]), stride: [1, stride], padding: [0, padding],
        outputPadding: [0, outputPadding], groups: groups, dilation: [1, dilation])
    return addingChannelBias(y.reshaped([y.shape[0], y.shape[1], y.shape[3]]), bias)
}
