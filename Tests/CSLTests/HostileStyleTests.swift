import CSL
import Foundation
import XCTest

/// A style file with a byte that is not UTF-8 is an error at that byte, never a trap: one such
/// byte in an attribute name made FoundationXML's parser die with SIGILL (the `csl` fuzz
/// harness found it; Tests/Fuzz/crashes/csl/attribute-name-not-utf8.csl).
final class HostileStyleTests: XCTestCase {
    static let style = """
        <?xml version="1.0" encoding="utf-8"?>
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><title>T</title><id>t</id></info>
          <citation><layout><text variable="title" form="short"/></layout></citation>
        </style>

        """

    /// `Self.style` with `bytes` put in place of the first `marker`.
    func styleData(replacing marker: String, with bytes: [UInt8]) -> Data {
        let text = Self.style
        let range = text.range(of: marker)!
        return Data(text[..<range.lowerBound].utf8) + Data(bytes) + Data(text[range.upperBound...].utf8)
    }

    func error(_ data: Data) -> String? {
        do {
            _ = try CSLStyle(data: data, source: "bad.csl")
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testABadByteAnywhereIsAnErrorAtItsLineAndColumn() {
        let cases: [(marker: String, bytes: [UInt8], place: String)] = [
            ("form", Array("f".utf8) + [0xFF, 0xFF] + Array(".orm".utf8), "4:45"),  // attribute name: the trap
            ("short", [0xC3], "4:50"),  // attribute value, a lead byte alone
            ("<title>T", Array("<title>".utf8) + [0xED, 0xA0, 0x80], "3:16"),  // text, an encoded surrogate
            ("text variable", Array("te".utf8) + [0xE2, 0x82] + Array("xt variable".utf8), "4:24"),  // element name, cut short
        ]
        for c in cases {
            XCTAssertEqual(
                error(styleData(replacing: c.marker, with: c.bytes)),
                "bad.csl:\(c.place): error: the file is not UTF-8 (a CSL style is UTF-8 XML)", c.marker)
        }
    }

    func testTheFuzzReproducerIsAnErrorNotATrap() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/crashes/csl/attribute-name-not-utf8.csl")
        XCTAssertEqual(
            error(try Data(contentsOf: file)), "bad.csl:14:220: error: the file is not UTF-8 (a CSL style is UTF-8 XML)")
    }

    func testUTF8WithAndWithoutAByteOrderMarkAndNonASCIITextStillRead() throws {
        let accented = Self.style.replacingOccurrences(of: "<title>T", with: "<title>Zürich — 東京")
        for data in [Data(accented.utf8), Data([0xEF, 0xBB, 0xBF]) + Data(accented.utf8)] {
            XCTAssertEqual(try CSLStyle(data: data, source: "ok.csl").title, "Zürich — 東京")
        }
    }
}
