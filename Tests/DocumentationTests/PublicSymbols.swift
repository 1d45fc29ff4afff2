import Foundation

/// The public symbols of Folio's modules, read from the symbol graphs that `scripts/docs symbols`
/// builds (the compiler's own view of the API, the same files DocC reads).
struct PublicSymbol: Hashable {
    /// The module whose sources declare it (from the file path, `Sources/<stack>/<Module>/…`).
    var module: String
    /// `Tensor.sum(axis:)`: the path DocC shows.
    var path: String
    var kind: String
    /// `Sources/Numerics/Tensor/Reductions.swift:12`
    var location: String
    var documented: Bool
}

enum PublicSymbols {
    /// Members a standard protocol defines the meaning of: DocC shows the protocol's own
    /// documentation for them, and a comment repeating "the textual representation" or "decodes
    /// from the decoder" would add nothing. Their enclosing types are documented.
    static let protocolWitnesses: Set<String> = [
        "description", "debugDescription", "hash(into:)", "hashValue", "encode(to:)", "init(from:)",
        "==(_:_:)", "<(_:_:)", "rawValue", "init(rawValue:)", "errorDescription", "makeIterator()",
    ]

    /// Every public symbol declared under `root/Sources`, from the `*.symbols.json` files in
    /// `folders`. A symbol is taken only from the graph of the module that declares it: a
    /// module's graph also lists what it re-exports, and that copy is as old as the module's
    /// last compilation, while the declaring module's graph is rewritten whenever its sources
    /// change.
    static func read(_ folders: [URL], root: URL) throws -> [PublicSymbol] {
        var seen = Set<String>(), symbols: [PublicSymbol] = []
        let sources = root.appendingPathComponent("Sources").standardizedFileURL.path + "/"
        for folder in folders {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".symbols.json") }.sorted()
            for file in files {
                // `Tensor.symbols.json`, `Tensor@Swift.symbols.json` (Tensor's extensions of Swift types).
                let graphModule = String(file.prefix { $0 != "." && $0 != "@" })
                let graph = try JSONDecoder().decode(Graph.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
                for s in graph.symbols {
                    guard let uri = s.location?.uri, let url = URL(string: uri), url.standardizedFileURL.path.hasPrefix(sources) else {
                        continue  // synthesised (no location) or another package's (Foundation, re-exported)
                    }
                    let relative = String(url.standardizedFileURL.path.dropFirst(sources.count))
                    let parts = relative.split(separator: "/")
                    guard parts.count >= 3, parts[1] == graphModule, !s.identifier.precise.contains("::SYNTHESIZED::"),
                        let name = s.pathComponents.last, !protocolWitnesses.contains(name),
                        seen.insert(s.identifier.precise).inserted
                    else { continue }
                    symbols.append(
                        PublicSymbol(
                            module: String(parts[1]), path: s.pathComponents.joined(separator: "."), kind: s.kind.identifier,
                            location: "Sources/\(relative):\((s.location?.position.line ?? 0) + 1)",
                            documented: !(s.docComment?.lines.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } ?? true)))
                }
            }
        }
        return symbols
    }

    /// The part of the symbol-graph format these counts need.
    struct Graph: Decodable {
        var symbols: [Symbol]
    }
    struct Symbol: Decodable {
        struct Identifier: Decodable { var precise: String }
        struct Kind: Decodable { var identifier: String }
        struct Location: Decodable {
            struct Position: Decodable { var line: Int }
            var uri: String
            var position: Position
        }
        struct DocComment: Decodable {
            struct Line: Decodable { var text: String }
            var lines: [Line]
        }
        var identifier: Identifier
        var kind: Kind
        var pathComponents: [String]
        var location: Location?
        var docComment: DocComment?
    }
}
