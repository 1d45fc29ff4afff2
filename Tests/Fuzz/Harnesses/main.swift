import Foundation
#if FUZZING
import CLibFuzzer
#endif

// folio-fuzz: Folio's fuzz targets in one program (Tests/Fuzz/README.md).
//
//   folio-fuzz --list                         harness names, max input length, what each covers
//   folio-fuzz HARNESS [libFuzzer flags] [corpus dirs…]   fuzz build (scripts/fuzz): libFuzzer
//   folio-fuzz HARNESS FILE-OR-DIR…           normal build: run each input once (a regression replay)
//   folio-fuzz --write-seeds outputs DIR      regenerate the outputs harness's seed records
//
// libFuzzer's -fork/-jobs modes start this program again with the arguments it was given, less
// the harness name, so the name also travels in FOLIO_FUZZ_HARNESS.

let environmentKey = "FOLIO_FUZZ_HARNESS"
var arguments = CommandLine.arguments

func usage() -> Never {
    FileHandle.standardError.write(
        Data("usage: folio-fuzz --list | HARNESS [inputs or libFuzzer flags…] (harnesses: \(Harness.all.map(\.name).joined(separator: ", ")))\n".utf8))
    exit(4)
}

if arguments.count >= 2, arguments[1] == "--list" {
    for h in Harness.all { print("\(h.name) \(h.maxLength) \(h.summary)") }
    exit(0)
}
if arguments.count == 4, arguments[1] == "--write-seeds", arguments[2] == "outputs" {
    OutputSeeds.write(to: URL(fileURLWithPath: arguments[3]))
    exit(0)
}

let harness: Harness
if arguments.count >= 2, let h = Harness.named(arguments[1]) {
    harness = h
    arguments.remove(at: 1)
    setenv(environmentKey, h.name, 1)
} else if let name = ProcessInfo.processInfo.environment[environmentKey], let h = Harness.named(name) {
    harness = h
} else {
    usage()
}

/// The harness libFuzzer calls back into (a C callback cannot capture it).
nonisolated(unsafe) var current = harness

#if FUZZING
var argc = Int32(arguments.count)
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
    let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 1)
    for (i, a) in arguments.enumerated() { p[i] = strdup(a) }
    p[arguments.count] = nil
    return p
}()
exit(
    LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        current.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    })
#else
exit(Replay.run(harness, paths: Array(arguments.dropFirst())))
#endif
