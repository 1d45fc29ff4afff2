/// A program or data file a test needs is not installed. Thrown instead of skipping the test:
/// a machine without chromium, poppler or NumPy must fail the tests, not pass fewer of them.
/// The message names what is missing and the command that installs it.
///
/// The only tests that may skip are explicit opt-ins that nothing installs (docs/contributing.md),
/// such as LookTests, which writes pictures for a person to look at when FOLIO_REPORT_LOOK is set.
public struct MissingTool: Error, CustomStringConvertible, Equatable {
    public let name: String
    public let remedy: String

    /// `remedy` defaults to the known way of installing `name` (`MissingTool.remedies`).
    public init(_ name: String, remedy: String? = nil) {
        self.name = name
        self.remedy = remedy ?? Self.remedies[name] ?? "install \(name) and put it on PATH"
    }

    public var description: String { "\(name) is missing: \(remedy)" }

    static let setup = "run scripts/setup (make test and make check run it)"
    static let peers = "run scripts/setup-test-peers (make test and make check run it)"

    /// How each tool the tests use gets installed.
    static let remedies: [String: String] = [
        "pdftotext": "poppler-utils provides it; " + setup,
        "pdftoppm": "poppler-utils provides it; " + setup,
        "pdffonts": "poppler-utils provides it; " + setup,
        "pdfinfo": "poppler-utils provides it; " + setup,
        "pdfimages": "poppler-utils provides it; " + setup,
        "chromium": setup,
        "hyphen-en-us": setup,
        "python3": "install Python 3 with pip (apt-get install python3 python3-pip), then " + peers,
        "numpy": "python3 cannot import it; " + peers,
        "matplotlib": "python3 cannot import it; " + peers,
        "timeout": "coreutils provides it (apt-get install coreutils)",
        "sha256sum": "coreutils provides it (apt-get install coreutils)",
    ]
}
