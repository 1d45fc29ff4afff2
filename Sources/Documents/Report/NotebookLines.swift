import Foundation
import Notebook

/// The notebook's Markdown lines, read again for the columns of things the parsed document
/// keeps only the line of (a cross reference that clashes with a citation key). Each search
/// goes on from where the last one on that line ended, so a label written twice on one line
/// is found at both places; without the file (a document built in memory) the column is 1.
struct NotebookLines {
    private let lines: [Substring]
    private var searchFrom: [Int: Int] = [:]

    init(path: String) {
        let text = (try? RegularFile.read(path, limit: 64 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based character column of `needle` on 1-based `line`, case-insensitively
    /// (`@Sec-x` reads as `@sec-x`); 1 when it is not there.
    mutating func column(of needle: String, line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return 1 }
        let chars = Array(lines[line - 1].lowercased()), target = Array(needle.lowercased())
        var k = searchFrom[line] ?? 0
        while k + target.count <= chars.count {
            if Array(chars[k..<(k + target.count)]) == target {
                searchFrom[line] = k + target.count
                return k + 1
            }
            k += 1
        }
        return 1
    }
}
