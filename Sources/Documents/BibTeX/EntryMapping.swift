import Foundation
import CSL

/// A BibTeX / BibLaTeX entry as a CSL item, with the variables and types pandoc's citeproc and
/// citeproc-js use, so that the same file formats the same way.
enum EntryMapping {
    static let types: [String: String] = [
        "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet", "collection": "book",
        "mvcollection": "book", "proceedings": "book", "mvproceedings": "book", "reference": "book",
        "inbook": "chapter", "bookinbook": "chapter", "incollection": "chapter", "suppbook": "chapter",
        "suppcollection": "chapter", "inreference": "entry-encyclopedia", "inproceedings": "paper-conference",
        "conference": "paper-conference", "manual": "book", "phdthesis": "thesis", "mastersthesis": "thesis",
        "thesis": "thesis", "techreport": "report", "report": "report", "unpublished": "manuscript",
        "online": "webpage", "electronic": "webpage", "www": "webpage", "software": "book", "dataset": "dataset",
        "patent": "patent", "periodical": "periodical", "misc": "", "letter": "personal_communication",
        "video": "motion_picture", "music": "song", "audio": "song", "movie": "motion_picture",
    ]
    /// BibLaTeX's localisation keys for the `type` field.
    static let typeKeys: [String: String] = [
        "techreport": "technical report", "resreport": "research report", "phdthesis": "PhD thesis",
        "mathesis": "Master\u{2019}s thesis", "candthesis": "Candidate thesis", "software": "computer software",
        "datacd": "CD-ROM", "audiocd": "Audio CD",
    ]
    /// Title-like fields: converted to sentence case for English entries, as CSL styles expect.
    static let sentenceCased: Set<String> = ["title", "subtitle", "titleaddon", "booktitle", "booksubtitle", "maintitle", "series", "shorttitle"]

    static func item(_ e: BibFile.Entry, fields f: [String: String], warn: (String) -> Void) -> CSLItem {
        let type = types[e.type] ?? ""
        var item = CSLItem(id: e.key, type: type)
        let english = isEnglish(f["langid"] ?? f["language"] ?? f["hyphenation"])
        func rich(_ field: String) -> [RichText]? {
            guard let raw = f[field] else { return nil }
            var r = LaTeXText.rich(raw)
            if english, sentenceCased.contains(field) { r = SentenceCase.unTitlecase(r) }
            return r.isEmpty ? nil : r
        }
        func plain(_ field: String) -> String? {
            guard let raw = f[field] else { return nil }
            let s = LaTeXText.plain(raw).trimmingSpaces
            return s.isEmpty ? nil : s
        }
        func set(_ variable: String, _ value: String?) { if let value, item.fields[variable] == nil { item.set(variable, value) } }

        if var title = rich("title") {
            if let sub = rich("subtitle") { title += [.text(": ")] + sub }
            if let addon = rich("titleaddon") { title += [.text(". ")] + addon }
            item.fields["title"] = title
            if let short = rich("shorttitle") {
                item.fields["title-short"] = short
            } else if let colon = shortTitle(title) {
                item.fields["title-short"] = colon
            }
        }
        var container = rich("booktitle") ?? (f["journaltitle"] ?? f["journal"]).map(LaTeXText.rich)
        if type == "chapter" || type == "paper-conference" || type == "entry-encyclopedia", container == nil { container = rich("maintitle") }
        if let c = container, !c.isEmpty { item.fields["container-title"] = c }
        set("container-title-short", plain("shortjournal"))
        if let series = rich("series") { item.fields["collection-title"] = series }
        set("volume", plain("volume"))
        if let number = plain("number") {
            switch type {
            case "article-journal", "periodical": set("issue", number)
            case "report", "patent", "manuscript", "": set("number", number)
            default: f["series"] != nil ? set("collection-number", number) : set("number", number)
            }
        }
        if let pages = plain("pages") { set("page", pages.replacingDashes) }
        set("number-of-pages", plain("pagetotal"))
        set("chapter-number", plain("chapter"))
        set("edition", plain("edition"))
        set("version", plain("version"))
        set("publisher", plain("publisher") ?? plain("school") ?? plain("institution") ?? plain("organization"))
        if f["publisher"] == nil, f["school"] == nil, f["institution"] == nil, f["organization"] == nil,
            let how = plain("howpublished"), !how.hasPrefix("http")
        {
            set("publisher", how)
        }
        set("publisher-place", plain("address") ?? plain("location"))
        set("event-title", plain("eventtitle"))
        set("event-place", plain("venue"))
        set("note", plain("note"))
        set("ISBN", plain("isbn"))
        set("ISSN", plain("issn"))
        set("abstract", plain("abstract"))
        if let lang = f["langid"] ?? f["language"], let code = languageCode(LaTeXText.plain(lang)) { set("language", code) }
        if let doi = plain("doi") { set("DOI", stripDOI(doi)) }
        set("URL", f["url"].map { LaTeXText.urlText($0) })
        if let how = plain("howpublished"), how.hasPrefix("http") { set("URL", how) }
        switch e.type {
        case "phdthesis": set("genre", plain("type") ?? "PhD thesis")
        case "mastersthesis": set("genre", plain("type") ?? "Master\u{2019}s thesis")
        default: set("genre", plain("type").map { typeKeys[$0] ?? $0 })
        }
        for (field, variable) in [("author", "author"), ("editor", "editor"), ("translator", "translator"), ("bookauthor", "container-author")] {
            guard let raw = f[field] else { continue }
            let (names, others) = BibNames.parse(raw)
            item.names[variable] = others ? names + [CSLName(literal: "others")] : names
        }
        if let eprint = plain("eprint") {
            let kind = (plain("eprinttype") ?? plain("archiveprefix") ?? "").lowercased()
            if kind == "arxiv" || eprint.range(of: #"^\d{4}\.\d{4,5}(v\d+)?$"#, options: .regularExpression) != nil && kind.isEmpty {
                set("URL", "https://arxiv.org/abs/" + eprint)
                // arXiv mints DataCite DOIs for every paper: keep the identifier visible.
                let bare = eprint.replacingOccurrences(of: #"v\d+$"#, with: "", options: .regularExpression)
                set("DOI", "10.48550/arXiv." + bare)
            } else if kind == "pubmed" {
                set("PMID", eprint)
            }
        }
        item.dates["issued"] = issued(f, warn: warn)
        if let raw = f["urldate"], let d = BibDateText.parse(LaTeXText.plain(raw)) { item.dates["accessed"] = d }
        if let raw = f["eventdate"], let d = BibDateText.parse(LaTeXText.plain(raw)) { item.dates["event-date"] = d }
        if let raw = f["origdate"], let d = BibDateText.parse(LaTeXText.plain(raw)) { item.dates["original-date"] = d }
        return item
    }

    static func issued(_ f: [String: String], warn: (String) -> Void) -> CSLDate? {
        if let raw = f["date"] {
            let text = LaTeXText.plain(raw)
            if let d = BibDateText.parse(text) { return d }
            warn("date \"\(text)\" is not YYYY, YYYY-MM or YYYY-MM-DD; kept as written")
            return CSLDate(literal: text)
        }
        guard let y = f["year"].map(LaTeXText.plain)?.trimmingSpaces, !y.isEmpty else { return nil }
        guard let year = Int(y) else { return CSLDate(literal: y) }
        var parts = [year]
        if let m = f["month"].map(LaTeXText.plain)?.trimmingSpaces, let month = Int(m) ?? monthNumber(m) {
            parts.append(month)
            if let d = f["day"].flatMap({ Int(LaTeXText.plain($0).trimmingSpaces) }) { parts.append(d) }
        }
        return CSLDate(parts: [parts])
    }

    static func monthNumber(_ s: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return names.firstIndex(of: String(s.lowercased().prefix(3))).map { $0 + 1 }
    }

    /// The main title before a colon, as pandoc derives `title-short`.
    static func shortTitle(_ title: [RichText]) -> [RichText]? {
        guard case .text(let t)? = title.first, let r = t.range(of: ": ") else { return nil }
        return [.text(String(t[..<r.lowerBound]))]
    }

    static func stripDOI(_ s: String) -> String {
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"] where s.lowercased().hasPrefix(prefix) {
            return String(s.dropFirst(prefix.count))
        }
        return s
    }

    static func isEnglish(_ lang: String?) -> Bool {
        guard let lang = lang?.lowercased() else { return true }
        return lang.hasPrefix("en") || ["american", "british", "canadian", "australian", "newzealand", "usenglish", "ukenglish"].contains(lang)
    }

    static func languageCode(_ lang: String) -> String? {
        let codes = [
            "english": "en-US", "american": "en-US", "british": "en-GB", "ukenglish": "en-GB", "usenglish": "en-US",
            "german": "de-DE", "ngerman": "de-DE", "french": "fr-FR", "spanish": "es-ES", "italian": "it-IT",
            "dutch": "nl-NL", "portuguese": "pt-PT", "russian": "ru-RU", "japanese": "ja-JP", "chinese": "zh-CN",
        ]
        return codes[lang.lowercased()] ?? (lang.count <= 5 && lang.contains("-") ? lang : nil)
    }
}

extension String {
    /// "1--10" and "1–10" as "1-10" (the style chooses the range dash).
    var replacingDashes: String {
        replacingOccurrences(of: "\u{2013}", with: "-").replacingOccurrences(of: "\u{2014}", with: "-")
            .replacingOccurrences(of: "--", with: "-")
    }
}
