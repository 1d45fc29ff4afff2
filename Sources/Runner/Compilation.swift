import Foundation
import Notebook

/// Compiling the tangled program with swiftc, and turning its errors into Markdown locations.
enum Compilation {
    /// The flags that change the compiled program (part of every cache key). Paths are added
    /// by `arguments` and are not part of the key. Line tables are all the backtracer needs
    /// to place a trap at its Markdown line and column; full `-g` adds a module-emitting job
    /// that nearly doubles the compile time of a notebook.
    static func flags(optimize: Bool) -> [String] {
        (optimize ? ["-O", "-wmo"] : ["-Onone"]) + ["-gline-tables-only", "-swift-version", "5", "-module-name", "Notebook"]
    }

    static func arguments(flags: [String], toolchain: Toolchain, main: URL, output: URL) -> [String] {
        let lib = toolchain.libraryDirectory.path
        return flags + ["-diagnostic-style", "llvm", "-module-cache-path", toolchain.moduleCache.path,
                        "-I", lib + "/Modules", "-L", lib, "-lFolio", "-Xlinker", "-rpath", "-Xlinker", lib,
                        main.path, "-o", output.path]
    }

    /// `file.md:L:C: error: msg` lines of the compiler's output that point into the notebook,
    /// and errors the compiler reports in the generated program (an unclosed brace is found
    /// at its end), placed at the notebook line of their note ("to match this opening '{'")
    /// or at the end of the cell they fall in — never shown as an internal path.
    static func diagnostics(_ output: String, document: Document, program: Tangler.Program, mainPath: String) -> [Diagnostic] {
        let sourceLines = (try? String(contentsOfFile: document.path, encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func source(_ l: Int) -> String? { sourceLines.flatMap { l >= 1 && l - 1 < $0.count ? $0[l - 1] : nil } }
        struct Message { var inNotebook: Bool; var line: Int; var column: Int; var kind: String; var text: String }
        var messages: [Message] = []
        for line in output.split(separator: "\n") {
            let file: String
            if line.hasPrefix(document.path + ":") { file = document.path }
            else if line.hasPrefix(mainPath + ":") { file = mainPath }
            else { continue }
            let parts = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let l = Int(parts[0]), let c = Int(parts[1]) else { continue }
            messages.append(Message(inNotebook: file == document.path, line: l, column: c,
                                    kind: parts[2].trimmingCharacters(in: .whitespaces),
                                    text: parts[3].trimmingCharacters(in: .whitespaces)))
        }
        var result: [Diagnostic] = []
        func add(_ d: Diagnostic) { if !result.contains(d) { result.append(d) } }
        for (i, m) in messages.enumerated() where m.kind == "error" {
            if m.inNotebook {
                add(Diagnostic(file: document.path, line: m.line, column: m.column, message: m.text, sourceLine: source(m.line)))
                continue
            }
            // In generated code: a note of this error that points into the notebook says where.
            let notes = messages[(i + 1)...].prefix { $0.kind == "note" }
            if let note = notes.first(where: \.inNotebook) {
                add(Diagnostic(file: document.path, line: note.line, column: note.column,
                               message: "\(m.text) (\(note.text))", sourceLine: source(note.line)))
                continue
            }
            let lastCellLine = program.cellOfLine.keys.max() ?? 0
            let index = program.cellOfLine[m.line] ?? (m.line > lastCellLine ? program.cellOfLine[lastCellLine] : nil)
            if let index, let cell = document.cells.first(where: { $0.index == index }) {
                let last = cell.firstLine + max(0, cell.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
                add(Diagnostic(file: document.path, line: last, column: 1,
                               message: "\(m.text) (at the end of the cell that starts at line \(cell.firstLine); check for an unclosed brace or bracket)",
                               sourceLine: source(last)))
            } else {
                add(Diagnostic(file: document.path, line: 1,
                               message: "the program generated from the front matter does not compile: \(m.text)"))
            }
        }
        return result
    }
}
