internal import Foundation

/// Cairo names SVG elements after process-wide surface counters (`image43`, `surface47`), so the
/// same drawing gets different ids depending on what was drawn before it. Renumbering them in
/// order of first appearance makes SVG output byte-identical run to run.
enum SVGIds {
    static let pattern = try! NSRegularExpression(pattern: #"(?<=id="|#)(surface|image|source|mask)(\d+)"#)

    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let ns = text as NSString
        var mapping: [String: Int] = [:]
        var next: [String: Int] = [:]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var last = 0
        for m in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let kind = ns.substring(with: m.range(at: 1)), old = ns.substring(with: m.range)
            let id =
                mapping[old]
                ?? {
                    let n = next[kind, default: 0] + 1
                    next[kind] = n
                    mapping[old] = n
                    return n
                }()
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += kind + String(id)
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return Array(out.utf8)
    }
}
