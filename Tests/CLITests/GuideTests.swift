import XCTest
import TestSupport

/// Renders the user guide (docs/guide/*.md, as `make docs` does) with the release `folio` and
/// checks the values its pages state, so the guide cannot go stale: every code cell must run,
/// and what the prose says a cell prints must be what it prints.
final class GuideTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What each page must show (in its PDF), beyond rendering without error.
    let stated: [String: [String]] = [
        "contents": ["Folio guide: 8 pages, every cell run when rendered"],
        "getting-started": ["trace of a·aᵀ = 1240.0"],
        "notebook-format": ["params.width = 3 of type Int", "seed = 7", "sum of cubes to 5 = 225 = 225"],
        "tensors-for-numpy-users": [
            "eigvalsh [1., 3.]", "det 3 trace 4 cond 3", "solve(s, [3, 3]) = [[1., 1.]]",
            "intercept 1, slope 1, rank 2", "same seed, same numbers: true",
        ],
        "autodiff-for-pytorch-users": [
            "dy/dx = [ 3., 12., 27.]", "∇f = [ 2., -1.]", "fits to 1e-3: true", "same parameters as train(): true",
        ],
        "theory-probes": [
            "every growth rate is within 5 % of σ_w/√2: true", "the sawtooth has 2ⁿ pieces for n = 1…6: true",
            "equal bit for bit: true", "the exponent is within 0.15 of −1/2: true",
        ],
        "caching-and-parameters": ["width 64 rate 0.05 activation tanh", "twice the width: 128"],
        "errors-and-debugging": ["caught: cholesky", "after sum(axis: 1): [2]"],
    ]

    func testEveryGuidePageRendersAndStatesWhatItsCellsPrint() throws {
        let folio = try Tools.releaseFolio()
        let guide = root.appendingPathComponent("docs/guide")
        let pages = try FileManager.default.contentsOfDirectory(atPath: guide.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertTrue(Set(stated.keys).isSubset(of: pages.map { String($0.dropLast(3)) }), "every page with stated values exists: \(pages)")
        let out = uniqueTemporaryURL("folio-guide")
        defer { try? FileManager.default.removeItem(at: out) }
        // --no-cache: every example runs again, none is replayed from an earlier render.
        let r = try Command(folio, ["render", "docs/guide", "-o", out.path, "--no-cache"], currentDirectory: root).run()
        XCTAssertEqual(r.status, 0, r.stderr)
        for page in pages {
            let stem = String(page.dropLast(3))
            let pdf = out.appendingPathComponent(stem + ".pdf")
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(stem + ".html").path), stem)
            let text = try Tools.output("pdftotext", [pdf.path, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for value in stated[stem] ?? [] {
                let words = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(text.contains(words), "\(stem): '\(value)' not in its PDF")
            }
        }
        // The contents page links every other page by its HTML name.
        let contents = try String(contentsOf: out.appendingPathComponent("contents.html"), encoding: .utf8)
        for page in stated.keys where page != "contents" {
            XCTAssertTrue(contents.contains("href=\"\(page).html\""), "contents links \(page)")
        }
    }
}
