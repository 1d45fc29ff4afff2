// The three faces of a convolution as gemms over column matrices (ColumnMatrix.swift). Samples
// are split across the pool's threads; each thread unrolls its own samples into its own column
// buffer, so the gemms inside run single-threaded and no two threads write the same element. The
// weight gradient sums per-chunk partials in chunk order, with chunks fixed by the batch, not the
// thread count, so every result is the same for any `tensorThreads`.

extension ConvolutionGeometry {
    /// The convolution (PyTorch's cross-correlation) of `x` [N, C, H, W] with `weight`
    /// [outChannels, C / groups, kH, kW], plus `bias` [outChannels] when given.
    ///
    /// - Parameters:
    ///   - x: The input, of shape ``inputShape``.
    ///   - weight: The kernels, of shape ``weightShape``.
    ///   - bias: Added to each output channel.
    /// - Returns: The output, of shape ``outputShape``. O(N · outChannels · outH · outW · C/groups · kH · kW).
    public func forward<T>(_ x: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil) -> Tensor<T> {
        check(x.shape, inputShape, "input"); check(weight.shape, weightShape, "weight")
        if let bias { check(bias.shape, [outChannels], "bias") }
        if T.self == Float.self {
            return Tensor<T>.asSelf(convolutionForwardFloat(self, Tensor<T>.asFloat(x), Tensor<T>.asFloat(weight), bias.map { Tensor<T>.asFloat($0) }))
        }
        if T.self == Double.self {
            return Tensor<T>.asSelf(convolutionForwardDouble(self, Tensor<T>.asDouble(x), Tensor<T>.asDouble(weight), bias.map { Tensor<T>.asDouble($0) }))
        }
        return forwardImpl(x, weight, bias)
    }

    /// The adjoint of ``forward(_:_:bias:)`` in its input: ⟨forward(x, w), g⟩ = ⟨x, inputGradient(g, w)⟩.
    /// This is the transposed convolution (`F.conv_transpose2d`, and `torch.nn.grad.conv2d_input`).
    ///
    /// - Parameters:
    ///   - outputGradient: A tensor of shape ``outputShape``.
    ///   - weight: The kernels, of shape ``weightShape``.
    /// - Returns: A tensor of shape ``inputShape``. Same cost as the forward convolution.
    public func inputGradient<T>(_ outputGradient: Tensor<T>, _ weight: Tensor<T>) -> Tensor<T> {
        check(outputGradient.shape, outputShape, "output gradient"); check(weight.shape, weightShape, "weight")
        if T.self == Float.self { return Tensor<T>.asSelf(convolutionInputFloat(self, Tensor<T>.asFloat(outputGradient), Tensor<T>.asFloat(weight))) }
        if T.self == Double.self { return Tensor<T>.asSelf(convolutionInputDouble(self, Tensor<T>.asDouble(outputGradient), Tensor<T>.asDouble(weight))) }
        return inputGradientImpl(outputGradient, weight)
    }

    /// The adjoint of ``forward(_:_:bias:)`` in its weight: ⟨forward(x, w), g⟩ = ⟨w, weightGradient(x, g)⟩
    /// (`torch.nn.grad.conv2d_weight`).
    ///
    /// - Parameters:
    ///   - x: The input, of shape ``inputShape``.
    ///   - outputGradient: A tensor of shape ``outputShape``.
    /// - Returns: A tensor of shape ``weightShape``. Same cost as the forward convolution.
    public func weightGradient<T>(_ x: Tensor<T>, _ outputGradient: Tensor<T>) -> Tensor<T> {
        check(x.shape, inputShape, "input"); check(outputGradient.shape, outputShape, "output gradient")
        if T.self == Float.self { return Tensor<T>.asSelf(convolutionWeightFloat(self, Tensor<T>.asFloat(x), Tensor<T>.asFloat(outputGradient))) }
        if T.self == Double.self { return Tensor<T>.asSelf(convolutionWeightDouble(self, Tensor<T>.asDouble(x), Tensor<T>.asDouble(outputGradient))) }
        return weightGradientImpl(x, outputGradient)
    }

    private func check(_ got: [Int], _ want: [Int], _ what: String) {
        guard got == want else { fatalError("convolution: \(what) has shape \(got), the geometry expects \(want)") }
    }

    /// Samples per thread task: contiguous ranges, one per thread.
    private func sampleRanges() -> [Range<Int>] {
        let tasks = max(1, min(batch, tensorThreads))
        let chunk = (batch + tasks - 1) / tasks
        return stride(from: 0, to: batch, by: chunk).map { $0..<min(batch, $0 + chunk) }
    }

    func forwardImpl<T: TensorScalar>(_ x: Tensor<T>, _ weight: Tensor<T>, _ bias: Tensor<T>?) -> Tensor<T> {
        let ranges = sampleRanges()
        let (plane, rows, gin, gout) = (outPlane, columnRows, groupInChannels * kernelArea, groupOutChannels)
        let out = uninitializedArray(batch * outChannels * plane) { (y: UnsafeMutablePointer<T>) in
            x.scalars.withUnsafeBufferPointer { px in
                weight.scalars.withUnsafeBufferPointer { pw in
                    parallelTasks(ranges.count) { t in
                        var columns = [T]()
                        if !columnsAreInput { columns = uninitializedArray(rows * plane) { _ in } }
                        columns.withUnsafeMutableBufferPointer { pc in
                            for n in ranges[t] {
                                let xn = px.baseAddress! + n * inChannels * inPlane
                                if !columnsAreInput { im2col(xn, pc.baseAddress!, self) }
                                let cols = columnsAreInput ? xn : UnsafePointer(pc.baseAddress!)
                                for k in 0..<groups {
                                    T.gemm(
                                        transA: false, transB: false, m: gout, n: plane, k: gin, alpha: 1,
                                        a: pw.baseAddress! + k * gout * gin, lda: gin, b: cols + k * gin * plane, ldb: plane,
                                        beta: 0, c: y + (n * outChannels + k * gout) * plane, ldc: plane)
                                }
                                if let bias {
                                    for o in 0..<outChannels {
                                        let b = bias.scalars[o], row = y + (n * outChannels + o) * plane
                                        for p in 0..<plane { row[p] += b }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: outputShape, scalars: out)
    }

    func inputGradientImpl<T: TensorScalar>(_ gy: Tensor<T>, _ weight: Tensor<T>) -> Tensor<T> {
        let ranges = sampleRanges()
        let (plane, rows, gin, gout) = (outPlane, columnRows, groupInChannels * kernelArea, groupOutChannels)
        var dx: [T] = filled(0, count: batch * inChannels * inPlane)
        dx.withUnsafeMutableBufferPointer { pdx in
            gy.scalars.withUnsafeBufferPointer { pg in
                weight.scalars.withUnsafeBufferPointer { pw in
                    parallelTasks(ranges.count) { t in
                        var columns = [T]()
                        if !columnsAreInput { columns = uninitializedArray(rows * plane) { _ in } }
                        columns.withUnsafeMutableBufferPointer { pc in
                            for n in ranges[t] {
                                let dxn = pdx.baseAddress! + n * inChannels * inPlane
                                let cols = columnsAreInput ? dxn : pc.baseAddress!
                                for k in 0..<groups {
                                    T.gemm(
                                        transA: true, transB: false, m: gin, n: plane, k: gout, alpha: 1,
                                        a: pw.baseAddress! + k * gout * gin, lda: gin,
                                        b: pg.baseAddress! + (n * outChannels + k * gout) * plane, ldb: plane,
                                        beta: 0, c: cols + k * gin * plane, ldc: plane)
                                }
                                if !columnsAreInput { col2imAdd(pc.baseAddress!, dxn, self) }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: inputShape, scalars: dx)
    }

    /// Samples per partial sum of the weight gradient: fixed, so the sum's order is the data's.
    static let weightChunk = 8

    func weightGradientImpl<T: TensorScalar>(_ x: Tensor<T>, _ gy: Tensor<T>) -> Tensor<T> {
        let chunks = stride(from: 0, to: batch, by: Self.weightChunk).map { $0..<min(batch, $0 + Self.weightChunk) }
        let (plane, rows, gin, gout) = (outPlane, columnRows, groupInChannels * kernelArea, groupOutChannels)
        let size = outChannels * gin
        var partials: [T] = filled(0, count: chunks.count * size)
        partials.withUnsafeMutableBufferPointer { pp in
            x.scalars.withUnsafeBufferPointer { px in
                gy.scalars.withUnsafeBufferPointer { pg in
                    parallelTasks(chunks.count) { t in
                        var columns = [T]()
                        if !columnsAreInput { columns = uninitializedArray(rows * plane) { _ in } }
                        columns.withUnsafeMutableBufferPointer { pc in
                            for n in chunks[t] {
                                let xn = px.baseAddress! + n * inChannels * inPlane
                                if !columnsAreInput { im2col(xn, pc.baseAddress!, self) }
                                let cols = columnsAreInput ? xn : UnsafePointer(pc.baseAddress!)
                                for k in 0..<groups {
                                    T.gemm(
                                        transA: false, transB: true, m: gout, n: gin, k: plane, alpha: 1,
                                        a: pg.baseAddress! + (n * outChannels + k * gout) * plane, lda: plane,
                                        b: cols + k * gin * plane, ldb: plane,
                                        beta: 1, c: pp.baseAddress! + t * size + k * gout * gin, ldc: gin)
                                }
                            }
                        }
                    }
                }
            }
        }
        var dw = Array(partials[0..<size])
        for t in 1..<max(chunks.count, 1) {
            for i in 0..<size { dw[i] += partials[t * size + i] }
        }
        return Tensor(shape: weightShape, scalars: dw)
    }
}

private func convolutionForwardFloat(_ g: ConvolutionGeometry, _ x: Tensor<Float>, _ w: Tensor<Float>, _ b: Tensor<Float>?) -> Tensor<Float> {
    g.forwardImpl(x, w, b)
}
private func convolutionForwardDouble(_ g: ConvolutionGeometry, _ x: Tensor<Double>, _ w: Tensor<Double>, _ b: Tensor<Double>?) -> Tensor<Double> {
    g.forwardImpl(x, w, b)
}
private func convolutionInputFloat(_ g: ConvolutionGeometry, _ gy: Tensor<Float>, _ w: Tensor<Float>) -> Tensor<Float> { g.inputGradientImpl(gy, w) }
private func convolutionInputDouble(_ g: ConvolutionGeometry, _ gy: Tensor<Double>, _ w: Tensor<Double>) -> Tensor<Double> { g.inputGradientImpl(gy, w) }
private func convolutionWeightFloat(_ g: ConvolutionGeometry, _ x: Tensor<Float>, _ gy: Tensor<Float>) -> Tensor<Float> { g.weightGradientImpl(x, gy) }
private func convolutionWeightDouble(_ g: ConvolutionGeometry, _ x: Tensor<Double>, _ gy: Tensor<Double>) -> Tensor<Double> { g.weightGradientImpl(x, gy) }
