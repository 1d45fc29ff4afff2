import Foundation

/// Every formula the report will typeset, with its place in the notebook, found once when the
/// notebook is parsed (where its lines are at hand): the text's `$…$` and `$$…$$`, the
/// abstract's, and those of the cells' captions. Report typesets each and warns at its place
/// when MathType cannot (an unknown command, a missing brace).
extension Document {
    /// `spans` are the text's math spans and `typeset` the indices of those that became
    /// formulas; `lines` the notebook's lines as written.
    static func mathSources(
        spans: [MathProtection.Span], typeset: Set<Int>, frontMatter: FrontMatter, blocks: [Block], lines: [Substring]
    ) -> [MathSource] {
        var result: [MathSource] = []
        for k in typeset.sorted() where k < spans.count {
            let s = spans[k]
            result.append(MathSource(tex: s.tex, display: s.display, line: s.line, column: s.column + (s.display ? 2 : 1), verbatim: true))
        }
        if let abstract = frontMatter.abstract, let at = frontMatter.abstractPosition {
            for s in typesetSpans(abstract) {
                result.append(find(s, from: at.line, column: at.column, searching: 40, lines: lines))
            }
        }
        for cell in cells(in: blocks) {
            guard let caption = cell.options.caption, let at = cell.options.captionPlace else { continue }
            for s in typesetSpans(caption) {
                if at.verbatim, s.line == 1 {
                    let column = at.column + s.column - 1 + (s.display ? 2 : 1)
                    result.append(MathSource(tex: s.tex, display: s.display, line: at.line, column: column, verbatim: true))
                } else {
                    result.append(find(s, from: at.line, column: at.column, searching: 20, lines: lines))
                }
            }
        }
        return result
    }

    /// The spans of a piece of Markdown (a caption, the abstract) that become formulas.
    static func typesetSpans(_ text: String) -> [MathProtection.Span] {
        var math = MathProtection()
        let protected = math.protect(text)
        var parser = MarkdownParser(file: "", math: math)
        guard (try? parser.parse(protected)) != nil else { return [] }
        return parser.typesetMath.sorted().compactMap { $0 < math.spans.count ? math.spans[$0] : nil }
    }

    /// A formula of a YAML value (whose quotes and escapes the text may not show as written):
    /// at its first occurrence, as written, in the `count` lines from `line`; else at the value.
    static func find(_ s: MathProtection.Span, from line: Int, column: Int, searching count: Int, lines: [Substring]) -> MathSource {
        let delimiter = s.display ? "$$" : "$"
        let written = delimiter + s.tex + delimiter
        if !s.tex.contains("\n") {
            for l in line..<min(line + count, lines.count + 1) {
                let text = lines[l - 1]
                guard let r = text.range(of: written) else { continue }
                let c = text.distance(from: text.startIndex, to: r.lowerBound) + 1 + delimiter.count
                return MathSource(tex: s.tex, display: s.display, line: l, column: c, verbatim: true)
            }
        }
        return MathSource(tex: s.tex, display: s.display, line: line, column: column, verbatim: false)
    }
}
