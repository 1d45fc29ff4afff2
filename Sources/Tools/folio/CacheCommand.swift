import ArgumentParser
import Foundation
import Runner

/// `folio cache clear`: forget cached results, compiled programs and memo values.
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage Folio's cache of cell results and compiled notebook programs.",
        subcommands: [Clear.self])

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove cached results, compiled programs and memo values (the compiler's module cache is kept).")

        func run() throws {
            let toolchain: Toolchain
            do { toolchain = try Toolchain.locate() } catch {
                FileHandle.standardError.write("folio: error: \(error)\n")
                throw FolioExit.usageError
            }
            let freed = try ResultCache(root: toolchain.cacheDirectory).clear()
            print("cleared \(toolchain.cacheDirectory.path) (\(freed / 1024) KiB)")
        }
    }
}
