import XCTest
import TestSupport

/// Renders every notebook of the project with the release `folio` (as `make render` does) and
/// checks that each law the notebook states was verified: a notebook stops its own render with
/// a non-zero exit when a law fails, and prints its verdict, which must reach the PDF. The PDFs
/// are then measured for how full their pages are (`PageFill`).
///
/// `make test` builds the release binary and passes it as FOLIO_RELEASE_BIN; notebooks are
/// numerical experiments that need optimised library code to finish in seconds. Without it the
/// test fails (`Tools.releaseFolio`), saying how to build it.
final class NotebookLawTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The verdict lines each notebook must print (and so show in its PDF).
    let verdicts: [String: [String]] = [
        "hello": ["trace of a·aᵀ = 204.0"],
        "trajectory-length": ["Law 1 holds (to 1e-5 in f32).", "Law 2 holds: every slope is within 3 % of ln(σ_w/√2)."],
        "activation-regions": [
            "Law holds: region counts depend on the number of neurons, not on depth.",
            "Both laws hold for n = 1…10.",
            "Sampling never exceeds the exact count and reaches it under refinement.",
        ],
        "loss-landscape": [
            "Every grid centre equals r(θ*) bit for bit.",
            "Curvature law holds for the smooth network: fit and Hessian agree within 5 %.",
        ],
        "activation-tables": ["The computed invariance table agrees with the reference lectures."],
        "critical-points": [
            "Every choice J is a critical point with risk tr Σ_yy − Σ_J λ_j and exactly 4 zero modes; only J = {1, 2} has no negative eigenvalue.",
            "The origin is a saddle with zero gradient and zero Hessian.",
        ],
        "low-rank": [
            "The gradient-covariance spectrum concentrates on the two target directions as linear layers are added.",
            "The balanced factorisation attains the Schatten quasi-norm, and the best rescaling gives the path norm.",
        ],
        "kernels": [
            "The empirical tangent kernels converge at rate n^(-1/2); at width 4096 erf is within 2 % and ReLU within 3 %.",
            "The GP posterior means fit sin within 0.05 on [0, π].",
        ],
        "lazy-training": [
            "Every loss reaches 1e-10, the distance falls like 1/n, kernel change and gap like n^(-1/2).",
            "The smallest eigenvalue per feature converges and its coefficient of variation falls like n^(-1/2).",
        ],
        "gd-vs-sgd": [
            "The global minimum is the right well; the left one is spurious.",
            "The escape fraction is positive and increases with the noise level.",
        ],
        "theorems": ["Rescaling invariance holds to 1e-12 at 1000 random points."],
        "functional-equivalence": [
            "Example 1.22 holds: two zero-risk minimisers, risk 1/2 halfway between.",
            "The sorted fraction is 1/d! and canonicalisation keeps the function.",
            "The reference values hold: S = 1537, 9394.7 without and 9179.1 with the discount.",
        ],
        "batchnorm": [
            "The gradient identity of Prop. 1.28 holds to 1e-12 at 1000 random draws.",
            "The Jacobian of B is γ/σ times a projector of rank m − 2, to 1e-12.",
        ],
        "resnet-gradients": [
            "Product law holds: ∂π/∂x_k = λ^(L−1) for L = 1…100.",
            "Plain law holds: slope = s within 4 standard errors for σ_w² = 1, 2, 3.",
            "Residual laws hold: 1/L bounded, 1/√L below √L, α = 1 exponential.",
        ],
        "scattering": [
            "The Morlet filters have zero mean to 1e-12, the bank is a frame (0.1 < A(ω) ≤ 1), and normalised it is tight to 1e-12.",
            "The first-order slopes match H within 0.03 for H = 0.3, 0.5 and 0.7.",
            "Orders 0 to 3 carry more than 99 % of the energy, and the energy decreases with the order.",
        ],
    ]

    func testEveryNotebookRendersAndItsLawsHold() throws {
        let folio = try Tools.releaseFolio()
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("notebooks").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(Set(notebooks.map { String($0.dropLast(3)) }), Set(verdicts.keys), "every notebook has its verdicts listed")
        let out = uniqueTemporaryURL("folio-notebooks")
        defer { try? FileManager.default.removeItem(at: out) }
        for name in notebooks {
            // --no-cache: every law is recomputed, never replayed from an earlier run.
            let r = try Command(folio, ["render", "notebooks/\(name)", "-o", out.path, "--no-cache"], currentDirectory: root).run()
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            // A GLib critical or warning from Pango/Cairo is a call out of contract (a wrong
            // offset, a bad size): it prints and carries on with a wrong answer.
            for level in ["-CRITICAL **", "-WARNING **"] {
                XCTAssertFalse(r.stderr.contains(level), "\(name) printed a GLib\(level): \(r.stderr)")
            }
            let stem = String(name.dropLast(3))
            let text = try pdftotext(out.appendingPathComponent(stem + ".pdf"))
            for verdict in verdicts[stem] ?? [] {
                let words = verdict.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(text.contains(words), "\(name): '\(verdict)' not in its PDF")
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(stem + ".html").path))
            // Every notebook cites its sources, and shows the same reference list in its PDF and
            // its HTML page.
            let html = try String(contentsOf: out.appendingPathComponent(stem + ".html"), encoding: .utf8)
            let list = try XCTUnwrap(CitationTests.referenceListText(html), "\(name) cites nothing: it has no reference list")
            XCTAssertTrue(html.contains("href=\"#ref-"), "\(name): its citations link to their entries")
            let pdf = try CitationTests.bodyText(out.appendingPathComponent(stem + ".pdf"))
            let tail = pdf.range(of: "References\n", options: .backwards).map { String(pdf[$0.upperBound...]) } ?? ""
            XCTAssertTrue(
                CitationTests.comparable(tail).hasPrefix(CitationTests.comparable(list)), "\(name): PDF \(tail)\nHTML \(list)")
        }
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        for name in notebooks { XCTAssertTrue(index.contains("href=\"\(name.dropLast(3)).html\""), name) }
        // The same PDFs, measured for how full their pages are (rendering them again for that
        // alone cost three minutes of `make test`).
        try PageFill.check(notebooks.map { out.appendingPathComponent(String($0.dropLast(3)) + ".pdf") })
    }

    func pdftotext(_ pdf: URL) throws -> String {
        // pdftotext breaks lines where the PDF does; compare with single spaces.
        try Tools.output("pdftotext", [pdf.path, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
