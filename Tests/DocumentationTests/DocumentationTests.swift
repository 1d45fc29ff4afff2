import Foundation
import TestSupport
import XCTest

/// The API reference (`make docs`, output/api/): every public symbol a notebook can use has a
/// doc comment, and the DocC catalog's landing page links only to symbols that exist.
///
/// The symbol graphs come from `scripts/docs symbols`, which builds the Folio target in its own
/// scratch folder (.build-docs): minutes the first time, seconds when nothing changed.
final class DocumentationTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let graphs = root.appendingPathComponent(".build-docs/symbol-graphs")

    /// Undocumented public symbols each module may still have: none in any module since #24
    /// (MathType 107, Plot 16 and PlotData 210 were documented). A module not listed may have
    /// none. Should one ever be listed, the number only goes down: when a module's count falls
    /// below its allowance the test fails too, asking for the lower number, so no one can add an
    /// undocumented symbol into the slack someone else's comments made. (Synthesised members
    /// and the standard protocol witnesses of `PublicSymbols.protocolWitnesses` are not
    /// counted, as DocC needs no comment for them.)
    static let allowed: [String: Int] = [:]

    nonisolated(unsafe) static var built: Result<Void, Error>?

    /// Builds the symbol graphs once for the suite.
    func buildGraphs() throws {
        if Self.built == nil {
            Self.built = Result {
                let r = try Command(URL(fileURLWithPath: "/bin/bash"), ["scripts/docs", "symbols"], currentDirectory: Self.root).run()
                guard r.status == 0 else { throw GraphsNotBuilt(status: r.status, stderr: r.stderr) }
            }
        }
        try Self.built!.get()
    }

    func symbols() throws -> [PublicSymbol] {
        try buildGraphs()
        let modules = Self.graphs.appendingPathComponent("modules")
        // The per-module graphs, except Folio's own, which also holds the re-exported
        // Foundation (40 MB); Folio's symbols come from the combined graph instead.
        let perModule = try FileManager.default.contentsOfDirectory(atPath: modules.path).filter { !$0.hasPrefix("Folio") }
        let folder = try makeTemporaryFolder("folio-doc-graphs")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in perModule {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: modules.appendingPathComponent(name))
        }
        return try PublicSymbols.read([folder, Self.graphs.appendingPathComponent("folio")], root: Self.root)
    }

    func testEveryPublicSymbolIsDocumentedOrWithinItsModulesAllowance() throws {
        let all = try symbols()
        XCTAssertGreaterThan(all.count, 1000, "the graphs hold Folio's API")
        for module in ["Folio", "Tensor", "Autograd", "Theory", "Plot", "PlotData", "Graphics", "Colors"] {
            XCTAssertTrue(all.contains { $0.module == module }, "no symbols of \(module): the graphs are incomplete")
        }
        let missing = Dictionary(grouping: all.filter { !$0.documented }, by: \.module)
        for module in Set(missing.keys).union(Self.allowed.keys).sorted() {
            let list = (missing[module] ?? []).sorted { $0.location.localizedStandardCompare($1.location) == .orderedAscending }
            let allowance = Self.allowed[module] ?? 0
            let names = list.map { "  \($0.location): \($0.kind) \($0.path)" }.joined(separator: "\n")
            XCTAssertLessThanOrEqual(list.count, allowance, "\(module): \(list.count) undocumented public symbols (allowed \(allowance)):\n\(names)")
            XCTAssertFalse(list.count < allowance, "\(module) has \(list.count) undocumented public symbols: lower its allowance from \(allowance)")
        }
    }

    func testSymbolsAreReadWithTheirModuleAndDocumentation() throws {
        let all = try symbols()
        let show = try XCTUnwrap(all.first { $0.path == "show(_:)" })
        XCTAssertEqual(show.module, "Folio")
        XCTAssertTrue(show.documented)
        XCTAssertTrue(show.location.hasPrefix("Sources/Runtime/Folio/Show.swift:"), show.location)
        // Compiler-synthesised members (an enum's hashValue) are not in the count.
        XCTAssertFalse(all.contains { $0.path == "ComparisonOp.hashValue" })
    }

    /// The reference builds, and every link of the landing page (its topic groups) resolves.
    func testTheReferenceBuildsAndItsLandingPageLinksResolve() throws {
        try buildGraphs()
        let out = uniqueTemporaryURL("folio-api")
        defer { try? FileManager.default.removeItem(at: out) }
        let docc = try Tools.path("docc")
        let r = try Command(
            URL(fileURLWithPath: docc),
            [
                "convert", "Sources/Runtime/Folio/Folio.docc", "--additional-symbol-graph-dir", Self.graphs.appendingPathComponent("folio").path,
                "--output-path", out.path, "--transform-for-static-hosting", "--hosting-base-path", "api",
                "--fallback-display-name", "Folio", "--fallback-bundle-identifier", "org.folio.Folio",
            ], currentDirectory: Self.root
        ).run()
        XCTAssertEqual(r.status, 0, r.stderr)
        let catalogWarnings = (r.stdout + r.stderr).components(separatedBy: "\nwarning:").dropFirst().filter { $0.contains("Folio.md") }
        XCTAssertEqual(catalogWarnings, [], "unresolved links on the landing page")
        for page in ["documentation/folio/index.html", "documentation/folio/tensor/index.html", "data/documentation/folio/variable.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(page).path), page)
        }
    }
}

/// `scripts/docs symbols` failed: the build's last lines say why.
struct GraphsNotBuilt: Error, CustomStringConvertible {
    var status: Int32
    var stderr: String
    var description: String { "scripts/docs symbols exited with status \(status):\n\(stderr)" }
}
