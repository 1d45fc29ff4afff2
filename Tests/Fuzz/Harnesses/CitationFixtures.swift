import BibTeX
import CSL
import Foundation

/// The fixed inputs the citation harnesses hold still while they mutate the other side: a small
/// bibliography that reaches the processor's hard paths (same author and year, et al., editors
/// only, an institution, no date, a translator, a thesis, a chapter in a book, an arXiv preprint),
/// the citations a document makes of it, and the style a fuzzed bibliography is formatted with.
enum CitationFixtures {
    /// BibTeX of the fixed bibliography; `refs.bib` beside a fuzzed notebook is this text.
    static let bibtex = #"""
        @string{jmlr = "Journal of Machine Learning Research"}
        @article{smith2005a, author = {Smith, John and Doe, Jane}, title = {Deep {Linear} Networks}, journal = jmlr, volume = {6}, number = {2}, pages = {1--20}, year = {2005}, month = mar, doi = {10.1000/xyz}}
        @article{smith2005b, author = {Smith, John and Doe, Jane}, title = {Wide networks}, journal = jmlr, volume = {6}, pages = {21--40}, year = {2005}}
        @book{knuth1984, author = {Knuth, Donald E.}, title = {The {\TeX}book}, publisher = {Addison-Wesley}, address = {Reading, MA}, year = {1984}, edition = {2}}
        @inproceedings{many2017, author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N. and Kaiser, {\L}ukasz}, title = {Attention Is All You Need}, booktitle = {Advances in Neural Information Processing Systems}, editor = {Guyon, I. and von Luxburg, U.}, pages = {5998--6008}, year = {2017}}
        @incollection{chapter2022, author = {Berner, Julius and Grohs, Philipp}, title = {The Modern Mathematics of Deep Learning}, booktitle = {Mathematical Aspects}, editor = {Grohs, Philipp and Kutyniok, Gitta}, publisher = {CUP}, pages = {1--111}, year = {2022}, eprint = {2105.04026}, archivePrefix = {arXiv}}
        @misc{nodate, author = {{World Health Organization}}, title = {A report without a date}, url = {https://example.org/r}}
        @phdthesis{thesis1999, author = {M{\"u}ller, Ana-Lucía de la Vega}, title = {Über Netze}, school = {ETH Zürich}, year = {1999}, translator = {Roe, R.}}
        @book{edited2010, editor = {Hornik, Kurt}, title = {Collected Papers}, publisher = {Springer}, year = {2010}, volume = {3}, series = {Lecture Notes}}
        """#

    /// The fixed bibliography's items (read once; the text is fixed, so are they).
    static let items: [CSLItem] = Bibliography.bibtex(bibtex, file: "refs.bib").items

    /// Citations as a document makes them: alone, grouped, with locators, prefixes and
    /// suffixes, author suppressed, narrative, repeated (ibid., subsequent), in notes, and one
    /// of a key the bibliography lacks.
    static let citations: [Citation] = [
        Citation(items: [CitationItem(id: "smith2005a")], noteNumber: 1),
        Citation(items: [CitationItem(id: "smith2005a", locator: "3", label: "page"), CitationItem(id: "smith2005b")], noteNumber: 2),
        Citation(items: [CitationItem(id: "smith2005a")], noteNumber: 3),
        Citation(items: [CitationItem(id: "knuth1984", locator: "2", label: "chapter", prefix: "see ", suffix: ", for the rules")], noteNumber: 4),
        Citation(items: [CitationItem(id: "many2017", suppressAuthor: true)], noteNumber: 5),
        Citation(items: [CitationItem(id: "chapter2022")], narrative: true, noteNumber: 6),
        Citation(items: [CitationItem(id: "nodate"), CitationItem(id: "thesis1999"), CitationItem(id: "edited2010")], noteNumber: 7),
        Citation(items: [CitationItem(id: "absent-key"), CitationItem(id: "many2017", locator: "12-14")], noteNumber: 8),
        Citation(items: [CitationItem(id: "many2017", locator: "12-14")], noteNumber: 9),
    ]

    /// Citations of every item of a fuzzed bibliography (at most `limit`): each alone, then
    /// all together with a locator on the first, so names, dates, sorting and collapsing run.
    static func citations(of items: [CSLItem], limit: Int = 24) -> [Citation] {
        let ids = items.prefix(limit).map(\.id)
        var result = ids.enumerated().map { n, id in Citation(items: [CitationItem(id: id)], noteNumber: n + 1) }
        if let first = ids.first {
            result.append(Citation(items: [CitationItem(id: first, locator: "4")] + ids.dropFirst().map { CitationItem(id: $0) }))
        }
        return result
    }

    /// Every formatted citation and entry of `out`, as HTML and as plain text.
    static func rendered(_ out: ProcessedCitations) -> (html: String, text: String) {
        let html = HTMLRenderer()
        let plain = PlainTextRenderer()
        var h = "", t = ""
        for c in out.citations {
            h += html.render(c) + "\n"
            t += plain.render(c) + "\n"
        }
        for case let a? in out.inTextAuthors {
            h += html.render(a) + "\n"
            t += plain.render(a) + "\n"
        }
        for e in out.bibliography {
            h += html.render(e.content) + "\n"
            t += plain.render(e.content) + "\n"
        }
        return (h, t)
    }

    /// CSL's `HTMLRenderer` escapes every text node, so whatever a bibliography or a style
    /// holds, each `<` of its output opens one of the few elements the renderer writes itself.
    static func checkMarkup(_ html: String, what: String) {
        let tags = [
            "i>", "/i>", "b>", "/b>", "u>", "/u>", "sup>", "/sup>", "sub>", "/sub>", "span ", "/span>", "a href=\"", "/a>", "div class=\"csl-", "/div>",
        ]
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard tags.contains(where: { rest.hasPrefix($0) }) else {
                finding("\(what): unescaped '<' in the HTML: …\(rest.prefix(60))")
            }
        }
    }
}
