import XCTest
import Notebook
import Storage
import OutputChannel
@testable import Runner

/// What goes wrong outside a cell's code — a damaged cache, a program that dies before its
/// first cell, a cell that scribbles over its output channel, an unclosed comment, a label
/// shaped like a path — is reported in words at a notebook line, never a silent success.
final class ReliabilityTests: XCTestCase {
    /// Two cells; the input file only changes the results, so the program is compiled once.
    static let notebook = """
        ---
        title: Cached program
        inputs: [value.txt]
        ---

        ```swift
        import Foundation
        let value = try! String(contentsOfFile: "value.txt", encoding: .utf8)
        print("value", value)
        ```

        ```swift
        show("second \\(value)")
        ```
        """

    func programFiles(_ f: RunnerFixture) throws -> [URL] {
        let dir = f.cache.root.appendingPathComponent("programs")
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.contains(".") }
    }

    func testADamagedCachedProgramIsCompiledAgainNotRun() throws {
        for damage in ["truncated", "random"] {
            let f = try RunnerFixture()
            _ = try f.write("value.txt", "1")
            _ = try f.run(Self.notebook)
            let program = try XCTUnwrap(try programFiles(f).first)
            let bytes = try Data(contentsOf: program)
            let damaged =
                damage == "truncated"
                ? bytes.prefix(bytes.count / 2)
                : Data((0..<bytes.count).map { _ in UInt8.random(in: 0...255) })
            try damaged.write(to: program)
            _ = try f.write("value.txt", "2")
            // At the level it was built at: a cheap notebook's re-render would otherwise build at
            // -Onone (OptimizationTier) and leave the damaged -O program's path empty.
            let (_, result) = try f.run(Self.notebook, optimize: true)
            XCTAssertEqual(result.compilerInvocations, 1, "\(damage): the damaged program is rebuilt")
            XCTAssertEqual(result.failures, [], damage)
            XCTAssertEqual(result.cells[0]?.outputs, [.stream(name: "stdout", text: "value 2\n")], damage)
            XCTAssertEqual(result.cells[1]?.outputs, [.value("second 2")], damage)
            XCTAssertEqual(try Data(contentsOf: program).count, bytes.count, "\(damage): the cache holds a whole program again")
        }
    }

    /// A program that ends without running a cell is a failure at the first cell's line.
    func testAProgramThatEndsBeforeItsFirstCellFails() throws {
        let cases = [
            ("exit 0", "it exited with status 0"), ("exit 3", "it exited with status 3"),
            ("kill -SEGV $$", "it was killed by signal 11 (SIGSEGV)"),
        ]
        for (script, how) in cases {
            let f = try RunnerFixture()
            _ = try f.write("value.txt", "1")
            _ = try f.run(Self.notebook)
            // A program whose checksum matches, so it is run: only its behaviour is wrong.
            let program = try XCTUnwrap(try programFiles(f).first)
            let fake = Data("#!/bin/sh\necho 'broken loader' >&2\n\(script)\n".utf8)
            try fake.write(to: program)
            let digest = program.lastPathComponent
            try Data("\(fake.count) \(SHA256.hex(fake))\n".utf8).write(to: f.cache.programChecksumURL(digest))
            _ = try f.write("value.txt", "2")
            let (_, result) = try f.run(Self.notebook)
            XCTAssertEqual(result.compilerInvocations, 0, script)
            XCTAssertEqual(result.failures.map(\.line), [7], script)
            XCTAssertEqual(
                result.failures.first?.message,
                "the notebook program ended before its first cell ran: \(how): broken loader", script)
            XCTAssertFalse(result.succeeded, script)
        }
    }

    func testACellThatCorruptsItsOutputFileFailsByItself() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(
            """
            ```swift
            print("before")
            ```

            ```swift
            import Foundation
            show("shown")
            let run = ProcessInfo.processInfo.environment["FOLIO_RUN_DIR"]!
            try! Data("{not json\\n".utf8).write(to: URL(fileURLWithPath: run + "/cell-1.outputs.jsonl"))
            ```

            ```swift
            print("after")
            ```
            """, cached: false)
        XCTAssertEqual(result.cells[0]?.status, .succeeded)
        guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail("\(String(describing: result.cells[1]))") }
        XCTAssertTrue(error.message.hasPrefix("the cell's output could not be read: "), error.message)
        XCTAssertFalse(error.message.contains("DecodingError"), error.message)
        XCTAssertEqual(error.line, 6)
        XCTAssertEqual(result.cells[2]?.outputs, [.stream(name: "stdout", text: "after\n")])
        XCTAssertEqual(result.failures.map(\.line), [6])
    }

    func testAnUnclosedCommentIsReportedWhereItOpens() throws {
        let f = try RunnerFixture()
        let (doc, result) = try f.run(
            """
            # Comment

            ```swift
            let a = 1
            /* never closed
            let b = 2
            ```

            Prose.

            ```swift
            print(a)
            ```
            """, cached: false)
        let lineCount = try String(contentsOfFile: doc.path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertEqual(result.compileErrors.map(\.line), [5], "\(result.compileErrors)")
        XCTAssertEqual(result.compileErrors.first?.column, 1)
        XCTAssertTrue(result.compileErrors.first?.message.hasPrefix("unterminated '/*' comment") == true, "\(result.compileErrors)")
        XCTAssertTrue(result.compileErrors.allSatisfy { $0.line <= lineCount })
    }

    func testMappedLinesPastEveryCellAreClampedIntoTheCellAbove() throws {
        let f = try RunnerFixture()
        let doc = try Document.load(path: try f.write("nb.md", "# T\n\n```swift\nlet a = 1\nlet b = 2\n```\n"))
        let program = Tangler.generate(for: doc, params: [], seed: 0, plan: nil)
        let out = "\(doc.path):40:3: error: something beyond\n\(doc.path):4:5: error: inside\n"
        let d = Compilation.diagnostics(out, document: doc, cells: CellLookup(doc), program: program, mainPath: "/x/main.swift")
        XCTAssertEqual(d.map(\.line), [4, 5], "in Markdown order")
        XCTAssertEqual(d.map(\.column), [5, 1])
        XCTAssertEqual(d.last?.message, "something beyond (reported past the end of the cell that starts at line 4)")
    }

    /// The scratch and cache copies are named by position or key; the note names the published
    /// file, whose name is the label made safe (no `/`, no leading dot).
    func testLogFilesNeverTakeAPathFromTheLabel() throws {
        for label in ["../../x", "/../../tmp/x"] {
            let f = try RunnerFixture()
            for cached in [true, false] {
                let (doc, result) = try f.run(
                    """
                    ```swift
                    //| label: \(label)
                    for i in 0..<20 { print(i) }
                    ```
                    """, cached: cached, limits: OutputLimits(lines: 3, bytes: 1000))
                let log = try XCTUnwrap(result.cells[0]?.fullLog, label)
                XCTAssertFalse(log.path.contains(".."), log.path)
                XCTAssertTrue(log.standardizedFileURL.path.hasPrefix(f.root.standardizedFileURL.path), log.path)
                XCTAssertTrue(FileManager.default.fileExists(atPath: log.path))
                guard case .stream(_, let note)? = result.cells[0]?.outputs.last else { return XCTFail() }
                let published = doc.cells[0].logFileName
                XCTAssertFalse(published.contains("/") || published.hasPrefix("."), published)
                XCTAssertTrue(note.contains("in \(published)]"), note)
            }
        }
    }
}
