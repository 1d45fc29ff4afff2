import FlyingSocks

/// A response body that never ends by itself: each event of a client's stream becomes one chunk
/// of a chunked response, written as soon as it is produced (FlyingFox writes every buffer the
/// body yields), which is what Server-Sent Events need.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            guard let chunk = try await nextBuffer(suggested: 1) else { return nil }
            return chunk.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await base.next() else { return nil }
                pending = event
            }
            // An event larger than the suggested size goes out in pieces, never reordered.
            let n = Swift.max(1, Swift.min(count, pending.count))
            let chunk = Array(pending.prefix(n))
            pending.removeFirst(n)
            return chunk
        }
    }
}
