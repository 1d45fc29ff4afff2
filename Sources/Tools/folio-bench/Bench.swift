import Foundation

/// How each peer row is measured: `rounds` alternations of the peer and Folio on one case, each
/// side timing for `budget` seconds per round. FOLIO_BENCH_ROUNDS and FOLIO_BENCH_BUDGET
/// override them (the peers read FOLIO_BENCH_BUDGET too, through scripts/peers/timing.py).
enum Bench {
    static let rounds = max(1, ProcessInfo.processInfo.environment["FOLIO_BENCH_ROUNDS"].flatMap(Int.init) ?? 3)
    static let budget = max(0.05, ProcessInfo.processInfo.environment["FOLIO_BENCH_BUDGET"].flatMap(Double.init) ?? 0.5)

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
