import Foundation
import Graphics
import XCTest
@testable import MathType

/// Bad input: a clear message at the right offset, a visible red box, never a crash or a hang.
final class ErrorTests: XCTestCase {
    static let renderer = try! MathRenderer()

    func error(_ tex: String) -> MathError? { Self.renderer.layout(tex, size: 10).errors.first }

    func testErrorsCarryMessageAndOffset() {
        let cases: [(String, Int, String)] = [
            (#"x + \foo{y}"#, 4, #"unknown command \foo"#),
            ("a}b", 1, "'}' without a matching '{'"),
            ("{a+b", 0, "'{' is never closed"),
            (#"x \right)"#, 2, #"\right without a matching \left"#),
            ("a & b", 2, "'&' outside an environment"),
            (#"\left( x"#, 0, #"\left without a matching \right"#),
            ("x^", 2, "missing argument"),
            ("x^1^2", 3, "double superscript"),
            (#"\frac{1}"#, 8, "missing argument"),
            (#"\begin{foo}x\end{foo}"#, 0, "unknown environment 'foo'"),
            (#"\begin{matrix}x\end{pmatrix}"#, 15, #"ended by \end{pmatrix}"#),
            (#"\left\foo x\right)"#, 5, "is not a delimiter"),
            (#"\sqrt[3{x}"#, 5, "'[' is never closed"),
            (#"{a \\ b}"#, 3, "outside an environment"),
            (#"\text x"#, 0, "needs a braced argument"),
            (#"\text{if $x}"#, 9, "'$' in \\text is never closed"),
            (#"\text{if $x^$}"#, 12, "missing argument"),
            (#"\begin{array}{cx}1\end{array}"#, 0, "unknown column type 'x'"),
        ]
        for (tex, offset, message) in cases {
            guard let e = error(tex) else { XCTFail("no error for \(tex)"); continue }
            XCTAssertEqual(e.offset, offset, "\(tex): \(e.message)")
            XCTAssertTrue(e.message.contains(message), "\(tex): '\(e.message)' should contain '\(message)'")
        }
    }

    func testValidInputHasNoErrors() {
        for tex in ["", " ", "x", #"a \\ b"#, #"\xrightarrow[f]{g}"#, #"\boxed{x}"#, #"\left. x \right|"#, "x'''", #"\{x\}"#, "a_{b_{c_{d}}}", #"\sqrt[n]{}"#] {
            XCTAssertEqual(Self.renderer.layout(tex, size: 10).errors, [], tex)
        }
    }

    func testErrorRendersAsAVisibleRedBox() {
        let f = Self.renderer.layout(#"\nosuchcommand"#, style: .display, size: 12)
        XCTAssertGreaterThan(f.width, 20)
        let canvas = Canvas(.png(dpi: 216), width: f.width + 4, height: f.height + 4)
        f.draw(on: canvas, at: Point(2, 2 + f.ascent))
        let (w, h, rgba) = canvas.pixels()
        var red = 0
        for i in 0..<(w * h) where rgba[i * 4] > 150 && rgba[i * 4 + 1] < 110 && rgba[i * 4 + 2] < 110 { red += 1 }
        XCTAssertGreaterThan(red, 2 * Int(f.width), "a red frame and red text")
    }

    /// Random bytes and random soups of TeX tokens: every input lays out, nothing crashes or hangs,
    /// every error points inside the source.
    func testFuzzNeverCrashesOrHangs() {
        var rng = SplitMix64(seed: 0x5EED)
        let tokens = [
            "{", "}", "^", "_", "&", #"\\"#, "x", "1", "+", "(", ")", "[", "]", "|", "'", " ",
            #"\frac"#, #"\sqrt"#, #"\left("#, #"\right)"#, #"\left."#, #"\right."#, #"\middle|"#, #"\sum"#,
            #"\int"#, #"\limits"#, #"\nolimits"#, #"\text{a}"#, #"\begin{matrix}"#, #"\end{matrix}"#,
            #"\begin{cases}"#, #"\end{cases}"#, #"\hat"#, #"\widehat"#, #"\overbrace"#, #"\underbrace"#,
            #"\mathbf"#, #"\mathbb"#, #"\operatorname"#, #"\big("#, #"\Bigg]"#, #"\displaystyle"#,
            #"\not"#, #"\tag"#, #"\substack"#, #"\overset"#, #"\binom"#, #"\color{red}"#, #"\,"#, #"\alpha"#,
            #"\"#, "%", "$", "#", "~", #"\hspace"#, #"\end"#, #"\begin"#,
        ]
        for i in 0..<4000 {
            let source: String
            if i % 2 == 0 {
                let bytes = (0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                source = String(decoding: bytes, as: UTF8.self)
            } else {
                source = (0..<Int(rng.next() % 30)).map { _ in tokens[Int(rng.next() % UInt64(tokens.count))] }.joined()
            }
            let f =
                i % 5 == 0
                ? Self.renderer.layoutText(source, size: 10)
                : Self.renderer.layout(source, style: i % 3 == 0 ? .display : .text, size: 10)
            XCTAssertTrue(f.width.isFinite && f.ascent.isFinite && f.descent.isFinite, source)
            for e in f.errors {
                XCTAssertTrue((0...source.unicodeScalars.count).contains(e.offset), "\(source): \(e)")
                XCTAssertFalse(e.message.isEmpty)
            }
        }
    }

    /// The deepest formulas the parser accepts still lay out on a thread with a 512 KB stack
    /// (the default for secondary threads), where a report may typeset in the background.
    func testDeepestAcceptedFormulaFitsASecondaryThreadStack() {
        let deepest = (1...80).lazy.map { n in
            String(repeating: #"\sqrt{\frac{"#, count: n) + "x" + String(repeating: "}{y}}", count: n)
        }.prefix { self.error($0) == nil }.last!
        XCTAssertGreaterThan(deepest.count, 100)
        let done = DispatchSemaphore(value: 0)
        final class Width: @unchecked Sendable { var value = 0.0 }  // written before the semaphore signals
        let width = Width()
        let thread = Thread {
            width.value = Self.renderer.layout(deepest, style: .display, size: 10).width
            _ = Self.renderer.layout(deepest + "x^{" + String(repeating: "{", count: 40) + String(repeating: "}", count: 40) + "}", size: 10)
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertGreaterThan(width.value, 0)
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "{", count: 5000) + String(repeating: "}", count: 5000)
        XCTAssertEqual(error(deep)?.message, "formula nested too deeply")
        let scripts = String(repeating: "x^{", count: 3000) + String(repeating: "}", count: 3000)
        XCTAssertNotNil(error(scripts))
        for chain in [#"\sqrt"#, #"\hat"#, #"\frac1"#, #"\mathbf"#, #"\left("#, #"\text{$"#, "x^"] {
            let source = String(repeating: chain, count: 20000) + "x"
            XCTAssertNotNil(error(source), chain)
        }
        // Real formulas nest far less than the limit.
        let twenty = String(repeating: "{", count: 20) + "x" + String(repeating: "}", count: 20)
        XCTAssertNil(error(twenty))
    }
}

/// A small deterministic generator for the fuzz test.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
