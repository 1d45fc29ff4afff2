import Foundation

/// The Swift files of the repository (Sources/ and Tests/), read as text.
enum SourceFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Paths relative to the repository root, sorted, of every .swift file under `folders`.
    static func paths(under folders: [String] = ["Sources", "Tests"]) -> [String] {
        folders.flatMap { folder in
            (FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".swift") }.map { "\(folder)/\($0)" }
        }.sorted()
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Line numbers (1-based) of `import` declarations that come after the first line of code.
    /// Comments, blank lines, attributes of the import and `#if` lines do not count as code;
    /// lines inside multi-line string literals (a Python script's `import`) are not imports.
    static func lateImports(_ text: String) -> [Int] {
        var late: [Int] = []
        var seenCode = false, inString = false, inBlockComment = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if inString {
                if line.hasPrefix("\"\"\"") || line.hasSuffix("\"\"\"") || line.hasSuffix("\"\"\"#") { inString = false }
                continue
            }
            if inBlockComment {
                if line.contains("*/") { inBlockComment = false }
                continue
            }
            if line.isEmpty || line.hasPrefix("//") || line.hasPrefix("#if") || line.hasPrefix("#else")
                || line.hasPrefix("#elseif") || line.hasPrefix("#endif")
            {
                continue
            }
            if line.hasPrefix("/*") {
                inBlockComment = !line.contains("*/")
                continue
            }
            if isImport(line) {
                if seenCode { late.append(n + 1) }
                continue
            }
            seenCode = true
            // A line opening a multi-line string literal (`"""` not closed on the same line).
            if line.components(separatedBy: "\"\"\"").count == 2 { inString = true }
        }
        return late
    }

    static func isImport(_ line: String) -> Bool {
        var words = line.split(separator: " ").map(String.init)
        while let first = words.first, first.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains(first) {
            words.removeFirst()
        }
        return words.count >= 2 && words[0] == "import"
    }
}
