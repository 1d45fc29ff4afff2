/// How a convolution or pooling window is padded with zeros at the borders of each spatial axis
/// (PyTorch's `padding=` of `F.conv2d`).
///
/// ```swift
/// conv2d(x, w, padding: .same)      // output as large as the input (stride 1)
/// conv2d(x, w, padding: 1)          // one zero on every side (an integer literal)
/// conv2d(x, w, padding: .explicit([1, 2]))  // 1 row above and below, 2 columns left and right
/// ```
public enum ConvolutionPadding: Sendable, Equatable, ExpressibleByIntegerLiteral {
    /// No padding: the window only visits positions inside the input.
    case valid
    /// d·(k − 1) zeros per axis, split as PyTorch does (the odd one after), so that with stride 1 the
    /// output has the input's size. Needs stride 1, as in PyTorch.
    case same
    /// The same number of zeros before and after, one count per spatial axis (a single count applies
    /// to every axis).
    case explicit([Int])
    /// Zeros before and after, per spatial axis, possibly different (what `same` is for an even kernel).
    case asymmetric(before: [Int], after: [Int])

    /// `padding: 1` means one zero on both sides of every spatial axis.
    ///
    /// - Parameter value: The count of zeros on each side.
    public init(integerLiteral value: Int) { self = .explicit([value]) }

    /// The zeros (before, after) on each of `kernel.count` spatial axes.
    func widths(kernel: [Int], dilation: [Int], stride: [Int], operation: String) -> [(before: Int, after: Int)] {
        let axes = kernel.count
        func perAxis(_ values: [Int], _ what: String) -> [Int] {
            if values.count == 1 { return Array(repeating: values[0], count: axes) }
            guard values.count == axes else {
                fatalError("\(operation): \(what) has \(values.count) entries, expected 1 or \(axes) (one per spatial axis)")
            }
            return values
        }
        let widths: [(before: Int, after: Int)]
        switch self {
        case .valid: widths = Array(repeating: (0, 0), count: axes)
        case .same:
            guard stride.allSatisfy({ $0 == 1 }) else {
                fatalError("\(operation): padding .same needs stride 1 (as PyTorch), got stride \(stride)")
            }
            widths = (0..<axes).map { a in
                let total = dilation[a] * (kernel[a] - 1)
                return (total / 2, total - total / 2)
            }
        case .explicit(let p):
            widths = perAxis(p, "padding").map { ($0, $0) }
        case .asymmetric(let before, let after):
            widths = Array(zip(perAxis(before, "padding before"), perAxis(after, "padding after")))
        }
        guard widths.allSatisfy({ $0.before >= 0 && $0.after >= 0 }) else {
            fatalError("\(operation): padding must be non-negative, got \(self)")
        }
        return widths
    }
}
