import XCTest
import Graphics
@testable import Plot

final class GalleryTests: XCTestCase {
    /// Writes every gallery figure as PNG (150 dpi) and PDF to $FOLIO_GALLERY (or a temp dir),
    /// and checks each is non-blank with ink inside its margins.
    func testGalleryRendersEveryMark() throws {
        let dir = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["FOLIO_GALLERY"]
                ?? NSTemporaryDirectory() + "folio-gallery")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, fig) in Gallery.all {
            let c = Gallery.png(fig)
            let px = c.pixels()
            var ink = 0
            for i in stride(from: 0, to: px.rgba.count, by: 4) where px.rgba[i] < 200 || px.rgba[i + 1] < 200 || px.rgba[i + 2] < 200 { ink += 1 }
            XCTAssertGreaterThan(ink, px.width * px.height / 100, name)
            try Data(c.finish()).write(to: dir.appendingPathComponent(name + ".png"))
            try Data(Gallery.pdf(fig)).write(to: dir.appendingPathComponent(name + ".pdf"))
        }
    }
}

extension GalleryTests {
    func testWriteOcclusionProbe() throws {
        guard let dir = ProcessInfo.processInfo.environment["FOLIO_GALLERY"] else { return }
        var f = Figure(width: 240, height: 200)
        let n = 11
        f.axes.surface(Array(repeating: 0, count: n * n), rows: n, columns: n, x: [-1, 1], y: [-1, 1], colormap: .cividis)
        f.axes.line3D(x: [-0.4, 0.4], y: [0, 0], z: [-0.2, -0.2], color: Color(hex: 0xff6600), width: 3)
        f.axes.points3D(x: [-1, 1], y: [-1, 1], z: [-1, 1], color: Color(hex: 0xffffff, alpha: 0))
        try Data(Gallery.png(f, dpi: 100).finish()).write(to: URL(fileURLWithPath: dir + "/probe.png"))
    }
}

extension GalleryTests {
    func testWriteTable() throws {
        guard let dir = ProcessInfo.processInfo.environment["FOLIO_GALLERY"] else { return }
        let c = Canvas(.png(dpi: 150), width: 320, height: 90)
        TableTests.sample.draw(on: c, at: Point(10, 10))
        try Data(c.finish()).write(to: URL(fileURLWithPath: dir + "/table.png"))
    }
}
