/// `date` and `date-part`, localized (`form="text"`/`"numeric"`) or spelled out in the style.
extension ItemRenderer {
    func renderDate(_ node: CSLNode) -> [RichText] {
        guard let v = node["variable"] else { return [] }
        calledVariables += 1
        guard !suppressed.contains(v), let date = item.dates[v] else { return [] }
        renderedVariables += 1
        if cite.sorting { return [.text(date.sortKey)] }
        if let literal = date.literal, date.parts.isEmpty { return format(node, [.text(literal)]) }
        guard let start = date.parts.first else { return [] }
        let partNodes: [CSLNode]
        var delimiter = node["delimiter"] ?? ""
        if let form = node["form"], let localized = locale.dateFormats[form] {
            let wanted: Set<String>
            switch node["date-parts"] ?? "year-month-day" {
            case "year": wanted = ["year"]
            case "year-month": wanted = ["year", "month"]
            default: wanted = ["year", "month", "day"]
            }
            partNodes = localized.children("date-part").filter { wanted.contains($0["name"] ?? "") }
                .map { base in merged(base, with: node.children("date-part").first { $0["name"] == base["name"] }) }
            delimiter = localized["delimiter"] ?? ""
        } else {
            partNodes = node.children("date-part")
        }
        let end = date.parts.count > 1 ? date.parts[1] : nil
        var out: [RichText]
        if let end, end != start {
            let differing = (0..<3).first { i in (i < start.count ? start[i] : 0) != (i < end.count ? end[i] : 0) } ?? 0
            if differing == 0 {
                let a = parts(partNodes, start, delimiter, isEnd: false)
                let b = parts(partNodes, end, delimiter, isEnd: true)
                let rd = partNodes.first { $0["name"] == "year" }?["range-delimiter"] ?? "\u{2013}"
                out = punctuation.join([a, b], delimiter: rd)
            } else {
                out = rangeParts(partNodes, start, end, delimiter, differing: differing)
            }
        } else {
            out = parts(partNodes, start, delimiter, isEnd: false)
        }
        if out.isEmpty { return [] }
        if date.circa, let c = locale.term("circa", form: "short") { out = [.text(c + " ")] + out }
        return format(node, out)
    }

    /// A localized date-part with the style's own attributes on top (affixes stay the locale's).
    private func merged(_ base: CSLNode, with override: CSLNode?) -> CSLNode {
        guard let override else { return base }
        var attrs = base.attributes
        for (k, v) in override.attributes where k != "prefix" && k != "suffix" { attrs[k] = v }
        return CSLNode(name: "date-part", attributes: attrs, line: base.line)
    }

    private func parts(_ nodes: [CSLNode], _ value: [Int], _ delimiter: String, isEnd: Bool) -> [RichText] {
        var pieces: [[RichText]] = []
        for p in nodes {
            let text = part(p, value)
            if text.isEmpty { continue }
            pieces.append(formatPart(p, text))
        }
        return punctuation.join(pieces, delimiter: delimiter)
    }

    /// A range within one year (or month): the differing parts as "a–b", the rest once.
    private func rangeParts(_ nodes: [CSLNode], _ start: [Int], _ end: [Int], _ delimiter: String, differing: Int) -> [RichText] {
        let names = ["year", "month", "day"]
        let smaller = Set(names[differing...])
        let rangeNodes = nodes.filter { smaller.contains($0["name"] ?? "") }
        var pieces: [[RichText]] = []
        var rangeDone = false
        for p in nodes {
            if smaller.contains(p["name"] ?? "") {
                if rangeDone { continue }
                rangeDone = true
                let a = punctuation.join(
                    rangeNodes.map { formatPart($0, part($0, start), suffix: $0 === rangeNodes.last ? nil : $0["suffix"]) }, delimiter: delimiter)
                let b = punctuation.join(
                    rangeNodes.map { formatPart($0, part($0, end), prefix: $0 === rangeNodes.first ? nil : $0["prefix"]) }, delimiter: delimiter)
                let rd = rangeNodes.last?["range-delimiter"] ?? "\u{2013}"
                pieces.append(a + [.text(rd)] + b)
            } else {
                let text = part(p, start)
                if !text.isEmpty { pieces.append(formatPart(p, text)) }
            }
        }
        return punctuation.join(pieces, delimiter: delimiter)
    }

    private func formatPart(_ p: CSLNode, _ text: String, prefix: String?? = .none, suffix: String?? = .none) -> [RichText] {
        guard !text.isEmpty else { return [] }
        var out: [RichText] = [.text(text)]
        if let tc = p["text-case"] { out = TextCase.apply(tc, out, english: true) }
        if p["strip-periods"] == "true" { out = RichTextEdges.mapText(out) { $0.replacingOccurrences(of: ".", with: "") } }
        out = Self.fonts(p, out)
        let pre: String? = prefix ?? p["prefix"]
        let suf: String? = suffix ?? p["suffix"]
        return punctuation.affix(pre, out, suf)
    }

    private func part(_ p: CSLNode, _ value: [Int]) -> String {
        let form = p["form"]
        switch p["name"] {
        case "year":
            guard let y = value.first else { return "" }
            var s: String
            if y < 0 {
                s = String(-y) + (locale.term("bc") ?? "BC")
            } else if y < 1000 {
                s = String(y) + (locale.term("ad") ?? "AD")
            } else {
                s = form == "short" ? String(String(y).suffix(2)) : String(y)
            }
            if !context.explicitYearSuffix, !yearSuffixRendered, let suffix = state.yearSuffix {
                yearSuffixRendered = true
                s += suffix
            }
            return s
        case "month":
            guard value.count > 1 else { return "" }
            let m = value[1]
            if m > 12 { return locale.term(String(format: "season-%02d", m - 12)) ?? "" }
            switch form {
            case "numeric": return String(m)
            case "numeric-leading-zeros": return String(format: "%02d", m)
            case "short": return locale.term(String(format: "month-%02d", m), form: "short") ?? String(m)
            default: return locale.term(String(format: "month-%02d", m)) ?? String(m)
            }
        case "day":
            guard value.count > 2 else { return "" }
            let d = value[2]
            switch form {
            case "numeric-leading-zeros": return String(format: "%02d", d)
            case "ordinal":
                if locale.limitOrdinalsToDay1, d != 1 { return String(d) }
                return String(d) + locale.ordinalSuffix(d)
            default: return String(d)
            }
        default: return ""
        }
    }
}
