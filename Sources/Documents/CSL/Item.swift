/// One bibliographic item in CSL's data model (CSL-JSON's variables and types): what a
/// bibliography file is read into and what a style formats.
public struct CSLItem: Hashable, Sendable {
    public var id: String
    /// A CSL type: "article-journal", "book", "chapter", "paper-conference", "thesis", …
    public var type: String
    /// Ordinary and number variables ("title", "container-title", "volume", "page", "DOI", …).
    public var fields: [String: [RichText]]
    /// Name variables ("author", "editor", …).
    public var names: [String: [CSLName]]
    /// Date variables ("issued", "accessed", …).
    public var dates: [String: CSLDate]

    public init(
        id: String, type: String, fields: [String: [RichText]] = [:], names: [String: [CSLName]] = [:],
        dates: [String: CSLDate] = [:]
    ) {
        self.id = id
        self.type = type
        self.fields = fields
        self.names = names
        self.dates = dates
    }

    /// A variable's characters, or nil when it is absent or empty.
    public func string(_ variable: String) -> String? {
        guard let v = fields[variable] else { return nil }
        let s = v.plainCharacters
        return s.isEmpty ? nil : s
    }

    public mutating func set(_ variable: String, _ text: String) {
        fields[variable] = [.text(text)]
    }
}

/// A personal or institutional name.
public struct CSLName: Hashable, Sendable {
    public var family: String?
    public var given: String?
    public var droppingParticle: String?
    public var nonDroppingParticle: String?
    public var suffix: String?
    /// An institution or a name that is never split or reordered.
    public var literal: String?
    /// "John Doe, Jr." rather than "John Doe Jr." in display order.
    public var commaSuffix: Bool

    public init(
        family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
        nonDroppingParticle: String? = nil, suffix: String? = nil, literal: String? = nil, commaSuffix: Bool = false
    ) {
        self.family = family
        self.given = given
        self.droppingParticle = droppingParticle
        self.nonDroppingParticle = nonDroppingParticle
        self.suffix = suffix
        self.literal = literal
        self.commaSuffix = commaSuffix
    }
}

/// A date or a date range: parts are [year, month?, day?]; month 13–16 are the seasons.
public struct CSLDate: Hashable, Sendable {
    public var parts: [[Int]]
    public var literal: String?
    public var circa: Bool

    public init(parts: [[Int]] = [], literal: String? = nil, circa: Bool = false) {
        self.parts = parts
        self.literal = literal
        self.circa = circa
    }

    public var year: Int? { parts.first?.first }

    /// "YYYYMMDD" with zeros for missing parts, for sorting.
    var sortKey: String {
        guard let p = parts.first, !p.isEmpty else { return literal ?? "" }
        let y = p[0], m = p.count > 1 ? p[1] : 0, d = p.count > 2 ? p[2] : 0
        let yy = y < 0 ? "-" + String(format: "%05d", 10000 + y) : String(format: "%05d", y)
        return yy + String(format: "%02d%02d", m, d)
    }
}
