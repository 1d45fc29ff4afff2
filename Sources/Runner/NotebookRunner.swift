import Foundation
import Notebook
import OutputChannel

/// Tangles, compiles and runs a notebook in a child process, then collects each cell's outputs.
public struct NotebookRunner {
    public var toolchain: Toolchain
    /// Scratch space for this notebook's program and run files.
    public var workDirectory: URL

    public init(toolchain: Toolchain, workDirectory: URL) {
        self.toolchain = toolchain
        self.workDirectory = workDirectory
    }

    /// Parameters after `-P name=value` overrides; an unknown name or a value of the wrong
    /// type is an error at the parameter's front-matter line.
    public static func resolveParams(_ document: Document, overrides: [String: String]) throws -> [FrontMatter.Param] {
        var params = document.frontMatter.params
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let i = params.firstIndex(where: { $0.name == name }) else {
                throw Diagnostic(file: document.path, line: 1,
                                 message: "-P \(name)=…: the notebook has no parameter '\(name)' (it has: \(params.map(\.name).joined(separator: ", ")))")
            }
            guard let v = params[i].value.overridden(by: text) else {
                throw Diagnostic(file: document.path, line: params[i].line,
                                 message: "-P \(name)=\(text): expected a value of type \(params[i].value.swiftType)")
            }
            params[i].value = v
        }
        return params
    }

    public func run(_ document: Document, params: [FrontMatter.Param]) throws -> RunResult {
        let fm = FileManager.default
        try? fm.removeItem(at: workDirectory)
        let runDir = workDirectory.appendingPathComponent("run")
        try fm.createDirectory(at: runDir, withIntermediateDirectories: true)
        try fm.createDirectory(at: toolchain.moduleCache, withIntermediateDirectories: true)

        var result = RunResult(cells: [:], compileErrors: [], failures: [])
        for cell in document.cells { result.cells[cell.index] = .init(outputs: [], status: .notRun) }
        guard document.cells.contains(where: { $0.options.eval }) else { return result }

        let source = Tangler.program(for: document, params: params, seed: document.frontMatter.seed)
        let main = workDirectory.appendingPathComponent("main.swift")
        try source.write(to: main, atomically: true, encoding: .utf8)
        let binary = workDirectory.appendingPathComponent("notebook")
        let lib = toolchain.libraryDirectory.path
        var args = [document.frontMatter.optimize ? "-O" : "-Onone", "-g", "-swift-version", "5",
                    "-module-name", "Notebook", "-diagnostic-style", "llvm",
                    "-module-cache-path", toolchain.moduleCache.path,
                    "-I", lib + "/Modules", "-L", lib, "-lFolio", "-Xlinker", "-rpath", "-Xlinker", lib,
                    main.path, "-o", binary.path]
        if document.frontMatter.optimize { args.insert("-wmo", at: 1) }
        let compile = try ChildProcess.run(toolchain.swiftc, arguments: args, directory: workDirectory,
                                           timeout: 600, logName: "compile")
        if compile.status != 0 {
            result.compileErrors = Self.diagnostics(compile.stderr + compile.stdout, document: document)
            if result.compileErrors.isEmpty {
                result.compileErrors = [Diagnostic(file: document.path, line: 1,
                                                   message: "the notebook program did not compile:\n" + compile.stderr)]
            }
            return result
        }

        var env = ProcessInfo.processInfo.environment
        env[RunFiles.environmentKey] = runDir.path
        let run = try ChildProcess.run(binary, arguments: [], environment: env, directory: runDir,
                                       timeout: document.frontMatter.timeout, logName: "notebook")
        let progress = (try? String(contentsOf: runDir.appendingPathComponent(RunFiles.progress), encoding: .utf8)) ?? ""
        var begun = Set<Int>(), ended = Set<Int>()
        for line in progress.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let i = Int(parts[1]) else { continue }
            if parts[0] == "begin" { begun.insert(i) } else { ended.insert(i) }
        }
        for cell in document.cells where begun.contains(cell.index) {
            var outputs = try RunFiles.read(cell: cell.index, in: runDir)
            var status = RunResult.CellStatus.succeeded
            if !ended.contains(cell.index) {
                let error = Self.cellError(outputs: &outputs, run: run, document: document, cell: cell)
                outputs.append(.error(error))
                status = .failed(error)
                if cell.options.error != .allow && cell.options.error != .expected {
                    result.failures.append(Diagnostic(file: document.path, line: error.line ?? cell.firstLine,
                                                      column: error.column ?? 1, message: error.message))
                }
            } else if cell.options.error == .expected {
                result.failures.append(Diagnostic(file: document.path, line: cell.firstLine,
                                                  message: "cell is marked `error: expected` but ran without error"))
            }
            result.cells[cell.index] = .init(outputs: outputs, status: status)
        }
        if result.failures.isEmpty && run.status != 0 && !run.signaled && begun == ended {
            result.failures.append(Diagnostic(file: document.path, line: 1,
                                              message: "the notebook program exited with status \(run.status)"))
        }
        return result
    }

    /// A failing cell's error: the runtime's own message (Swift writes "Fatal error: …" to the
    /// cell's stderr, which we moved out of the stream outputs), or the timeout.
    static func cellError(outputs: inout [CellOutput], run: ChildProcess.Result, document: Document, cell: Cell) -> CellError {
        if run.timedOut {
            return CellError(message: "the notebook exceeded its time limit of \(Int(document.frontMatter.timeout)) s in this cell",
                             line: cell.firstLine, column: 1)
        }
        var stderrText = ""
        outputs.removeAll { if case .stream("stderr", let t) = $0 { stderrText += t; return true }; return false }
        // Swift traps print "Module/file.md:LINE: Fatal error: message" (#fileID), so match the file name.
        let file = NSRegularExpression.escapedPattern(for: URL(fileURLWithPath: document.path).lastPathComponent)
        let pattern = try! NSRegularExpression(pattern: #"(?m)^(?:.*/)?"# + file + #":(\d+): (?:Fatal error|Precondition failed|Assertion failed)(?:: )?(.*)$"#)
        let ns = stderrText as NSString
        if let m = pattern.firstMatch(in: stderrText, range: NSRange(location: 0, length: ns.length)) {
            let message = ns.substring(with: m.range(at: 2))
            return CellError(message: message.isEmpty ? "fatal error" : message,
                             line: Int(ns.substring(with: m.range(at: 1))), column: 1)
        }
        let message = stderrText.split(separator: "\n").first { !$0.hasPrefix("💣") && !$0.isEmpty && !$0.hasPrefix("*** ") }
            .map(String.init) ?? (run.signaled ? "the cell crashed (signal \(run.status))" : "the cell failed")
        return CellError(message: message.trimmingCharacters(in: .whitespaces), line: cell.firstLine, column: 1)
    }

    /// `file.md:L:C: error: msg` lines of the compiler's output that point into the notebook.
    static func diagnostics(_ output: String, document: Document) -> [Diagnostic] {
        let sourceLines = (try? String(contentsOfFile: document.path, encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [Diagnostic] = []
        let prefix = document.path + ":"
        for line in output.split(separator: "\n") where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            let parts = rest.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let l = Int(parts[0]), let c = Int(parts[1]),
                  parts[2].trimmingCharacters(in: .whitespaces) == "error" else { continue }
            let src = sourceLines.flatMap { l - 1 < $0.count ? $0[l - 1] : nil }
            let d = Diagnostic(file: document.path, line: l, column: c,
                               message: parts[3].trimmingCharacters(in: .whitespaces), sourceLine: src)
            if !result.contains(d) { result.append(d) }
        }
        return result
    }
}
