import XCTest
@testable import OutputChannel

final class RunFilesTests: XCTestCase {
    func testShownValuesInterleaveWithPrintedText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-runfiles-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("first\nsecond\n".utf8).write(to: dir.appendingPathComponent(RunFiles.stdout(0)))
        let records = [
            OutputRecord(stdoutOffset: 6, output: .value("shown")),
            OutputRecord(stdoutOffset: 13, output: .error(CellError(message: "boom", line: 3))),
        ]
        let lines = try records.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: dir.appendingPathComponent(RunFiles.outputs(0)))
        try Data("warn\n".utf8).write(to: dir.appendingPathComponent(RunFiles.stderr(0)))

        let outputs = try RunFiles.read(cell: 0, in: dir)
        XCTAssertEqual(
            outputs,
            [
                .stream(name: "stdout", text: "first\n"),
                .value("shown"),
                .stream(name: "stdout", text: "second\n"),
                .error(CellError(message: "boom", line: 3)),
                .stream(name: "stderr", text: "warn\n"),
            ])
    }

    func testNonFiniteNumbersSurviveTheChannel() throws {
        let record = OutputRecord(stdoutOffset: 0, output: .value("x"))
        _ = try ChannelCoding.encoder().encode(record)
        struct P: Codable { var v: [Double] }
        let data = try ChannelCoding.encoder().encode(P(v: [.nan, .infinity, -.infinity, 1]))
        let back = try ChannelCoding.decoder().decode(P.self, from: data)
        XCTAssertTrue(back.v[0].isNaN)
        XCTAssertEqual(Array(back.v[1...]), [.infinity, -.infinity, 1])
    }

    func testMissingCellFilesMeanNoOutput() throws {
        XCTAssertEqual(try RunFiles.read(cell: 7, in: FileManager.default.temporaryDirectory.appendingPathComponent("nope-\(UUID())")), [])
    }
}
