import Plot
import Tensor
import Graphics

// Tensor conveniences for the statistical marks (Plot takes plain arrays, DESIGN §2).

extension Axes {
    /// Box plots of the columns of a 2-D tensor, one box per column (matplotlib's
    /// `ax.boxplot(X)` for an array X of shape (n, k)); see `boxplot(_:positions:width:notch:whis:names:vertical:label:color:alpha:)`.
    ///
    /// ```swift
    /// fig.axes.boxplot(columns: finalLosses, names: ["SGD", "Adam", "Lion"])
    /// ```
    /// - Parameters:
    ///   - columns: an [n, k] tensor: k samples of n values.
    ///   - names: category labels under the boxes.
    ///   - notch: draws median notches.
    ///   - label: legend text.
    ///   - color: the colour (nil: the next colour of the cycle).
    ///   - alpha: opacity in 0…1.
    /// - Note: Traps with a message unless the tensor is 2-D.
    public mutating func boxplot<T>(
        columns: Tensor<T>, names: [String]? = nil, notch: Bool = false, label: String? = nil, color: Color? = nil,
        alpha: Double? = nil
    ) {
        guard columns.rank == 2 else { fatalError("boxplot(columns:): needs an [n, k] tensor, got shape \(columns.shape)") }
        boxplot(
            (0..<columns.shape[1]).map { columns.column($0) }, positions: nil, notch: notch, names: names, label: label, color: color,
            alpha: alpha)
    }

    /// Box plots of tensors, one box per tensor (all elements of each).
    /// - Parameters:
    ///   - groups: one tensor per box.
    ///   - names: category labels under the boxes.
    ///   - notch: draws median notches.
    ///   - label: legend text.
    ///   - color: the colour (nil: the next colour of the cycle).
    ///   - alpha: opacity in 0…1.
    public mutating func boxplot<T>(
        _ groups: [Tensor<T>], names: [String]? = nil, notch: Bool = false, label: String? = nil, color: Color? = nil,
        alpha: Double? = nil
    ) {
        boxplot(groups.map(\.doubles), positions: nil, notch: notch, names: names, label: label, color: color, alpha: alpha)
    }

    /// Points with symmetric vertical error bars from tensors (all elements, in order).
    ///
    /// ```swift
    /// fig.axes.errorbar(x: widths, y: losses.mean(axis: 0), yerr: losses.std(axis: 0), label: "mean ± sd")
    /// ```
    /// - Parameters:
    ///   - x: x of the points.
    ///   - y: y of the points.
    ///   - yerr: the distance below and above each point.
    ///   - label: legend text.
    ///   - color: the colour (nil: the next colour of the cycle).
    ///   - alpha: opacity in 0…1.
    /// - Note: Traps with a message naming the arrays when their sizes differ.
    public mutating func errorbar<T>(
        x: Tensor<T>, y: Tensor<T>, yerr: Tensor<T>, label: String? = nil, color: Color? = nil, alpha: Double? = nil
    ) {
        errorbar(x: x.doubles, y: y.doubles, yerr: .symmetric(yerr.doubles), label: label, color: color, alpha: alpha)
    }
}
