import Foundation
import Storage

extension Toolchain {
    /// Modules a notebook program loads through `import Folio`; their interfaces and the
    /// shared library are what the compiled program depends on.
    static let runtimeModules = ["Folio", "Tensor", "Autograd", "Theory", "Plot", "Graphics", "MathType", "OutputChannel"]

    /// `swiftc -version`, e.g. "Swift version 6.3.1 (swift-6.3.1-RELEASE)". Remembered per
    /// compiler binary (by its file identity) so a cached render never starts the compiler.
    public func compilerVersion(memo: URL?) throws -> String {
        let exe = swiftc.resolvingSymlinksInPath()
        var st = stat()
        let identity = stat(exe.path, &st) == 0 ? SHA256.hex("\(exe.path)|\(st.st_size)|\(st.st_mtim.tv_sec)|\(st.st_ino)") : nil
        let file = identity.flatMap { id in memo.map { $0.appendingPathComponent("swiftc-\(id)") } }
        if let file, let known = try? String(contentsOf: file, encoding: .utf8), !known.isEmpty { return known }
        // A folder of its own, also as the compiler's TMPDIR: `swiftc -version` makes a
        // `TemporaryDirectory.*` folder there and never removes it.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("folio-swiftc-version-\(UUID())")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = tmp.path
        let r = try ChildProcess.run(
            swiftc, arguments: ["-version"], environment: env, directory: tmp,
            logDirectory: tmp, timeout: 60, logName: "version")
        let version = (r.stdout + r.stderr).split(separator: "\n").first.map(String.init) ?? "unknown"
        if let file, let memo {
            try? FileManager.default.createDirectory(at: memo, withIntermediateDirectories: true)
            try? AtomicFile.write(Data(version.utf8), to: file)
        }
        return version
    }

    /// One digest over the compiler version and the bytes of the Folio runtime build.
    public func fingerprint(memo: URL?) throws -> String {
        var h = SHA256()
        h.update(try compilerVersion(memo: memo) + "\n")
        let digest = FileDigest(memoDirectory: memo)
        var files = [libraryDirectory.appendingPathComponent("libFolio.so")]
        files += Self.runtimeModules.map { libraryDirectory.appendingPathComponent("Modules/\($0).swiftmodule") }
        for f in files {
            h.update("\(f.lastPathComponent) \(digest.sha256(f) ?? "missing")\n")
        }
        h.update("isa \(Self.vectorISA())\n")
        return h.finalize()
    }

    /// What picks Tensor's kernels (CTensorKernels/Dispatch.c): the CPU's AVX2/FMA/AVX-512 flags and
    /// the FOLIO_TENSOR_ISA cap. Results of the same program differ in the last bits between those
    /// kernels, so a cached result is reused only on the same vector instruction set.
    static func vectorISA() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flagsLine = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        let present = ["avx2", "fma", "avx512f", "avx512vl"].filter(flags.contains)
        let cap = ProcessInfo.processInfo.environment["FOLIO_TENSOR_ISA"] ?? ""
        return present.joined(separator: ",") + (cap.isEmpty ? "" : " cap=\(cap)")
    }
}
