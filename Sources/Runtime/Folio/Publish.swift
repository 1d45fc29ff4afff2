import OutputChannel

/// Hands a number to the aggregate page of a sweep (`folio render nb.md -P width=64,256`, or
/// front matter `sweep:`): each point's report folder keeps its own reports, and the aggregate
/// `output/nb.html`/`.pdf` tabulates every point's published values and plots each name over the
/// sweep's axes. Outside a sweep the value is recorded (it is part of the cell's cached outputs)
/// and shown nowhere. A name published twice in a run keeps its last value.
///
/// ```swift
/// publish("final loss", history.losses.last!)
/// publish("steps", steps)
/// ```
///
/// - Parameters:
///   - name: The column of the aggregate table (at most 200 characters; longer names are cut).
///   - value: The number for this sweep point.
public func publish(_ name: String, _ value: Double) {
    CellSession.append(.published(PublishedValue(name: String(name.prefix(PublishedValue.maxNameLength)), value: value)))
}

/// Publishes a `Float` or other floating-point value, as a `Double` (see ``publish(_:_:)-(_,Double)``).
///
/// - Parameters:
///   - name: The column of the sweep's aggregate table.
///   - value: The number for this sweep point.
public func publish<T: BinaryFloatingPoint>(_ name: String, _ value: T) { publish(name, Double(value)) }
/// Publishes an integer (a step count, a region count), as a `Double`.
///
/// - Parameters:
///   - name: The column of the sweep's aggregate table.
///   - value: The number for this sweep point.
public func publish<T: BinaryInteger>(_ name: String, _ value: T) { publish(name, Double(value)) }
