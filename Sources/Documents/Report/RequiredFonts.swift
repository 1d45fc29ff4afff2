import Graphics
import MathType

/// The fonts every report is set in, checked once before any notebook runs. Without them a
/// render would go wrong deep inside layout: the math renderer cannot start without its font,
/// and Pango silently sets text in whatever family fontconfig offers instead.
public enum RequiredFonts {
    /// Each family, with the Debian package that installs it (scripts/setup installs them all).
    static let families: [(family: String, package: String)] = [
        (Fonts.serif, "fonts-lmodern"), (Fonts.sans, "fonts-lmodern"), ("Latin Modern Math", "fonts-lmodern"),
        (Fonts.mono, "fonts-dejavu-core"),
    ]

    /// Throws a message naming every missing family and the package that provides it.
    public static func check() throws {
        let missing = families.filter { FontFiles.path(family: $0.family) == nil }
        if !missing.isEmpty {
            let names = missing.map { "\($0.family) (Debian package \($0.package))" }.joined(separator: ", ")
            throw PublicationError("fonts the report needs are not installed: \(names); scripts/setup installs them")
        }
        do { _ = try MathFont() } catch { throw PublicationError("the math font cannot be used: \(error)") }
    }
}
