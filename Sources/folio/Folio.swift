import ArgumentParser

@main
struct FolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Render Markdown notebooks with Swift cells into PDF, PNG/SVG figures and a static HTML site.",
        subcommands: [Render.self],
        defaultSubcommand: Render.self
    )
}
