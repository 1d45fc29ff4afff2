import ArgumentParser
import Foundation
import Notebook
import Report
import Runner

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a notebook's cells and write its PDF, HTML page and figures.",
        discussion: "With no paths, renders every .md file in notebooks/. Exit codes: 0 success, 1 a cell failed at run time, 2 a compile error, 3 a render error, 4 a usage or configuration error."
    )

    @Argument(help: "Notebook files or folders of notebooks (default: notebooks/).")
    var paths: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Folder for the rendered files.")
    var output = "output"

    @Option(name: [.customShort("P"), .customLong("param")], help: "Override a front-matter parameter: -P name=value.")
    var params: [String] = []

    @Option(help: "Resolution of the PNG figure files, in dots per inch.")
    var dpi: Double = 200

    func run() throws {
        var overrides: [String: String] = [:]
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                FileHandle.standardError.write("folio: error: -P expects name=value, got '\(p)'\n")
                throw FolioExit.usageError
            }
            overrides[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        let files: [String]
        do { files = try notebookFiles() } catch let d as Diagnostic {
            FileHandle.standardError.write("\(d)\n")
            throw FolioExit.usageError
        }
        let toolchain: Toolchain
        do { toolchain = try Toolchain.locate() } catch {
            FileHandle.standardError.write("folio: error: \(error)\n")
            throw FolioExit.usageError
        }
        var worst: Int32 = 0
        for file in files {
            let code = render(file, toolchain: toolchain, overrides: overrides)
            if code != 0 && (worst == 0 || code > worst) { worst = code }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Renders one notebook; returns its exit code and prints what went wrong.
    func render(_ path: String, toolchain: Toolchain, overrides: [String: String]) -> Int32 {
        let err = FileHandle.standardError
        let document: Document
        let resolved: [FrontMatter.Param]
        do {
            document = try Document.load(path: path)
            resolved = try NotebookRunner.resolveParams(document, overrides: overrides)
        } catch {
            err.write("\(error)\n")
            return FolioExit.usageError.rawValue
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("folio-\(getpid())-\(document.name)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result: RunResult
        do {
            result = try NotebookRunner(toolchain: toolchain, workDirectory: scratch).run(document, params: resolved)
        } catch {
            err.write("folio: error: \(path): could not run the notebook: \(error)\n")
            return FolioExit.renderError.rawValue
        }
        if !result.compileErrors.isEmpty {
            for d in result.compileErrors { err.write("\(d)\n") }
            err.write("folio: \(path): not rendered (compile errors); existing output left as it was\n")
            return FolioExit.compileError.rawValue
        }
        if !result.failures.isEmpty {
            for d in result.failures { err.write("\(d)\n") }
            err.write("folio: \(path): not rendered (a cell failed); existing output left as it was\n")
            return FolioExit.cellFailed.rawValue
        }
        let notebook = RenderedNotebook(document: document, outputs: result.cells.mapValues(\.outputs))
        do {
            var writer = ReportWriter(outputDirectory: URL(fileURLWithPath: output))
            writer.figureDPI = dpi
            let written = try writer.write(notebook)
            let pdf = written.first { $0.pathExtension == "pdf" && $0.deletingLastPathComponent().path == URL(fileURLWithPath: output).path }
            print("rendered \(path) → \(pdf?.path ?? output)")
            return 0
        } catch {
            err.write("folio: error: \(path): could not write the report: \(error)\n")
            return FolioExit.renderError.rawValue
        }
    }

    /// The notebooks to render: given files, `.md` files in given folders, or `notebooks/`.
    func notebookFiles() throws -> [String] {
        let fm = FileManager.default
        let inputs = paths.isEmpty ? ["notebooks"] : paths
        var files: [String] = []
        for p in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                throw Diagnostic(file: p, line: 1, message: "no such file or folder")
            }
            if isDir.boolValue {
                let entries = try fm.contentsOfDirectory(atPath: p).filter { $0.hasSuffix(".md") }.sorted()
                files += entries.map { (p as NSString).appendingPathComponent($0) }
            } else {
                files.append(p)
            }
        }
        return files
    }
}

extension FileHandle {
    func write(_ s: String) { write(Data(s.utf8)) }
}
