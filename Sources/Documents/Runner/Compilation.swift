import Foundation
import Notebook

/// Compiling the tangled program with swiftc, and turning its errors into Markdown locations.
enum Compilation {
    /// The flags that change the compiled program (part of every cache key). Paths are added
    /// by `arguments` and are not part of the key. Line tables are all the backtracer needs
    /// to place a trap at its Markdown line and column; full `-g` adds a module-emitting job
    /// that nearly doubles the compile time of a notebook.
    ///
    /// Cells compile with `-O` unless the notebook or the command line asks for `-Onone`
    /// (README, "Cells run optimised"). The optimiser may move a trap to another line, so a
    /// program that traps under `-O` is built again with `exactFlags` and re-run to place it
    /// (`FailurePlacement`).
    static func flags(optimize: Bool) -> [String] {
        (optimize ? ["-O", "-wmo"] : ["-Onone"]) + ["-gline-tables-only", "-swift-version", "5", "-module-name", "Notebook"]
    }

    /// The flags of the build that places a failure at its true line: `-Onone`.
    static let exactFlags = flags(optimize: false)

    /// The flags of a re-render that `OptimizationTier` builds at `-Onone` in place of `-O`:
    /// unoptimised, but with `assert` off as at `-O` (`-assert-config Release`), so the program
    /// checks exactly what the `-O` build checks and the report cannot depend on the tier.
    static let tierFlags = ["-Onone", "-assert-config", "Release"] + Array(exactFlags.dropFirst())

    /// The optimisation level a set of flags compiles at, as the manifest records it.
    static func level(_ flags: [String]) -> String { flags.first { $0.hasPrefix("-O") } ?? "-Onone" }

    static func arguments(flags: [String], toolchain: Toolchain, main: URL, output: URL) -> [String] {
        let lib = toolchain.libraryDirectory.path
        // swift-numerics' RealModule (beneath the runtime's complex tensors) imports the C module
        // _NumericsShims, whose module map SwiftPM leaves in the package checkout beside the build
        // (.build/checkouts, one or two levels above .build/release → <triple>/release).
        let shims = ["/..", "/../.."].map { lib + $0 + "/checkouts/swift-numerics/Sources/_NumericsShims/include" }
            .filter { FileManager.default.fileExists(atPath: $0 + "/module.modulemap") }.prefix(1).flatMap { ["-I", $0] }
        return flags + [
            "-diagnostic-style", "llvm", "-module-cache-path", toolchain.moduleCache.path,
            "-I", lib + "/Modules", "-L", lib, "-lFolio", "-Xlinker", "-rpath", "-Xlinker", lib,
        ] + shims + [main.path, "-o", output.path]
    }

    /// `file.md:L:C: error: msg` lines of the compiler's output that point into the notebook,
    /// and errors the compiler reports in the generated program (an unclosed brace is found
    /// at its end), placed at the notebook line of their note ("to match this opening '{'")
    /// or at the end of the cell they fall in — never shown as an internal path, and never at
    /// a line outside the cell it came from. An unclosed `/*` hides the `#sourceLocation()`
    /// that ends its cell, so the compiler's "unterminated comment" points past the cell (past
    /// the end of the file, even): it is reported where the comment opened, from its note.
    static func diagnostics(
        _ output: String, document: Document, cells: CellLookup, program: Tangler.Program,
        mainPath: String
    ) -> [Diagnostic] {
        let sourceLines = (try? String(contentsOfFile: document.path, encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func source(_ l: Int) -> String? { sourceLines.flatMap { l >= 1 && l - 1 < $0.count ? $0[l - 1] : nil } }
        struct Message {
            var inNotebook: Bool; var line: Int; var column: Int; var kind: String; var text: String; var inLifted = false
        }
        // The cells lifted out of main.swift are compiled from a second file beside it.
        let liftedPath = URL(fileURLWithPath: mainPath).deletingLastPathComponent().appendingPathComponent(Tangler.liftedFileName).path
        var messages: [Message] = []
        for line in output.split(separator: "\n") {
            let file: String
            if line.hasPrefix(document.path + ":") {
                file = document.path
            } else if line.hasPrefix(mainPath + ":") {
                file = mainPath
            } else if line.hasPrefix(liftedPath + ":") {
                file = liftedPath
            } else {
                continue
            }
            let parts = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let l = Int(parts[0]), let c = Int(parts[1]) else { continue }
            messages.append(
                Message(
                    inNotebook: file == document.path, line: l, column: c,
                    kind: parts[2].trimmingCharacters(in: .whitespaces),
                    text: parts[3].trimmingCharacters(in: .whitespaces), inLifted: file == liftedPath))
        }
        let regions = CellRegions(program: program, cells: cells)
        var result: [Diagnostic] = []
        var seen: Set<String> = []
        func add(_ d: Diagnostic) {
            if seen.insert("\(d.line):\(d.column):\(d.message)").inserted { result.append(d) }
        }
        /// A notebook location, kept inside the cell it belongs to.
        func place(_ line: Int, _ column: Int, _ text: String) {
            guard regions.cell(containing: line) != nil else {
                let (l, note) = regions.clamp(line)
                add(Diagnostic(file: document.path, line: l, column: 1, message: text + note, sourceLine: source(l)))
                return
            }
            // swiftc counts UTF-8 bytes within the tangled line; editors count characters of the
            // Markdown line, which in a list item or quote starts after its indentation or `> `.
            add(
                Diagnostic(
                    file: document.path, line: line, column: document.markdownColumn(line: line, utf8Column: column),
                    message: text, sourceLine: source(line)))
        }
        let lastCellLine = program.cellOfLine.keys.max() ?? 0
        for (i, m) in messages.enumerated() where m.kind == "error" {
            let notes = messages[(i + 1)...].prefix { $0.kind == "note" }
            if m.inNotebook {
                // "unterminated '/*' comment" + note "comment started here": the note is the place.
                if let opened = notes.first(where: { $0.inNotebook && $0.text.hasPrefix("comment started here") }) {
                    place(opened.line, opened.column, "\(m.text) (the comment that opens here is never closed with */)")
                } else {
                    place(m.line, m.column, m.text)
                }
                continue
            }
            // In generated code: a note of this error that points into the notebook says where.
            if let note = notes.first(where: \.inNotebook) {
                place(note.line, note.column, "\(m.text) (\(note.text))")
                continue
            }
            let index =
                m.inLifted
                ? program.liftedCellOfLine[m.line]
                : program.cellOfLine[m.line] ?? (m.line > lastCellLine ? program.cellOfLine[lastCellLine] : nil)
            if let index, let cell = cells[index] {
                let last = CellRegions.lastLine(of: cell)
                add(
                    Diagnostic(
                        file: document.path, line: last, column: 1,
                        message: "\(m.text) (at the end of the cell that starts at line \(cell.firstLine); check for an unclosed brace or bracket)",
                        sourceLine: source(last)))
            } else {
                add(
                    Diagnostic(
                        file: document.path, line: 1,
                        message: "the program generated from the front matter does not compile: \(m.text)"))
            }
        }
        // In Markdown order: swiftc reports main.swift and cells.swift (lifted cells) apart.
        return result.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}

/// The Markdown lines of the cells in a program, sorted, for placing compiler locations.
struct CellRegions {
    /// (first line, last line, cell index) of each tangled cell, in notebook order.
    private var ranges: [(first: Int, last: Int, index: Int)] = []

    init(program: Tangler.Program, cells: CellLookup) {
        for i in program.cells { if let c = cells[i] { ranges.append((c.firstLine, Self.lastLine(of: c), i)) } }
        ranges.sort { $0.first < $1.first }
    }

    static func lastLine(of cell: Cell) -> Int {
        cell.firstLine + max(0, cell.code.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } - (cell.code.hasSuffix("\n") ? 1 : 0))
    }

    /// The cell whose code holds `line`, by binary search.
    func cell(containing line: Int) -> Int? {
        guard let r = before(line), line <= r.last else { return nil }
        return r.index
    }

    /// The last cell starting at or before `line`.
    private func before(_ line: Int) -> (first: Int, last: Int, index: Int)? {
        var lo = 0, hi = ranges.count
        while lo < hi { let mid = (lo + hi) / 2; if ranges[mid].first <= line { lo = mid + 1 } else { hi = mid } }
        return lo > 0 ? ranges[lo - 1] : nil
    }

    /// A line outside every cell, moved to the last line of the cell above it (or the first
    /// cell's first line), with a note saying so.
    func clamp(_ line: Int) -> (Int, String) {
        if let r = before(line) { return (r.last, " (reported past the end of the cell that starts at line \(r.first))") }
        if let r = ranges.first { return (r.first, "") }
        return (1, "")
    }
}
