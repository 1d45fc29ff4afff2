import Graphics
import PlotData

extension Figure {
    /// Panels with shared limits filled in: the union over each column (x) or row (y).
    func resolvedPanels() -> [Axes] {
        var out = panels
        func union(_ idx: [Int], _ pick: ((x: (Double, Double), y: (Double, Double))) -> (Double, Double)) -> [Double] {
            let l = idx.map { pick(panels[$0].limits()) }
            return [l.map(\.0).min()!, l.map(\.1).max()!]
        }
        if sharedX {
            for c in 0..<columns {
                let idx = (0..<rows).map { $0 * columns + c }.filter { panels[$0].xLimits == nil && panels[$0].view3D == nil }
                guard !idx.isEmpty else { continue }
                let u = union(idx) { $0.x }
                for i in idx { out[i].xLimits = u }
            }
        }
        if sharedY {
            for r in 0..<rows {
                let idx = (0..<columns).map { r * columns + $0 }.filter { panels[$0].yLimits == nil && panels[$0].view3D == nil }
                guard !idx.isEmpty else { continue }
                let u = union(idx) { $0.y }
                for i in idx { out[i].yLimits = u }
            }
        }
        return out
    }
}
