import ArgumentParser
import Foundation

@main
struct FolioCommand: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Render Markdown notebooks with Swift cells into PDF, PNG/SVG figures and a static HTML site.",
        version: version,
        subcommands: [Render.self, Cache.self, Preview.self],
        defaultSubcommand: Render.self
    )

    /// ArgumentParser's own main, with usage errors (`--bogus`, a missing value, a malformed
    /// number) exiting 4 as documented instead of sysexits' 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                var message = fullMessage(for: error)
                if message.hasPrefix("Error: ") { message = "folio: error: " + message.dropFirst(7) }
                FileHandle.standardError.write(message + "\n")
                Foundation.exit(FolioExit.usageError.rawValue)
            }
            exit(withError: error)
        }
    }
}
