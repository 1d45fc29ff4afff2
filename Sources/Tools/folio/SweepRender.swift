import Cluster
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
        let pointOutcomes: [PointOutcome]
        if let site = slurmSite(document) {
            switch slurmBatch(document, site: site, slots: plan.points.count) {
            case .failure(let error):
                outcome.stderr += "folio: error: \(path): \(error)\n"
                outcome.code = FolioExit.usageError.rawValue
                return outcome
            case .success(let batch):
                defer { batch.removeFiles() }
                pointOutcomes = runPointsOnSlurm(document, plan, batch)
            }
        } else {
            var local: [PointOutcome] = []
            for point in plan.points {
                let scratch = scratchFolder(document)
                defer { Interrupts.remove(scratch) }
                local.append(runPoint(document, point, NotebookRunner(toolchain: toolchain, workDirectory: scratch, cache: cache, optimize: optimize)))
                if local.last?.stopsSweep == true { break }
            }
            pointOutcomes = local
        }
        for p in pointOutcomes {
            outcome.stdout += p.stdout
            outcome.stderr += p.stderr
            if p.stopsSweep {
                outcome.code = p.code
                return outcome
            }
            outcome.code = max(outcome.code, p.code)
            runs.append(p.run)
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

    /// One point's run and what it says; `stopsSweep` for a configuration error, which
    /// ends the sweep as it ended it before points could run in parallel.
    struct PointOutcome {
        var run: PointRun
        var stdout = ""
        var stderr = ""
        var code: Int32 = 0
        var stopsSweep = false
    }

    func runPoint(_ document: Document, _ point: SweepPlan.Point, _ runner: NotebookRunner) -> PointOutcome {
        var p = PointOutcome(run: PointRun(point: point))
        let path = document.path
        let label = "\(path) [\(point.name)]"
        do {
            let params = try NotebookRunner.resolveParams(document, overrides: point.overrides)
            let result = try runner.run(document, params: params)
            if explain { p.stdout += Self.explanation(document, result).replacingOccurrences(of: "\(path):", with: "\(label):") }
            for d in result.compileErrors + result.failures { p.stderr += "\(d)\n" }
            if !result.compileErrors.isEmpty {
                p.stderr += "folio: \(label): not rendered (compile errors)\n"
                p.code = FolioExit.compileError.rawValue
            } else if !result.failures.isEmpty {
                p.stderr += FailedCellOutput.describe(document, result)
                p.stderr += "folio: \(label): not rendered (a cell failed)\n"
                p.code = FolioExit.cellFailed.rawValue
            } else {
                p.run.result = result
                p.run.published = Self.published(document, result)
            }
        } catch let d as Diagnostic {
            p.stderr += "\(d)\n"
            p.code = FolioExit.usageError.rawValue
            p.stopsSweep = true
        } catch {
            p.stderr += "folio: error: \(label): could not run the notebook: \(error)\n"
            p.code = FolioExit.renderError.rawValue
        }
        return p
    }

    /// Every point at once, each on a thread of its own, so that their programs meet in one
    /// job array; the threads mostly wait for Slurm. Outcomes come back in the grid's order.
    func runPointsOnSlurm(_ document: Document, _ plan: SweepPlan, _ batch: SlurmBatch) -> [PointOutcome] {
        let results = PointOutcomes(plan.points.map { PointOutcome(run: PointRun(point: $0)) })
        let group = DispatchGroup()
        for (i, point) in plan.points.enumerated() {
            group.enter()
            let thread = Thread {
                let scratch = slurmScratch(document)
                defer { Interrupts.remove(scratch); batch.leave(slot: i); group.leave() }
                results.set(i, runPoint(document, point, slurmRunner(batch, slot: i, scratch: scratch)))
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        group.wait()
        return results.all
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

/// Point outcomes filled in by the points' threads.
final class PointOutcomes: @unchecked Sendable {
    private var items: [RenderJob.PointOutcome]
    private let lock = NSLock()
    init(_ items: [RenderJob.PointOutcome]) { self.items = items }
    func set(_ i: Int, _ o: RenderJob.PointOutcome) { lock.lock(); items[i] = o; lock.unlock() }
    var all: [RenderJob.PointOutcome] { lock.lock(); defer { lock.unlock() }; return items }
}
