import Foundation
import XCTest

/// The programs tests check rendered files with (poppler, python3, chromium, coreutils) and the
/// programs this package builds. A missing one throws `MissingTool`: the test fails and says
/// what to install, it never skips.
public enum Tools {
    /// `name` on PATH, or nil.
    public static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// `name` on PATH; throws `MissingTool` when it is not there.
    public static func path(_ name: String) throws -> String {
        guard let path = find(name) else { throw MissingTool(name) }
        return path
    }

    /// Runs `name` (from PATH) and returns (status, stdout, stderr).
    @discardableResult
    public static func run(_ name: String, _ args: [String], stdin: String? = nil) throws -> (Int32, String, String) {
        let r = try Command(URL(fileURLWithPath: try path(name)), args, input: stdin.map { Data($0.utf8) }).run()
        return (r.status, r.stdout, r.stderr)
    }

    /// Output of a tool that must succeed (exit status 0, else a failure at the caller's line).
    public static func output(
        _ name: String, _ args: [String], stdin: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let (status, out, err) = try run(name, args, stdin: stdin)
        XCTAssertEqual(status, 0, "\(name) \(args.joined(separator: " ")): \(err)", file: file, line: line)
        return out
    }

    /// Standard output of `python3 -c code`, which must succeed: a module it cannot import
    /// (numpy, matplotlib) throws `MissingTool` naming that module, any other failure
    /// `CommandFailed` with what Python printed.
    public static func python(_ code: String) throws -> String {
        let (status, out, err) = try run("python3", ["-c", code])
        if status != 0, let module = missingModule(err) { throw MissingTool(module) }
        guard status == 0 else { throw CommandFailed(command: "python3 -c …", status: status, stderr: err) }
        return out
    }

    /// The module in Python's "ModuleNotFoundError: No module named 'numpy'" (its top-level package).
    static func missingModule(_ stderr: String) -> String? {
        guard let r = stderr.range(of: "ModuleNotFoundError: No module named '") else { return nil }
        let name = stderr[r.upperBound...].prefix { $0 != "'" }
        return String(name.split(separator: ".").first ?? name)
    }

    /// An executable of this package built beside the test bundle (`folio`, `folio-fuzz`):
    /// `swift build --build-tests` builds every product with the tests.
    public static func builtProduct(_ name: String) throws -> URL {
        let url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw MissingTool(name, remedy: "not built beside the tests at \(url.path); run swift build --build-tests")
        }
        return url
    }

    /// The release build of `folio` that FOLIO_RELEASE_BIN names (notebooks are numerical
    /// experiments that need optimised code to finish in seconds).
    public static func releaseFolio(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let remedy =
            "make test builds it and sets FOLIO_RELEASE_BIN; by hand: swift build -c release --product folio"
            + " && swift build -c release --product Folio, then FOLIO_RELEASE_BIN=$PWD/.build/release/folio swift test …"
        guard let path = environment["FOLIO_RELEASE_BIN"], !path.isEmpty else {
            throw MissingTool("the release folio (FOLIO_RELEASE_BIN)", remedy: remedy)
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MissingTool("the release folio (FOLIO_RELEASE_BIN=\(path) is not an executable)", remedy: remedy)
        }
        return URL(fileURLWithPath: path)
    }
}
