import Foundation
import Storage
import Notebook
import OutputChannel

/// Everything outside the cells' code that can change what a cell computes. Two renders
/// with equal contexts and equal code get equal cache keys; any difference is named by
/// `--explain`.
public struct ExecutionContext: Codable, Equatable, Sendable {
    /// Compiler version and the bytes of the Folio runtime build (`Toolchain.fingerprint`).
    public var toolchain: String
    public var flags: [String]
    /// "name: Type = literal", in front-matter order.
    public var params: [String]
    public var seed: UInt64
    /// Declared input file (as written in front matter) → SHA-256 of its bytes, or "missing".
    public var inputs: [String: String]
    /// Cached outputs are stored capped, so the caps are part of the key.
    public var outputLimits = OutputLimits()

    var digest: String {
        var h = SHA256()
        h.update("toolchain \(toolchain)\nflags \(flags.joined(separator: " "))\nseed \(seed)\n")
        h.update("limits \(outputLimits.lines) \(outputLimits.bytes)\n")
        for p in params { h.update("param \(p)\n") }
        for (k, v) in inputs.sorted(by: { $0.key < $1.key }) { h.update("input \(k) \(v)\n") }
        return h.finalize()
    }
}

/// The cache key of each evaluated cell. Cells share one top-level scope, so a cell's result
/// depends on its own code and on every evaluated cell above it: key(n) chains key(n-1).
///
/// In the key: the context, the code (trailing blank lines ignored), the label (it seeds the
/// cell's random stream) and `cache` (it scopes `memo`). Not in the key, because they do not
/// change what runs: prose, `echo`, `caption`, `output`, `include`, `fig-*`, `layout`, the
/// `error` policy (applied to the result afterwards) and time limits (a result that finished
/// stays valid; timed-out runs are never cached). Cell positions are not in the key either:
/// cached error lines are stored relative to the cell, so adding prose above moves them.
public struct ExecutionPlan: Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var index: Int
        public var label: String?
        /// Digest of what this cell alone contributes (code and execution options).
        public var own: String
        public var key: String
        /// This cell's random seed, from the document seed and its label (or index).
        public var seed: UInt64
        /// Scope for `memo` values of this cell (see `Memo` in Folio).
        public var memoScope: String
    }

    public var context: ExecutionContext
    public var contextDigest: String
    /// The evaluated cells in order.
    public var entries: [Entry]
    /// Cell index → position in `entries`, so `entry(for:)` costs O(1) in a long notebook.
    private var positions: [Int: Int] = [:]

    public init(document: Document, context: ExecutionContext) {
        self.context = context
        contextDigest = context.digest
        var previous = contextDigest
        var memoBase = SHA256()
        memoBase.update("seed \(context.seed)\n")
        for p in context.params { memoBase.update("param \(p)\n") }
        let memoDigest = memoBase.finalize()
        entries = document.cells.filter(\.options.eval).map { cell in
            let own = Self.ownDigest(cell)
            let key = SHA256.hex("\(previous)\n\(own)")
            previous = key
            let seed = Self.cellSeed(document: context.seed, cell: cell)
            let scope = cell.options.cache ? SHA256.hex("\(memoDigest)\n\(key)") : memoDigest
            return Entry(
                index: cell.index, label: cell.options.label, own: own, key: key, seed: seed,
                memoScope: String(scope.prefix(32)))
        }
        for (p, e) in entries.enumerated() { positions[e.index] = p }
    }

    public func entry(for cell: Int) -> Entry? {
        if let p = positions[cell], p < entries.count, entries[p].index == cell { return entries[p] }
        return entries.first { $0.index == cell }
    }

    static func ownDigest(_ cell: Cell) -> String {
        var lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return SHA256.hex(
            "label \(cell.options.label ?? "#\(cell.index)")\ncache \(cell.options.cache)\ncode\n"
                + lines.joined(separator: "\n"))
    }

    /// A cell's seed: the first 8 bytes of SHA-256("seed|label"). A labelled cell keeps its
    /// numbers when cells are inserted or removed around it; an unlabelled one is named by
    /// its index.
    public static func cellSeed(document seed: UInt64, cell: Cell) -> UInt64 {
        let name = cell.options.label ?? "#\(cell.index)"
        let hex = SHA256.hex("\(seed)|\(name)")
        return UInt64(hex.prefix(16), radix: 16)!
    }
}
