import Foundation
import Notebook
import OutputChannel
import Report
import Runner

/// A sweep's render: every point of the grid run as its own notebook render (its own cache
/// entries: a point already rendered with these inputs runs nothing), then the aggregate page
/// `output/<nb>.html`/`.pdf` (a table of every point's published values with links, a figure
/// of each value over the sweep's axes), then each point's report in `output/<nb>/<point>/`.
/// The aggregate is published first because its figure folder `output/<nb>/` is replaced as one
/// unit, and holds the point folders.
extension RenderJob {
    struct PointRun {
        var point: SweepPlan.Point
        var result: RunResult?
        /// Published values in the order first published; a name published again keeps the last.
        var published: [PublishedValue] = []
    }

    func renderSweep(_ document: Document, _ plan: SweepPlan) -> Outcome {
        var outcome = Outcome(code: 0)
        for w in document.warnings { outcome.stderr += "\(w)\n" }
        let path = document.path
        var runs: [PointRun] = []
        for point in plan.points {
            var run = PointRun(point: point)
            let label = "\(path) [\(point.name)]"
            let scratch = scratchFolder(document)
            defer { Interrupts.remove(scratch) }
            do {
                let params = try NotebookRunner.resolveParams(document, overrides: point.overrides)
                let result = try NotebookRunner(toolchain: toolchain, workDirectory: scratch, cache: cache, optimize: optimize)
                    .run(document, params: params)
                if explain { outcome.stdout += Self.explanation(document, result).replacingOccurrences(of: "\(path):", with: "\(label):") }
                for d in result.compileErrors + result.failures { outcome.stderr += "\(d)\n" }
                if !result.compileErrors.isEmpty {
                    outcome.stderr += "folio: \(label): not rendered (compile errors)\n"
                    outcome.code = max(outcome.code, FolioExit.compileError.rawValue)
                } else if !result.failures.isEmpty {
                    outcome.stderr += FailedCellOutput.describe(document, result)
                    outcome.stderr += "folio: \(label): not rendered (a cell failed)\n"
                    outcome.code = max(outcome.code, FolioExit.cellFailed.rawValue)
                } else {
                    run.result = result
                    run.published = Self.published(document, result)
                }
            } catch let d as Diagnostic {
                outcome.stderr += "\(d)\n"
                outcome.code = FolioExit.usageError.rawValue
                return outcome
            } catch {
                outcome.stderr += "folio: error: \(label): could not run the notebook: \(error)\n"
                outcome.code = max(outcome.code, FolioExit.renderError.rawValue)
            }
            runs.append(run)
        }
        let scratch = scratchFolder(document)
        defer { Interrupts.remove(scratch) }
        do {
            let aggregate = try SweepAggregate.document(for: document, plan: plan, runs: runs)
            let result = try NotebookRunner(toolchain: toolchain, workDirectory: scratch, cache: cache, optimize: nil)
                .run(aggregate, params: [])
            guard result.succeeded else {
                for d in result.compileErrors + result.failures { outcome.stderr += "\(d)\n" }
                outcome.stderr += "folio: \(path): the sweep's aggregate page could not be made\n"
                outcome.code = max(outcome.code, FolioExit.renderError.rawValue)
                return outcome
            }
            var writer = ReportWriter(outputDirectory: output)
            writer.figureDPI = dpi
            let published = try writer.publish(aggregate, result, tool: "folio \(FolioCommand.version)")
            for d in published.diagnostics { outcome.stderr += "\(d)\n" }
            for run in runs {
                guard let result = run.result else { continue }
                var pointWriter = ReportWriter(outputDirectory: output.appendingPathComponent(document.name).appendingPathComponent(run.point.name))
                pointWriter.figureDPI = dpi
                let p = try pointWriter.publish(document, result, tool: "folio \(FolioCommand.version)")
                for d in p.diagnostics { outcome.stderr += "\(d)\n" }
                outcome.stdout += "rendered \(path) [\(run.point.name)] → \(p.pdf.path)\n"
            }
            let ran = runs.filter { ($0.result?.programRuns ?? 0) > 0 }.count
            outcome.stdout += "rendered sweep \(path) (\(plan.points.count) points, \(ran) run) → \(published.pdf.path)\n"
        } catch let d as Diagnostic {
            outcome.stderr += "\(d)\n"
            outcome.code = max(outcome.code, FolioExit.renderError.rawValue)
        } catch {
            outcome.stderr += "folio: error: \(path): could not write the sweep's reports: \(error)\n"
            outcome.code = max(outcome.code, FolioExit.renderError.rawValue)
        }
        return outcome
    }

    /// A scratch folder of its own, as RenderJob.render makes one (safe characters only),
    /// removed on Ctrl-C like that one.
    func scratchFolder(_ document: Document) -> URL {
        let safeName = SafeFileName.stem(document.name, fallback: "notebook").replacingOccurrences(of: ".", with: "-")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(getpid())-\(UUID().uuidString.prefix(8))-\(safeName)")
        Interrupts.track(scratch)
        return scratch
    }

    static func published(_ document: Document, _ result: RunResult) -> [PublishedValue] {
        var out: [PublishedValue] = []
        for cell in document.cells {
            for case .published(let v) in result.cells[cell.index]?.outputs ?? [] {
                if let i = out.firstIndex(where: { $0.name == v.name }) { out[i].value = v.value } else { out.append(v) }
            }
        }
        return out
    }
}
