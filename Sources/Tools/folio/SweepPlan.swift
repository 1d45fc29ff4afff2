import Foundation
import Notebook

/// The grid a render covers: front matter `sweep:` and `-P` values, resolved against one
/// notebook's parameters. Empty `axes` is today's single render.
///
/// What `-P` means (the notebook's parameter types decide, so one-value `-P` never changes):
/// - `-P name=v` once, for any type: one value, as always (a String value may contain commas).
/// - `-P name=a,b,c` for an Int, Double or Bool parameter: three values (one such value, "a,b",
///   was never a number, so nothing that worked before changes meaning).
/// - `-P name=a -P name=b`: two values, for any type (the way to sweep String values, commas
///   and all). Before sweeps the last one won silently.
/// A `-P` for a swept parameter replaces its `sweep:` values; with one value it pins it.
struct SweepPlan {
    /// One `-P` name with its values in the order given.
    struct CommandLineParam: Sendable, Equatable {
        var name: String
        var values: [String]
    }

    struct Point {
        /// A stable folder name from the parameters: `width-64_lr-0.001`, through SafeFileName.
        var name: String
        /// The point's parameter values as `-P` texts, by name.
        var overrides: [String: String]
        var values: [ParamValue]
    }

    var axes: [SweepAxis] = []
    /// One-value `-P`s: the same for every point.
    var fixed: [String: String] = [:]
    var points: [Point] = []
    var isSweep: Bool { !axes.isEmpty }

    /// Groups `-P name=value` arguments by name, in order of first appearance.
    static func group(_ pairs: [(String, String)]) -> [CommandLineParam] {
        var out: [CommandLineParam] = []
        for (name, value) in pairs {
            if let i = out.firstIndex(where: { $0.name == name }) { out[i].values.append(value) } else { out.append(.init(name: name, values: [value])) }
        }
        return out
    }

    static func make(_ document: Document, commandLine: [CommandLineParam]) throws -> SweepPlan {
        let params = document.frontMatter.params
        var plan = SweepPlan()
        var cliAxes: [SweepAxis] = []
        for p in commandLine {
            guard let param = params.first(where: { $0.name == p.name }) else {
                // The single-render path says it the same way (NotebookRunner.resolveParams).
                if p.values.count == 1 { plan.fixed[p.name] = p.values[0]; continue }
                throw Diagnostic(
                    file: document.path, line: 1,
                    message: "-P \(p.name)=…: the notebook has no parameter '\(p.name)' (it has: \(params.map(\.name).joined(separator: ", ")))")
            }
            let splits: Bool = if case .string = param.value { false } else { true }
            let texts = splits ? p.values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } : p.values
            if texts.count == 1 {
                plan.fixed[p.name] = p.values[0]
                continue
            }
            guard let values = SweepAxis.typed(texts, like: param.value) else {
                throw Diagnostic(
                    file: document.path, line: param.line,
                    message: "-P \(p.name)=\(p.values.joined(separator: ",")): expected values of type \(param.value.swiftType), separated by commas")
            }
            cliAxes.append(SweepAxis(name: p.name, values: values, line: param.line, column: 1))
        }
        let named = Set(commandLine.map(\.name))
        plan.axes = cliAxes + document.frontMatter.sweep.filter { !named.contains($0.name) }
        for axis in plan.axes {
            if let twice = Dictionary(grouping: axis.values, by: \.description).first(where: { $0.value.count > 1 })?.key {
                throw Diagnostic(
                    file: document.path, line: axis.line, column: axis.column, message: "sweep: '\(axis.name)' takes the value \(twice) twice")
            }
        }
        let count = plan.axes.reduce(1) { $0 * $1.values.count }
        guard count <= SweepAxis.maxPoints else {
            throw Diagnostic(file: document.path, line: plan.axes.first?.line ?? 1, message: "sweep has \(count) points, more than \(SweepAxis.maxPoints)")
        }
        plan.points = plan.grid()
        var seen: [String: String] = [:]
        for p in plan.points {
            let full = p.overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            if let other = seen[p.name] {
                throw Diagnostic(
                    file: document.path, line: plan.axes[0].line,
                    message: "sweep points '\(other)' and '\(full)' would share the folder '\(p.name)'; use values that differ in letters or digits")
            }
            seen[p.name] = full
        }
        return plan
    }

    /// Every combination, the first axis varying slowest.
    func grid() -> [Point] {
        var combos: [[ParamValue]] = [[]]
        for axis in axes { combos = combos.flatMap { c in axis.values.map { c + [$0] } } }
        guard isSweep else { return [] }
        return combos.map { values in
            var overrides = fixed
            for (axis, v) in zip(axes, values) { overrides[axis.name] = v.description }
            let name = zip(axes, values).map { "\($0.name)-\($1.description)" }.joined(separator: "_")
            return Point(name: SafeFileName.stem(name, fallback: "point"), overrides: overrides, values: values)
        }
    }
}
