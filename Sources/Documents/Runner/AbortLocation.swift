import Foundation

/// The Markdown place of an `abort()`, from the return addresses the notebook program's
/// SIGABRT handler recorded (Folio's `AbortTrace`): the Swift backtracer cannot unwind through
/// glibc's abort, so its report has no notebook frame. llvm-symbolizer (beside swiftc in the
/// toolchain) reads the program's line tables, where `#sourceLocation` put the Markdown file.
enum AbortLocation {
    static let fileName = "abort.addresses"

    /// The innermost frame in `file`, as (line, UTF-8 column), or nil.
    static func find(runDirectory: URL, program: URL, file: String, symbolizer: URL) -> (line: Int, column: Int?)? {
        guard let text = try? String(contentsOf: runDirectory.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        let addresses = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("0x") }
        guard !addresses.isEmpty, FileManager.default.isExecutableFile(atPath: symbolizer.path),
            let output = try? ChildProcess.run(
                symbolizer, arguments: ["--obj=\(program.path)", "--no-inlines"] + addresses,
                directory: runDirectory, timeout: 20, logName: "symbolizer")
        else { return nil }
        // One block per address: the function's name, then `file:line:column`.
        for line in output.stdout.split(separator: "\n") {
            let parts = line.split(separator: ":")
            guard parts.count >= 3, let l = Int(parts[parts.count - 2]), let c = Int(parts[parts.count - 1]), l > 0 else { continue }
            let path = parts.dropLast(2).joined(separator: ":")
            if Backtrace.same(path, file) { return (l, c > 0 ? c : nil) }
        }
        return nil
    }
}
