import Foundation
import Notebook
import OutputChannel

/// The aggregate page of a sweep, written as a notebook and rendered like one (so its PDF and
/// HTML are set exactly like every report): a table with a row per point — its parameter values,
/// its published values, links to its PDF and HTML — and, per published name, a figure of the
/// value over the first numeric axis, one line per combination of the other axes. Every text
/// that comes from a cell (published names) is escaped for Markdown and Swift, never trusted.
enum SweepAggregate {
    static func document(for notebook: Document, plan: SweepPlan, runs: [RenderJob.PointRun]) throws -> Document {
        try Document.parse(markdown(for: notebook, plan: plan, runs: runs), path: notebook.path)
    }

    static func markdown(for notebook: Document, plan: SweepPlan, runs: [RenderJob.PointRun]) -> String {
        let name = notebook.name
        var names: [String] = []
        for run in runs { for v in run.published where !names.contains(v.name) { names.append(v.name) } }
        let title = "\(notebook.title): sweep"
        var md = "---\ntitle: \(json(title))\n---\n\n"
        let axes = plan.axes.map { "`\($0.name)` (\($0.values.count))" }.joined(separator: " × ")
        let failed = runs.filter { $0.result == nil }.count
        md += "A sweep of \(plan.points.count) points over \(axes)"
        md += failed > 0 ? "; \(failed) failed. " : ". "
        md += "Each point's report is in `\(name)/<point>/`; its published values are in the table.\n\n"
        // The table: parameters, published values, links.
        md += "| point | " + (plan.axes.map { escape($0.name) } + names.map(escape)).joined(separator: " | ") + " | report |\n"
        md += "|---|" + String(repeating: "---:|", count: plan.axes.count + names.count) + "---|\n"
        for run in runs {
            var cells = [escape(run.point.name)] + run.point.values.map { escape($0.description) }
            for n in names { cells.append(run.published.first { $0.name == n }.map { format($0.value) } ?? (run.result == nil ? "failed" : "–")) }
            let folder = "\(SafeFileName.stem(name, fallback: "notebook"))/\(run.point.name)/\(SafeFileName.stem(name, fallback: "notebook"))"
            cells.append(run.result == nil ? "failed" : "[PDF](\(folder).pdf) [HTML](\(folder).html)")
            md += "| " + cells.joined(separator: " | ") + " |\n"
        }
        md += "\n"
        // A figure per published name over the first numeric axis.
        guard let xAxis = plan.axes.firstIndex(where: { $0.values.allSatisfy { number($0) != nil } }) else { return md }
        for (k, n) in names.enumerated() {
            let others = plan.axes.indices.filter { $0 != xAxis }
            var groups: [[ParamValue]] = []
            for p in plan.points {
                let key = others.map { p.values[$0] }
                if !groups.contains(key) { groups.append(key) }
            }
            let xs = plan.axes[xAxis].values.compactMap(number)
            let positive = xs.allSatisfy { $0 > 0 }
            let logX = positive && (xs.max()! / xs.min()!) >= 10
            let xLabel = plan.axes[xAxis].name
            md += "```swift\n//| label: fig-sweep-\(k + 1)\n//| echo: false\n"
            md += "//| caption: \(captionText(n)) over \(escape(xLabel))"
            md += others.isEmpty ? ".\n" : ", one line per \(others.map { escape(plan.axes[$0].name) }.joined(separator: " and ")).\n"
            // Cells share one scope: each figure's names stay inside its own block.
            md += "do {\nvar fig = Figure(width: 4.5 * 72, height: 2.8 * 72, xLabel: \(swiftString(xLabel)), yLabel: \(swiftString(n)))\n"
            for key in groups {
                var ys: [Double] = []
                for x in plan.axes[xAxis].values {
                    let run = runs.first { r in r.point.values[xAxis] == x && others.map { r.point.values[$0] } == key }
                    ys.append(run?.published.first { $0.name == n }?.value ?? .nan)
                }
                let label = zip(others, key).map { "\(plan.axes[$0].name) = \($1.description)" }.joined(separator: ", ")
                md += "fig.line(x: \(literal(xs)), y: \(literal(ys))\(label.isEmpty ? "" : ", label: \(swiftString(label))"))\n"
            }
            if logX { md += "fig.axes.xScale = .log\n" }
            md += "show(fig)\n}\n```\n\n"
        }
        return md
    }

    static func number(_ v: ParamValue) -> Double? {
        switch v {
        case .int(let i): Double(i)
        case .double(let d): d.isFinite ? d : nil
        default: nil
        }
    }

    static func format(_ v: Double) -> String { v.isNaN ? "NaN" : v.isInfinite ? (v > 0 ? "∞" : "−∞") : String(format: "%.6g", v) }

    /// Text for a Markdown table cell or caption: every ASCII punctuation mark backslash-escaped
    /// (CommonMark makes each literal), line breaks as spaces.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isNewline || ch == "\t" { out += " "; continue }
            if ch.isASCII, ch.isPunctuation || ch.isSymbol { out += "\\" }
            out.append(ch)
        }
        return out
    }

    /// A caption starts with the name; math in a label or caption would be TeX from a cell.
    static func captionText(_ s: String) -> String { escape(s) }

    /// A Swift string literal of `s`, without `$` (figure labels read `$…$` as math).
    static func swiftString(_ s: String) -> String {
        ParamValue.string(s.replacingOccurrences(of: "$", with: "")).swiftLiteral
    }

    static func literal(_ xs: [Double]) -> String { "[" + xs.map { ParamValue.double($0).swiftLiteral }.joined(separator: ", ") + "]" }

    /// A YAML scalar that is always text: a JSON string is one.
    static func json(_ s: String) -> String {
        let data = (try? JSONEncoder().encode(s)) ?? Data("\"sweep\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
