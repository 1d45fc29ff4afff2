import Foundation
import Notebook

/// Compiling the tangled program with swiftc, and turning its errors into Markdown locations.
enum Compilation {
    /// The flags that change the compiled program (part of every cache key). Paths are added
    /// by `arguments` and are not part of the key.
    static func flags(optimize: Bool) -> [String] {
        (optimize ? ["-O", "-wmo"] : ["-Onone"]) + ["-g", "-swift-version", "5", "-module-name", "Notebook"]
    }

    static func arguments(flags: [String], toolchain: Toolchain, main: URL, output: URL) -> [String] {
        let lib = toolchain.libraryDirectory.path
        return flags + ["-diagnostic-style", "llvm", "-module-cache-path", toolchain.moduleCache.path,
                        "-I", lib + "/Modules", "-L", lib, "-lFolio", "-Xlinker", "-rpath", "-Xlinker", lib,
                        main.path, "-o", output.path]
    }

    /// `file.md:L:C: error: msg` lines of the compiler's output that point into the notebook,
    /// and errors the compiler reports in the generated program (an unbalanced brace ends up
    /// there), attributed to the cell whose region they fall in — never shown as an internal path.
    static func diagnostics(_ output: String, document: Document, program: Tangler.Program, mainPath: String) -> [Diagnostic] {
        let sourceLines = (try? String(contentsOfFile: document.path, encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [Diagnostic] = []
        func add(_ d: Diagnostic) { if !result.contains(d) { result.append(d) } }
        for line in output.split(separator: "\n") {
            let file: String
            if line.hasPrefix(document.path + ":") { file = document.path }
            else if line.hasPrefix(mainPath + ":") { file = mainPath }
            else { continue }
            let parts = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let l = Int(parts[0]), let c = Int(parts[1]),
                  parts[2].trimmingCharacters(in: .whitespaces) == "error" else { continue }
            let message = parts[3].trimmingCharacters(in: .whitespaces)
            if file == document.path {
                let src = sourceLines.flatMap { l - 1 < $0.count ? $0[l - 1] : nil }
                add(Diagnostic(file: document.path, line: l, column: c, message: message, sourceLine: src))
            } else if let index = program.cellOfLine[l], let cell = document.cells.first(where: { $0.index == index }) {
                // The end of a cell's code: report at its last line, where the imbalance shows.
                let last = cell.firstLine + max(0, cell.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
                let src = sourceLines.flatMap { last - 1 < $0.count ? $0[last - 1] : nil }
                add(Diagnostic(file: document.path, line: last, column: 1,
                               message: "\(message) (at the end of the cell that starts at line \(cell.firstLine); check for an unclosed brace or bracket)",
                               sourceLine: src))
            } else {
                add(Diagnostic(file: document.path, line: 1,
                               message: "the program generated from the front matter does not compile: \(message)"))
            }
        }
        return result
    }
}
