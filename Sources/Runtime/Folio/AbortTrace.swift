internal import Foundation
import OutputChannel
#if canImport(Glibc)
import Glibc

/// Where a cell called `abort()` (or a C library aborted under it). The Swift backtracer unwinds
/// by frame pointers and stops at glibc's `pthread_kill`, which keeps none, so an abort would be
/// placed only at its cell. glibc's `backtrace` unwinds by the DWARF tables instead: a SIGABRT
/// handler records those return addresses (relative to the program's load address) in the run
/// folder, then hands the signal on to the Swift backtracer; the runner maps them to Markdown
/// lines with llvm-symbolizer.
///
/// The handler runs in a process that may be aborting from inside malloc (heap corruption), so it
/// allocates nothing: its buffers are made at install time and the text is formatted by hand.
enum AbortTrace {
    static let fileName = "abort.addresses"
    private static let depth = 64

    nonisolated(unsafe) private static var frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: depth)
    nonisolated(unsafe) private static var text = UnsafeMutablePointer<UInt8>.allocate(capacity: depth * 20 + 64)
    nonisolated(unsafe) private static var path = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
    nonisolated(unsafe) private static var loadBase: UInt = 0
    nonisolated(unsafe) private static var previous = sigaction()
    /// glibc's `backtrace(3)`, which Swift's Glibc module does not export.
    private typealias Backtrace = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>, Int32) -> Int32
    nonisolated(unsafe) private static var backtrace: Backtrace?

    /// Installs the handler once (after the Swift runtime installed its backtracer's).
    static let installed: Bool = {
        guard let dir = ProcessInfo.processInfo.environment[RunFiles.environmentKey] else { return false }
        let target = dir + "/" + fileName
        guard target.utf8.count < 4095 else { return false }
        _ = target.withCString { strcpy(path, $0) }
        guard let symbol = dlsym(nil, "backtrace"), let base = mainProgramLoadBase() else { return false }
        backtrace = unsafeBitCast(symbol, to: Backtrace.self)
        loadBase = base
        // The first call loads the unwinder (and allocates): do it now, not in the handler.
        _ = backtrace?(frames, Int32(depth))
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, context in AbortTrace.handle(signal, info, context) }
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        return sigaction(SIGABRT, &action, &previous) == 0
    }()

    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        let n = Int(backtrace?(frames, Int32(depth)) ?? 0)
        var length = 0
        func byte(_ b: UInt8) { text[length] = b; length += 1 }
        func hex(_ value: UInt) {
            byte(UInt8(ascii: "0")); byte(UInt8(ascii: "x"))
            var shift = UInt(60), started = false
            while true {
                let digit = UInt8((value >> shift) & 0xF)
                if digit != 0 || started || shift == 0 {
                    started = true
                    byte(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                }
                if shift == 0 { break }
                shift -= 4
            }
            byte(UInt8(ascii: "\n"))
        }
        for i in 0..<n {
            let address = UInt(bitPattern: frames[i])
            // Return addresses point after the call; the call itself is one byte before.
            if address > loadBase { hex(address - loadBase - 1) }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 { _ = write(fd, text, length); close(fd) }
        // On to the Swift backtracer (its report names the signal), or the default action.
        if previous.sa_flags & SA_SIGINFO != 0, let next = previous.__sigaction_handler.sa_sigaction {
            next(signal, info, context)
        } else {
            var defaultAction = sigaction()
            defaultAction.__sigaction_handler.sa_handler = SIG_DFL
            sigaction(SIGABRT, &defaultAction, nil)
        }
    }

    /// Where the program itself is mapped (its mapping at file offset 0, from /proc/self/maps):
    /// what llvm-symbolizer's addresses in the executable file are offset by.
    private static func mainProgramLoadBase() -> UInt? {
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        else { return nil }
        for line in maps.split(separator: "\n") where line.hasSuffix(" " + exe) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[2] == "00000000", let dash = fields[0].firstIndex(of: "-") else { continue }
            return UInt(fields[0][..<dash], radix: 16)
        }
        return nil
    }
}
#endif
