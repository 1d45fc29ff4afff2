import Foundation
import Storage
import XCTest

final class AtomicFileTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        try? FileManager.default.removeItem(at: dir)
    }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    func testWriteCreatesTheFolderAndReplacesWithoutLeavingTemporaries() throws {
        let url = dir.appendingPathComponent("a/b/result.json")
        try AtomicFile.write(Data("first".utf8), to: url)
        try AtomicFile.write(Data("second, longer".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second, longer")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["result.json"])
    }

    /// Many threads replacing one file: every write succeeds, the file holds one of them whole.
    func testConcurrentWritersNeverMixTheirBytes() throws {
        let url = dir.appendingPathComponent("shared")
        let payloads = (0..<16).map { i in Data(repeating: UInt8(65 + i), count: 100_000) }
        let failures = NSLock()
        var failed: [String] = []
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            do { try AtomicFile.write(payloads[i % 16], to: url) } catch {
                failures.lock(); failed.append("\(error)"); failures.unlock()
            }
        }
        XCTAssertEqual(failed, [])
        let data = try Data(contentsOf: url)
        XCTAssertTrue(payloads.contains(data), "the file is one writer's bytes, whole")
        XCTAssertEqual(try entries(), ["shared"])
    }

    /// A write that cannot happen says which file and why, and leaves the old file and no temporary.
    func testAFailedWriteSaysWhyAndKeepsTheOldFile() throws {
        guard getuid() != 0 else {
            // root ignores permissions; a folder path through a regular file fails for everyone.
            let blocker = dir.appendingPathComponent("file")
            try Data("x".utf8).write(to: blocker)
            XCTAssertThrowsError(try AtomicFile.write(Data("y".utf8), to: blocker.appendingPathComponent("inside"), shownAs: "out/inside")) { e in
                XCTAssertTrue("\(e)".hasPrefix("cannot create the folder for out/inside: "), "\(e)")
            }
            return
        }
        let url = dir.appendingPathComponent("kept")
        try AtomicFile.write(Data("old".utf8), to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        XCTAssertThrowsError(try AtomicFile.write(Data("new".utf8), to: url, shownAs: "out/kept")) { e in
            XCTAssertEqual("\(e)", "cannot write out/kept: Permission denied")
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "old")
        XCTAssertEqual(try entries(), ["kept"])
    }

    /// The temporary name ends in the writer's pid, so a later run can remove a dead writer's leftovers.
    func testTemporaryNamesCarryTheirOwnerAndAreDistinct() {
        let a = AtomicFile.temporaryName(for: "index.html"), b = AtomicFile.temporaryName(for: "index.html")
        XCTAssertNotEqual(a, b)
        XCTAssertTrue(a.hasPrefix(".index.html.") && a.hasSuffix(".tmp"), a)
        XCTAssertEqual(AtomicFile.temporaryOwner(a), getpid())
        XCTAssertEqual(AtomicFile.temporaryOwner(".x.pdf.12.4242.tmp"), 4242)
        XCTAssertNil(AtomicFile.temporaryOwner("x.pdf"))
        XCTAssertNil(AtomicFile.temporaryOwner(".x.pdf.tmp.bak"))
    }
}
