import Graphics
import PlotData

/// A colormap's colours: a 256-entry lookup table identical to matplotlib's (sampled once from
/// it, see ColormapData), looked up like matplotlib does: index ⌊x·256⌋ clamped to 0…255.
extension Colormap {
    /// The 256 entries as 0xRRGGBB (fetch once before a loop over many values).
    public var table: [UInt32] { ColormapData.tables[name]! }

    /// Index into the LUT for t in 0…1, as matplotlib computes it.
    @inline(__always) static func index(_ t: Double) -> Int {
        // NaN would pass through min/max and trap in Int(): the lowest entry.
        guard t > 0 else { return 0 }
        return min(255, Int((min(t, 1) * 256).rounded(.down)))
    }

    /// The LUT entry for t in 0…1 as 0xRRGGBB (NaN gives nil: drawn transparent).
    public func hex(_ t: Double) -> UInt32? {
        guard !t.isNaN else { return nil }
        return table[Colormap.index(t)]
    }

    /// The colour at `t` in 0…1 along the map (clamped; NaN is transparent).
    ///
    /// - Parameter t: A position along the map.
    /// - Returns: The colour of the nearest of the map's 256 entries.
    public func color(_ t: Double) -> Color {
        guard let h = hex(t) else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        return Color(hex: h)
    }
}
