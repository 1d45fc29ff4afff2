import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// Traps away from the cell's own top level — in a function or closure the cell calls, a
/// failed allocation inside the standard library, a recursion that exhausts the stack — are
/// placed at the notebook line and column of the trapping call, and named in words.
final class TrapKindsTests: XCTestCase {
    static let notebook = """
        ---
        title: Traps
        inputs: [trap.txt]
        ---

        ```swift
        import Foundation
        let kind = try! String(contentsOfFile: "trap.txt", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        func check(_ x: Int) {
            if x > 2 {
                fatalError("too big: \\(x)")
            }
        }
        func recurse(_ n: Int) -> Int {
            return recurse(n + 1) + 1
        }
        let run = { (f: () -> Void) in f() }
        print("start")
        if kind == "abort" { abort() }
        if kind == "alloc" { let a = [Int](repeating: 0, count: Int.max / 2); print(a.count) }
        if kind == "nested" { check(3) }
        if kind == "closure" { run { fatalError("in closure") } }
        if kind == "precondition" { precondition(kind == "x", "pre failed") }
        if kind == "stack" { print(recurse(0)) }
        if kind == "free" { let p = malloc(16); free(p); free(p) }
        print("end")
        ```
        """

    func testTrapsAreAttributedToTheTrappingCall() throws {
        let f = try RunnerFixture()
        let cases: [(kind: String, line: Int, column: Int, message: String)] = [
            ("nested", 11, 9, "too big: 3"),
            ("closure", 22, 30, "in closure"),
            ("precondition", 23, 29, "pre failed"),
            ("stack", 15, 12, "stack overflow (a recursion that never ends?)"),
            ("alloc", 20, 34, "Bad pointer dereference in specialized Array.init(repeating:count:) (is the array too large to allocate?)"),
            // The Swift backtracer stops at glibc's abort; Folio's SIGABRT handler unwinds by DWARF.
            ("abort", 19, 22, "Aborted"),
            // glibc itself aborting (a double free) is placed at the call into it.
            ("free", 25, 50, "Aborted"),
        ]
        for c in cases {
            _ = try f.write("trap.txt", c.kind)
            // At -O (the default) the optimiser removes a malloc/free pair it can see through,
            // double free and all, as a C compiler does: that case is built at -Onone.
            let (_, result) = try f.run(Self.notebook, optimize: c.kind == "free" ? false : nil)
            guard case .failed(let error)? = result.cells[0]?.status else {
                XCTFail("\(c.kind): the cell did not fail: \(String(describing: result.cells[0]))"); continue
            }
            XCTAssertEqual(error.message, c.message, c.kind)
            XCTAssertEqual(error.line, c.line, c.kind)
            XCTAssertEqual(error.column, c.column, c.kind)
            XCTAssertEqual(result.cells[0]?.outputs.first, .stream(name: "stdout", text: "start\n"), c.kind)
        }
    }
}
