import Cluster
import Foundation
import Notebook
import Runner

/// `--on slurm` and front matter `execute: {on: slurm, …}` (README, "Running on a cluster"):
/// the runner of each notebook or sweep point compiles here and hands its program to a
/// `SlurmBatch`, which submits one job (a job array for a sweep) and imports each task's
/// results through the run folder into the cache. The rest of the render does not change.
extension RenderJob {
    /// The site's options when this render goes to Slurm; nil for a local render.
    func slurmSite(_ document: Document) -> ExecutionSite? {
        var site = document.frontMatter.site
        // A heavy cell (`//| on: slurm`) sends the notebook's program, which always runs
        // through it, to Slurm; `--on local` keeps it here.
        if document.cells.contains(where: { $0.options.on == .slurm }) { site.on = .slurm }
        if let on { site.on = on }
        return site.on == .slurm ? site : nil
    }

    /// Scratch space the nodes see: beside the result cache, which must be shared anyway.
    var slurmScratchRoot: URL { (cache?.root ?? toolchain.cacheDirectory).appendingPathComponent("slurm") }

    /// A scratch folder of its own on the shared filesystem, removed on Ctrl-C like the local one.
    func slurmScratch(_ document: Document) -> URL {
        let safeName = SafeFileName.stem(document.name, fallback: "notebook").replacingOccurrences(of: ".", with: "-")
        let scratch = slurmScratchRoot.appendingPathComponent("folio-\(getpid())-\(UUID().uuidString.prefix(8))-\(safeName)")
        Interrupts.track(scratch)
        return scratch
    }

    /// The batch for a render of `slots` runners on `site`; a message and exit code when Slurm
    /// cannot be used (a filesystem the nodes cannot see, no controller).
    func slurmBatch(_ document: Document, site: ExecutionSite, slots: Int) -> Result<SlurmBatch, SlurmError> {
        do {
            return .success(
                try SlurmBatch(slots: slots, site: site, scratch: slurmScratchRoot, name: document.name, retries: retries))
        } catch let error as SlurmError {
            return .failure(error)
        } catch {
            return .failure(SlurmError(describing: error))
        }
    }

    /// A runner whose program runs as slot `slot` of `batch`.
    func slurmRunner(_ batch: SlurmBatch, slot: Int, scratch: URL) -> NotebookRunner {
        var runner = NotebookRunner(toolchain: toolchain, workDirectory: scratch, cache: cache, optimize: optimize)
        runner.launcher = batch.launcher(slot: slot)
        runner.paramsAtRunTime = true
        return runner
    }
}
