// conv1d, conv2d and their transposes with PyTorch's names, layouts and arguments (NCW / NCHW,
// cross-correlation: the kernel is not flipped). Each builds a ConvolutionGeometry and runs one of
// its three faces; 1-D is 2-D with height 1.

/// The 2-D convolution of a batch, as PyTorch's `F.conv2d` (cross-correlation, NCHW).
///
/// ```swift
/// let x = Tensor<Float>.zeros([8, 3, 32, 32])
/// let w = Tensor<Float>.zeros([16, 3, 3, 3])
/// let y = conv2d(x, w, padding: .same)        // [8, 16, 32, 32]
/// ```
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - weight: [outChannels, C / groups, kH, kW].
///   - bias: [outChannels], added to every output position.
///   - stride: The window's step, once for both axes or per axis.
///   - padding: Zeros at the borders (`.same` needs stride 1).
///   - dilation: Spacing of the kernel's taps, once or per axis.
///   - groups: Output channels of group k see only input channels of group k.
///   - method: im2col + gemm (`.direct`), FFT (`.fft`), or the cost model's choice (`.auto`).
/// - Returns: [N, outChannels, outH, outW], outH = ⌊(H + pads − dilation·(kH − 1) − 1) / stride⌋ + 1.
///   Direct: O(N · outChannels · outH · outW · C/groups · kH · kW), as gemms over unrolled windows;
///   FFT: O((N·C + N·outChannels) · H·W·log(H·W)) plus the channel sums, whatever the kernel's size.
/// - Precondition: Shapes that agree and a window that fits; the message names them.
public func conv2d<T>(
    _ input: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil, stride: [Int] = [1],
    padding: ConvolutionPadding = .valid, dilation: [Int] = [1], groups: Int = 1, method: ConvolutionMethod = .auto
) -> Tensor<T> {
    ConvolutionGeometry(convolving: input.shape, with: weight.shape, stride: stride, padding: padding, dilation: dilation, groups: groups)
        .forward(input, weight, bias: bias, method: method)
}

/// The 1-D convolution of a batch, as PyTorch's `F.conv1d` (cross-correlation, NCW).
///
/// - Parameters:
///   - input: [N, C, L].
///   - weight: [outChannels, C / groups, k].
///   - bias: [outChannels].
///   - stride: The window's step.
///   - padding: Zeros at both ends.
///   - dilation: Spacing of the kernel's taps.
///   - groups: Channel groups.
///   - method: im2col + gemm (`.direct`), FFT (`.fft`), or the cost model's choice (`.auto`).
/// - Returns: [N, outChannels, outL]. Direct: O(N · outChannels · outL · C/groups · k); FFT:
///   O((N·C + N·outChannels) · L·log L) plus the channel sums.
/// - Precondition: Shapes that agree and a window that fits.
public func conv1d<T>(
    _ input: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil, stride: Int = 1,
    padding: ConvolutionPadding = .valid, dilation: Int = 1, groups: Int = 1, method: ConvolutionMethod = .auto
) -> Tensor<T> {
    let geometry = ConvolutionGeometry(oneDimensional: input.shape, weight.shape, stride, padding, dilation, groups, "conv1d")
    let y = geometry.forward(input.reshaped(geometry.inputShape), weight.reshaped(geometry.weightShape), bias: bias, method: method)
    return y.reshaped([geometry.batch, geometry.outChannels, geometry.outWidth])
}

/// The transposed 2-D convolution, as PyTorch's `F.conv_transpose2d`: the adjoint of `conv2d` in
/// its input (the gradient a convolution sends back), so that ⟨conv2d(x, w), y⟩ = ⟨x, convTranspose2d(y, w)⟩.
///
/// - Parameters:
///   - input: [N, C, H, W].
///   - weight: [C, outChannels / groups, kH, kW] (PyTorch's layout for the transpose).
///   - bias: [outChannels].
///   - stride: The stride of the convolution it transposes (the upsampling factor).
///   - padding: The zeros that convolution added on both sides, per axis or once.
///   - outputPadding: Extra rows and columns after, choosing among the input sizes a strided
///     convolution maps to the same output size; each must be less than the stride or the dilation.
///   - groups: Channel groups.
///   - dilation: Spacing of the kernel's taps.
/// - Returns: [N, outChannels, (H − 1)·stride − 2·padding + dilation·(kH − 1) + outputPadding + 1, …].
/// - Precondition: Shapes that agree; a positive output size.
public func convTranspose2d<T>(
    _ input: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil, stride: [Int] = [1], padding: [Int] = [0],
    outputPadding: [Int] = [0], groups: Int = 1, dilation: [Int] = [1]
) -> Tensor<T> {
    let geometry = ConvolutionGeometry(
        transposing: input.shape, with: weight.shape, stride: stride, padding: padding, outputPadding: outputPadding,
        dilation: dilation, groups: groups)
    var x = geometry.inputGradient(input, weight)
    if let bias { x = x + bias.reshaped([1, bias.count, 1, 1]) }
    return x
}

/// The transposed 1-D convolution, as PyTorch's `F.conv_transpose1d`: the adjoint of `conv1d` in its input.
///
/// - Parameters:
///   - input: [N, C, L].
///   - weight: [C, outChannels / groups, k].
///   - bias: [outChannels].
///   - stride: The stride of the convolution it transposes.
///   - padding: The zeros that convolution added at both ends.
///   - outputPadding: Extra positions at the end (less than the stride or the dilation).
///   - groups: Channel groups.
///   - dilation: Spacing of the kernel's taps.
/// - Returns: [N, outChannels, (L − 1)·stride − 2·padding + dilation·(k − 1) + outputPadding + 1].
/// - Precondition: Shapes that agree; a positive output size.
public func convTranspose1d<T>(
    _ input: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil, stride: Int = 1, padding: Int = 0,
    outputPadding: Int = 0, groups: Int = 1, dilation: Int = 1
) -> Tensor<T> {
    guard input.rank == 3, weight.rank == 3 else {
        fatalError("convTranspose1d: input \(input.shape) must be [N, C, L] and weight \(weight.shape) [C, out/groups, k]")
    }
    let y = convTranspose2d(
        input.reshaped([input.shape[0], input.shape[1], 1, input.shape[2]]),
        weight.reshaped([weight.shape[0], weight.shape[1], 1, weight.shape[2]]), bias: bias, stride: [1, stride],
        padding: [0, padding], outputPadding: [0, outputPadding], groups: groups, dilation: [1, dilation])
    return y.reshaped([y.shape[0], y.shape[1], y.shape[3]])
}

extension ConvolutionGeometry {
    /// The geometry of `F.conv1d` as a 2-D convolution of height 1.
    ///
    /// - Parameters: The input [N, C, L] and weight [O, C / groups, k] shapes, then conv1d's arguments
    ///   and the operation's name for messages.
    public init(
        oneDimensional input: [Int], _ weight: [Int], _ stride: Int, _ padding: ConvolutionPadding, _ dilation: Int,
        _ groups: Int, _ operation: String
    ) {
        guard input.count == 3, weight.count == 3 else {
            fatalError("\(operation): input \(input) must be [N, C, L] and weight \(weight) [out, in/groups, k]")
        }
        let padding2: ConvolutionPadding =
            switch padding {
            case .valid: .valid
            case .same: .same
            case .explicit(let p): .explicit([0] + p)
            case .asymmetric(let before, let after): .asymmetric(before: [0] + before, after: [0] + after)
            }
        self.init(
            convolving: [input[0], input[1], 1, input[2]], with: [weight[0], weight[1], 1, weight[2]], stride: [1, stride],
            padding: padding2, dilation: [1, dilation], groups: groups, operation: operation)
    }

    /// The geometry of the convolution that `F.conv_transpose2d(input, weight, …)` transposes: its output
    /// is `input`, its input has the size the transpose produces.
    ///
    /// - Parameters: The transpose's input [N, C, H, W] and weight [C, O / groups, kH, kW] shapes and its arguments.
    public init(
        transposing input: [Int], with weight: [Int], stride: [Int], padding: [Int], outputPadding: [Int],
        dilation: [Int], groups: Int
    ) {
        let operation = "convTranspose2d"
        guard input.count == 4, weight.count == 4, input[1] == weight[0], groups > 0 else {
            fatalError(
                "\(operation): input \(input) [N, C, H, W] needs a weight [C, out/groups, kH, kW] with C = \(input.count == 4 ? input[1] : 0), got \(weight)")
        }
        let (s, p) = (spatialPair(stride, "stride", operation), spatialPair(padding, "padding", operation))
        let (op, d) = (spatialPair(outputPadding, "outputPadding", operation), spatialPair(dilation, "dilation", operation))
        for a in 0..<2 where op[a] < 0 || (op[a] >= s[a] && op[a] >= d[a]) || p[a] < 0 {
            fatalError(
                "\(operation): output padding \(op) must be non-negative and smaller than the stride \(s) or the dilation \(d); padding \(p) non-negative")
        }
        let size = (0..<2).map { (a: Int) -> Int in
            let span: Int = d[a] * (weight[2 + a] - 1)
            return (input[2 + a] - 1) * s[a] - 2 * p[a] + span + op[a] + 1
        }
        guard size.allSatisfy({ $0 > 0 }) else { fatalError("\(operation): input \(input) gives an empty output \(size)") }
        self.init(
            batch: input[0], inChannels: weight[1] * groups, outChannels: input[1], groups: groups, inHeight: size[0],
            inWidth: size[1], kernelHeight: weight[2], kernelWidth: weight[3], strideHeight: s[0], strideWidth: s[1],
            dilationHeight: d[0], dilationWidth: d[1], padTop: p[0], padLeft: p[1], outHeight: input[2], outWidth: input[3])
    }
}
