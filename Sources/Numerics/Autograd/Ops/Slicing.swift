import Tensor

// Differentiable moves of whole blocks: a slice along one axis (its adjoint pads the cotangent
// back with zeros), joining along an axis (its adjoint slices the cotangent apart) and axis
// permutation (its adjoint is the inverse permutation). Every VJP is built from these same
// differentiable moves, so second derivatives pass through them.

extension Variable {
    /// The elements `range` along `axis`, all of every other axis (NumPy's `x[..., a:b, ...]`).
    ///
    /// - Parameters:
    ///   - range: The positions kept along `axis`.
    ///   - axis: The axis sliced (negative counts from the end).
    /// - Returns: A variable whose `axis` has `range.count` elements; its VJP pads zeros back.
    /// - Precondition: `axis` exists and `range` lies within it; otherwise the cell stops with both.
    public func sliced(_ range: Range<Int>, axis: Int) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        guard a >= 0, a < shape.count, range.lowerBound >= 0, range.upperBound <= shape[a] else {
            fatalError("sliced(\(range), axis: \(axis)): out of bounds for shape \(shape)")
        }
        if range.count == shape[a] { return self }
        var ranges = shape.map { 0..<$0 }
        ranges[a] = range
        var widths = shape.map { _ in (before: 0, after: 0) }
        widths[a] = (range.lowerBound, shape[a] - range.upperBound)
        return Variable(value.slice(ranges), op: "slice", parents: [self]) { g in [g.padded(widths)] }
    }

    /// The axes reordered: result axis i is this variable's axis `axes[i]` (NumPy's `transpose`).
    ///
    /// - Parameter axes: A permutation of 0..<rank.
    /// - Returns: The permuted variable; its VJP applies the inverse permutation.
    public func permuted(_ axes: [Int]) -> Variable {
        if axes == Array(axes.indices) { return self }
        var inverse = axes
        for (i, a) in axes.enumerated() { inverse[a] = i }
        return Variable(value.permuted(axes), op: "permute", parents: [self]) { g in [g.permuted(inverse)] }
    }
}

/// The variables joined along `axis` (NumPy's `concatenate`); they agree on every other axis.
///
/// - Parameters:
///   - parts: At least one variable.
///   - axis: The axis they are joined along.
/// - Returns: The joined variable; each part's cotangent is its slice of the output's.
public func concatenate<T>(_ parts: [Variable<T>], axis: Int) -> Variable<T> {
    guard let first = parts.first else { fatalError("concatenate: needs at least one variable") }
    if parts.count == 1 { return first }
    let a = axis < 0 ? axis + first.shape.count : axis
    let value = Tensor.concatenate(parts.map(\.value), axis: a)
    var bounds: [Range<Int>] = []
    var offset = 0
    for p in parts {
        bounds.append(offset..<offset + p.shape[a])
        offset += p.shape[a]
    }
    return Variable(value, op: "concatenate", parents: parts) { g in
        zip(parts, bounds).map { p, r in p.requiresGrad ? g.sliced(r, axis: a) : nil }
    }
}

/// The variables stacked along a new axis `axis` (NumPy's `stack`); they all have one shape.
///
/// - Parameters:
///   - parts: At least one variable.
///   - axis: Where the new axis goes (0…rank).
/// - Returns: A variable with one more axis, of length `parts.count`.
public func stack<T>(_ parts: [Variable<T>], axis: Int) -> Variable<T> {
    guard let first = parts.first else { fatalError("stack: needs at least one variable") }
    var expanded = first.shape
    expanded.insert(1, at: axis)
    return concatenate(parts.map { $0.reshaped(expanded) }, axis: axis)
}
