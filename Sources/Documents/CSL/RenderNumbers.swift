/// `number` and `label`.
extension ItemRenderer {
    func renderNumber(_ node: CSLNode) -> [RichText] {
        guard let v = node["variable"] else { return [] }
        let raw = variableText(v, form: "long").plainCharacters
        guard !raw.isEmpty else { return [] }
        var text = raw
        let form = node["form"] ?? "numeric"
        if Numbers.isNumeric(raw) {
            text = numberParts(raw).map { part in
                guard let n = Int(part) else { return part }
                switch form {
                case "ordinal": return String(n) + locale.ordinalSuffix(n)
                case "long-ordinal":
                    if n >= 1, n <= 10, let t = locale.term(String(format: "long-ordinal-%02d", n)) { return t }
                    return String(n) + locale.ordinalSuffix(n)
                case "roman": return Numbers.roman(n)
                default: return part
                }
            }.joined()
            if v == "page" || v == "locator" {
                text = PageRange.format(text, style: context.pageRangeFormat, delimiter: "\u{2013}")
            } else {
                text = text.replacingOccurrences(of: "-", with: "\u{2013}")
            }
        }
        return format(node, [.text(text)])
    }

    /// Splits "12-14" into ["12", "-", "14"]: numbers and what lies between them.
    private func numberParts(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inNumber = false
        for c in s {
            let isDigit = c.isNumber
            if !current.isEmpty, isDigit != inNumber {
                parts.append(current)
                current = ""
            }
            inNumber = isDigit
            current.append(c)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    func renderLabel(_ node: CSLNode) -> [RichText] {
        guard let v = node["variable"] else { return [] }
        let term: String
        let value: String
        if v == "locator" {
            guard let loc = cite.locator else { return [] }
            term = cite.label ?? "page"
            value = loc
        } else {
            value = rawVariable(v, form: "long").plainCharacters
            guard !value.isEmpty else { return [] }
            term = v == "number-of-pages" ? "page" : v
        }
        let plural: Bool
        switch node["plural"] ?? "contextual" {
        case "always": plural = true
        case "never": plural = false
        default:
            plural = v == "number-of-pages" ? (Int(value) ?? 2) > 1 : Numbers.isPlural(value)
        }
        guard let text = locale.term(term, form: node["form"] ?? "long", plural: plural), !text.isEmpty else { return [] }
        return format(node, [.text(text)])
    }
}
