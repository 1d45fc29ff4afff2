import Foundation

/// Why a cell's cached result could not be used, in words, found by comparing this render's
/// plan with the notebook's previous one (`folio render --explain`).
enum CacheExplanation {
    /// The position of the first evaluated cell, from the top, whose own digest differs from
    /// last time (computed once per render, so explaining every cell stays linear).
    static func firstChange(plan: ExecutionPlan, previous: ExecutionRecord?) -> Int? {
        guard let previous else { return nil }
        for (i, entry) in plan.entries.enumerated() {
            if i >= previous.entries.count || previous.entries[i].own != entry.own { return i }
        }
        return nil
    }

    static func whyMissed(
        position: Int, plan: ExecutionPlan, previous: ExecutionRecord?, firstChange: Int?,
        lineOf: (Int) -> Int
    ) -> String {
        guard let previous else { return "no cached result (first render with this cache)" }
        let now = plan.context, before = previous.context
        if now.toolchain != before.toolchain { return "the compiler or the Folio library changed" }
        if now.flags != before.flags {
            return "compile flags changed (\(before.flags.joined(separator: " ")) → \(now.flags.joined(separator: " ")))"
        }
        if now.outputLimits != before.outputLimits { return "the output limits changed" }
        if now.seed != before.seed { return "the document seed changed (\(before.seed) → \(now.seed))" }
        if now.params != before.params {
            let changed = Set(now.params).symmetricDifference(before.params)
                .compactMap { $0.split(separator: ":").first.map(String.init) }
            return "parameter \(Set(changed).sorted().joined(separator: ", ")) changed"
        }
        if now.inputs != before.inputs {
            let changed = Set(now.inputs.keys).union(before.inputs.keys).filter { now.inputs[$0] != before.inputs[$0] }
            return "input file \(changed.sorted().joined(separator: ", ")) changed"
        }
        // Same context: the first evaluated cell, from the top, that differs from last time.
        if let i = firstChange, i <= position {
            if i == position { return i >= previous.entries.count ? "new cell" : "its code or options changed" }
            return "upstream cell at line \(lineOf(plan.entries[i].index)) changed"
        }
        return "no cached result (the cache was cleared or the entry evicted)"
    }
}
