import Foundation
import XCTest
@testable import FolioPreview

/// The preview's parts on their own: the render queue's one-at-a-time rule, the failure the
/// overlay shows, the Host check, the script's place in a page.
final class PreviewPartsTests: XCTestCase {
    func testEditsDuringARenderQueueOneRenderAndNeverTwoAtOnce() {
        let tally = Tally()
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let queue = RenderQueue { _ in
            let n = tally.begin()
            if n == 1 { gate.wait() }  // the first render runs until the edits below are made
            tally.end()
            done.signal()
        }
        XCTAssertTrue(queue.request("a.md"))
        while queue.started == 0 { usleep(1000) }
        XCTAssertTrue(queue.request("a.md"), "an edit during the render queues one more")
        XCTAssertFalse(queue.request("a.md"), "further edits join the one waiting")
        XCTAssertFalse(queue.request("a.md"))
        gate.signal()
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(done.wait(timeout: .now() + 0.3), .timedOut, "exactly two renders")
        XCTAssertEqual(tally.counts.started, 2)
        XCTAssertEqual(tally.counts.mostAtOnce, 1)
    }

    func testAFailureIsReadFromTheRenderMessages() {
        let stderr = """
            notebooks/x.md:12:1: error: the cell trapped: Fatal error: the law does not hold
            notebooks/x.md:9: note: the cell printed:
                ratio 1.07
            folio: notebooks/x.md: not rendered (a cell failed); existing output left as it was
            """
        let f = RenderFailure.parse(stderr, notebook: "notebooks/x.md")
        XCTAssertEqual(f.location, "notebooks/x.md:12:1")
        XCTAssertEqual(f.message, "the cell trapped: Fatal error: the law does not hold")
        XCTAssertTrue(f.details.contains("ratio 1.07"))
        let usage = RenderFailure.parse("folio: error: notebooks/y.md: could not run the notebook\n", notebook: "notebooks/y.md")
        XCTAssertEqual(usage.location, "notebooks/y.md")
    }

    func testHostCheck() {
        let check = HostCheck(host: "127.0.0.1", port: 4848)
        XCTAssertTrue(check.allows("127.0.0.1:4848"))
        XCTAssertTrue(check.allows("LOCALHOST:4848"))
        XCTAssertTrue(check.allows("[::1]:4848"))
        XCTAssertTrue(check.allows("localhost"))
        XCTAssertFalse(check.allows("localhost:4849"))
        XCTAssertFalse(check.allows("attacker.example:4848"))
        XCTAssertFalse(check.allows(nil))
    }

    func testTheScriptGoesBeforeTheLastBodyEnd() {
        XCTAssertEqual(
            LiveReloadScript.inject(into: "<html><body><p>&lt;/body&gt;</p></body></html>"),
            "<html><body><p>&lt;/body&gt;</p>\(LiveReloadScript.tag)</body></html>")
        XCTAssertEqual(LiveReloadScript.inject(into: "<p>bare"), "<p>bare" + LiveReloadScript.tag)
    }

    func testAnEventIsOneFrameWhateverTheMessage() {
        let events = PreviewEvents()
        events.set("x", .failed(RenderFailure(location: "x.md:3:1", message: "two\nlines", details: "a\n\nb")))
        XCTAssertEqual(events.state(of: "x"), .failed(RenderFailure(location: "x.md:3:1", message: "two\nlines", details: "a\n\nb")))
        let frame = PreviewEvents.event("x", events.state(of: "x"))
        XCTAssertEqual(frame.components(separatedBy: "\n\n").count, 2, "one blank line, at the end: \(frame)")
        XCTAssertTrue(frame.hasPrefix("event: failed\ndata: {"))
    }
}

/// Renders started and the most running at once, counted across the queue's thread.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var active = 0, started = 0, mostAtOnce = 0
    func begin() -> Int {
        lock.lock(); defer { lock.unlock() }
        active += 1
        started += 1
        mostAtOnce = max(mostAtOnce, active)
        return started
    }
    func end() { lock.lock(); active -= 1; lock.unlock() }
    var counts: (started: Int, mostAtOnce: Int) { lock.lock(); defer { lock.unlock() }; return (started, mostAtOnce) }
}
