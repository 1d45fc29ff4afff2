/// A linear colour gradient: stops at offsets 0…1 along the segment `from` → `to`.
public struct LinearGradient: Sendable {
    public var from: Point
    public var to: Point
    public var stops: [(offset: Double, color: Color)]

    public init(from: Point, to: Point, stops: [(offset: Double, color: Color)]) {
        guard stops.count >= 2 else { fatalError("LinearGradient: needs at least 2 stops, got \(stops.count)") }
        (self.from, self.to, self.stops) = (from, to, stops)
    }
}
