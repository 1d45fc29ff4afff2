@_exported import ComplexModule
internal import Foundation
import RealModule

/// The real types whose complex numbers a ``ComplexTensor`` holds: `Float` and `Double`.
public typealias ComplexComponent = TensorScalar & RealModule.Real

/// An n-dimensional, row-major array of complex numbers `Complex<Real>` (swift-numerics'
/// ComplexModule, re-exported), `Real` being `Float` or `Double`: NumPy's `complex64` and
/// `complex128`.
///
/// The storage is one contiguous array of (real, imaginary) pairs, which is also BLAS's and
/// LAPACK's layout, so `zgemm`, `zgeev` and `zgesdd` read it directly; ``realView`` is the same
/// numbers as a real tensor with a trailing axis of 2.
///
/// Why a type of its own rather than `Tensor<Complex<Double>>`: `Tensor`'s element protocol
/// `TensorScalar` is a `BinaryFloatingPoint` (ordered, with the C math library of its precision),
/// which complex numbers are not, and a few hundred generic signatures in Tensor, Autograd, Theory
/// and the runtime rely on `Tensor<T>` implying it. Loosening the constraint would touch every one
/// of them for operations (comparisons, `exp`, sorting, real LAPACK) complex numbers do not have;
/// a separate value type with the same conventions (value semantics, contiguous storage, traps
/// that name the operation and the shapes) keeps both exact.
///
/// ```swift
/// let z = ComplexTensor<Double>(real: [1, 0], imaginary: [0, 1])   // [1.+0.j, 0.+1.j]
/// z.abs()                                                          // [1., 1.]
/// ```
public struct ComplexTensor<Scalar: ComplexComponent>: Sendable, Equatable {
    /// The length of each axis.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public internal(set) var scalars: [Complex<Scalar>]

    /// A tensor of the given shape and row-major elements.
    ///
    /// - Parameters:
    ///   - shape: Non-negative axis lengths.
    ///   - scalars: Exactly `shape.reduce(1, *)` elements.
    /// - Precondition: The count matches the shape; otherwise it traps naming both.
    public init(shape: [Int], scalars: [Complex<Scalar>]) {
        precondition(
            shape.allSatisfy { $0 >= 0 } && shape.reduce(1, *) == scalars.count,
            "ComplexTensor(shape: \(shape), scalars:): \(scalars.count) scalars do not fill shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A 1-D tensor of the given values.
    ///
    /// - Parameter values: The elements.
    public init(_ values: [Complex<Scalar>]) { self.init(shape: [values.count], scalars: values) }

    /// The complex tensor `real + i·imaginary`.
    ///
    /// - Parameters:
    ///   - real: The real parts.
    ///   - imaginary: The imaginary parts, of the same shape (zero when omitted).
    /// - Precondition: The shapes are equal; otherwise it traps naming both. O(count).
    public init(real: Tensor<Scalar>, imaginary: Tensor<Scalar>? = nil) {
        let imaginary = imaginary ?? Tensor<Scalar>.zeros(real.shape)
        precondition(real.shape == imaginary.shape, "ComplexTensor(real:imaginary:): shapes \(real.shape) and \(imaginary.shape) differ")
        self.init(shape: real.shape, scalars: zip(real.scalars, imaginary.scalars).map { Complex($0, $1) })
    }

    /// A tensor of zeros.
    ///
    /// - Parameter shape: The axis lengths.
    /// - Returns: `0 + 0i` everywhere.
    public static func zeros(_ shape: [Int]) -> ComplexTensor {
        ComplexTensor(shape: shape, scalars: [Complex<Scalar>](repeating: .zero, count: shape.reduce(1, *)))
    }

    /// The number of axes.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { scalars.count }

    /// The element at a full multi-index.
    ///
    /// - Parameter index: One index per axis, each in range (else it traps naming it).
    public subscript(_ index: Int...) -> Complex<Scalar> {
        get { scalars[flatOffset("ComplexTensor subscript", index, shape)] }
        set { scalars[flatOffset("ComplexTensor subscript", index, shape)] = newValue }
    }

    /// The same numbers as reals with a trailing axis of 2 (real part, imaginary part), as
    /// NumPy's `z.view(float).reshape(*z.shape, 2)`. O(count).
    public var realView: Tensor<Scalar> {
        let parts = scalars.withUnsafeBufferPointer { buffer in buffer.withMemoryRebound(to: Scalar.self) { Array($0) } }
        return Tensor<Scalar>(shape: shape + [2], scalars: parts)
    }

    /// The complex tensor whose ``realView`` is `parts`.
    ///
    /// - Parameter parts: Reals whose last axis has length 2.
    /// - Precondition: The last axis has length 2; otherwise it traps. O(count).
    public init(realView parts: Tensor<Scalar>) {
        precondition(parts.shape.last == 2, "ComplexTensor(realView:): the last axis must have length 2, got shape \(parts.shape)")
        let values = parts.scalars.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Complex<Scalar>.self) { Array($0.prefix(buffer.count / 2)) }
        }
        self.init(shape: Array(parts.shape.dropLast()), scalars: values)
    }

    /// The real parts (NumPy's `z.real`).
    public var real: Tensor<Scalar> { Tensor<Scalar>(shape: shape, scalars: scalars.map(\.real)) }

    /// The imaginary parts (NumPy's `z.imag`).
    public var imag: Tensor<Scalar> { Tensor<Scalar>(shape: shape, scalars: scalars.map(\.imaginary)) }

    /// The complex conjugates, elementwise.
    ///
    /// - Returns: `re − i·im` per element. O(count).
    public func conj() -> ComplexTensor { ComplexTensor(shape: shape, scalars: scalars.map(\.conjugate)) }

    /// The moduli |z|, elementwise, without overflow or underflow of |z|² (swift-numerics' `length`).
    ///
    /// - Returns: A real tensor of the same shape. O(count).
    public func abs() -> Tensor<Scalar> { Tensor<Scalar>(shape: shape, scalars: scalars.map(\.length)) }

    /// The squared moduli re² + im², elementwise: the power spectrum of a transform.
    ///
    /// - Returns: A real tensor of the same shape. O(count).
    public func abs2() -> Tensor<Scalar> {
        Tensor<Scalar>(shape: shape, scalars: scalars.map { $0.real * $0.real + $0.imaginary * $0.imaginary })
    }

    /// The arguments (phases) atan2(im, re) in [−π, π], elementwise (NumPy's `angle`).
    ///
    /// - Returns: A real tensor of the same shape. O(count).
    public func arg() -> Tensor<Scalar> {
        Tensor<Scalar>(shape: shape, scalars: scalars.map { Scalar(Foundation.atan2(Double($0.imaginary), Double($0.real))) })
    }

    /// The same elements with a new shape; one dimension may be −1 (inferred).
    ///
    /// - Parameter newShape: The new shape.
    /// - Returns: The reshaped tensor (shares storage until written).
    public func reshaped(_ newShape: [Int]) -> ComplexTensor {
        var target = newShape
        let holes = newShape.indices.filter { newShape[$0] == -1 }
        let known = newShape.filter { $0 != -1 }.reduce(1, *)
        precondition(holes.count <= 1 && newShape.allSatisfy { $0 >= -1 }, "reshaped: shape \(newShape) may contain at most one -1")
        if let hole = holes.first, known > 0 { target[hole] = count / known }
        precondition(target.reduce(1, *) == count, "reshaped: cannot reshape \(shape) (\(count) elements) to \(newShape)")
        return ComplexTensor(shape: target, scalars: scalars)
    }

    /// Axes reordered: result axis i is axis `axes[i]` (NumPy's `transpose(axes)`).
    ///
    /// - Parameter axes: A permutation of the axes.
    /// - Returns: A new contiguous tensor. O(count).
    public func permuted(_ axes: [Int]) -> ComplexTensor {
        let ax = axes.map { normalizeAxis("permuted", $0, rank: rank) }
        return ComplexTensor(realView: realView.permuted(ax + [rank]))
    }

    /// The transpose of a matrix; for higher ranks, the last two axes swapped.
    public func transposed() -> ComplexTensor {
        precondition(rank >= 2, "transposed(): needs at least 2 axes, got shape \(shape)")
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }

    /// The conjugate transpose (Hermitian adjoint) of a matrix.
    public var H: ComplexTensor { transposed().conj() }
}

extension ComplexTensor: CustomStringConvertible {
    /// NumPy-like printing: `[1.+2.j, 0.5-1.j]`.
    public var description: String {
        formatNested(shape, count: count) { k in
            let z = scalars[k], imaginary = formatScalar(z.imaginary)
            return formatScalar(z.real) + (imaginary.hasPrefix("-") ? "" : "+") + imaginary + "j"
        }
    }
}

extension Tensor where Scalar: RealModule.Real {
    /// These reals as complex numbers with zero imaginary part.
    ///
    /// - Returns: A complex tensor of the same shape. O(count).
    public func complex() -> ComplexTensor<Scalar> { ComplexTensor(real: self) }
}
