import Foundation
import Notebook

/// Every citation of a document in reading order (footnotes at their marks), and the same
/// walk rewriting each citation into other inlines.
enum CitationWalk {
    static func visit(_ blocks: [Block], _ f: (CitationMark) -> Void) {
        _ = map(blocks) { mark in
            f(mark)
            return [.citation(mark)]
        }
    }

    static func map(_ blocks: [Block], _ f: (CitationMark) -> [Inline]) -> [Block] {
        blocks.map { map($0, f) }
    }

    static func map(_ block: Block, _ f: (CitationMark) -> [Inline]) -> Block {
        switch block {
        case .heading(let level, let content, let line): .heading(level: level, content: map(content, f), line: line)
        case .paragraph(let content, let line): .paragraph(map(content, f), line: line)
        case .list(let ordered, let start, let items, let line):
            .list(ordered: ordered, start: start, items: items.map { map($0, f) }, line: line)
        case .quote(let blocks, let line): .quote(map(blocks, f), line: line)
        case .table(let header, let rows, var caption, let line):
            {
                if let content = caption?.content { caption?.content = map(content, f) }
                return .table(header: header.map { map($0, f) }, rows: rows.map { $0.map { map($0, f) } }, caption: caption, line: line)
            }()
        case .imageFigure(var figure, let line):
            {
                figure.alt = map(figure.alt, f)
                return .imageFigure(figure, line: line)
            }()
        case .div(var div):
            {
                div.blocks = map(div.blocks, f)
                return .div(div)
            }()
        case .code, .cell, .displayMath, .equation, .rule, .html: block
        }
    }

    static func map(_ inlines: [Inline], _ f: (CitationMark) -> [Inline]) -> [Inline] {
        guard !inlines.isEmpty else { return inlines }
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for i in inlines {
            switch i {
            case .citation(let mark): out += f(mark)
            case .emphasis(let c): out.append(.emphasis(map(c, f)))
            case .strong(let c): out.append(.strong(map(c, f)))
            case .strikethrough(let c): out.append(.strikethrough(map(c, f)))
            case .styled(let style, let c): out.append(.styled(style, map(c, f)))
            case .link(let url, let c): out.append(.link(url: url, content: map(c, f)))
            case .footnote(let blocks): out.append(.footnote(map(blocks, f)))
            default: out.append(i)
            }
        }
        return out
    }

    /// Cross references whose label is also a key of the bibliography: which one `@x` means is
    /// not clear, so each is an error at its line and the column of its `@` in `source`.
    static func labelClashes(
        _ blocks: [Block], keys: Set<String>, origins: [String: (file: String, line: Int, column: Int)], path: String, source: NotebookLines
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var columns = source
        func inlines(_ list: [Inline]) {
            for i in list {
                switch i {
                case .crossReference(let label, let line), .customReference(let label, _, let line):
                    if keys.contains(label) {
                        let at = origins[label].map { " (\($0.file):\($0.line))" } ?? ""
                        found.append(
                            Diagnostic(
                                file: path, line: line, column: columns.column(of: "@" + label, line: line),
                                message: "'@\(label)' is both a cross-reference label and a citation key\(at); rename one of them"))
                    }
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c): inlines(c)
                case .footnote(let b): walk(b)
                default: break
                }
            }
        }
        func walk(_ list: [Block]) {
            for b in list {
                switch b {
                case .heading(_, let c, _), .paragraph(let c, _): inlines(c)
                case .list(_, _, let items, _): items.forEach(walk)
                case .quote(let b, _): walk(b)
                case .div(let d): walk(d.blocks)
                case .table(let header, let rows, let caption, _):
                    header.forEach(inlines); rows.forEach { $0.forEach(inlines) }; inlines(caption?.content ?? [])
                case .imageFigure(let figure, _): inlines(figure.alt)
                default: break
                }
            }
        }
        walk(blocks)
        return found
    }
}
