import Foundation
import XCTest
@testable import TestSupport

/// A missing tool fails a test with a message that says what installs it; programs run to the
/// end with their outputs, status and input as given.
final class ToolsTests: XCTestCase {
    func testMissingToolNamesTheToolAndTheCommandThatInstallsIt() {
        XCTAssertEqual("\(MissingTool("chromium"))", "chromium is missing: run scripts/setup (make test and make check run it)")
        XCTAssertEqual(
            "\(MissingTool("pdftotext"))",
            "pdftotext is missing: poppler-utils provides it; run scripts/setup (make test and make check run it)")
        XCTAssertEqual(
            "\(MissingTool("numpy"))",
            "numpy is missing: python3 cannot import it; run scripts/setup-test-peers (make test and make check run it)")
        XCTAssertEqual("\(MissingTool("frobnicate"))", "frobnicate is missing: install frobnicate and put it on PATH")
        XCTAssertEqual("\(MissingTool("x", remedy: "do y"))", "x is missing: do y")
    }

    func testAProgramNotOnPATHIsAMissingTool() {
        let name = "folio-no-such-tool-\(UUID().uuidString)"
        XCTAssertNil(Tools.find(name))
        XCTAssertThrowsError(try Tools.path(name)) { XCTAssertEqual($0 as? MissingTool, MissingTool(name)) }
        XCTAssertThrowsError(try Tools.run(name, [])) { XCTAssertEqual($0 as? MissingTool, MissingTool(name)) }
        XCTAssertEqual(try Tools.path("sh"), Tools.find("sh"))
    }

    func testCommandReturnsOutputsStatusAndReadsItsInput() throws {
        let r = try Command(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "cat; echo complaint >&2; exit 3"],
            input: Data("given\n".utf8)
        ).run()
        XCTAssertEqual(r.status, 3)
        XCTAssertEqual(r.reason, .exit)
        XCTAssertEqual(r.stdout, "given\n")
        XCTAssertEqual(r.stderr, "complaint\n")
        let (status, out, err) = try Tools.run("sh", ["-c", "tr a-z A-Z"], stdin: "shout")
        XCTAssertEqual([status.description, out, err], ["0", "SHOUT", ""])
    }

    func testCommandRunsInTheGivenFolderWithTheGivenEnvironment() throws {
        let folder = try makeTemporaryFolder("folio-support")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Command(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "pwd; echo $FOLIO_SUPPORT_PROBE"],
            environment: ["FOLIO_SUPPORT_PROBE": "probe"], currentDirectory: folder
        ).run()
        XCTAssertEqual(r.stdout, folder.resolvingSymlinksInPath().path + "\nprobe\n")
    }

    func testOutputsAreCaughtInTheGivenFolderAndRemovedAfterTheRun() throws {
        let folder = try makeTemporaryFolder("folio-support")
        defer { try? FileManager.default.removeItem(at: folder) }
        let running = try Command(URL(fileURLWithPath: "/bin/sh"), ["-c", "ls -a \(folder.path)"], captureFolder: folder).start()
        let r = try running.wait()
        XCTAssertTrue(r.stdout.hasPrefix(".\n..\n.command-"), r.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testASignalIsReportedAsOne() throws {
        let r = try Command(URL(fileURLWithPath: "/bin/sh"), ["-c", "kill -TERM $$"]).run()
        XCTAssertEqual(r.reason, .uncaughtSignal)
        XCTAssertEqual(r.status, SIGTERM)
    }

    func testPythonNamesTheModuleItCannotImport() throws {
        XCTAssertEqual(try Tools.python("print(6 * 7)"), "42\n")
        XCTAssertThrowsError(try Tools.python("import folio_no_such_module.part")) {
            XCTAssertEqual($0 as? MissingTool, MissingTool("folio_no_such_module"))
        }
        XCTAssertThrowsError(try Tools.python("import sys; sys.stderr.write('bad'); sys.exit(4)")) {
            XCTAssertEqual("\($0)", "python3 -c … exited with status 4: bad")
        }
        XCTAssertEqual(Tools.missingModule("ModuleNotFoundError: No module named 'numpy'\n"), "numpy")
        XCTAssertNil(Tools.missingModule("ZeroDivisionError: division by zero"))
    }

    func testTheReleaseFolioMustBeNamedAndExecutable() {
        let howTo =
            "make test builds it and sets FOLIO_RELEASE_BIN; by hand: swift build -c release --product folio"
            + " && swift build -c release --product Folio, then FOLIO_RELEASE_BIN=$PWD/.build/release/folio swift test …"
        XCTAssertThrowsError(try Tools.releaseFolio(environment: [:])) {
            XCTAssertEqual("\($0)", "the release folio (FOLIO_RELEASE_BIN) is missing: " + howTo)
        }
        XCTAssertThrowsError(try Tools.releaseFolio(environment: ["FOLIO_RELEASE_BIN": "/nonexistent/folio"])) {
            XCTAssertEqual("\($0)", "the release folio (FOLIO_RELEASE_BIN=/nonexistent/folio is not an executable) is missing: " + howTo)
        }
        XCTAssertEqual(try Tools.releaseFolio(environment: ["FOLIO_RELEASE_BIN": "/bin/sh"]).path, "/bin/sh")
    }

    func testBuiltProductsAreFoundBesideTheTests() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: try Tools.builtProduct("folio").path))
        XCTAssertThrowsError(try Tools.builtProduct("folio-no-such-product")) {
            XCTAssertTrue("\($0)".hasSuffix("/folio-no-such-product; run swift build --build-tests"), "\($0)")
        }
    }

    func testTemporaryFoldersAreNewAndDistinct() throws {
        let a = try makeTemporaryFolder("folio-support"), b = try makeTemporaryFolder("folio-support")
        defer { for f in [a, b] { try? FileManager.default.removeItem(at: f) } }
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: a.path), [])
        XCTAssertTrue(a.lastPathComponent.hasPrefix("folio-support-"))
        let file = uniqueTemporaryURL("folio-support", suffix: ".pdf")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        XCTAssertEqual(file.pathExtension, "pdf")
        XCTAssertEqual(file.deletingLastPathComponent().standardizedFileURL, FileManager.default.temporaryDirectory.standardizedFileURL)
    }
}
