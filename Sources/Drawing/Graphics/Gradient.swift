/// A linear colour gradient: stops at offsets 0…1 along the segment `from` → `to`.
public struct LinearGradient: Sendable {
    /// Where offset 0 lies.
    public var from: Point
    /// Where offset 1 lies.
    public var to: Point
    /// Colours at offsets 0…1, in increasing order.
    public var stops: [(offset: Double, color: Color)]

    /// A gradient along `from` → `to`.
    ///
    /// - Precondition: At least two stops.
    public init(from: Point, to: Point, stops: [(offset: Double, color: Color)]) {
        guard stops.count >= 2 else { fatalError("LinearGradient: needs at least 2 stops, got \(stops.count)") }
        (self.from, self.to, self.stops) = (from, to, stops)
    }
}
