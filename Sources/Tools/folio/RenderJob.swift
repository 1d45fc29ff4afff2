import Cluster
import Foundation
import Notebook
import OutputChannel
import Report
import Runner

/// One notebook's render, in the three steps of every render: load it (Notebook), execute
/// its cells or reuse them (Runner), publish the report (Report). Messages are collected, not
/// printed, so that notebooks rendered in parallel do not interleave their output.
struct RenderJob: Sendable {
    var toolchain: Toolchain
    var overrides: [String: String]
    var output: URL
    var dpi: Double
    var optimize: Bool?
    var explain: Bool
    var strict = false
    var cache: ResultCache?
    /// `-P` values by name, for sweeps (SweepPlan); `overrides` holds today's one-value form.
    var sweepParams: [SweepPlan.CommandLineParam] = []
    /// `--on local|slurm`: overrides front matter `execute.on` (SlurmRender.swift).
    var on: ExecutionSite.Place?
    /// `--retry N`: a failed Slurm task is submitted again up to N times.
    var retries = 0
    /// False for `folio preview` without `--pdf` (ReportWriter.writesPDF).
    var writesPDF = true

    struct Outcome: Sendable {
        var code: Int32
        var stdout = ""
        var stderr = ""
    }

    func render(_ path: String) -> Outcome {
        var outcome = Outcome(code: 0)
        let document: Document
        let resolved: [FrontMatter.Param]
        do {
            document = try Document.load(path: path)
            let sweep = try SweepPlan.make(document, commandLine: sweepParams)
            if sweep.isSweep { return renderSweep(document, sweep) }
            resolved = try NotebookRunner.resolveParams(document, overrides: overrides)
        } catch {
            outcome.stderr = "\(error)\n"
            outcome.code = FolioExit.usageError.rawValue
            return outcome
        }
        // The parser's warnings (an unclosed fence around shown code, a footnote citing itself,
        // an equation label not taken); errors under --strict.
        let strict = self.strict || document.frontMatter.strict
        for var w in document.warnings {
            if strict { w.severity = .error }
            outcome.stderr += "\(w)\n"
        }
        // A scratch folder of its own: parallel and concurrent renders never share one.
        // Only safe characters: the path is passed inside SWIFT_BACKTRACE's comma-separated list.
        let safeName = String(document.name.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" })
        let site = slurmSite(document)
        let scratch =
            site == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(getpid())-\(UUID().uuidString.prefix(8))-\(safeName)")
            : slurmScratch(document)
        Interrupts.track(scratch); defer { Interrupts.remove(scratch) }
        let result: RunResult
        do {
            if let site {
                let batch = try slurmBatch(document, site: site, slots: 1).get()
                defer { batch.leave(slot: 0); batch.removeFiles() }
                result = try slurmRunner(batch, slot: 0, scratch: scratch).run(document, params: resolved)
            } else {
                result = try NotebookRunner(toolchain: toolchain, workDirectory: scratch, cache: cache, optimize: optimize)
                    .run(document, params: resolved)
            }
        } catch let error as SlurmError {
            outcome.stderr = "folio: error: \(path): \(error)\n"
            outcome.code = FolioExit.usageError.rawValue
            return outcome
        } catch let d as Diagnostic {
            outcome.stderr = "\(d)\n"
            outcome.code = FolioExit.usageError.rawValue
            return outcome
        } catch {
            outcome.stderr = "folio: error: \(path): could not run the notebook: \(error)\n"
            outcome.code = FolioExit.renderError.rawValue
            return outcome
        }
        if explain { outcome.stdout += Self.explanation(document, result) }
        if !result.compileErrors.isEmpty {
            for d in result.compileErrors { outcome.stderr += "\(d)\n" }
            outcome.stderr += "folio: \(path): not rendered (compile errors); existing output left as it was\n"
            outcome.code = FolioExit.compileError.rawValue
            return outcome
        }
        if !result.failures.isEmpty {
            for d in result.failures { outcome.stderr += "\(d)\n" }
            outcome.stderr += FailedCellOutput.describe(document, result)
            outcome.stderr += "folio: \(path): not rendered (a cell failed); existing output left as it was\n"
            outcome.code = FolioExit.cellFailed.rawValue
            return outcome
        }
        do {
            var writer = ReportWriter(outputDirectory: output)
            writer.figureDPI = dpi
            writer.strict = strict
            writer.writesPDF = writesPDF
            let published = try writer.publish(document, result, tool: "folio \(FolioCommand.version)")
            for d in published.diagnostics { outcome.stderr += "\(d)\n" }
            outcome.stdout += "rendered \(path) → \(published.pdf.path)\n"
        } catch let failure as StrictFailure {
            for var d in failure.diagnostics where !document.warnings.contains(d) {
                d.severity = .error
                outcome.stderr += "\(d)\n"
            }
            let n = failure.diagnostics.count
            outcome.stderr += "folio: \(path): not rendered (--strict: \(n) warning\(n == 1 ? "" : "s")); existing output left as it was\n"
            outcome.code = FolioExit.strictWarnings.rawValue
        } catch {
            outcome.stderr = "folio: error: \(path): could not write the report: \(error)\n"
            outcome.code = FolioExit.renderError.rawValue
        }
        return outcome
    }

    /// `--explain`: one line per cell.
    static func explanation(_ document: Document, _ result: RunResult) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var s = "\(document.path): \(plural(result.compilerInvocations, "compile")), \(plural(result.programRuns, "run"))"
        s += (result.tierNote.map { " (\($0))" } ?? "") + "\n"
        for cell in document.cells {
            guard let r = result.cells[cell.index] else { continue }
            let name = cell.options.label.map { " [\($0)]" } ?? ""
            let time = r.cache == .notRun ? "" : String(format: " (%.2f s)", r.seconds)
            let reason = r.reason.isEmpty ? "" : ": \(r.reason)"
            s += "  line \(cell.firstLine)\(name): \(r.cache.rawValue)\(reason)\(time)\n"
        }
        return s
    }
}
