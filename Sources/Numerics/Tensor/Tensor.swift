/// An n-dimensional, row-major array of `Float` or `Double`.
///
/// Storage is always one contiguous row-major array: operations NumPy does with strided
/// views (transpose, slicing, broadcast) produce new contiguous tensors here, so `contiguous()`
/// is the identity and every kernel is a flat loop.
///
/// Value semantics: the elements live in a Swift array, so copies are cheap until written
/// (copy-on-write). Elementwise operations take their operands `consuming` and write the result
/// over an operand nothing else shares (BufferReuse.swift), so chains of temporaries allocate
/// once. Shape errors stop with a message naming the operation and the shapes, never with a
/// silently wrong result.
public struct Tensor<Scalar: TensorScalar>: Sendable {
    /// The length of each axis: `[]` for a scalar, `[n]` for a vector, `[rows, columns]` for a matrix.
    public private(set) var shape: [Int]
    /// The elements in row-major (C) order: element (i, j) of a matrix is `scalars[i * shape[1] + j]`.
    public internal(set) var scalars: [Scalar]

    /// A tensor of `shape` holding `scalars` in row-major order (NumPy `np.array(scalars).reshape(shape)`).
    ///
    /// ```swift
    /// let a = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    /// ```
    ///
    /// - Parameters:
    ///   - shape: Non-negative axis lengths.
    ///   - scalars: Exactly `shape.reduce(1, *)` elements.
    /// - Precondition: The count matches the shape; otherwise the cell stops naming both.
    public init(shape: [Int], scalars: [Scalar]) {
        let count = shape.reduce(1, *)
        guard shape.allSatisfy({ $0 >= 0 }), count == scalars.count else {
            fatalError("Tensor(shape: \(shape), scalars:): \(scalars.count) scalars do not fill shape \(shape)")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` with every element `value` (NumPy `full`).
    public init(shape: [Int], repeating value: Scalar) {
        self.init(shape: shape, scalars: filled(value, count: shape.reduce(1, *)))
    }

    /// A rank-0 tensor holding one value.
    public init(_ value: Scalar) { self.init(shape: [], scalars: [value]) }

    /// A 1-D tensor of the given values.
    public init(_ values: [Scalar]) { self.init(shape: [values.count], scalars: values) }

    /// Zeros of `shape` (NumPy `zeros`).
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 0) }
    /// Ones of `shape` (NumPy `ones`).
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }

    /// A 2-D tensor from rows; all rows must have the same length.
    public init(rows: [[Scalar]]) {
        let n = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == n }) else {
            fatalError("Tensor(rows:): rows have different lengths \(rows.map(\.count))")
        }
        self.init(shape: [rows.count, n], scalars: rows.flatMap { $0 })
    }

    /// The number of axes (NumPy `ndim`).
    public var rank: Int { shape.count }
    /// The number of elements (NumPy `size`).
    public var count: Int { scalars.count }
    /// Row-major strides in elements (storage is always contiguous).
    public var strides: [Int] { contiguousStrides(shape) }

    /// The only element of a one-element tensor.
    public var scalar: Scalar {
        guard count == 1 else { fatalError("scalar: tensor of shape \(shape) has \(count) elements, not 1") }
        return scalars[0]
    }

    /// The element at a full multi-index.
    public subscript(_ index: Int...) -> Scalar {
        get { scalars[offset(index)] }
        set { scalars[offset(index)] = newValue }
    }

    private func offset(_ index: [Int]) -> Int { flatOffset("Tensor subscript", index, shape) }
}

extension Tensor: Equatable {}
