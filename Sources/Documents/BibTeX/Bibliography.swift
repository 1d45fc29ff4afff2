import CSL
import Foundation

/// Bibliography files read into CSL items: `.bib` (BibTeX and BibLaTeX) and `.json` (CSL-JSON).
///
///     let bib = Bibliography.load(["refs.bib"], relativeTo: notebookFolder)
///     for d in bib.diagnostics { print(d) }            // refs.bib:12:3: error: …
///     let processor = try CitationProcessor(style: CSLLibrary().style("apa"), items: bib.items)
///
/// A malformed entry is an error at its line and column and the other entries are still read;
/// a duplicate key is a warning at its line (the first entry wins), as is an unknown `crossref`.
public struct Bibliography: Sendable {
    public var items: [CSLItem] = []
    public var diagnostics: [BibDiagnostic] = []
    /// Where each item was defined (file, line, column), for messages about it.
    public var origins: [String: (file: String, line: Int, column: Int)] = [:]

    public init() {}

    /// Reads `paths` in order; an item's key is unique across them (the first file wins).
    public static func load(_ paths: [String], relativeTo base: URL? = nil) -> Bibliography {
        var bib = Bibliography()
        for path in paths {
            let folder = base.map { URL(fileURLWithPath: $0.path, isDirectory: true) }
            let url = folder.map { URL(fileURLWithPath: path, relativeTo: $0) } ?? URL(fileURLWithPath: path)
            guard let data = try? Data(contentsOf: url) else {
                bib.diagnostics.append(BibDiagnostic(file: path, line: 1, column: 1, severity: .error, message: "cannot read the bibliography file"))
                continue
            }
            var text = String(data: data, encoding: .utf8)
            if text == nil {
                // Older .bib files are often Latin-1: read them so, and say so, rather than
                // turning every accented letter into U+FFFD.
                text = String(data: data, encoding: .isoLatin1)
                bib.diagnostics.append(
                    BibDiagnostic(file: path, line: 1, column: 1, severity: .warning, message: "the file is not UTF-8; it was read as Latin-1"))
            }
            let part = url.pathExtension.lowercased() == "json" ? Self.json(data, file: path) : Self.bibtex(text ?? "", file: path)
            bib.append(part)
        }
        return bib
    }

    /// Items of BibTeX / BibLaTeX source `text`; `file` names it in diagnostics.
    public static func bibtex(_ text: String, file: String) -> Bibliography {
        let parsed = BibFile(parsing: text, file: file)
        var bib = Bibliography()
        bib.diagnostics = parsed.diagnostics
        let byKey = Dictionary(parsed.entries.map { ($0.key.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for e in parsed.entries {
            var fields = e.fields
            if let parentKey = fields["crossref"].map(LaTeXText.plain) {
                if let parent = byKey[parentKey.lowercased()] {
                    Crossref.inherit(&fields, childType: e.type, from: parent)
                } else {
                    bib.diagnostics.append(
                        BibDiagnostic(
                            file: file, line: e.line, column: e.column, severity: .warning, message: "\(e.key): crossref \(parentKey) is not in the file"))
                }
            }
            let item = EntryMapping.item(e, fields: fields) { message in
                bib.diagnostics.append(BibDiagnostic(file: file, line: e.line, column: e.column, severity: .warning, message: "\(e.key): \(message)"))
            }
            bib.items.append(item)
            bib.origins[e.key] = (file, e.line, e.column)
        }
        return bib
    }

    /// Items of a CSL-JSON file.
    public static func json(_ data: Data, file: String) -> Bibliography {
        var bib = Bibliography()
        do {
            bib.items = try CSLJSON.items(from: data)
            for i in bib.items { bib.origins[i.id] = (file, 1, 1) }
        } catch {
            bib.diagnostics.append(BibDiagnostic(file: file, line: 1, column: 1, severity: .error, message: "\(error)"))
        }
        return bib
    }

    mutating func append(_ other: Bibliography) {
        diagnostics += other.diagnostics
        for item in other.items {
            if let first = origins[item.id] {
                let o = other.origins[item.id]!
                diagnostics.append(
                    BibDiagnostic(
                        file: o.file, line: o.line, column: o.column, severity: .warning,
                        message: "duplicate key \(item.id) (first defined at \(first.file):\(first.line)); this entry is ignored"))
                continue
            }
            items.append(item)
            origins[item.id] = other.origins[item.id]
        }
    }
}

/// BibLaTeX `crossref` inheritance: fields the child lacks come from the parent, the parent's
/// title becoming the child's book title.
enum Crossref {
    static let notInherited: Set<String> = [
        "ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options", "presort", "related", "relatedoptions", "relatedstring",
        "relatedtype", "shorthand", "shorthandintro", "sortkey",
    ]

    static func inherit(_ fields: inout [String: String], childType: String, from parent: BibFile.Entry) {
        // In key order, so that the result never depends on a dictionary's iteration order.
        for k in parent.fields.keys.sorted() where !notInherited.contains(k) {
            let v = parent.fields[k]!
            switch k {
            case "title":
                if fields["booktitle"] == nil { fields["booktitle"] = v }
            case "subtitle":
                if fields["booksubtitle"] == nil { fields["booksubtitle"] = v }
            case "shorttitle", "titleaddon": continue
            case "author":
                if fields["bookauthor"] == nil, ["inbook", "bookinbook", "suppbook"].contains(childType) { fields["bookauthor"] = v }
                if fields["author"] == nil, !["incollection", "inproceedings", "inbook"].contains(childType) { fields["author"] = v }
            default:
                if fields[k] == nil { fields[k] = v }
            }
        }
    }
}
