import ArgumentParser
import Dispatch
import FolioPreview
import Foundation
import Notebook
import Report
import Runner

/// `folio preview`: renders the notebooks, serves `output/` with live reload, and renders a
/// notebook again whenever it or a file it depends on changes. The server, the watcher and the
/// render queue are FolioPreview's; this command only wires them to a `RenderJob`.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render notebooks, serve output/ on 127.0.0.1 and re-render on every save, reloading the open pages.",
        discussion:
            "Watches each notebook, its front-matter inputs, bibliographies, citation style and local images. Without --pdf only the HTML page is rebuilt on a change (the PDF stays as the last full render left it). Ctrl-C stops the server and any running render and exits 0."
    )

    @Argument(help: "Notebook files or folders of notebooks (default: notebooks/).")
    var paths: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Folder for the rendered files, which the server serves.")
    var output = "output"

    @Option(help: "TCP port to listen on.")
    var port: Int = 4848

    @Option(help: "Address to listen on; only loopback by default (another address exposes your outputs to the network).")
    var host = "127.0.0.1"

    @Flag(name: .customLong("no-browser"), help: "Do not open the page in a browser.")
    var noBrowser = false

    @Flag(help: "Rebuild the PDF on every change too (slower; without it only the HTML page is rebuilt).")
    var pdf = false

    func run() throws {
        Interrupts.install()
        // Ctrl-C is how a preview ends: the running programs are stopped and folio exits 0.
        Interrupts.exitStatus = 0
        guard (1...65535).contains(port) else {
            FileHandle.standardError.write("folio: error: --port expects a port from 1 to 65535, got \(port)\n")
            throw FolioExit.usageError
        }
        let files: [String]
        do { files = try PublishedNames.distinct(try Render.notebookFiles(paths), output: output) } catch let d as Diagnostic {
            FileHandle.standardError.write("\(d)\n")
            throw FolioExit.usageError
        }
        guard !files.isEmpty else {
            FileHandle.standardError.write("folio: error: no notebooks to preview\n")
            throw FolioExit.usageError
        }
        let toolchain: Toolchain
        do {
            try RequiredFonts.check()
            toolchain = try Toolchain.locate()
        } catch {
            FileHandle.standardError.write("folio: error: \(error)\n")
            throw FolioExit.usageError
        }
        let job = RenderJob(
            toolchain: toolchain, overrides: [:], output: URL(fileURLWithPath: output), dpi: 200, optimize: nil, explain: false,
            cache: ResultCache(root: toolchain.cacheDirectory))
        let renderJob = job
        // The first render of each notebook is a full one, PDF included, so that output/ starts
        // complete and consistent; later ones draw the PDF only with --pdf.
        let drawn = DrawnOnce()
        let server: PreviewServer
        let events = PreviewEvents()
        do { server = try PreviewServer(output: URL(fileURLWithPath: output), host: host, port: UInt16(port), events: events) } catch {
            FileHandle.standardError.write("folio: error: \(error)\n")
            throw FolioExit.usageError
        }
        let listening = DispatchSemaphore(value: 0)
        let failure = Box()
        Task {
            do { try await server.run() } catch {
                failure.message = "\(error)"
                listening.signal()
            }
        }
        Task {
            try? await server.waitUntilListening()
            listening.signal()
        }
        listening.wait()
        if let message = failure.message {
            FileHandle.standardError.write("folio: error: cannot listen on \(host):\(port): \(message)\n")
            throw FolioExit.usageError
        }
        let session = PreviewSession(
            notebooks: files, events: events,
            render: { path in
                var job = renderJob
                job.writesPDF = pdf || drawn.first(path)
                return PreviewRendering.render(path, job: job)
            },
            log: { FileHandle.standardError.write($0 + "\n") })
        session.start()
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let first = (files[0] as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: ".html")
        let url = "http://\(shownHost):\(port)/\(first)"
        print("folio preview: serving \(output)/ at http://\(shownHost):\(port)/ (Ctrl-C stops)")
        print("folio preview: watching \(files.count) notebook\(files.count == 1 ? "" : "s") (\(session.usesInotify ? "inotify" : "polling")); open \(url)")
        fflush(stdout)
        if !noBrowser { PreviewRendering.openBrowser(url) }
        // The server and the watcher run on their own threads until Ctrl-C (Interrupts) ends folio.
        while true { pause() }
    }
}

/// The notebooks rendered at least once in this preview.
private final class DrawnOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []
    /// True the first time `path` is asked about.
    func first(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return seen.insert(path).inserted
    }
}

/// A message set by one task and read by another after a semaphore.
private final class Box: @unchecked Sendable {
    var message: String?
}
