/// Everything that fixes one 2-D convolution's index map: batch, channels, groups, the sizes of
/// input, kernel and output, stride, dilation and the zeros before each axis.
///
/// A convolution, its transpose and its weight gradient are the three faces of one trilinear form
/// ⟨conv(x, w), g⟩ = ⟨x, convᵀ(g, w)⟩ = ⟨w, ∂_w(x, g)⟩, and they share this geometry: Autograd
/// builds every derivative of every order from the three methods (``forward(_:_:)``,
/// ``inputGradient(_:_:)``, ``weightGradient(_:_:)``). 1-D convolutions are the case `inHeight == 1`.
/// Weights are laid out as PyTorch's, [outChannels, inChannels / groups, kernelHeight, kernelWidth].
public struct ConvolutionGeometry: Sendable, Equatable {
    /// Samples in the batch (N).
    public let batch: Int
    /// Channels of the convolution's input (C).
    public let inChannels: Int
    /// Channels of its output.
    public let outChannels: Int
    /// Channel groups: output channels of group k read only input channels of group k.
    public let groups: Int
    /// Input height and width.
    public let inHeight: Int, inWidth: Int
    /// Kernel height and width.
    public let kernelHeight: Int, kernelWidth: Int
    /// Steps of the window along height and width.
    public let strideHeight: Int, strideWidth: Int
    /// Spacing of the kernel's taps along height and width.
    public let dilationHeight: Int, dilationWidth: Int
    /// Zeros above the first row and left of the first column (those after only set the output size).
    public let padTop: Int, padLeft: Int
    /// Output height and width.
    public let outHeight: Int, outWidth: Int

    /// A geometry with every size given (the output size too, so a transposed convolution can ask
    /// for the one its `outputPadding` selects).
    ///
    /// - Parameters: One per property, named as them.
    /// - Precondition: Positive sizes, strides and dilations; channels divisible by `groups`;
    ///   otherwise the program stops naming the operation and the values.
    public init(
        batch: Int, inChannels: Int, outChannels: Int, groups: Int, inHeight: Int, inWidth: Int,
        kernelHeight: Int, kernelWidth: Int, strideHeight: Int, strideWidth: Int, dilationHeight: Int,
        dilationWidth: Int, padTop: Int, padLeft: Int, outHeight: Int, outWidth: Int
    ) {
        guard groups > 0, inChannels % groups == 0, outChannels % groups == 0 else {
            fatalError("convolution: \(inChannels) input and \(outChannels) output channels are not divisible by groups = \(groups)")
        }
        guard kernelHeight > 0, kernelWidth > 0, strideHeight > 0, strideWidth > 0, dilationHeight > 0, dilationWidth > 0 else {
            fatalError(
                "convolution: kernel \(kernelHeight)×\(kernelWidth), stride (\(strideHeight), \(strideWidth)) and dilation (\(dilationHeight), \(dilationWidth)) must be positive"
            )
        }
        guard outHeight > 0, outWidth > 0, inHeight > 0, inWidth > 0 else {
            fatalError(
                "convolution: input \(inHeight)×\(inWidth) gives an empty output \(outHeight)×\(outWidth) (kernel \(kernelHeight)×\(kernelWidth), dilation (\(dilationHeight), \(dilationWidth)), padding (\(padTop), \(padLeft)))"
            )
        }
        (self.batch, self.inChannels, self.outChannels, self.groups) = (batch, inChannels, outChannels, groups)
        (self.inHeight, self.inWidth, self.kernelHeight, self.kernelWidth) = (inHeight, inWidth, kernelHeight, kernelWidth)
        (self.strideHeight, self.strideWidth, self.dilationHeight, self.dilationWidth) = (strideHeight, strideWidth, dilationHeight, dilationWidth)
        (self.padTop, self.padLeft, self.outHeight, self.outWidth) = (padTop, padLeft, outHeight, outWidth)
    }

    /// The geometry of `F.conv2d(input, weight, stride, padding, dilation, groups)`.
    ///
    /// - Parameters:
    ///   - inputShape: [N, C, H, W].
    ///   - weightShape: [outChannels, C / groups, kH, kW].
    ///   - stride: One step per spatial axis (or one for both).
    ///   - padding: Zeros at the borders.
    ///   - dilation: Tap spacing per spatial axis (or one for both).
    ///   - groups: Channel groups.
    ///   - operation: The name used in error messages.
    /// - Precondition: Shapes that agree; the message names the operation and the shapes.
    public init(
        convolving inputShape: [Int], with weightShape: [Int], stride: [Int], padding: ConvolutionPadding,
        dilation: [Int], groups: Int, operation: String = "conv2d"
    ) {
        guard inputShape.count == 4, weightShape.count == 4 else {
            fatalError("\(operation): input \(inputShape) must be [N, C, H, W] and weight \(weightShape) [out, in/groups, kH, kW]")
        }
        guard groups > 0, weightShape[1] * groups == inputShape[1] else {
            fatalError(
                "\(operation): weight \(weightShape) with groups = \(groups) expects \(weightShape[1] * groups) input channels, input \(inputShape) has \(inputShape[1])"
            )
        }
        let stride = spatialPair(stride, "stride", operation), dilation = spatialPair(dilation, "dilation", operation)
        let kernel = [weightShape[2], weightShape[3]]
        let pads = padding.widths(kernel: kernel, dilation: dilation, stride: stride, operation: operation)
        let spans = (0..<2).map { dilation[$0] * (kernel[$0] - 1) + 1 }
        let out = (0..<2).map { a in
            let padded = inputShape[2 + a] + pads[a].before + pads[a].after
            return padded >= spans[a] ? (padded - spans[a]) / stride[a] + 1 : 0
        }
        guard out[0] > 0, out[1] > 0 else {
            fatalError("\(operation): input \(inputShape) padded by \(pads.map { [$0.before, $0.after] }) is smaller than the dilated kernel \(spans)")
        }
        self.init(
            batch: inputShape[0], inChannels: inputShape[1], outChannels: weightShape[0], groups: groups,
            inHeight: inputShape[2], inWidth: inputShape[3], kernelHeight: kernel[0], kernelWidth: kernel[1],
            strideHeight: stride[0], strideWidth: stride[1], dilationHeight: dilation[0], dilationWidth: dilation[1],
            padTop: pads[0].before, padLeft: pads[1].before, outHeight: out[0], outWidth: out[1])
    }

    /// [N, C, H, W] of the convolution's input.
    public var inputShape: [Int] { [batch, inChannels, inHeight, inWidth] }
    /// [N, outChannels, outHeight, outWidth] of its output.
    public var outputShape: [Int] { [batch, outChannels, outHeight, outWidth] }
    /// [outChannels, inChannels / groups, kH, kW] of its weight.
    public var weightShape: [Int] { [outChannels, inChannels / groups, kernelHeight, kernelWidth] }

    var inPlane: Int { inHeight * inWidth }
    var outPlane: Int { outHeight * outWidth }
    var kernelArea: Int { kernelHeight * kernelWidth }
    var groupInChannels: Int { inChannels / groups }
    var groupOutChannels: Int { outChannels / groups }
    /// Rows of one sample's column matrix: one per (input channel, kernel tap).
    var columnRows: Int { inChannels * kernelArea }
    /// Whether the column matrix is the input itself (a 1×1 kernel reading every position once).
    var columnsAreInput: Bool {
        kernelArea == 1 && strideHeight == 1 && strideWidth == 1 && padTop == 0 && padLeft == 0
            && outHeight == inHeight && outWidth == inWidth
    }
}

/// A per-axis argument given once for both spatial axes or once per axis.
func spatialPair(_ values: [Int], _ what: String, _ operation: String) -> [Int] {
    if values.count == 1 { return [values[0], values[0]] }
    guard values.count == 2 else { fatalError("\(operation): \(what) \(values) needs 1 or 2 entries") }
    return values
}
