/// An element's formatting and affixes, read once when the style is parsed: rendering an
/// item looks at them for every element, and dictionary look-ups there dominated the time.
struct NodeFormat {
    var textCase: String?
    var stripPeriods = false
    var quotes = false
    var italic = false
    var smallCaps = false
    var bold = false
    var underline = false
    var verticalAlign: String?
    var prefix: String?
    var suffix: String?
    var display: String?
    /// No formatting and no affixes: the output passes through unchanged.
    var isPlain = true

    init(_ a: [String: String]) {
        guard !a.isEmpty else { return }
        textCase = a["text-case"]
        stripPeriods = a["strip-periods"] == "true"
        quotes = a["quotes"] == "true"
        italic = a["font-style"] == "italic" || a["font-style"] == "oblique"
        smallCaps = a["font-variant"] == "small-caps"
        bold = a["font-weight"] == "bold"
        underline = a["text-decoration"] == "underline"
        verticalAlign = a["vertical-align"]
        prefix = a["prefix"].flatMap { $0.isEmpty ? nil : $0 }
        suffix = a["suffix"].flatMap { $0.isEmpty ? nil : $0 }
        display = a["display"]
        isPlain =
            textCase == nil && !stripPeriods && !quotes && !italic && !smallCaps && !bold && !underline
            && (verticalAlign == nil || verticalAlign == "baseline") && prefix == nil && suffix == nil && display == nil
    }

    var hasFonts: Bool { italic || smallCaps || bold || underline || verticalAlign == "sup" || verticalAlign == "sub" }
}

/// An `if` / `else-if` element's tests, split once.
struct NodeConditions {
    var tests: [(attribute: String, values: [String])] = []
    var disambiguate: Bool?
    var match = "all"

    static let attributes = ["type", "variable", "is-numeric", "is-uncertain-date", "locator", "position"]

    init(_ a: [String: String]) {
        for name in Self.attributes {
            if let list = a[name] { tests.append((name, list.split(separator: " ").map(String.init))) }
        }
        disambiguate = a["disambiguate"].map { $0 == "true" }
        match = a["match"] ?? "all"
    }
}
