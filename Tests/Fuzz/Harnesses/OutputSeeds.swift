import Foundation
import OutputChannel
import Plot

/// Seed records for the outputs harness, written through Folio's own encoder so they are what a
/// notebook process really sends: one figure or table per file, one mark kind each, small.
/// `folio-fuzz --write-seeds outputs Tests/Fuzz/corpus/outputs` regenerates them.
enum OutputSeeds {
    static func write(to dir: URL) {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let x = [0.0, 1, 2, 3, 4], y = [1.0, 3, 2, 5, 4]
        var seeds: [(String, [CellOutput])] = []
        func figure(_ name: String, _ build: (inout Figure) -> Void) {
            var f = Figure(width: 200, height: 140, title: "t", xLabel: "$x$", yLabel: "y")
            build(&f)
            seeds.append((name, [.figure(f)]))
        }
        figure("line") { $0.line(x: x, y: y, label: "a") }
        figure("scatter-log") {
            $0.axes.scatter(x: x, y: y, label: "b"); $0.axes.yScale = .log; $0.axes.grid = true
        }
        figure("band-bar") {
            $0.axes.band(x: x, lower: y, upper: y.map { $0 + 1 }); $0.axes.bar(x: x, height: y)
        }
        figure("histogram") { $0.axes.histogram([1, 2, 2, 3, 3, 3, 4], bins: 4) }
        figure("stem-step") {
            $0.axes.stem(x: x, y: y); $0.axes.step(x: x, y: y)
        }
        figure("heatmap") { $0.axes.heatmap([1, 2, 3, 4, 5, .nan], rows: 2, columns: 3, colorbar: "v") }
        figure("contour") { $0.axes.contour([1, 2, 3, 2, 3, 4, 3, 4, 5], rows: 3, columns: 3, x: [0, 1], y: [0, 1], filled: true) }
        figure("regions") { $0.axes.regions([0, 1, 1, 0], rows: 2, columns: 2, x: [0, 1], y: [0, 1], names: ["p", "q"]) }
        figure("annotations") {
            $0.line(x: x, y: y); $0.axes.hline(2); $0.axes.vline(1)
            $0.axes.text("note", x: 1, y: 2); $0.axes.arrow(from: (0, 0), to: (1, 1), text: "$\\alpha$")
            $0.axes.legend = .outside
        }
        figure("surface3d") {
            $0.axes.surface([0, 1, 1, 2], rows: 2, columns: 2, x: [0, 1], y: [0, 1])
            $0.axes.line3D(x: [0, 1], y: [0, 1], z: [0, 1]); $0.axes.points3D(x: [0], y: [0], z: [0])
        }
        var grid = Figure(width: 300, height: 200, rows: 2, columns: 2, title: "grid", panelLetters: true)
        grid[0, 0].line(x: x, y: y); grid[1, 1].scatter(x: x, y: y)
        grid.sharedX = true; grid.sharedY = true
        seeds.append(("grid", [.figure(grid)]))
        let table = Table(
            columns: [
                Table.Column("name"), Table.Column("value", format: .fixed(digits: 2)),
                Table.Column("share", alignment: .center, format: .percent(digits: 1)),
                Table.Column("trend", format: .scientific(digits: 2)),
            ],
            rows: [
                [.text("a $\\beta$"), .number(1.5), .number(0.25), .plot([1, 3, 2])],
                [.empty, .number(-.infinity), .number(.nan), .number(12345678)],
            ],
            caption: "c")
        seeds.append(("table", [.table(table)]))
        seeds.append(
            (
                "mixed",
                [
                    .stream(name: "stdout", text: "hi\n"), .value("42"),
                    .error(CellError(message: "boom", line: 3, column: 1)),
                ]
            ))
        let encoder = ChannelCoding.encoder()
        for (name, outputs) in seeds {
            var text = ""
            for (i, o) in outputs.enumerated() {
                guard let line = try? encoder.encode(OutputRecord(stdoutOffset: i * 6, output: o)) else {
                    fatalError("folio-fuzz: cannot encode seed \(name)")
                }
                text += String(decoding: line, as: UTF8.self) + "\n"
            }
            guard FileManager.default.createFile(atPath: dir.appendingPathComponent(name + ".jsonl").path, contents: Data(text.utf8)) else {
                fatalError("folio-fuzz: cannot write seeds into \(dir.path)")
            }
        }
    }
}
