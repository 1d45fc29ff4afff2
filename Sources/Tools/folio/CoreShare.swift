import Cores
import Foundation

/// How a render shares the machine's cores between notebooks rendered at once (`-j`) and the
/// threads each notebook program computes on (`FOLIO_THREADS`, which the program's Tensor reads).
///
/// The rule: with `-j` not given, one notebook renders per two available cores (at least one, at
/// most the number of notebooks) — a render alternates between single-threaded work (swiftc,
/// drawing the PDF) and the program's multithreaded kernels, so two cores per notebook keep both
/// busy. Each notebook program then gets the available cores divided by the notebooks at once
/// (at least one), unless `FOLIO_THREADS` is set, so the spinning pools of several programs never
/// ask for more cores than there are. Results do not depend on either number.
enum CoreShare {
    struct Plan: Equatable {
        var jobs: Int
        /// The thread count handed to notebook programs, nil when FOLIO_THREADS is the user's.
        var programThreads: Int?
    }

    static func plan(requestedJobs: Int?, notebooks: Int, cores: Int, environment: [String: String]) throws -> Plan {
        if case .failure(let bad) = Cores.parse(environment[Cores.variable]) {
            FileHandle.standardError.write("folio: error: \(bad)\n")
            throw FolioExit.usageError
        }
        let jobs = requestedJobs ?? max(1, min(notebooks, cores / 2))
        let userThreads = (try? Cores.parse(environment[Cores.variable]).get()) ?? nil
        let atOnce = min(jobs, max(notebooks, 1))
        return Plan(jobs: jobs, programThreads: userThreads == nil && atOnce > 1 ? max(1, cores / atOnce) : nil)
    }

    /// Plans for this process and hands the thread count to the notebook programs it starts.
    static func apply(requestedJobs: Int?, notebooks: Int) throws -> Int {
        let p = try plan(
            requestedJobs: requestedJobs, notebooks: notebooks, cores: Cores.available(), environment: ProcessInfo.processInfo.environment)
        if let threads = p.programThreads { setenv(Cores.variable, String(threads), 1) }
        return p.jobs
    }
}
