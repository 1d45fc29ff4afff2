import Foundation

/// The site's front page: every notebook rendered into the output folder, with title, date,
/// abstract and a thumbnail of its first figure. Built from the `page.json` each render leaves.
public struct PageSummary: Codable, Equatable, Sendable {
    public var name: String
    public var title: String
    public var date: String?
    public var abstract: String?
    /// Output-relative path of the first figure's PNG, if any.
    public var thumbnail: String?
}

enum SiteIndex {
    static func render(_ pages: [PageSummary]) -> String {
        var html = SiteStyle.pageHead(title: "Notebooks") + "\n<main>\n<h1>Notebooks</h1>\n<ul class=\"notebooks\">\n\n"
        for p in pages.sorted(by: { $0.name < $1.name }) {
            // Names are file names (`a#b`, `x y`, `100%`): percent-encoded, or `#` would start a
            // fragment and `%` an escape.
            let href = HTML.escape(URLSafety.pathReference(p.name + ".html"))
            let pdf = HTML.escape(URLSafety.pathReference(p.name + ".pdf"))
            html += "<li>"
            if let t = p.thumbnail { html += "<a href=\"\(href)\"><img src=\"\(HTML.escape(URLSafety.pathReference(t)))\" alt=\"\"></a>" }
            html += "<div><h2><a href=\"\(href)\">\(HTML.escape(p.title))</a></h2>"
            if let d = p.date { html += "<p class=\"date\">\(HTML.escape(d))</p>" }
            if let a = p.abstract { html += "<p>\(HTML.escape(a))</p>" }
            html += "<p class=\"files\"><a href=\"\(href)\">HTML</a> · <a href=\"\(pdf)\">PDF</a></p></div></li>\n"
        }
        html += "</ul>\n<footer>\(pages.count) notebook\(pages.count == 1 ? "" : "s") · made with Folio</footer>\n"
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
