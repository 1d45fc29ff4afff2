import Foundation
import Notebook
import XCTest
import TestSupport
@testable import Report
#if canImport(Glibc)
import Glibc
#endif

/// Images the Markdown names are files Folio reads and publishes: nothing from outside the
/// project, nothing that is not a browser image, never a read that hangs.
final class LocalImageSafetyTests: XCTestCase {
    var root: URL!, project: URL!, outside: URL!
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 40)

    override func setUpWithError() throws {
        let fm = FileManager.default
        root = uniqueTemporaryURL("folio-imgsafe")
        project = root.appendingPathComponent("project")
        outside = root.appendingPathComponent("outside")
        for d in [project!, outside!, project.appendingPathComponent("notebooks"), project.appendingPathComponent("notebooks/dir.png")] {
            try fm.createDirectory(at: d, withIntermediateDirectories: true)
        }
        try Data(png + Array("SECRET-PNG".utf8)).write(to: outside.appendingPathComponent("secret.png"))
        try Data("SECRET-TEXT".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data(png).write(to: project.appendingPathComponent("notebooks/ok.png"))
        try Data("not an image".utf8).write(to: project.appendingPathComponent("notebooks/fake.png"))
        try Data("notes".utf8).write(to: project.appendingPathComponent("notebooks/notes.txt"))
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>"#.utf8).write(
            to: project.appendingPathComponent("notebooks/clean.svg"))
        try fm.createSymbolicLink(
            atPath: project.appendingPathComponent("notebooks/link.png").path, withDestinationPath: outside.appendingPathComponent("secret.png").path)
        try fm.createSymbolicLink(atPath: project.appendingPathComponent("notebooks/linked").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: project.appendingPathComponent("notebooks/zero.png").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(mkfifo(project.appendingPathComponent("notebooks/pipe.png").path, 0o600), 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func images(_ markdown: String) throws -> (LocalImages, String) {
        let path = project.appendingPathComponent("notebooks/nb.md").path
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        return (LocalImages(try Document.load(path: path), projectRoot: project), path)
    }

    func testFilesOutsideTheProjectAreRefusedAtTheirLineAndColumn() throws {
        let (li, path) = try images(
            """
            # Images

            A ![s](../../outside/secret.png) b
            ![abs](\(outside.path)/secret.png)
            x ![enc](%2e%2e/%2e%2e/outside/secret.txt) and ![enc2](..%2F..%2Foutside%2Fsecret.png)
            ![link](link.png)
            ![folder](linked/secret.png)

            ![ok](ok.png) ![again](ok.png?v=2)
            """)
        XCTAssertEqual(Set(li.images.keys), ["ok.png", "ok.png?v=2"])
        XCTAssertEqual(li.images["ok.png"]?.fileName, "ok.png")
        XCTAssertEqual(li.images["ok.png"]?.data, Data(png))
        let real = LocalImages.realPath(outside.path)!
        XCTAssertEqual(li.diagnostics.map { "\($0.line):\($0.column)" }, ["3:3", "4:1", "5:3", "5:48", "6:1", "7:1"])
        for d in li.diagnostics {
            XCTAssertEqual(d.severity, .warning)
            XCTAssertEqual(d.file, path)
            XCTAssertTrue(d.message.contains("is outside the project folder"), d.message)
            XCTAssertTrue(d.message.contains("(it is \(real)/secret."), d.message)
            XCTAssertTrue(d.message.hasSuffix("not published; list it under the front matter's 'resources:' to publish it"), d.message)
        }
        XCTAssertTrue(li.diagnostics[0].description.hasPrefix("\(path):3:3: warning: image '../../outside/secret.png' is outside the project folder "))
    }

    func testResourcesAllowListedFilesAndFolders() throws {
        let (li, _) = try images(
            """
            ---
            resources: [../../outside]
            ---
            ![a](../../outside/secret.png) ![b](link.png) ![c](linked/secret.png)
            """)
        XCTAssertEqual(li.diagnostics, [])
        XCTAssertEqual(Set(li.images.keys), ["../../outside/secret.png", "link.png", "linked/secret.png"])
        // One file under three names is copied once.
        XCTAssertEqual(Set(li.images.values.map(\.fileName)), ["secret.png"])
        let (file, _) = try images("---\nresources: ../../outside/secret.png\n---\n![a](link.png) ![t](../../outside/secret.txt)\n")
        XCTAssertEqual(Set(file.images.keys), ["link.png"])
        XCTAssertEqual(file.diagnostics.map(\.column), [16])
    }

    func testNonRegularFilesAndOtherTypesAreRefusedWithoutHanging() throws {
        let (li, _) = try images(
            """
            ![p](pipe.png)
            ![d](dir.png)
            ![f](fake.png)
            ![t](notes.txt)
            ![n](nope.png)
            ![z](zero.png)
            ![svg](clean.svg)
            ![e](%00.png)
            """)
        XCTAssertEqual(Set(li.images.keys), ["clean.svg"])
        let messages = li.diagnostics.map(\.message)
        XCTAssertEqual(li.diagnostics.map(\.line), [1, 2, 3, 4, 5, 6, 8])
        XCTAssertEqual(messages[0], "image 'pipe.png' is a pipe, not an image file: not published")
        XCTAssertEqual(messages[1], "image 'dir.png' is a folder, not an image file: not published")
        XCTAssertEqual(messages[2], "image 'fake.png' is not published: its bytes are not a PNG, JPEG, GIF or WebP image")
        XCTAssertEqual(messages[3], "image 'notes.txt' is not published: only PNG, JPEG, GIF, WebP and SVG files are copied into the site (this one is '.txt')")
        XCTAssertTrue(messages[4].hasPrefix("image 'nope.png' not found (looked for "), messages[4])
        XCTAssertTrue(messages[5].hasPrefix("image 'zero.png' is outside the project folder"), messages[5])
        XCTAssertEqual(messages[6], "image '%00.png' not published: its path holds a NUL character")
        // /dev/zero allowed by the user is still a device.
        let (dev, _) = try images("---\nresources: /dev\n---\n![z](zero.png)\n")
        XCTAssertEqual(dev.diagnostics.map(\.message), ["image 'zero.png' is a device, not an image file: not published"])
    }

    func testOversizedFilesAreRefused() throws {
        let big = project.appendingPathComponent("notebooks/big.png")
        _ = FileManager.default.createFile(atPath: big.path, contents: Data(png))
        let h = try FileHandle(forWritingTo: big)
        try h.truncate(atOffset: UInt64(ImageFileCheck.maxBytes + 1))  // sparse: costs no disk
        try h.close()
        let (li, _) = try images("![b](big.png)\n")
        XCTAssertEqual(li.images.count, 0)
        XCTAssertEqual(li.diagnostics.map(\.message), ["image 'big.png' is larger than 50 MB: not published"])
    }

    func testSVGsWithScriptAreRefused() throws {
        let head = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">"#
        let hostile = [
            "<script>alert(1)</script>", "<SCRIPT>alert(1)</SCRIPT>", #"<rect onload="alert(1)"/>"#, #"<rect ONCLICK = 'x'/>"#,
            "<rect\nonmouseover\n=\"x\"/>", #"<a href="javascript:alert(1)"><rect/></a>"#, #"<a xlink:href="java&#x09;script:alert(1)"/>"#,
            #"<a href="&#106;avascript:alert(1)"/>"#, #"<a href="&#x6A;&#x61;vascript:x"/>"#, #"<a href=" JaVaScRiPt:x"/>"#,
            "<foreignObject><div>x</div></foreignObject>", #"<set attributeName="href" to="x"/>"#, #"<animate attributeName="onbegin"/>"#,
            #"<image href="data:text/html;base64,PHNjcmlwdD4="/>"#, #"<image href="data:image/svg+xml,&lt;svg onload=x&gt;"/>"#,
            "<iframe/>", "<!ENTITY x 'y'>", #"<a href="vbscript:x"/>"#, "<handler>x</handler>",
        ]
        for (k, body) in hostile.enumerated() {
            try Data((head + body + "</svg>").utf8).write(to: project.appendingPathComponent("notebooks/evil\(k).svg"))
        }
        try Data((head + #"<image href="data:image/png;base64,iVBORw0K"/><text>onion = layers, version="1"</text></svg>"#).utf8)
            .write(to: project.appendingPathComponent("notebooks/fine.svg"))
        let (li, _) = try images(hostile.indices.map { "![e](evil\($0).svg)\n" }.joined() + "![f](fine.svg)\n")
        XCTAssertEqual(Set(li.images.keys), ["fine.svg"])
        XCTAssertEqual(li.diagnostics.map(\.line), Array(1...hostile.count))
        for d in li.diagnostics { XCTAssertTrue(d.message.contains("is not published: the SVG file contains "), d.message) }
    }

    func testBlockedImageSchemesWarnAndRemoteOnesPass() throws {
        let (li, _) = try images("![a](javascript:alert(1)) ![b](data:image/png;base64,AAAA)\n![c](https://example.com/x.png) ![d](//cdn.example.com/x.png)\n")
        XCTAssertEqual(li.images.count, 0)
        XCTAssertEqual(li.diagnostics.map { "\($0.line):\($0.column)" }, ["1:1", "1:27"])
        XCTAssertEqual(
            li.diagnostics[0].message,
            "image 'javascript:alert(1)' not published: 'javascript:' image URLs are not allowed (only http, https and files in the project)")
    }

    func testProjectFolderIsTheCurrentFolderWhenItHoldsTheNotebook() throws {
        let cwd = LocalImages.realPath(FileManager.default.currentDirectoryPath)!
        XCTAssertEqual(LocalImages.defaultProjectRoot(notebookPath: "notebooks/x.md").path, cwd)
        XCTAssertEqual(LocalImages.defaultProjectRoot(notebookPath: cwd + "/a/b/x.md").path, cwd)
        let nb = project.appendingPathComponent("notebooks/x.md").path
        XCTAssertEqual(LocalImages.defaultProjectRoot(notebookPath: nb).path, LocalImages.realPath(project.appendingPathComponent("notebooks").path))
    }

    /// Through the real writer: the refused files' bytes appear nowhere in the output, and the
    /// page shows each refused image as a placeholder with its alt text.
    func testRefusedImagesArePublishedNowhere() throws {
        let path = project.appendingPathComponent("notebooks/pub.md").path
        try "# P\n\n![secret one](../../outside/secret.png)\n\n![linked](link.png) ![ok](ok.png)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let out = project.appendingPathComponent("output")
        let nb = ResolvedNotebook(ExecutedNotebook(document: try Document.load(path: path), outputs: [:]))
        XCTAssertEqual(nb.diagnostics.map(\.line), [3, 5])
        try ReportWriter(outputDirectory: out).write(nb)
        let files = FileManager.default.enumerator(atPath: out.path)!.compactMap { $0 as? String }
        XCTAssertEqual(files.filter { $0.hasPrefix("pub/images/") }, ["pub/images/ok.png"])
        for f in files {
            let data = FileManager.default.contents(atPath: out.appendingPathComponent(f).path) ?? Data()
            XCTAssertNil(data.range(of: Data("SECRET".utf8)), f)
        }
        let html = try String(contentsOf: out.appendingPathComponent("pub.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<figure><span class=\"missing-image\" title=\"image not available\">[secret one]</span>"), html)
        XCTAssertTrue(
            html.contains("<span class=\"missing-image\" title=\"image not available\">[linked]</span> <img src=\"pub/images/ok.png\" alt=\"ok\">"), html)
        XCTAssertFalse(html.contains("secret.png"))
    }
}
