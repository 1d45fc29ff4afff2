import Tensor

/// Rows that say what threads buy: for a case whose kernels split across threads, its time on 2
/// threads and on all available cores (Cores: affinity, cgroup quota, FOLIO_THREADS) over its
/// time on 1 thread, each bounded by 1 (more threads must never be slower). The case's own row
/// measures the default, all available cores. Named `<case>-threads-<n>` ("all" when the
/// machine has more than 2 cores, so a 2-core run does not print the same row twice).
enum ThreadScaling {
    static func rows(_ cases: [BenchCase], only names: Set<String>) -> [BenchCase] {
        let all = tensorThreads
        let counts = all > 2 ? [(2, "2"), (all, "all")] : [(2, "2")]
        return cases.filter { names.contains($0.name) }.flatMap { c in
            counts.map { threads, label in
                BenchCase(
                    suite: c.suite, name: "\(c.name)-threads-\(label)", unit: "time vs 1 thread", rate: { $0 },
                    body: {
                        tensorThreads = threads
                        defer { tensorThreads = all }
                        c.body()
                    },
                    baseline: {
                        tensorThreads = 1
                        defer { tensorThreads = all }
                        c.body()
                    },
                    bound: 1)
            }
        }
    }
}
