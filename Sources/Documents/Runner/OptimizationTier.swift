/// Which level a re-render compiles at when the notebook leaves the level to Folio.
///
/// Cells compile with `-O` so that loops over plain arrays run at compiled speed without anyone
/// asking (README, "Cells run optimised"). For a notebook whose cells run in a blink, `-O` buys
/// nothing and costs its compile: the 20-cell benchmark renders cold in 1.1–1.4× its `-Onone` time, and
/// an edit of one cell waits for all of it. So, as a JIT tiers code by its measured run time,
/// a render that has the notebook's last run in the cache compiles at `-Onone` when that run's
/// cells took less than a budget: `optimizedBudget` seconds of cells run at `-O` (unoptimised
/// code runs up to about 4× slower — the Monte Carlo cell took 15.1 s at `-Onone` against 3.8 s —
/// so the run can grow by at most ~0.3 s while the compile saves ~0.5 s), or
/// `unoptimizedBudget` seconds of cells already run at `-Onone`, or a mix of both in proportion.
///
/// It never changes what a report says: `-O` does not reassociate or fuse floating-point
/// operations, so the outputs are the same bits (`scripts/same-outputs`); the tier builds with
/// `assert` off, as `-O` does (`Compilation.tierFlags`), so it checks what `-O` checks; and the cache keys
/// stay those of the requested level, so a tier-down re-render reuses every cached result.
/// `manifest.json` records per cell which level produced its outputs. Not tiered: a level the
/// command line (`--optimize`, `--no-optimize`) or front matter (`execute.optimize`) states,
/// a render without a cache (`--no-cache`: no last run to measure), and programs that run
/// elsewhere (a cluster's compile serves many tasks).
enum OptimizationTier {
    /// Seconds of cells last run at `-O` below which a re-render builds at `-Onone`.
    static let optimizedBudget = 0.1
    /// Seconds of cells last run at `-Onone` below which a re-render stays at `-Onone`.
    static let unoptimizedBudget = 0.4

    /// How long one cell of the last run took, and at which level (`Compilation.level`).
    struct Timing {
        var seconds: Double
        var optimization: String?
    }

    /// The flags to build with: `requested` (the cache key's flags), or `Compilation.tierFlags`
    /// when the level is Folio's to choose and `lastRun` (every cell of the notebook's last run;
    /// nil when any is unknown) fits the budgets.
    static func buildFlags(requested: [String], levelIsExplicit: Bool, lastRun: [Timing]?) -> [String] {
        guard !levelIsExplicit, Compilation.level(requested) != "-Onone", let lastRun, !lastRun.isEmpty else { return requested }
        var share = 0.0
        for cell in lastRun {
            switch cell.optimization {
            case "-Onone"?: share += cell.seconds / unoptimizedBudget
            case let level? where level.hasPrefix("-O"): share += cell.seconds / optimizedBudget
            default: return requested  // a result stored before levels were recorded
            }
        }
        return share < 1 ? Compilation.tierFlags : requested
    }

    /// The timings of the cells of the notebook's last render, from `cache`; nil when there is no
    /// record or any of its cells has no cached result (it failed, or was stopped by a time limit).
    static func lastRun(_ record: ExecutionRecord?, in cache: ResultCache?) -> [Timing]? {
        guard let record, let cache else { return nil }
        var timings: [Timing] = []
        for entry in record.entries {
            guard let hit = cache.load(entry.key) else { return nil }
            timings.append(Timing(seconds: hit.seconds, optimization: hit.optimization))
        }
        return timings
    }
}
