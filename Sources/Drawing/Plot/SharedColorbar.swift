internal import Foundation
import Graphics
import PlotData

/// One colorbar for a whole figure (`Figure.sharedColorbar`): the union of the panels' colour
/// ranges, every heatmap and coloured scatter mapped to it, the panels' own colorbars removed.
extension Figure {
    /// The common colour scale of the panels' heatmaps and coloured scatters (the first mark's
    /// colormap; filled contours keep their levels), or nil when no panel has one.
    func sharedColorScale(_ panels: [Axes]) -> Colorbar.Scale? {
        var map: Colormap?
        var lo = Double.infinity, hi = -Double.infinity
        for p in panels {
            for m in p.marks + (p.twin?.marks ?? []) {
                guard let s = m.recipe.colorScale, s.levels == nil, s.range.count == 2, s.range.allSatisfy(\.isFinite) else { continue }
                map = map ?? s.colormap
                (lo, hi) = (min(lo, s.range[0]), max(hi, s.range[1]))
            }
        }
        guard let map, lo < hi else { return nil }
        return (map, [lo, hi], nil)
    }

    /// The panels with every colour-mapped mark on the shared range and no colorbar of their own.
    func sharingColors(_ panels: [Axes], range: [Double]) -> [Axes] {
        func shared(_ m: Mark) -> Mark {
            switch m {
            case .heatmap(var h): h.valueRange = range; return .heatmap(h)
            case .scatter(var s) where s.values != nil: s.valueRange = range; return .scatter(s)
            default: return m
            }
        }
        return panels.map { p in
            var p = p
            p.marks = p.marks.map(shared)
            if var t = p.twin {
                t.marks = t.marks.map(shared)
                p.twin = t
            }
            p.colorbarLabel = nil
            return p
        }
    }
}

extension Colorbar {
    /// A colorbar for a scale of its own (a figure's shared one).
    init(scale: Scale, label text: String, canvas: Canvas) {
        (colormap, range, levels) = scale
        label = text.isEmpty ? nil : LabelRenderer.render(canvas, text, PlotStyle.labelSize, false)
    }
}
