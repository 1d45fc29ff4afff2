/// A LAPACK routine that reported failure, named with the operation and the matrix shape.
public struct LinalgError: Error, CustomStringConvertible, Equatable {
    public var operation: String
    public var shape: [Int]
    public var info: Int
    public var reason: String

    public var description: String { "\(operation): \(reason) for a matrix of shape \(shape) (LAPACK info = \(info))" }
}

/// Checks a 2-D (optionally square) operand, naming the operation in the message.
func requireMatrix<T>(_ op: String, _ a: Tensor<T>, square: Bool = false) {
    guard a.rank == 2 else { fatalError("\(op): needs a 2-D matrix, got shape \(a.shape)") }
    if square && a.shape[0] != a.shape[1] { fatalError("\(op): needs a square matrix, got shape \(a.shape)") }
    guard a.scalars.allSatisfy({ $0.isFinite }) else { fatalError("\(op): matrix of shape \(a.shape) contains NaN or infinity") }
}

/// Stops with the error's text: for failures a caller could not sensibly recover from.
func check(_ info: Int, _ op: String, _ shape: [Int], _ reason: String) {
    if info != 0 {
        let r = info < 0 ? "invalid argument \(-info) passed to LAPACK" : reason
        fatalError(LinalgError(operation: op, shape: shape, info: info, reason: r).description)
    }
}
