import Foundation
import Notebook
import OutputChannel
import Plot
import XCTest
@testable import Report

/// File names from notebook text (`SafeFileName`): one plain name inside the folder it is
/// written to, whatever the label.
final class SafeFileNameTests: XCTestCase {
    func testHostileLabelsBecomePlainNames() {
        XCTAssertEqual(SafeFileName.stem("fig-circle"), "fig-circle")
        XCTAssertEqual(SafeFileName.stem("Fig_2.v3"), "Fig_2.v3")
        XCTAssertEqual(SafeFileName.stem("../../etc/passwd"), "---..-etc-passwd")
        XCTAssertEqual(SafeFileName.stem(".."), "--")
        XCTAssertEqual(SafeFileName.stem("."), "-")
        XCTAssertEqual(SafeFileName.stem(".bashrc"), "-bashrc")
        XCTAssertEqual(SafeFileName.stem("a\0b"), "a-b")
        XCTAssertEqual(SafeFileName.stem("a\\b/c"), "a-b-c")
        XCTAssertEqual(SafeFileName.stem("naïve résumé"), "na-ve-r-sum-")
        XCTAssertEqual(SafeFileName.stem("\u{1B}[31m"), "--31m")
        XCTAssertEqual(SafeFileName.stem(""), "file")
        XCTAssertEqual(SafeFileName.stem("", fallback: "figure"), "figure")
        XCTAssertEqual(SafeFileName.stem("", fallback: ""), "file")
        for label in ["../../x", "/abs", "a/../../b", "\0", "..", "...", "C:\\x", "~/x", "$(rm -rf)", "\n", "a b", String(repeating: "é", count: 300)] {
            let stem = SafeFileName.stem(label)
            XCTAssertFalse(stem.isEmpty || stem.hasPrefix(".") || stem.contains("/") || stem.contains("\0"), "\(label) → \(stem)")
            XCTAssertTrue(stem.utf8.count <= SafeFileName.maxLength, "\(label) → \(stem)")
            XCTAssertTrue(
                stem.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) },
                stem)
        }
    }

    func testLongLabelsAreBoundedAndDoNotCollide() {
        let a = String(repeating: "x", count: 300) + "-a", b = String(repeating: "x", count: 300) + "-b"
        let (sa, sb) = (SafeFileName.stem(a), SafeFileName.stem(b))
        XCTAssertEqual(sa.utf8.count, 100)
        XCTAssertEqual(sb.utf8.count, 100)
        XCTAssertNotEqual(sa, sb)
        XCTAssertEqual(sa, SafeFileName.stem(a), "deterministic")
        XCTAssertTrue(sa.hasPrefix(String(repeating: "x", count: 91) + "-"), sa)
        XCTAssertEqual(SafeFileName.stem(String(repeating: "y", count: 100)), String(repeating: "y", count: 100), "100 bytes fit")
    }

    func testUniqueNamesIgnoreCase() {
        var used: Set<String> = []
        XCTAssertEqual(SafeFileName.unique("Fig.png", in: &used), "Fig.png")
        XCTAssertEqual(SafeFileName.unique("fig.png", in: &used), "fig-2.png")
        XCTAssertEqual(SafeFileName.unique("FIG.PNG", in: &used), "FIG-3.PNG")
        XCTAssertEqual(SafeFileName.unique("notes", in: &used), "notes")
        XCTAssertEqual(SafeFileName.unique("Notes", in: &used), "Notes-2")
    }

    func testFigureStemsOfCaseCollidingAndHostileLabels() throws {
        let doc = try Document.parse(
            """
            ```swift
            //| label: Fig-A
            f
            ```

            ```swift
            //| label: ../../../tmp/x
            g
            ```

            ```swift
            //| label: fig-a
            h
            ```
            """, path: "stems.md")
        var fig = Figure(width: 72, height: 72)
        fig.line(x: [0, 1], y: [0, 1])
        let nb = ExecutedNotebook(document: doc, outputs: [0: [.figure(fig)], 1: [.figure(fig)], 2: [.figure(fig)]])
        XCTAssertEqual(nb.figures.map(\.stem), ["Fig-A", "---..-..-tmp-x", "fig-a-3"])
    }

    func testResourcesFrontMatterKey() throws {
        let one = try Document.parse("---\nresources: ../shared/logo.png\n---\n# A\n", path: "r.md")
        XCTAssertEqual(one.frontMatter.resources, ["../shared/logo.png"])
        let list = try Document.parse("---\nresources:\n  - ../shared\n  - /data/x.svg\n---\n", path: "r.md")
        XCTAssertEqual(list.frontMatter.resources, ["../shared", "/data/x.svg"])
        XCTAssertThrowsError(try Document.parse("---\nresources: {a: 1}\n---\n", path: "r.md")) { error in
            XCTAssertEqual("\(error)", "r.md:2:1: error: front matter 'resources' needs a path or a list of paths (files or folders)")
        }
    }
}
