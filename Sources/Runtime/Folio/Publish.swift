import OutputChannel

/// Hands a number to the aggregate page of a sweep (`folio render nb.md -P width=64,256`, or
/// front matter `sweep:`): each point's report folder keeps its own reports, and the aggregate
/// `output/nb.html`/`.pdf` tabulates every point's published values and plots each name over the
/// sweep's axes. Outside a sweep the value is recorded (it is part of the cell's cached outputs)
/// and shown nowhere. A name published twice in a run keeps its last value.
public func publish(_ name: String, _ value: Double) {
    CellSession.append(.published(PublishedValue(name: String(name.prefix(PublishedValue.maxNameLength)), value: value)))
}

public func publish<T: BinaryFloatingPoint>(_ name: String, _ value: T) { publish(name, Double(value)) }
public func publish<T: BinaryInteger>(_ name: String, _ value: T) { publish(name, Double(value)) }
