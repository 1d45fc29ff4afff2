import Foundation

/// Inter-word spacing measured on a PDF with `pdftotext -bbox-layout`, the same way for any
/// producer: the words of each page are grouped into lines by their vertical centres
/// (sub- and superscripts stay with their line), and each line's spacing is the median gap
/// between its words, as a multiple of the natural interword space.
struct WordSpacing {
    struct Word { var xMin, yMin, xMax, yMax: Double }

    /// Per page (one paragraph each), the lines' spacing ratios, top to bottom.
    let pages: [[Double]]
    /// Per page, how far its widest line reaches right of the page's left text edge.
    let reach: [Double]

    init(bboxLayout xml: String, naturalSpace: Double, bottom: Double = .infinity) throws {
        let pagePattern = try NSRegularExpression(pattern: #"<page [^>]*>(.*?)</page>"#, options: .dotMatchesLineSeparators)
        let wordPattern = try NSRegularExpression(
            pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)""#)
        var pages: [[Double]] = [], reach: [Double] = []
        for page in pagePattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            let body = String(xml[Range(page.range(at: 1), in: xml)!])
            let words = wordPattern.matches(in: body, range: NSRange(body.startIndex..., in: body)).map { m in
                let v = (1...4).map { Double(body[Range(m.range(at: $0), in: body)!])! }
                return Word(xMin: v[0], yMin: v[1], xMax: v[2], yMax: v[3])
            }
            let inBlock = words.filter { $0.yMax <= bottom }  // not the folio below the text block
            guard !inBlock.isEmpty else { continue }
            pages.append(Self.lines(inBlock).map { Self.ratio($0, naturalSpace) })
            reach.append(inBlock.map(\.xMax).max()! - inBlock.map(\.xMin).min()!)
        }
        self.pages = pages
        self.reach = reach
    }

    /// Text lines: words of text height (not scripts, not the parts of an inline fraction,
    /// not a radical sign or a big operator)
    /// grouped by their vertical centres; smaller words join the nearest line.
    static func lines(_ words: [Word]) -> [[Word]] {
        func mid(_ w: Word) -> Double { (w.yMin + w.yMax) / 2 }
        let heights = words.map { $0.yMax - $0.yMin }.sorted()
        let typical = heights[heights.count / 2]
        func isFull(_ w: Word) -> Bool { (0.8 * typical...1.25 * typical).contains(w.yMax - w.yMin) }
        let full = words.filter(isFull).sorted { mid($0) < mid($1) }
        var lines: [[Word]] = [], centres: [Double] = []
        for w in full {
            if let c = centres.last, mid(w) - c <= 0.6 * typical {
                lines[lines.count - 1].append(w)
            } else {
                lines.append([w]); centres.append(mid(w))
            }
        }
        for w in words where !isFull(w) {
            guard let k = centres.indices.min(by: { abs(centres[$0] - mid(w)) < abs(centres[$1] - mid(w)) }) else { continue }
            lines[k].append(w)
        }
        return lines.map { $0.sorted { $0.xMin < $1.xMin } }
    }

    static func ratio(_ line: [Word], _ natural: Double) -> Double {
        var gaps: [Double] = []
        for (a, b) in zip(line, line.dropFirst()) where b.xMin - a.xMax > 0.3 { gaps.append(b.xMin - a.xMax) }
        guard !gaps.isEmpty else { return 1 }
        gaps.sort()
        return gaps[gaps.count / 2] / natural
    }

    /// The spacing of every justified line (all but each paragraph's last).
    var justified: [Double] { pages.flatMap { $0.dropLast() } }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return 0 }
        return s[min(s.count - 1, Int((p * Double(s.count - 1)).rounded()))]
    }
}
