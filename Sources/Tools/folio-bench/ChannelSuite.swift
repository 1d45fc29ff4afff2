import Foundation
import OutputChannel
import PlotData

/// Suite `channel`: what a cell's long arrays cost on the output channel, as number frames
/// (`NumberFrames`) against the JSON numbers the channel wrote before, in the same run: a
/// 1024² heatmap, a 256² surface and a 100 000-point line, each one `OutputRecord`.
///
/// Time rows: encode + decode of the record, framed over JSON (peer "bound" 1: the ratio is
/// JSON's time over the frames', > 1 when frames are faster). Size rows (printed when the suite
/// is built, same row format): channel bytes as frames and as JSON, ratio JSON / frames.
enum ChannelSuite {
    /// Deterministic doubles in [0, 1) with all 53 bits used (so Float32 cannot hold them).
    static func noise(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
    }

    static func record(_ mark: Mark) -> OutputRecord {
        var figure = Figure()
        figure.axes.marks.append(mark)
        return OutputRecord(stdoutOffset: 0, output: .figure(figure))
    }

    static let workloads: [(name: String, record: OutputRecord)] = [
        (
            "heatmap-1024x1024",
            record(
                .heatmap(
                    HeatmapMark(
                        values: noise(1024 * 1024, seed: 1), rows: 1024, columns: 1024, xRange: [0, 1],
                        yRange: [0, 1], colormap: .viridis, valueRange: [0, 1])))
        ),
        (
            "surface-256x256",
            record(
                .surface(
                    SurfaceMark(
                        z: noise(256 * 256, seed: 2), rows: 256, columns: 256, xRange: [0, 1], yRange: [0, 1],
                        colormap: .viridis)))
        ),
        (
            "line-100000",
            record(.line(LineMark(x: (0..<100_000).map { Double($0) / 1000 }, y: noise(100_000, seed: 3), color: .black)))
        ),
    ]

    /// Encode + decode as the channel does now; the decoded record, so a caller can check it.
    static func framedRoundTrip(_ record: OutputRecord) -> OutputRecord? {
        guard let (json, frames) = try? ChannelCoding.encode(record, frameBase: 0) else { return nil }
        return try? ChannelCoding.decode(OutputRecord.self, from: json, frames: frames, framesName: "bench")
    }

    /// Encode + decode as JSON numbers, the channel before frames.
    static func jsonRoundTrip(_ record: OutputRecord) -> OutputRecord? {
        guard let json = try? ChannelCoding.encoder().encode(record) else { return nil }
        return try? ChannelCoding.decoder().decode(OutputRecord.self, from: json)
    }

    static func cases() -> [BenchCase] {
        let rowEncoder = JSONEncoder()
        rowEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (name, record) in workloads {
            // Checked once, outside the timing: both ways give the record back.
            guard framedRoundTrip(record) == record, jsonRoundTrip(record) == record else {
                fatalError("channel: a round trip changed \(name)")
            }
            guard let (json, frames) = try? ChannelCoding.encode(record), let text = try? ChannelCoding.encoder().encode(record) else {
                fatalError("channel: cannot encode \(name)")
            }
            let framed = Double(json.count + frames.count) / 1e6, plain = Double(text.count) / 1e6
            let row = Row(
                suite: "channel", case: "\(name)-bytes", unit: "MB", value: framed, peer: "json", peer_value: plain,
                ratio: plain / framed)
            if let line = try? rowEncoder.encode(row) { print(String(decoding: line, as: UTF8.self)) }
        }
        return workloads.map { name, record in
            BenchCase(
                suite: "channel", name: "\(name)-encode-decode", unit: "framed/json time", rate: { $0 },
                body: { _ = framedRoundTrip(record) }, baseline: { _ = jsonRoundTrip(record) }, bound: 1)
        }
    }
}
