import Storage
import XCTest
import Notebook
import OutputChannel
@testable import Runner

final class SeedAndMemoTests: XCTestCase {
    func plan(_ text: String, seed: UInt64 = 7) throws -> ExecutionPlan {
        let doc = try Document.parse(text, path: "x.md")
        return ExecutionPlan(document: doc, context: ExecutionContext(toolchain: "t", flags: [], params: [], seed: seed, inputs: [:]))
    }

    func testInsertingACellKeepsALabelledCellsSeed() throws {
        let before = try plan("```swift\n//| label: train\nlet a = 1\n```\n")
        let after = try plan("```swift\nlet inserted = 0\n```\n\n```swift\n//| label: train\nlet a = 1\n```\n")
        XCTAssertEqual(before.entries[0].seed, after.entries[1].seed)
        XCTAssertNotEqual(after.entries[0].seed, after.entries[1].seed)
        // The seed is SHA-256("7|train"), first 8 bytes, big-endian.
        XCTAssertEqual(before.entries[0].seed, UInt64(String(SHA256.hex("7|train").prefix(16)), radix: 16))
        // A different document seed changes every cell's seed.
        XCTAssertNotEqual(try plan("```swift\n//| label: train\nlet a = 1\n```\n", seed: 8).entries[0].seed, before.entries[0].seed)
    }

    func testKeysChainThroughUpstreamCellsOnly() throws {
        let base = try plan("```swift\nlet a = 1\n```\n\n```swift\nlet b = 2\n```\n")
        let edited = try plan("```swift\nlet a = 1\n```\n\n```swift\nlet b = 3\n```\n")
        XCTAssertEqual(base.entries[0].key, edited.entries[0].key, "a downstream edit leaves upstream keys alone")
        XCTAssertNotEqual(base.entries[1].key, edited.entries[1].key)
        // Labelled cells: an eval: false cell is not part of any key. (Unlabelled cells are
        // seeded by index, so shifting their index is a change.)
        let labelled = try plan("```swift\n//| label: a\nlet a = 1\n```\n\n```swift\n//| label: b\nlet b = 2\n```\n")
        let skipped = try plan(
            "```swift\n//| eval: false\nlet z = 0\n```\n\n```swift\n//| label: a\nlet a = 1\n```\n\n```swift\n//| label: b\nlet b = 2\n```\n")
        XCTAssertEqual(skipped.entries.map(\.index), [1, 2])
        XCTAssertEqual(skipped.entries.map(\.key), labelled.entries.map(\.key))
    }

    /// A memo value survives a code edit that re-runs its cell; in a `cache: true` cell the
    /// edit of that cell recomputes it.
    func testMemoSurvivesReruns() throws {
        let f = try RunnerFixture()
        func notebook(_ tail: String, cacheOption: String = "") -> String {
            "```swift\n\(cacheOption)let sweep = memo(\"sweep\") { () -> [Double] in print(\"computing\"); return [1.5, 2.5] }\nprint(sweep)\n```\n\n```swift\nprint(\"\(tail)\")\n```\n"
        }
        let (_, first) = try f.run(notebook("a"))
        XCTAssertEqual(first.cells[0]?.outputs, [.stream(name: "stdout", text: "computing\n[1.5, 2.5]\n")])
        let (_, second) = try f.run(notebook("b"))
        XCTAssertEqual(second.cells[0]?.cache, .rebuilt)
        XCTAssertEqual(second.cells[0]?.outputs, [.stream(name: "stdout", text: "[1.5, 2.5]\n")], "loaded, not computed")

        let (_, scoped) = try f.run(notebook("b", cacheOption: "//| cache: true\n"))
        XCTAssertEqual(scoped.cells[0]?.outputs.first, .stream(name: "stdout", text: "computing\n[1.5, 2.5]\n"))
        let (_, scopedAgain) = try f.run(notebook("c", cacheOption: "//| cache: true\n"))
        XCTAssertEqual(scopedAgain.cells[0]?.outputs, [.stream(name: "stdout", text: "[1.5, 2.5]\n")], "same cell code and upstream: loaded")
        let (_, edited) = try f.run(notebook("c", cacheOption: "//| cache: true\n").replacingOccurrences(of: "print(sweep)", with: "print(sweep, 1)"))
        XCTAssertEqual(edited.cells[0]?.outputs, [.stream(name: "stdout", text: "computing\n[1.5, 2.5] 1\n")], "the cell changed: recomputed")
    }
}
