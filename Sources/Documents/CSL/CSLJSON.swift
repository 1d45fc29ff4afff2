import Foundation

/// Reads CSL-JSON (an array of items, as Zotero and pandoc write it).
public enum CSLJSON {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let nameVariables: Set<String> = [
        "author", "editor", "translator", "container-author", "collection-editor", "composer", "director",
        "editorial-director", "illustrator", "interviewer", "original-author", "recipient", "reviewed-author",
        "chair", "compiler", "contributor", "curator", "executive-producer", "guest", "host", "narrator",
        "organizer", "performer", "producer", "script-writer", "series-creator",
    ]
    static let dateVariables: Set<String> = [
        "issued", "accessed", "event-date", "original-date", "submitted", "available-date",
    ]

    public static func items(from data: Data) throws -> [CSLItem] {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw Failure(description: "not valid JSON: \(error.localizedDescription)")
        }
        let list: [Any]
        if let a = json as? [Any] {
            list = a
        } else if let o = json as? [String: Any] {
            list = [o]
        } else {
            throw Failure(description: "CSL-JSON must be an array of items")
        }
        return try list.enumerated().map { i, element in
            guard let o = element as? [String: Any] else { throw Failure(description: "item \(i + 1) is not an object") }
            return item(o, index: i)
        }
    }

    static func item(_ o: [String: Any], index: Int) -> CSLItem {
        let id = (o["id"].map { "\($0)" }) ?? "item\(index + 1)"
        var item = CSLItem(id: id, type: o["type"] as? String ?? "")
        for (key, value) in o where key != "id" && key != "type" {
            if nameVariables.contains(key), let list = value as? [[String: Any]] {
                item.names[key] = list.map(name)
            } else if dateVariables.contains(key), let d = value as? [String: Any] {
                item.dates[key] = date(d)
            } else if let s = value as? String {
                item.fields[key] = CSLMarkup.parse(s)
            } else if let n = value as? NSNumber {
                item.fields[key] = [.text(n.stringValue)]
            }
        }
        return item
    }

    static func name(_ o: [String: Any]) -> CSLName {
        CSLName(
            family: o["family"] as? String, given: o["given"] as? String,
            droppingParticle: o["dropping-particle"] as? String,
            nonDroppingParticle: o["non-dropping-particle"] as? String, suffix: o["suffix"] as? String,
            literal: o["literal"] as? String, commaSuffix: (o["comma-suffix"] as? Bool) ?? false)
    }

    static func date(_ o: [String: Any]) -> CSLDate {
        var d = CSLDate()
        if let parts = o["date-parts"] as? [[Any]] {
            d.parts = parts.map { $0.compactMap { v in (v as? Int) ?? Int("\(v)") } }.filter { !$0.isEmpty }
        }
        if d.parts.isEmpty, let raw = o["raw"] as? String { d = BibDateText.parse(raw) ?? CSLDate(literal: raw) }
        if let literal = o["literal"] as? String { d.literal = literal }
        if let c = o["circa"] { d.circa = (c as? Bool) ?? ("\(c)" != "0" && "\(c)" != "") }
        if let season = o["season"].flatMap({ Int("\($0)") }), var first = d.parts.first, first.count == 1 {
            first.append(12 + season)
            d.parts[0] = first
        }
        return d
    }
}

/// EDTF-like date text ("2020", "2020-05", "2020-05-03", "2019/2020") as a CSL date.
public enum BibDateText {
    public static func parse(_ raw: String) -> CSLDate? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var circa = false
        var body = text
        if body.hasSuffix("~") || body.hasSuffix("?") {
            circa = true
            body.removeLast()
        }
        var ranges: [[Int]] = []
        for piece in body.split(separator: "/", omittingEmptySubsequences: false) {
            if piece.isEmpty || piece == ".." { continue }
            var nums: [Int] = []
            var s = Substring(piece)
            var negative = false
            if s.hasPrefix("-") {
                negative = true
                s = s.dropFirst()
            }
            for (i, part) in s.split(separator: "-").enumerated() {
                guard let n = Int(part), i < 3 else { return nil }
                nums.append(i == 0 && negative ? -n : n)
            }
            if nums.isEmpty { return nil }
            if nums.count > 1, !(1...16).contains(nums[1]) { return nil }
            ranges.append(nums)
        }
        return ranges.isEmpty ? nil : CSLDate(parts: ranges, circa: circa)
    }
}

/// The small HTML-like markup CSL-JSON strings may hold (`<i>`, `<b>`, `<sup>`, `<sub>`,
/// `<span class="nocase">`, `<span style="font-variant:small-caps;">`).
enum CSLMarkup {
    static func parse(_ s: String) -> [RichText] {
        guard s.contains("<") else { return [.text(s)] }
        var stack: [(tag: String, nodes: [RichText])] = [("", [])]
        var rest = Substring(s)
        var text = ""
        func flush() {
            if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
            text = ""
        }
        let opens: [(String, String)] = [
            ("<i>", "i"), ("<b>", "b"), ("<sup>", "sup"), ("<sub>", "sub"), ("<span class=\"nocase\">", "nocase"),
            ("<span style=\"font-variant:small-caps;\">", "sc"), ("<span style=\"font-variant: small-caps;\">", "sc"),
        ]
        outer: while let c = rest.first {
            if c == "<" {
                for (open, tag) in opens where rest.hasPrefix(open) {
                    flush()
                    stack.append((tag, []))
                    rest = rest.dropFirst(open.count)
                    continue outer
                }
                let closeTag = stack.last!.tag
                let close = closeTag == "nocase" || closeTag == "sc" ? "</span>" : "</\(closeTag)>"
                if stack.count > 1, rest.hasPrefix(close) {
                    flush()
                    let (tag, nodes) = stack.removeLast()
                    let node: RichText
                    switch tag {
                    case "i": node = .italic(nodes)
                    case "b": node = .bold(nodes)
                    case "sup": node = .superscript(nodes)
                    case "sub": node = .subscript(nodes)
                    case "sc": node = .smallCaps(nodes)
                    default: node = .noCase(nodes)
                    }
                    stack[stack.count - 1].nodes.append(node)
                    rest = rest.dropFirst(close.count)
                    continue
                }
            }
            text.append(c)
            rest = rest.dropFirst()
        }
        flush()
        while stack.count > 1 {
            let (_, nodes) = stack.removeLast()
            stack[stack.count - 1].nodes += nodes
        }
        return stack[0].nodes
    }
}
