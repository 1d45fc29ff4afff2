import Foundation
import XCTest

/// Runs the command-line tools the tests measure rendered files with (poppler, python3, chromium).
enum Tools {
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs `name` and returns (status, stdout, stderr).
    @discardableResult
    static func run(_ name: String, _ args: [String], stdin: String? = nil) throws -> (Int32, String, String) {
        guard let path = find(name) else { throw XCTSkip("\(name) is not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes while the tool runs, so a full pipe cannot stall it.
        let errBox = ErrBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Output of a tool that must succeed.
    static func output(_ name: String, _ args: [String], stdin: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (status, out, err) = try run(name, args, stdin: stdin)
        XCTAssertEqual(status, 0, "\(name) \(args.joined(separator: " ")): \(err)", file: file, line: line)
        return out
    }
}

private final class ErrBox: @unchecked Sendable { var data = Data() }

/// Asserts that `needles` occur in `text` in this order.
func assertInOrder(_ text: String, _ needles: [String], file: StaticString = #filePath, line: UInt = #line) {
    var cursor = text.startIndex
    for needle in needles {
        guard let r = text.range(of: needle, range: cursor..<text.endIndex) else {
            let seen = text.range(of: needle) != nil ? "out of order" : "missing"
            return XCTFail("'\(needle)' \(seen) in:\n\(text)", file: file, line: line)
        }
        cursor = r.upperBound
    }
}
