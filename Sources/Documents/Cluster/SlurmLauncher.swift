import Foundation
import Runner

/// Runs a notebook program as a task of a `SlurmBatch`: the program was compiled here, runs
/// on a node, and its run folder — on the shared filesystem — is read back here exactly as a
/// local run's is, so the report is byte-identical to a local render of the same inputs.
public struct SlurmLauncher: ProgramLauncher, @unchecked Sendable {
    let batch: SlurmBatch
    let slot: Int

    /// Submits the program (with the rest of its batch) and waits for its end; a failed task
    /// is submitted again up to the batch's `retries` times, from an empty run folder.
    ///
    /// - Parameter request: the compiled program and its folders (on the shared filesystem).
    /// - Returns: how the last attempt ended.
    /// - Throws: `SlurmError` when `sbatch` refuses the job.
    public func launch(_ request: LaunchRequest) throws -> ProgramExit {
        var exit = try batch.run(slot: slot, request)
        var attempt = 0
        while attempt < batch.retries && !(exit.status == 0 && !exit.signaled && exit.killedBecause == nil && exit.stoppedBecause == nil) {
            attempt += 1
            FileHandle.standardError.write(Data("folio: \(batch.name): a task failed; submitting it again (retry \(attempt) of \(batch.retries))\n".utf8))
            try SlurmTask(request: request).reset()
            exit = try batch.run(slot: slot, request)
        }
        return exit
    }
}
