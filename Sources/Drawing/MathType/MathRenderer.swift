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
    /// The OpenType math font whose glyphs and MATH constants the formulas are built from.
    public let font: MathFont

    /// A renderer typesetting with `font`.
    ///
    /// - Parameter font: A font with a MATH table, e.g. `try MathFont(family: "STIX Math")`.
    public init(font: MathFont) { self.font = font }

    /// A renderer with Latin Modern Math.
    public convenience init() throws { self.init(font: try MathFont()) }

    /// One Latin Modern Math renderer for the process (glyph caches are shared and thread-safe).
    /// Latin Modern Math is a system requirement (fonts-lmodern, scripts/setup).
    public static let shared: MathRenderer = {
        do { return try MathRenderer() } catch { fatalError("MathRenderer.shared: \(error)") }
    }()

    /// Typesets TeX math (without the surrounding `$`). `size` is the font size in points.
    public func layout(_ tex: String, style: MathStyle = .text, size: Double, color: Color = .black) -> MathLayout {
        let layout = typeset(Parser.parse(tex), style: style, size: size, color: color)
        if !layout.errors.isEmpty { MathErrorSink.report(tex, layout.errors) }
        return layout
    }

    /// Typesets a label of text with `$…$` math inside (`"depth $\ell$"`), as plot labels and
    /// captions need: text in the math font's upright Latin, math as in `layout`.
    public func layoutText(_ text: String, size: Double, color: Color = .black) -> MathLayout {
        var p = Parser("")
        let parsed: Result<[MathNode], MathError>
        do { parsed = .success([try p.textWithMath(text, offset: 0)]) } catch let e as MathError {
            parsed = .failure(e)
        } catch { parsed = .failure(MathError(offset: 0, message: "\(error)")) }
        let layout = typeset((parsed, nil), style: .text, size: size, color: color)
        if !layout.errors.isEmpty { MathErrorSink.report(text, layout.errors) }
        return layout
    }

    private func typeset(
        _ input: (list: Result<[MathNode], MathError>, tag: String?), style: MathStyle,
        size: Double, color: Color
    ) -> MathLayout {
        let setter = Typesetter(font: font)
        let (parsed, tag) = input
        var box: Box
        var errors: [MathError] = []
        var breaks: [MathBreakPoint] = []
        switch parsed {
        case .success(let list):
            (box, breaks) = setter.listWithBreaks(list, style)
            // As TeX, no box beyond \maxdimen (in ems here): a formula kilometres wide is
            // unreadable and overflows Pango's and Cairo's fixed-point units downstream.
            let limit = Commands.maxDimen
            if !(abs(box.width) <= limit && abs(box.height) <= limit && abs(box.depth) <= limit) {
                let e = MathError(offset: 0, message: "formula too large: beyond TeX's \\maxdimen (16383.99998pt) across or up")
                errors = [e]
                box = setter.errorBox(e.message, style)
                breaks = []
            }
        case .failure(let e):
            errors = [e]
            box = setter.errorBox(e.message, style)
        }
        let tagLayout = tag.map { t -> MathLayout in
            let b = setter.text(t, .text)
            return MathLayout(box: b, size: size, color: color, fontFile: font.path, errors: [], tag: nil)
        }
        var layout = MathLayout(box: box, size: size, color: color, fontFile: font.path, errors: errors, tag: tagLayout)
        layout.breakPoints = breaks.map { MathBreakPoint(after: $0.after * size, next: $0.next * size, penalty: $0.penalty) }
        return layout
    }
}
