// Elementwise arithmetic on complex tensors with NumPy broadcasting: + − × ÷ between complex
// tensors, with real tensors, and with scalars. The loops are broadcastZip's (Broadcasting.swift),
// with the operation a type so each is specialised.

enum ComplexAddF<T: ComplexComponent>: BinaryFunction { @inline(__always) static func apply(_ a: Complex<T>, _ b: Complex<T>) -> Complex<T> { a + b } }
enum ComplexSubF<T: ComplexComponent>: BinaryFunction { @inline(__always) static func apply(_ a: Complex<T>, _ b: Complex<T>) -> Complex<T> { a - b } }
enum ComplexMulF<T: ComplexComponent>: BinaryFunction {
    // The schoolbook product: swift-numerics' `*` is exact too, but this one vectorises.
    @inline(__always) static func apply(_ a: Complex<T>, _ b: Complex<T>) -> Complex<T> {
        Complex(a.real * b.real - a.imaginary * b.imaginary, a.real * b.imaginary + a.imaginary * b.real)
    }
}
enum ComplexDivF<T: ComplexComponent>: BinaryFunction {
    // swift-numerics' division rescales to avoid overflow and underflow of |b|².
    @inline(__always) static func apply(_ a: Complex<T>, _ b: Complex<T>) -> Complex<T> { a / b }
}

extension ComplexTensor {
    /// Combines two complex tensors elementwise with broadcasting.
    static func zipped<F: BinaryFunction>(_ name: String, _ a: ComplexTensor, _ b: ComplexTensor, _ f: F.Type) -> ComplexTensor
    where F.A == Complex<Scalar>, F.B == Complex<Scalar>, F.O == Complex<Scalar> {
        let (shape, values) = broadcastZip(name, a.shape, a.scalars, b.shape, b.scalars, f)
        return ComplexTensor(shape: shape, scalars: values)
    }

    /// The elementwise sum, with NumPy broadcasting (a shape mismatch traps naming both shapes).
    public static func + (a: ComplexTensor, b: ComplexTensor) -> ComplexTensor { zipped("+", a, b, ComplexAddF<Scalar>.self) }
    /// The elementwise difference, with broadcasting.
    public static func - (a: ComplexTensor, b: ComplexTensor) -> ComplexTensor { zipped("-", a, b, ComplexSubF<Scalar>.self) }
    /// The elementwise product, with broadcasting.
    public static func * (a: ComplexTensor, b: ComplexTensor) -> ComplexTensor { zipped("*", a, b, ComplexMulF<Scalar>.self) }
    /// The elementwise quotient, with broadcasting (x / 0 is inf or nan, as in NumPy).
    public static func / (a: ComplexTensor, b: ComplexTensor) -> ComplexTensor { zipped("/", a, b, ComplexDivF<Scalar>.self) }

    /// The elementwise negation.
    public static prefix func - (a: ComplexTensor) -> ComplexTensor { ComplexTensor(shape: a.shape, scalars: a.scalars.map { -$0 }) }

    /// A complex tensor plus a real one (broadcast), the real one read as `x + 0i`.
    public static func + (a: ComplexTensor, b: Tensor<Scalar>) -> ComplexTensor { a + b.complex() }
    /// A complex tensor minus a real one (broadcast).
    public static func - (a: ComplexTensor, b: Tensor<Scalar>) -> ComplexTensor { a - b.complex() }
    /// A complex tensor times a real one (broadcast): a filter applied to a spectrum.
    public static func * (a: ComplexTensor, b: Tensor<Scalar>) -> ComplexTensor { a * b.complex() }
    /// A real tensor times a complex one (broadcast).
    public static func * (a: Tensor<Scalar>, b: ComplexTensor) -> ComplexTensor { a.complex() * b }
    /// A complex tensor divided by a real one (broadcast).
    public static func / (a: ComplexTensor, b: Tensor<Scalar>) -> ComplexTensor { a / b.complex() }

    /// Every element times a complex number.
    public static func * (a: ComplexTensor, s: Complex<Scalar>) -> ComplexTensor { ComplexTensor(shape: a.shape, scalars: a.scalars.map { $0 * s }) }
    /// A complex number times every element.
    public static func * (s: Complex<Scalar>, a: ComplexTensor) -> ComplexTensor { a * s }
    /// Every element times a real number.
    public static func * (a: ComplexTensor, s: Scalar) -> ComplexTensor {
        ComplexTensor(shape: a.shape, scalars: a.scalars.map { Complex($0.real * s, $0.imaginary * s) })
    }
    /// A real number times every element.
    public static func * (s: Scalar, a: ComplexTensor) -> ComplexTensor { a * s }
    /// Every element divided by a real number.
    public static func / (a: ComplexTensor, s: Scalar) -> ComplexTensor { a * (1 / s) }
    /// Every element plus a complex number.
    public static func + (a: ComplexTensor, s: Complex<Scalar>) -> ComplexTensor { ComplexTensor(shape: a.shape, scalars: a.scalars.map { $0 + s }) }
    /// Every element minus a complex number.
    public static func - (a: ComplexTensor, s: Complex<Scalar>) -> ComplexTensor { a + (-s) }

    /// exp(z), elementwise (swift-numerics' complex exponential).
    ///
    /// - Returns: `e^re·(cos im + i·sin im)` per element. O(count).
    public func exp() -> ComplexTensor { ComplexTensor(shape: shape, scalars: scalars.map { Complex.exp($0) }) }

    /// The sum of all elements.
    ///
    /// - Returns: Σ z, summed in the storage order. O(count).
    public func sum() -> Complex<Scalar> { scalars.reduce(.zero, +) }
}
