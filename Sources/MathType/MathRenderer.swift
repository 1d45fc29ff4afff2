import Graphics

/// Typesets TeX math with an OpenType math font.
///
///     let renderer = try MathRenderer()
///     let f = renderer.layout(#"\frac{a}{b}"#, style: .display, size: 11)
///     f.draw(on: canvas, at: Point(72, 100))   // (72, 100) is the left end of the baseline
///
/// A formula with an error still lays out: as a red box showing the message; `errors` says
/// what and where, so the caller can report it with its source location.
public final class MathRenderer: @unchecked Sendable {
    public let font: MathFont

    public init(font: MathFont) { self.font = font }

    /// A renderer with Latin Modern Math.
    public convenience init() throws { self.init(font: try MathFont()) }

    public func layout(_ tex: String, style: MathStyle = .text, size: Double, color: Color = .black) -> MathLayout {
        let setter = Typesetter(font: font)
        let (parsed, tag) = Parser.parse(tex)
        let box: Box
        var errors: [MathError] = []
        switch parsed {
        case .success(let list):
            box = setter.list(list, style)
        case .failure(let e):
            errors = [e]
            box = setter.errorBox(e.message, style)
        }
        let tagLayout = tag.map { t -> MathLayout in
            let b = setter.text(t, .text)
            return MathLayout(box: b, size: size, color: color, fontFile: font.path, errors: [], tag: nil)
        }
        return MathLayout(box: box, size: size, color: color, fontFile: font.path, errors: errors, tag: tagLayout)
    }
}
