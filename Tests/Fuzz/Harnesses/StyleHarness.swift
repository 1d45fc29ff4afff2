import CSL
import Foundation

extension Harness {
    /// CSL styles: the bytes read as a style (`CSLStyle(data:source:)`: XML, macros, options),
    /// then the fixed bibliography cited with the fixed citations (locators, prefixes, notes,
    /// ibid., a missing key) and formatted as HTML and plain text. Beyond not crashing: a style
    /// either loads or throws a `CSLError`, the HTML escapes everything, and formatting is
    /// deterministic (twice, the same text).
    static let csl = Harness(
        name: "csl", maxLength: 32_768,
        summary: "CSLStyle(data:) + CitationProcessor over a fixed bibliography, HTML and text"
    ) { bytes in
        let style: CSLStyle
        do {
            style = try CSLStyle(data: Data(bytes), source: "fuzz.csl")
        } catch is CSLError {
            return
        } catch {
            finding("CSLStyle threw \(type(of: error)), not a CSLError: \(error)")
        }
        let processor: CitationProcessor
        do {
            processor = try CitationProcessor(style: style, items: CitationFixtures.items)
        } catch is CSLError {
            return
        } catch {
            finding("CitationProcessor threw \(type(of: error)), not a CSLError: \(error)")
        }
        let first = CitationFixtures.rendered(processor.process(CitationFixtures.citations))
        CitationFixtures.checkMarkup(first.html, what: "csl")
        let again = CitationFixtures.rendered(processor.process(CitationFixtures.citations))
        if again.text != first.text { finding("csl: the same citations formatted twice differ") }
    }
}
