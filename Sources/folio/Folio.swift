import ArgumentParser

@main
struct FolioCommand: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Render Markdown notebooks with Swift cells into PDF, PNG/SVG figures and a static HTML site.",
        version: version,
        subcommands: [Render.self, Cache.self],
        defaultSubcommand: Render.self
    )
}
