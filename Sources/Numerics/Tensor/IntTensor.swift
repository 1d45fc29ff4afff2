/// An n-dimensional row-major array of `Int`: indices, labels, argmax results.
public struct IntTensor: Sendable, Equatable, CustomStringConvertible {
    /// The length of each axis.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public internal(set) var scalars: [Int]

    /// A tensor of `shape` holding `scalars` in row-major order.
    ///
    /// - Precondition: `scalars.count` is the product of `shape`.
    public init(shape: [Int], scalars: [Int]) {
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == scalars.count else {
            fatalError("IntTensor(shape: \(shape), scalars:): \(scalars.count) scalars do not fill shape \(shape)")
        }
        self.shape = shape
        self.scalars = scalars
    }
    /// A 1-D tensor of `values`.
    public init(_ values: [Int]) { self.init(shape: [values.count], scalars: values) }

    /// 0, 1, …, n − 1.
    public static func arange(_ n: Int) -> IntTensor { IntTensor(Array(0..<n)) }

    /// The number of axes.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { scalars.count }

    /// The element at one index per axis (`labels[3]`, `argmaxes[i, j]`).
    ///
    /// - Precondition: One index per axis, each in range.
    public subscript(_ index: Int...) -> Int {
        get { scalars[flatOffset("IntTensor subscript", index, shape)] }
        set { scalars[flatOffset("IntTensor subscript", index, shape)] = newValue }
    }

    /// The same elements as floating point.
    public func asType<T: TensorScalar>(_: T.Type) -> Tensor<T> { Tensor(shape: shape, scalars: scalars.map { T($0) }) }

    public var description: String { formatNested(shape, count: count) { String(scalars[$0]) } }
}

/// An n-dimensional row-major array of `Bool`: masks and comparison results.
public struct BoolTensor: Sendable, Equatable, CustomStringConvertible {
    /// The length of each axis.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public internal(set) var scalars: [Bool]

    /// A mask of `shape` holding `scalars` in row-major order.
    ///
    /// - Precondition: `scalars.count` is the product of `shape`.
    public init(shape: [Int], scalars: [Bool]) {
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == scalars.count else {
            fatalError("BoolTensor(shape: \(shape), scalars:): \(scalars.count) scalars do not fill shape \(shape)")
        }
        self.shape = shape
        self.scalars = scalars
    }
    /// A 1-D mask of `values`.
    public init(_ values: [Bool]) { self.init(shape: [values.count], scalars: values) }

    /// The number of axes.
    /// The number of axes.
    public var rank: Int { shape.count }
    /// The number of elements.
    /// The number of elements.
    public var count: Int { scalars.count }
    /// How many elements are true.
    public var trueCount: Int { scalars.reduce(0) { $0 + ($1 ? 1 : 0) } }
    /// True when every element is true (NumPy `all`; true for an empty mask).
    public var all: Bool { scalars.allSatisfy { $0 } }
    /// True when some element is true (NumPy `any`).
    public var any: Bool { scalars.contains(true) }

    /// The element at one index per axis.
    ///
    /// - Precondition: One index per axis, each in range.
    public subscript(_ index: Int...) -> Bool {
        get { scalars[flatOffset("BoolTensor subscript", index, shape)] }
        set { scalars[flatOffset("BoolTensor subscript", index, shape)] = newValue }
    }

    /// 1 where true, 0 where false.
    public func asType<T: TensorScalar>(_: T.Type) -> Tensor<T> { Tensor(shape: shape, scalars: scalars.map { $0 ? 1 : 0 }) }

    /// Elementwise not.
    public static prefix func ! (a: BoolTensor) -> BoolTensor { BoolTensor(shape: a.shape, scalars: a.scalars.map { !$0 }) }
    /// Elementwise and (NumPy `a & b`).
    ///
    /// - Precondition: Equal shapes.
    public static func && (a: BoolTensor, b: BoolTensor) -> BoolTensor {
        let (s, v) = broadcastZip("&&", a.shape, a.scalars, b.shape, b.scalars, AndF.self)
        return BoolTensor(shape: s, scalars: v)
    }
    /// Elementwise or (NumPy `a | b`).
    ///
    /// - Precondition: Equal shapes.
    public static func || (a: BoolTensor, b: BoolTensor) -> BoolTensor {
        let (s, v) = broadcastZip("||", a.shape, a.scalars, b.shape, b.scalars, OrF.self)
        return BoolTensor(shape: s, scalars: v)
    }

    public var description: String { formatNested(shape, count: count) { scalars[$0] ? "True" : "False" } }
}

/// Row-major flat offset of a full multi-index, with range checks naming `op`.
func flatOffset(_ op: String, _ index: [Int], _ shape: [Int]) -> Int {
    guard index.count == shape.count else {
        fatalError("\(op): \(index.count) indices for a tensor of shape \(shape)")
    }
    var o = 0
    for (i, (k, n)) in zip(index, shape).enumerated() {
        guard k >= 0 && k < n else {
            fatalError("\(op): index \(k) out of range 0..<\(n) on axis \(i) of shape \(shape)")
        }
        o = o * n + k
    }
    return o
}

enum AndF: BinaryFunction { static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b } }
enum OrF: BinaryFunction { static func apply(_ a: Bool, _ b: Bool) -> Bool { a || b } }
