// pad and roll: elements moved along axes by an index map per axis. Each output position along
// an axis reads one source position (or none: the constant of constant padding), so the same
// map gives the forward copy and, read backwards, the gradient (Autograd's pad and roll).

/// How ``Tensor/padded(_:mode:)`` fills the new border (NumPy's `mode=`).
public enum PadMode: Sendable, Equatable {
    /// A constant value (NumPy's `constant` with `constant_values`).
    case constant(Double)
    /// The mirror image without repeating the edge: `[1 2 3]` → `… 3 2 | 1 2 3 | 2 1 …` (`reflect`).
    case reflect
    /// The mirror image repeating the edge: `… 2 1 | 1 2 3 | 3 2 …` (`symmetric`).
    case symmetric
    /// Periodic continuation: `… 2 3 | 1 2 3 | 1 2 …` (`wrap`, as for a circular signal).
    case wrap
    /// The edge value repeated (`edge`).
    case edge
}

/// The source position each of `before + n + after` output positions reads, or nil for constant.
func padMap(_ n: Int, _ before: Int, _ after: Int, _ mode: PadMode) -> [Int?] {
    precondition(before >= 0 && after >= 0, "pad: widths must be non-negative, got (\(before), \(after))")
    return (-before..<(n + after)).map { i -> Int? in
        if i >= 0 && i < n { return i }
        switch mode {
        case .constant: return nil
        case .edge:
            precondition(n > 0, "pad: cannot extend an empty axis with mode edge")
            return i < 0 ? 0 : n - 1
        case .wrap:
            precondition(n > 0, "pad: cannot wrap an empty axis")
            return ((i % n) + n) % n
        case .reflect:
            if n == 1 { return 0 }
            precondition(n > 0, "pad: cannot reflect an empty axis")
            let period = 2 * (n - 1)
            let r = ((i % period) + period) % period
            return r < n ? r : period - r
        case .symmetric:
            precondition(n > 0, "pad: cannot reflect an empty axis")
            let period = 2 * n
            let r = ((i % period) + period) % period
            return r < n ? r : period - 1 - r
        }
    }
}

extension Tensor {
    /// This tensor with each axis' source positions remapped: `maps[d][i]` is the position along
    /// axis d that output position i reads, nil for `fill` (the map behind pad and roll).
    ///
    /// - Parameters:
    ///   - maps: One map per axis, each entry a position of that axis or nil.
    ///   - fill: The value of positions that read nothing.
    /// - Returns: A tensor of shape `maps.map(\.count)`. O(count of the result · rank).
    public func remapped(_ maps: [[Int?]], fill: Scalar) -> Tensor {
        let outShape = maps.map(\.count)
        let strides = self.strides
        var out = [Scalar](repeating: fill, count: outShape.reduce(1, *))
        if out.isEmpty { return Tensor(shape: outShape, scalars: out) }
        var index = [Int](repeating: 0, count: outShape.count)
        for flat in out.indices {
            var offset = 0, inside = true
            for d in outShape.indices {
                guard let s = maps[d][index[d]] else { inside = false; break }
                offset += s * strides[d]
            }
            if inside { out[flat] = scalars[offset] }
            var d = outShape.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < outShape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return Tensor(shape: outShape, scalars: out)
    }

    /// The adjoint of ``remapped(_:fill:)``: this tensor (of the remapped shape) summed, for each
    /// source position, over every position that read it. Sums run in row-major order.
    ///
    /// - Parameters:
    ///   - maps: The maps given to `remapped`.
    ///   - sourceShape: The shape `remapped` was applied to.
    /// - Returns: A tensor of `sourceShape`. O(count · rank).
    public func remappedAdjoint(_ maps: [[Int?]], sourceShape: [Int]) -> Tensor {
        let gradient = self
        let strides = contiguousStrides(sourceShape)
        var out = [Scalar](repeating: 0, count: sourceShape.reduce(1, *))
        var index = [Int](repeating: 0, count: gradient.rank)
        for flat in gradient.scalars.indices {
            var offset = 0, inside = true
            for d in index.indices {
                guard let s = maps[d][index[d]] else { inside = false; break }
                offset += s * strides[d]
            }
            if inside { out[offset] += gradient.scalars[flat] }
            var d = index.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < gradient.shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return Tensor(shape: sourceShape, scalars: out)
    }

    /// The index maps of ``padded(_:mode:)`` for this shape (see ``remapped(_:fill:)``).
    ///
    /// - Parameters:
    ///   - widths: Per axis, elements added before and after.
    ///   - mode: How the border is filled.
    /// - Returns: One map per axis.
    public func padMaps(_ widths: [(before: Int, after: Int)], _ mode: PadMode) -> [[Int?]] {
        precondition(widths.count == rank, "pad: \(widths.count) width pairs for a tensor of rank \(rank)")
        return shape.indices.map { padMap(shape[$0], widths[$0].before, widths[$0].after, mode) }
    }

    /// This tensor with a border on each axis (NumPy's `pad`).
    ///
    /// ```swift
    /// let x: Tensor<Double> = [1, 2, 3]
    /// x.padded([(2, 1)], mode: .reflect)    // [3, 2, 1, 2, 3, 2]
    /// x.padded([(1, 1)], mode: .wrap)       // [3, 1, 2, 3, 1]
    /// ```
    /// - Parameters:
    ///   - widths: Per axis, how many elements to add before and after.
    ///   - mode: How to fill them (default zeros).
    /// - Returns: The padded tensor. O(count of the result).
    /// - Precondition: One non-negative pair per axis; reflect, symmetric, wrap and edge need a
    ///   non-empty axis. Widths beyond the axis length repeat the pattern, as NumPy does.
    public func padded(_ widths: [(before: Int, after: Int)], mode: PadMode = .constant(0)) -> Tensor {
        let fill: Scalar = if case .constant(let v) = mode { Scalar(v) } else { 0 }
        return remapped(padMaps(widths, mode), fill: fill)
    }

    /// The same width on both sides of every axis (NumPy's `pad(x, w)`).
    ///
    /// - Parameters:
    ///   - width: Elements added before and after on each axis.
    ///   - mode: How to fill them.
    /// - Returns: The padded tensor.
    public func padded(_ width: Int, mode: PadMode = .constant(0)) -> Tensor {
        padded(Array(repeating: (width, width), count: rank), mode: mode)
    }

    /// The index maps of ``rolled(_:axis:)``.
    func rollMaps(_ shift: Int, axis: Int) -> [[Int?]] {
        let a = normalizeAxis("roll", axis, rank: rank)
        return shape.indices.map { d in
            let n = shape[d]
            return (0..<n).map { i in d == a ? ((i - shift) % n + n) % n : i }
        }
    }

    /// The elements shifted along `axis` by `shift`, those past the end coming back at the start
    /// (NumPy's `roll`): `out[(i + shift) mod n] = self[i]`.
    ///
    /// - Parameters:
    ///   - shift: Positions to move (negative: towards the start).
    ///   - axis: The axis.
    /// - Returns: The rolled tensor. O(count).
    public func rolled(_ shift: Int, axis: Int) -> Tensor {
        if count == 0 { return self }
        return remapped(rollMaps(shift, axis: axis), fill: 0)
    }

    /// The flattened elements rolled by `shift`, in this shape (NumPy's `roll` without an axis).
    ///
    /// - Parameter shift: Positions to move.
    /// - Returns: The rolled tensor.
    public func rolled(_ shift: Int) -> Tensor { flattened().rolled(shift, axis: 0).reshaped(shape) }
}
