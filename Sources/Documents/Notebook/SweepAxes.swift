import Foundation
import Yams

/// One axis of a parameter sweep: a front-matter parameter and the values it takes, in order.
/// The grid is every combination of the axes' values, the first axis varying slowest.
public struct SweepAxis: Equatable, Sendable {
    public var name: String
    public var values: [ParamValue]
    /// Where the axis was written (the `sweep:` entry, or line 1 for `-P`).
    public var line: Int
    public var column: Int
    public init(name: String, values: [ParamValue], line: Int, column: Int) {
        (self.name, self.values, self.line, self.column) = (name, values, line, column)
    }

    /// Most points a grid may have: a sweep is run here, one program run per point.
    public static let maxPoints = 1000

    /// The values `texts` give a parameter whose default is `value`, typed as `-P` types them.
    public static func typed(_ texts: [String], like value: ParamValue) -> [ParamValue]? {
        var out: [ParamValue] = []
        for t in texts {
            guard let v = value.overridden(by: t.trimmingCharacters(in: .whitespaces)) else { return nil }
            out.append(v)
        }
        return out
    }
}

extension FrontMatter {
    /// Front matter `sweep:`: parameter name → a list of values, or a range
    /// `{from: a, to: b, step: s}` (inclusive) or `{from: a, to: b, count: n, scale: linear|log}`.
    static func parseSweep(_ node: Yams.Node, params: [Param], firstLine: Int, file: String) throws -> [SweepAxis] {
        guard let map = node.mapping else {
            throw Diagnostic(
                file: file, line: firstLine + (node.mark.map { $0.line - 1 } ?? 0), column: node.mark?.column ?? 1,
                message: "front matter 'sweep' needs a mapping of parameter: [values] or {from, to, step | count}")
        }
        var axes: [SweepAxis] = []
        for (k, v) in map {
            let line = firstLine + (k.mark.map { $0.line - 1 } ?? 0), column = k.mark?.column ?? 1
            func fail(_ m: String) -> Diagnostic { Diagnostic(file: file, line: line, column: column, message: m) }
            guard let name = k.string, let param = params.first(where: { $0.name == name }) else {
                throw fail("sweep: '\(k.string ?? "?")' is not a parameter of this notebook (params: \(params.map(\.name).joined(separator: ", ")))")
            }
            let texts: [String]
            if let seq = v.sequence {
                guard seq.allSatisfy({ $0.scalar != nil }), !seq.isEmpty else { throw fail("sweep: '\(name)' needs a non-empty list of values") }
                texts = seq.compactMap(\.string)
            } else if let range = v.mapping {
                texts = try rangeValues(range, param: param, fail: fail)
            } else {
                throw fail("sweep: '\(name)' needs a list of values or a range {from, to, step} / {from, to, count}")
            }
            guard let values = SweepAxis.typed(texts, like: param.value) else {
                throw fail("sweep: every value of '\(name)' must be of type \(param.value.swiftType), as its default")
            }
            axes.append(SweepAxis(name: name, values: values, line: line, column: column))
        }
        return axes
    }

    private static func rangeValues(_ range: Yams.Node.Mapping, param: Param, fail: (String) -> Diagnostic) throws -> [String] {
        var keys: [String: Yams.Node] = [:]
        for (k, v) in range {
            guard let key = k.string, ["from", "to", "step", "count", "scale"].contains(key) else {
                throw fail("sweep range of '\(param.name)': unknown key '\(k.string ?? "?")' (known: from, to, step, count, scale)")
            }
            keys[key] = v
        }
        guard let from = keys["from"]?.float, let to = keys["to"]?.float, from.isFinite, to.isFinite else {
            throw fail("sweep range of '\(param.name)' needs numbers 'from' and 'to'")
        }
        let isInt: Bool = if case .int = param.value { true } else { false }
        let log = keys["scale"]?.string == "log"
        guard keys["scale"] == nil || ["log", "linear"].contains(keys["scale"]?.string ?? "") else {
            throw fail("sweep range of '\(param.name)': scale is linear or log")
        }
        var values: [Double] = []
        if let step = keys["step"] {
            guard keys["count"] == nil, !log, let s = step.float, s.isFinite, s != 0, (to - from) / s >= 0 else {
                throw fail("sweep range of '\(param.name)': step must be a number ≠ 0 going from 'from' towards 'to' (and not with count or log)")
            }
            let n = Int(((to - from) / s + 1e-9).rounded(.down)) + 1
            guard n <= SweepAxis.maxPoints else { throw fail("sweep range of '\(param.name)' has \(n) values, more than \(SweepAxis.maxPoints)") }
            values = (0..<n).map { from + Double($0) * s }
        } else if let count = keys["count"]?.int {
            guard count >= 1, count <= SweepAxis.maxPoints else { throw fail("sweep range of '\(param.name)': count must be from 1 to \(SweepAxis.maxPoints)") }
            guard !log || (from > 0 && to > 0) else { throw fail("sweep range of '\(param.name)': a log scale needs from and to > 0") }
            values = (0..<count).map { i in
                let t = count == 1 ? 0 : Double(i) / Double(count - 1)
                return log ? Foundation.exp(Foundation.log(from) + t * (Foundation.log(to) - Foundation.log(from))) : from + t * (to - from)
            }
        } else {
            throw fail("sweep range of '\(param.name)' needs 'step' or 'count'")
        }
        // Twelve significant digits: 10^-2.5 is 0.00316227766017, not a 17-digit name.
        return values.map { v in isInt ? String(Int(v.rounded())) : String(Double(String(format: "%.12g", v)) ?? v) }
    }
}
