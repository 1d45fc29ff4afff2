import XCTest
@testable import OutputChannel

/// `publish(name, value)` on the wire: the bytes the notebook process writes, non-finite values
/// as the channel writes them, and the lines written before the case existed still decode.
final class PublishedValueWireTests: XCTestCase {
    func testTheBytesOfAPublishedValue() throws {
        let line = #"{"published":{"_0":{"name":"final loss","value":0.015625}}}"#
        let decoded = try ChannelCoding.decoder().decode(CellOutput.self, from: Data(line.utf8))
        XCTAssertEqual(decoded, .published(PublishedValue(name: "final loss", value: 0.015625)))
        XCTAssertEqual(String(decoding: try ChannelCoding.encoder().encode(decoded), as: UTF8.self), line)
        let nan = try ChannelCoding.encoder().encode(CellOutput.published(PublishedValue(name: "x", value: .nan)))
        XCTAssertEqual(String(decoding: nan, as: UTF8.self), #"{"published":{"_0":{"name":"x","value":"nan"}}}"#)
    }

    func testOutputsWrittenBeforePublishedExistedStillDecode() throws {
        for line in [WireFormatTests.figure, WireFormatTests.table, #"{"value":{"_0":"42"}}"#, #"{"stream":{"name":"stdout","text":"hi\n"}}"#] {
            let output = try ChannelCoding.decoder().decode(CellOutput.self, from: Data(line.utf8))
            XCTAssertEqual(String(decoding: try ChannelCoding.encoder().encode(output), as: UTF8.self), line)
        }
        // A record from a run folder, as RunFiles reads it.
        let record = try ChannelCoding.decoder().decode(
            OutputRecord.self, from: Data(#"{"output":{"published":{"_0":{"name":"n","value":3}}},"stdoutOffset":7}"#.utf8))
        XCTAssertEqual(record, OutputRecord(stdoutOffset: 7, output: .published(PublishedValue(name: "n", value: 3))))
    }
}
