import Foundation

/// One fuzz target: a name for the command line, the longest input worth mutating, and the
/// function that feeds one input through a layer of Folio and checks what must always hold.
///
/// Thrown errors are fine (hostile input deserves a diagnostic); a crash, a hang, or a broken
/// invariant (reported through `finding`, which traps like a crash so libFuzzer keeps the input)
/// is a bug.
struct Harness {
    let name: String
    /// libFuzzer's `-max_len` for this harness (scripts/fuzz reads it from `folio-fuzz --list`).
    let maxLength: Int
    let summary: String
    let run: ([UInt8]) -> Void

    static let all: [Harness] = [.notebook, .pdf, .math, .outputs, .url, .bib, .csl, .divs, .citations, .tangle]

    static func named(_ name: String) -> Harness? { all.first { $0.name == name } }
}

/// A broken invariant: trap with a message, so the fuzzer saves the input as a crash artifact.
func finding(_ message: String) -> Never {
    fatalError("fuzz finding: \(message)")
}

/// A folder of this process for harnesses that go through files, as Folio itself does.
enum Scratch {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.directory) }
        return url
    }()

    /// Writes `bytes` to `name` in the scratch folder and returns its path.
    static func file(_ name: String, _ bytes: [UInt8]) -> URL {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            fatalError("folio-fuzz: cannot write \(url.path)")
        }
        return url
    }
}
