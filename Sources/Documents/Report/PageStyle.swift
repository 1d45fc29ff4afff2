import Graphics
import Notebook

/// The typographic decisions of a report page in one place: paper, margins, fonts, colours.
struct PageStyle {
    var width: Double
    var height: Double
    var margin = (top: 72.0, bottom: 72.0, left: 78.0, right: 78.0)

    var textWidth: Double { width - margin.left - margin.right }
    var bottom: Double { height - margin.bottom }

    let bodySize = 10.5
    let codeSize = 8.5
    var body: String { Fonts.description(Fonts.serif, size: bodySize) }
    var code: String { Fonts.description(Fonts.mono, size: codeSize) }
    func heading(_ level: Int) -> String {
        Fonts.description(Fonts.serif, size: headingSize(level), bold: true)
    }

    func headingSize(_ level: Int) -> Double { [17.0, 13.5, 11.5, 10.5][min(max(level, 1), 4) - 1] }

    let ink = Color(hex: 0x1a1a1a)
    let muted = Color(hex: 0x5f6368)
    let codeBackground = Color(hex: 0xf5f6f8)
    let codeBorder = Color(hex: 0xdfe2e6)
    let outputRule = Color(hex: 0x9aa5b1)
    let errorInk = Color(hex: 0xb00020)
    let errorBackground = Color(hex: 0xfdecee)

    init(paper: FrontMatter.Paper) {
        switch paper {
        case .a4: (width, height) = (595.276, 841.89)
        case .letter: (width, height) = (612, 792)
        }
    }
}

extension PageStyle {
    /// Body ink, for drawing code that has no style at hand (math boxes).
    static let inkColor = Color(hex: 0x1a1a1a)
    var quoteRule: Color { Color(hex: 0xc4c9cf) }
    var small: String { Fonts.description(Fonts.serif, size: 9) }
    var caption: String { Fonts.description(Fonts.serif, size: 9.5) }
}
