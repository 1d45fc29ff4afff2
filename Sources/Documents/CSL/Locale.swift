import Foundation

/// A CSL locale: terms, date formats and punctuation options, merged from the style's own
/// `<locale>` overrides, the locale file for its language, and en-US beneath.
public struct CSLLocale: Sendable {
    struct TermKey: Hashable {
        var name: String
        var form: String
    }
    struct Term {
        var single: String
        var multiple: String
        var gender: String?
    }

    var terms: [TermKey: Term] = [:]
    var dateFormats: [String: CSLNode] = [:]
    var punctuationInQuote = false
    var limitOrdinalsToDay1 = false
    public private(set) var language = "en-US"

    /// Layers from weakest to strongest: each later one overrides what it defines.
    init(layers: [CSLNode], language: String) {
        self.language = language
        for layer in layers { merge(layer) }
    }

    /// Reads one locale file (`locales-xx-XX.xml`).
    public static func parseFile(_ url: URL) throws -> CSLLocaleFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CSLError("\(url.path): cannot read the locale") }
        return CSLLocaleFile(root: try CSLNode.parse(data, source: url.path))
    }

    private mutating func merge(_ locale: CSLNode) {
        if let options = locale.child("style-options") {
            if let p = options["punctuation-in-quote"] { punctuationInQuote = p == "true" }
            if let l = options["limit-day-ordinals-to-day-1"] { limitOrdinalsToDay1 = l == "true" }
        }
        for date in locale.children("date") { if let f = date["form"] { dateFormats[f] = date } }
        guard let terms = locale.child("terms") else { return }
        for t in terms.children("term") {
            guard let name = t["name"] else { continue }
            let form = t["form"] ?? "long"
            let single = t.child("single")?.text ?? t.text
            let multiple = t.child("multiple")?.text ?? single
            if name.hasPrefix("ordinal"), form == "long", t["match"] != nil || t["gender-form"] != nil {
                // Gendered and matched ordinals: keep the neutral form only.
                if t["gender-form"] != nil { continue }
            }
            self.terms[TermKey(name: name, form: form)] = Term(single: single, multiple: multiple, gender: t["gender"])
        }
    }

    /// A term by name and form, falling back as the specification says (verb-short → verb →
    /// long; symbol → short → long; short → long). Nil when the locale has none.
    func term(_ name: String, form: String = "long", plural: Bool = false) -> String? {
        var f = form
        while true {
            if let t = terms[TermKey(name: name, form: f)] { return plural ? t.multiple : t.single }
            switch f {
            case "verb-short": f = "verb"
            case "symbol", "verb": f = f == "verb" ? "long" : "short"
            case "short": f = "long"
            default: return nil
            }
        }
    }

    func ordinalSuffix(_ n: Int) -> String {
        let mod100 = n % 100
        if let t = terms[TermKey(name: String(format: "ordinal-%02d", mod100), form: "long")], mod100 >= 10 {
            return t.single
        }
        if let t = terms[TermKey(name: String(format: "ordinal-%02d", n % 10), form: "long")],
            !(11...13).contains(mod100)
        {
            return t.single
        }
        return term("ordinal") ?? ""
    }
}

/// A locale file's parsed tree, shared by every processor that uses it.
public struct CSLLocaleFile: @unchecked Sendable {
    let root: CSLNode
    public var language: String { root["xml:lang"] ?? root["lang"] ?? "en-US" }
}
