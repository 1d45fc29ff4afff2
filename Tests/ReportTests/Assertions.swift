import XCTest

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
