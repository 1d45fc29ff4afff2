internal import Foundation
import Graphics
import PlotData

/// Checks the `Axes` methods that add marks (in each recipe file) share: a bad input stops the
/// notebook with a message naming the mark and the shapes.
extension Axes {
    static func check(_ what: String, _ counts: [(String, Int)]) {
        guard let first = counts.first else { return }
        if counts.contains(where: { $0.1 != first.1 }) {
            fatalError("\(what): lengths differ (" + counts.map { "\($0.0) has \($0.1)" }.joined(separator: ", ") + ")")
        }
    }

    static func checkGrid(_ what: String, _ count: Int, rows: Int, columns: Int) {
        guard rows >= 1, columns >= 1, count == rows * columns else {
            fatalError("\(what): \(count) values do not fill a \(rows)×\(columns) grid")
        }
    }

    static func finiteRange(_ v: [Double]) -> [Double] {
        var lo = Double.infinity, hi = -Double.infinity
        for x in v where x.isFinite { lo = min(lo, x); hi = max(hi, x) }
        guard lo <= hi else { return [0, 1] }
        if lo == hi { lo -= 0.5; hi += 0.5 }
        return [lo, hi]
    }
}
