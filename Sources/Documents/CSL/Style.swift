import Foundation

/// A CSL 1.0.2 style: its citation and bibliography layouts, macros, options and locale
/// overrides, parsed once.
public struct CSLStyle: @unchecked Sendable {
    let root: CSLNode
    let macros: [String: CSLNode]
    let citation: CSLNode?
    let bibliography: CSLNode?
    public let title: String
    /// "in-text" or "note".
    public let styleClass: String
    public let defaultLocale: String?
    /// Where the style came from, for messages.
    public let source: String

    public init(data: Data, source: String) throws {
        let root = try CSLNode.parse(data, source: source)
        guard root.name == "style" else { throw CSLError("\(source):\(root.line): error: the root element is <\(root.name)>, not <style>") }
        if root.child("citation") == nil, root["class"] != nil, root.child("info")?.child("link")?["rel"] == "independent-parent" {
            throw CSLError("\(source): error: a dependent style; use its parent style")
        }
        self.root = root
        var macros: [String: CSLNode] = [:]
        for m in root.children("macro") { if let name = m["name"] { macros[name] = m } }
        self.macros = macros
        citation = root.child("citation")
        bibliography = root.child("bibliography")
        title = root.child("info")?.child("title")?.text ?? source
        styleClass = root["class"] ?? "in-text"
        defaultLocale = root["default-locale"]
        self.source = source
        guard let citation else { throw CSLError("\(source):\(root.line): error: the style has no <citation>") }
        if citation.child("layout") == nil { throw CSLError("\(source):\(citation.line): error: <citation> has no <layout>") }
        try Self.checkMacros(root, macros, source: source)
        for name in macros.keys.sorted() { try Self.checkCycles(from: name, macros, path: [], source: source) }
    }

    /// Whether any element renders the `year-suffix` variable.
    var callsYearSuffix: Bool {
        func walk(_ n: CSLNode) -> Bool { n["variable"] == "year-suffix" || n.children.contains(where: walk) }
        return walk(root)
    }

    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CSLError("\(url.path): error: cannot read the style") }
        try self.init(data: data, source: url.path)
    }

    private static func checkMacros(_ node: CSLNode, _ macros: [String: CSLNode], source: String) throws {
        if let m = node["macro"], node.name == "text" || node.name == "key", macros[m] == nil {
            throw CSLError("\(source):\(node.line): error: macro \"\(m)\" is not defined")
        }
        for c in node.children { try checkMacros(c, macros, source: source) }
    }

    /// A macro that calls itself, directly or not, would render forever: an error at the call.
    private static func checkCycles(from name: String, _ macros: [String: CSLNode], path: [String], source: String) throws {
        func calls(_ n: CSLNode) -> [(String, Int)] {
            (n.name == "text" ? n["macro"].map { [($0, n.line)] } ?? [] : []) + n.children.flatMap(calls)
        }
        guard let macro = macros[name] else { return }
        for (callee, line) in calls(macro) {
            if callee == name || path.contains(callee) {
                throw CSLError("\(source):\(line): error: macro \"\(name)\" calls \"\(callee)\", which leads back to it")
            }
            if path.count < 64 { try checkCycles(from: callee, macros, path: path + [name], source: source) }
        }
    }

    /// The style's `<locale>` elements that apply to `language`, weakest first.
    func localeOverrides(for language: String) -> [CSLNode] {
        let primary = String(language.prefix { $0 != "-" })
        let all = root.children("locale")
        let none = all.filter { ($0["xml:lang"] ?? $0["lang"]) == nil }
        let lang = all.filter { ($0["xml:lang"] ?? $0["lang"]) == primary }
        let exact = all.filter { ($0["xml:lang"] ?? $0["lang"]) == language && language != primary }
        return none + lang + exact
    }
}

/// Where styles and locales come from: Debian's `citation-style-language-styles` and
/// `citation-style-language-locales` (the official CSL repositories), or any file a user names.
/// Built-in names (`apa`, `chicago-author-date`, `ieee`, and every other style id in the
/// folder) resolve there; when the folder is absent the error names the package to install.
public struct CSLLibrary: Sendable {
    public var stylesFolder: URL
    public var localesFolder: URL

    public static let debianRoot = "/usr/share/citation-style-language"

    public init(
        stylesFolder: URL = URL(fileURLWithPath: debianRoot + "/styles"),
        localesFolder: URL = URL(fileURLWithPath: debianRoot + "/locales")
    ) {
        self.stylesFolder = stylesFolder
        self.localesFolder = localesFolder
    }

    /// A style by name (`ieee`) or by path (`styles/my.csl`, relative to `base`).
    public func style(_ nameOrPath: String, relativeTo base: URL? = nil) throws -> CSLStyle {
        if nameOrPath.hasSuffix(".csl") || nameOrPath.contains("/") {
            let folder = base.map { URL(fileURLWithPath: $0.path, isDirectory: true) }
            let url = folder.map { URL(fileURLWithPath: nameOrPath, relativeTo: $0) } ?? URL(fileURLWithPath: nameOrPath)
            guard FileManager.default.fileExists(atPath: url.path) else { throw CSLError("\(nameOrPath): error: no such style file") }
            return try CSLStyle(contentsOf: url)
        }
        let url = stylesFolder.appendingPathComponent(nameOrPath + ".csl")
        guard FileManager.default.fileExists(atPath: url.path) else {
            if !FileManager.default.fileExists(atPath: stylesFolder.path) {
                throw CSLError(
                    "csl: \(nameOrPath): error: built-in styles come from \(stylesFolder.path), which is missing; install the Debian package citation-style-language-styles (scripts/setup)"
                )
            }
            throw CSLError("csl: \(nameOrPath): error: no built-in style of that name in \(stylesFolder.path); give a path to a .csl file")
        }
        return try CSLStyle(contentsOf: url)
    }

    /// The locale layers for `language` (en-US beneath, then the primary dialect, then it).
    public func localeFiles(for language: String) throws -> [CSLLocaleFile] {
        var names = ["en-US"]
        let primary = String(language.prefix { $0 != "-" })
        if let dialect = Self.primaryDialects[primary], dialect != "en-US" { names.append(dialect) }
        if language.contains("-"), !names.contains(language) { names.append(language) }
        var files: [CSLLocaleFile] = []
        for n in names {
            let url = localesFolder.appendingPathComponent("locales-\(n).xml")
            if let cached = Self.localeCache.get(url.path) {
                files.append(cached)
            } else if FileManager.default.fileExists(atPath: url.path) {
                let file = try CSLLocale.parseFile(url)
                Self.localeCache.set(url.path, file)
                files.append(file)
            } else if n == "en-US" {
                throw CSLError("locale en-US: error: \(url.path) is missing; install the Debian package citation-style-language-locales (scripts/setup)")
            }
        }
        return files
    }

    /// Locale files parsed once per process: every processor needs en-US, and reading it costs
    /// more than formatting a short document.
    static let localeCache = LocaleCache()

    static let primaryDialects: [String: String] = [
        "af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "da": "da-DK", "de": "de-DE",
        "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE", "fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR",
        "he": "he-IL", "hr": "hr-HR", "hu": "hu-HU", "it": "it-IT", "ja": "ja-JP", "ko": "ko-KR", "nl": "nl-NL",
        "nb": "nb-NO", "pl": "pl-PL", "pt": "pt-PT", "ro": "ro-RO", "ru": "ru-RU", "sv": "sv-SE", "tr": "tr-TR",
        "uk": "uk-UA", "zh": "zh-CN",
    ]
}

/// Parsed locale files by path, shared by the processors of a process.
final class LocaleCache: @unchecked Sendable {
    private var files: [String: CSLLocaleFile] = [:]
    private let lock = NSLock()

    func get(_ path: String) -> CSLLocaleFile? {
        lock.lock()
        defer { lock.unlock() }
        return files[path]
    }

    func set(_ path: String, _ file: CSLLocaleFile) {
        lock.lock()
        defer { lock.unlock() }
        files[path] = file
    }
}
