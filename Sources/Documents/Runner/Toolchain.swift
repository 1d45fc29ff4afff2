import Foundation

/// Where the compiler and the Folio runtime library are. The runtime is found next to the
/// running executable (`folio` and the test bundles live beside `libFolio.so` and `Modules/`
/// in SwiftPM's build directory); `FOLIO_LIB_DIR` overrides it.
public struct Toolchain: Sendable {
    public var swiftc: URL
    public var libraryDirectory: URL
    public var moduleCache: URL
    /// Root of Folio's persistent caches (results, compiled programs, memo values):
    /// `FOLIO_CACHE_DIR`, else `$XDG_CACHE_HOME/folio`, else `~/.cache/folio`.
    public var cacheDirectory: URL

    public enum Problem: Error, CustomStringConvertible {
        case noCompiler, noRuntime(String)
        public var description: String {
            switch self {
            case .noCompiler: "swiftc not found on PATH (install the Swift toolchain or set SWIFTC)"
            case .noRuntime(let d):
                "the Folio runtime (libFolio.so and Modules/Folio.swiftmodule) is not in \(d); build it with `swift build` or set FOLIO_LIB_DIR"
            }
        }
    }

    public init(swiftc: URL, libraryDirectory: URL, moduleCache: URL, cacheDirectory: URL? = nil) {
        (self.swiftc, self.libraryDirectory, self.moduleCache) = (swiftc, libraryDirectory, moduleCache)
        self.cacheDirectory = cacheDirectory ?? moduleCache.deletingLastPathComponent()
    }

    public static func locate() throws -> Toolchain {
        let env = ProcessInfo.processInfo.environment
        let libDir: URL
        if let d = env["FOLIO_LIB_DIR"] {
            libDir = URL(fileURLWithPath: d)
        } else {
            let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            libDir = exe.deletingLastPathComponent()
        }
        let fm = FileManager.default
        guard fm.fileExists(atPath: libDir.appendingPathComponent("libFolio.so").path),
            fm.fileExists(atPath: libDir.appendingPathComponent("Modules/Folio.swiftmodule").path)
        else {
            throw Problem.noRuntime(libDir.path)
        }
        guard let swiftc = env["SWIFTC"].map({ URL(fileURLWithPath: $0) }) ?? findOnPath("swiftc", env["PATH"]) else {
            throw Problem.noCompiler
        }
        let userCache =
            (env["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? fm.homeDirectoryForCurrentUser.appendingPathComponent(".cache")).appendingPathComponent("folio")
        // The compiler's module cache only makes compiles faster and is safe to share, so it
        // stays in the user's cache even when FOLIO_CACHE_DIR moves the results elsewhere.
        return Toolchain(
            swiftc: swiftc, libraryDirectory: libDir,
            moduleCache: userCache.appendingPathComponent("module-cache"),
            cacheDirectory: env["FOLIO_CACHE_DIR"].map { URL(fileURLWithPath: $0) } ?? userCache)
    }

    static func findOnPath(_ name: String, _ path: String?) -> URL? {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
