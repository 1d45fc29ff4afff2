import CSL

/// The page of citations the peer comparison renders: every form an author writes, as
/// Folio's API takes it and as pandoc's Markdown spells it.
enum PeerCitations {
    struct Case {
        var markdown: String
        var citation: Citation
    }

    static func item(_ id: String, _ label: String? = nil, _ locator: String? = nil, prefix: String? = nil, suppress: Bool = false) -> CitationItem {
        CitationItem(id: id, locator: locator, label: label, prefix: prefix, suppressAuthor: suppress)
    }

    static let cases: [Case] = [
        Case(markdown: "[@vaswani2017]", citation: Citation(items: [item("vaswani2017")])),
        Case(markdown: "[@li2018, p. 33]", citation: Citation(items: [item("li2018", "page", "33")])),
        Case(markdown: "[-@hanin2018]", citation: Citation(items: [item("hanin2018", suppress: true)])),
        Case(markdown: "@raghu2017", citation: Citation(items: [item("raghu2017")], narrative: true)),
        Case(markdown: "@baldi1989 [p. 55]", citation: Citation(items: [item("baldi1989", "page", "55")], narrative: true)),
        Case(markdown: "[@smith2005a; @smith2005b; @smith2006]", citation: Citation(items: [item("smith2005a"), item("smith2005b"), item("smith2006")])),
        Case(
            markdown: "[see @goodfellow2016, chap. 6; also @bishop2006]",
            citation: Citation(items: [item("goodfellow2016", "chapter", "6", prefix: "see"), item("bishop2006", prefix: "also")])),
        Case(markdown: "[@lecun1998; @lecun2015; @hinton2006a]", citation: Citation(items: [item("lecun1998"), item("lecun2015"), item("hinton2006a")])),
        Case(markdown: "[@manyauthors2019]", citation: Citation(items: [item("manyauthors2019")])),
        Case(markdown: "[@who2020]", citation: Citation(items: [item("who2020")])),
        Case(markdown: "[@doe2020others]", citation: Citation(items: [item("doe2020others")])),
        Case(markdown: "[@smith2005c]", citation: Citation(items: [item("smith2005c")])),
        Case(markdown: "[@hinton2006b, pp. 1530-1535]", citation: Citation(items: [item("hinton2006b", "page", "1530-1535")])),
        Case(markdown: "[@vanderberg2010, pp. 80-82]", citation: Citation(items: [item("vanderberg2010", "page", "80-82")])),
        Case(markdown: "[@zhang2019; @kim2019]", citation: Citation(items: [item("zhang2019"), item("kim2019")])),
        Case(markdown: "[@sutskever2013, sec. 3]", citation: Citation(items: [item("sutskever2013", "section", "3")])),
        Case(markdown: "[@vaswani2017]", citation: Citation(items: [item("vaswani2017")])),
        Case(markdown: "[@erdos1959; @garcia2015; @cech2011]", citation: Citation(items: [item("erdos1959"), item("garcia2015"), item("cech2011")])),
        Case(markdown: "@kingma2014", citation: Citation(items: [item("kingma2014")], narrative: true)),
        Case(markdown: "[@atlas2012; @twentytwo2021]", citation: Citation(items: [item("atlas2012"), item("twentytwo2021")])),
        Case(markdown: "[@knuth1984; @knuth1997]", citation: Citation(items: [item("knuth1984"), item("knuth1997")])),
        Case(markdown: "[@rcore2021; @pytorch2023; @nodate]", citation: Citation(items: [item("rcore2021"), item("pytorch2023"), item("nodate")])),
    ]

    /// The Markdown document pandoc renders: one citation per paragraph, then every entry.
    static var markdown: String {
        "---\nnocite: '@*'\n---\n\n" + cases.map(\.markdown).joined(separator: "\n\n") + "\n"
    }
}
