import Foundation

/// Where a style or locale file stops being UTF-8, checked before XMLParser sees it.
///
/// Why: FoundationXML traps (SIGILL, in `_NSXMLParserStartElementNs`) when libxml2 hands it an
/// element or attribute name that is not UTF-8, which a single damaged byte produces (found by
/// the `csl` fuzz harness). A style is an XML file in UTF-8 (CSL 1.0.2, "File Type"); the few
/// written in UTF-16 start with a byte-order mark, and libxml2 converts those itself.
enum UTF8Check {
    /// The line and column (1-based; the column counts characters) of the first byte of `data`
    /// that is not part of a valid UTF-8 sequence, or nil when all of it is UTF-8 or it starts
    /// with a UTF-16 or UTF-32 byte-order mark.
    ///
    /// Complexity: O(n) in the bytes of `data`.
    static func firstInvalidPlace(in data: Data) -> (line: Int, column: Int)? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return nil
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }
}
