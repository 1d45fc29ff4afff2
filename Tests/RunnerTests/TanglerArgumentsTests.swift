import Notebook
import XCTest

@testable import Runner

/// `readingArguments` (what `--on slurm` compiles): the points of a sweep share one program
/// text, its parameters and cell table passed as arguments, on the same lines as the literals.
final class TanglerArgumentsTests: XCTestCase {
    func program(_ params: String, reading: Bool) throws -> (Document, Tangler.Program) {
        let doc = try Document.parse(
            "---\nparams:\n  n: 3\n  s: 0.1\n  on: true\n  tag: \"a b, 'c'\"\n---\n\n```swift\nlet a = params.n\n```\n", path: "nb/x.md")
        var p = doc.frontMatter.params
        if !params.isEmpty { p = try NotebookRunner.resolveParams(doc, overrides: ["n": params]) }
        let plan = ExecutionPlan(
            document: doc, context: ExecutionContext(toolchain: "t", flags: [], params: p.map { "\($0.name) \($0.value)" }, seed: 1, inputs: [:]))
        return (doc, Tangler.generate(for: doc, params: p, seed: 1, plan: plan, readingArguments: reading))
    }

    func testPointsShareOneProgramAndDifferInTheirArguments() throws {
        let (_, a) = try program("", reading: true)
        let (_, b) = try program("64", reading: true)
        XCTAssertEqual(a.source, b.source, "one program text for every point: one compile")
        XCTAssertNotEqual(a.arguments, b.arguments)
        XCTAssertEqual(Array(a.arguments.dropFirst()), ["3", "0.1", "true", "a b, 'c'"])
        XCTAssertEqual(Array(b.arguments.dropFirst()), ["64", "0.1", "true", "a b, 'c'"])
        XCTAssertTrue(a.source.contains("let params = NotebookParams(n: Int(CommandLine.arguments[2])!, s: Double(CommandLine.arguments[3])!"))
        XCTAssertTrue(a.source.contains("_folioCells(CommandLine.arguments[1])"))
        XCTAssertFalse(a.source.contains("_folioCells(\""))
        // The table passed is the one the literal program holds (its memo scopes follow the params).
        let (_, literal) = try program("64", reading: false)
        XCTAssertTrue(literal.source.contains("_folioCells(\"\(b.arguments[0])\")"))
        XCTAssertTrue(literal.arguments.isEmpty)
        // Same lines: diagnostics and traps map to the same Markdown lines.
        XCTAssertEqual(literal.cellOfLine, b.cellOfLine)
        XCTAssertEqual(
            literal.source.split(separator: "\n", omittingEmptySubsequences: false).count,
            b.source.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    func testDoubleArgumentsParseBackToTheSameBits() {
        for d in [0.1, 1e-300, .leastNonzeroMagnitude, -0.0, .pi, 1.0 / 3, 123_456_789.123_456_78, .infinity, -.infinity] {
            XCTAssertEqual(Double(Tangler.argumentText(.double(d)))?.bitPattern, d.bitPattern, "\(d)")
        }
        XCTAssertTrue(Double(Tangler.argumentText(.double(.nan)))!.isNaN)
    }
}
