import Foundation

/// A parsed notebook: front matter, blocks with their source lines, and the Swift cells.
public struct Document: Equatable, Sendable {
    /// The path as the user gave it; diagnostics are reported against it.
    public var path: String
    /// Setting the front matter sets `abstractInlines` to its abstract's.
    public var frontMatter: FrontMatter {
        didSet { abstractInlines = Self.abstractInlines(frontMatter.abstract, path: path, citations: !frontMatter.bibliography.files.isEmpty) }
    }
    /// The front matter's abstract as inline Markdown, parsed once (`Abstract.swift`).
    public var abstractInlines: [Inline]?
    /// Setting the blocks sets `cells` to theirs.
    public var blocks: [Block] { didSet { cells = Self.cells(in: blocks) } }
    /// The Swift cells in order, collected once from `blocks`: callers look cells up in loops.
    public private(set) var cells: [Cell]
    /// Problems that do not stop a render (an unclosed fence around shown code, a footnote
    /// that cites itself), to print with the report's own warnings.
    public var warnings: [Diagnostic]
    /// Every formula the report typesets, with its place (`MathSources.swift`).
    public var math: [MathSource] = []

    public init(path: String, frontMatter: FrontMatter, blocks: [Block], warnings: [Diagnostic] = []) {
        (self.path, self.frontMatter, self.blocks, self.warnings) = (path, frontMatter, blocks, warnings)
        cells = Self.cells(in: blocks)
        abstractInlines = Self.abstractInlines(frontMatter.abstract, path: path, citations: !frontMatter.bibliography.files.isEmpty)
    }

    /// The cell whose `index` is `index`, in constant time (indices are positions in `cells`).
    public func cell(at index: Int) -> Cell? {
        if cells.indices.contains(index), cells[index].index == index { return cells[index] }
        return cells.first { $0.index == index }
    }

    /// The cell whose code holds Markdown line `line`, found by bisection (cells are in line order).
    public func cell(containingLine line: Int) -> Cell? {
        var (lo, hi) = (0, cells.count)
        while lo < hi { let mid = (lo + hi) / 2; if cells[mid].firstLine <= line { lo = mid + 1 } else { hi = mid } }
        guard lo > 0 else { return nil }
        let c = cells[lo - 1]
        return line - c.firstLine <= c.code.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } ? c : nil
    }

    /// The Markdown column of a compiler's or a backtrace's `line:utf8Column` (bytes within the
    /// code line): the cell's prefix on that line (`> `, a list's indentation) plus the
    /// characters before the byte. Outside any cell the column is returned as given.
    public func markdownColumn(line: Int, utf8Column: Int) -> Int {
        cell(containingLine: line)?.markdownColumn(line: line, utf8Column: utf8Column) ?? utf8Column
    }

    /// Cells of lists and quotes too, without recursion (the model's depth is capped, but a
    /// `Document` can be built from any blocks).
    static func cells(in blocks: [Block]) -> [Cell] {
        var result: [Cell] = []
        var stack: [ArraySlice<Block>] = [blocks[...]]
        while var top = stack.popLast() {
            guard let b = top.popFirst() else { continue }
            stack.append(top)
            switch b {
            case .cell(let c): result.append(c)
            case .list(_, _, let items, _): stack += items.reversed().map { $0[...] }
            case .quote(let inner, _): stack.append(inner[...])
            case .div(let d): stack.append(d.blocks[...])
            default: break
            }
        }
        return result
    }

    /// Name used for output files: `notebooks/trajectory-length.md` → `trajectory-length`.
    public var name: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// Title from front matter, else the first heading, else the file name.
    public var title: String {
        if let t = frontMatter.title { return t }
        for b in blocks { if case .heading(_, let c, _) = b { return c.plainText } }
        return name
    }

    /// Largest notebook read: far beyond any real one, small enough that a mistaken path (a
    /// log, a disk image) fails at once instead of filling memory.
    public static let maxBytes = 16 << 20

    /// Reads and parses a notebook file, and checks its declared inputs exist as regular files.
    /// Errors are `Diagnostic`s with the file's location.
    public static func load(path: String) throws -> Document {
        let data: Data
        do { data = try RegularFile.read(path, limit: maxBytes) } catch {
            let message =
                switch error {
                case .missing: "no such file"
                case .directory: "is a directory, not a notebook"
                case .tooLarge: "notebook is larger than \(maxBytes >> 20) MiB"
                case .notRegular(let kind): "is \(kind), not a notebook file"
                case .unreadable(let why): "cannot read file: \(why)"
                }
            throw Diagnostic(file: path, line: 1, message: message)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(data)
            throw Diagnostic(file: path, line: line, column: column, message: "file is not valid UTF-8")
        }
        let document = try parse(text, path: path)
        try document.frontMatter.validateInputs(relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent(), file: path)
        return document
    }

    /// Where the first invalid byte is, as editors count lines and characters.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        var line = 1, column = 1
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let width: Int
            switch bytes[i] {
            case 0..<0x80: width = 1;
            case 0xC2..<0xE0: width = 2;
            case 0xE0..<0xF0: width = 3;
            case 0xF0..<0xF5: width = 4;
            default: width = 0
            }
            if width == 0 || i + width > bytes.count || String(bytes: bytes[i..<i + width], encoding: .utf8) == nil { break }
            if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += width
        }
        return (line, column)
    }
}
