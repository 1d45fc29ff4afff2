import Plot
import Tensor
import Graphics

// Plot takes plain arrays and knows nothing of Tensor (DESIGN §2); these conveniences let
// notebook code hand tensors to figures directly.

extension Tensor {
    /// Column `j` of a 2-D tensor as doubles (x or y coordinates of points stored as rows).
    public func column(_ j: Int) -> [Double] {
        guard rank == 2, j >= 0, j < shape[1] else { fatalError("column(\(j)): needs a 2-D tensor with that column, shape is \(shape)") }
        let n = shape[0], d = shape[1]
        return (0..<n).map { Double(scalars[$0 * d + j]) }
    }

    /// All elements as doubles, in row-major order.
    public var doubles: [Double] { scalars.map { Double($0) } }
}

extension Axes {
    /// A curve through the rows of an [n, 2] tensor, with equal aspect (circles stay round).
    public mutating func parametric<T>(_ points: Tensor<T>, label: String? = nil, color: Color? = nil) {
        guard points.rank == 2, points.shape[1] == 2 else { fatalError("parametric: needs [n, 2] points, got \(points.shape)") }
        parametric(x: points.column(0), y: points.column(1), label: label, color: color)
    }
}
