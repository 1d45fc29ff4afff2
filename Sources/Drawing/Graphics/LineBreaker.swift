/// Knuth and Plass's total-fit line breaking ("Breaking paragraphs into lines", 1981; TeX's
/// §813–§890): a paragraph is a list of boxes, glue and penalties, and the breaks chosen are
/// the ones that minimise the sum of the lines' demerits over the whole paragraph, not line
/// by line. Written here because no package in our registries breaks shaped text this way
/// (Pango's breaking is first-fit); the algorithm is TeX's, the code is ours.
public enum LineBreaker {
    /// One element of a paragraph in Knuth and Plass's model.
    public enum Item: Equatable {
        /// Something of fixed width (a word, a piece of a formula).
        case box(width: Double)
        /// Space that stretches and shrinks; a legal break when it follows a box, unless
        /// `breakable` is false (a no-break space, the space inside a formula).
        case glue(width: Double, stretch: Double, shrink: Double, breakable: Bool)
        /// A possible break with a cost; `width` is set only when the break is taken (a
        /// hyphen). Flagged penalties are hyphens: two in a row cost `doubleHyphenDemerits`.
        case penalty(width: Double, cost: Int, flagged: Bool)
    }

    /// TeX's plain and LaTeX defaults.
    public struct Parameters {
        /// The largest badness a line may have in the second pass (TeX's `\tolerance`).
        public var tolerance = 200.0
        /// The largest badness of the first pass, which tries without hyphenation (`\pretolerance`).
        public var pretolerance = 100.0
        /// Added to every line's badness before squaring (`\linepenalty`): fewer lines are preferred.
        public var linePenalty = 10.0
        /// The cost of breaking at a hyphen (`\hyphenpenalty`).
        public var hyphenPenalty = 50
        /// Demerits for two hyphenated lines in a row (`\doublehyphendemerits`).
        public var doubleHyphenDemerits = 10_000.0
        /// Demerits for hyphenating the second-last line (`\finalhyphendemerits`).
        public var finalHyphenDemerits = 5_000.0
        /// Demerits for adjacent lines of incompatible fitness classes (`\adjdemerits`).
        public var adjacentDemerits = 10_000.0
        /// Extra stretch per line in the last pass (TeX's \emergencystretch), in points.
        public var emergencyStretch = 0.0
        /// Stretch added to every line (a ragged right margin: \rightskip).
        public var rightSkipStretch = 0.0
        /// A line that would run this far (points) into the margin is set loose instead when
        /// the paragraph allows it (LaTeX's \sloppy): a word sticking out 50 pt is worse
        /// than wide spaces, a point or two is not.
        public var sloppyBeyond = 6.0
        /// TeX's defaults.
        public init() {}
    }

    /// A penalty of this cost or more forbids the break (TeX's 10000); its negative forces one.
    public static let infinitePenalty = 10_000
    static let awful = Double.greatestFiniteMagnitude

    /// A chosen break: the index of the item broken at (the item count for the paragraph's
    /// end) and the glue ratio of the line it ends (negative: shrunk; below -1: overfull).
    public struct Break: Equatable {
        /// The index of the item broken at (the item count for the paragraph's end).
        public var item: Int
        /// The glue-setting ratio of the line this break ends: negative shrinks, below −1 is overfull.
        public var ratio: Double
        /// How far the line runs past the width even fully shrunk (0 when it fits).
        public var overflow = 0.0
    }

    /// The breaks for lines of `width` (the last one is the paragraph's end). The first pass
    /// (within `pretolerance`) ignores hyphen penalties; the second allows them within
    /// `tolerance`; the third adds the emergency stretch, accepts any loose line and, as a
    /// last resort, lets a line run over when nothing fits (a formula wider than the line).
    public static func breaks(_ items: [Item], width: Double, parameters p: Parameters = .init()) -> [Break] {
        if p.pretolerance >= 0, let b = run(items, width, p, threshold: p.pretolerance, hyphens: false, final: false) {
            return b
        }
        if let b = run(items, width, p, threshold: p.tolerance, hyphens: true, final: false) { return b }
        var last = p
        last.rightSkipStretch += p.emergencyStretch
        let strict = run(items, width, last, threshold: p.tolerance, hyphens: true, final: true) ?? []
        // A line that runs visibly into the margin (a wide inline code word pushed 50 pt
        // over) is worse than a loose one: then any loose line is taken (LaTeX's \sloppy,
        // \tolerance 9999), and only what still cannot fit runs over.
        guard strict.contains(where: { $0.overflow > p.sloppyBeyond }) else { return strict }
        return run(items, width, last, threshold: 10_000, hyphens: true, final: true) ?? strict
    }

    private struct Node {
        var position: Int  // item broken at (-1: the paragraph's start)
        var line: Int
        var fitness: Int
        var width = 0.0, stretch = 0.0, shrink = 0.0  // totals up to after the break
        var demerits: Double
        var ratio: Double
        var overflow = 0.0
        var previous: Int?  // index into `nodes`
    }

    /// TeX's badness: about 100 × ratio³, 10000 ("infinitely bad") beyond.
    static func badness(_ ratio: Double) -> Double {
        if ratio < -1 { return 10_000 }
        return min(10_000, 100 * pow3(abs(ratio)))
    }
    private static func pow3(_ x: Double) -> Double { x * x * x }

    /// Very loose, loose, decent, tight (TeX's fitness classes 0–3).
    static func fitness(_ ratio: Double) -> Int {
        let b = badness(ratio)
        if ratio < 0 { return b > 12 ? 3 : 2 }
        return b > 99 ? 0 : b > 12 ? 1 : 2
    }

    private static func run(
        _ items: [Item], _ lineWidth: Double, _ p: Parameters, threshold: Double, hyphens: Bool, final: Bool
    ) -> [Break]? {
        // Running totals of width, stretch and shrink before item k.
        var sumW = [Double](repeating: 0, count: items.count + 1)
        var sumY = sumW, sumZ = sumW
        for (k, item) in items.enumerated() {
            sumW[k + 1] = sumW[k]; sumY[k + 1] = sumY[k]; sumZ[k + 1] = sumZ[k]
            switch item {
            case .box(let w): sumW[k + 1] += w
            case let .glue(w, y, z, _): sumW[k + 1] += w; sumY[k + 1] += y; sumZ[k + 1] += z
            case .penalty: break
            }
        }
        var nodes = [Node(position: -1, line: 0, fitness: 2, demerits: 0, ratio: 0, previous: nil)]
        var active = [0]
        // Totals after a break at `k`: the glue and penalties that follow it are discarded.
        func after(_ k: Int) -> (Double, Double, Double) {
            var j = k + 1
            while j < items.count {
                if case .box = items[j] { break }
                if case .penalty(_, let c, _) = items[j], c <= -infinitePenalty, j > k { break }
                j += 1
            }
            return (sumW[j], sumY[j], sumZ[j])
        }
        func consider(_ k: Int, cost: Int, flagged: Bool, extraWidth: Double) {
            var best = [Double](repeating: awful, count: 4)
            var bestFrom = [Int?](repeating: nil, count: 4), bestRatio = [Double](repeating: 0, count: 4)
            var bestOverflow = [Double](repeating: 0, count: 4)
            var kept: [Int] = [], overfull: [(node: Int, ratio: Double, overflow: Double)] = []
            let forced = cost <= -infinitePenalty
            for a in active {
                let n = nodes[a]
                let natural = sumW[k] - n.width + extraWidth
                let stretch = sumY[k] - n.stretch + p.rightSkipStretch
                let shrink = sumZ[k] - n.shrink
                let ratio: Double
                if natural < lineWidth {
                    ratio = stretch > 0 ? (lineWidth - natural) / stretch : 10_000
                } else if natural > lineWidth {
                    ratio = shrink > 0 ? (lineWidth - natural) / shrink : -10_000
                } else {
                    ratio = 0
                }
                let bad = badness(ratio)
                if ratio < -1 || forced {
                    // It can no longer start a line reaching beyond `k`.
                    overfull.append((a, ratio, max(0, natural - shrink - lineWidth)))
                } else {
                    kept.append(a)
                }
                if ratio < -1 { continue }
                guard bad <= threshold else { continue }
                var d = pow2(p.linePenalty + bad)
                if cost > 0 { d += Double(cost * cost) } else if cost > -infinitePenalty { d -= Double(cost * cost) }
                if flagged, n.position >= 0, case .penalty(_, _, true) = items[n.position] { d += p.doubleHyphenDemerits }
                if forced, k == items.count - 1, n.position >= 0, case .penalty(_, _, true) = items[n.position] {
                    d += p.finalHyphenDemerits
                }
                let f = fitness(ratio)
                if abs(f - n.fitness) > 1 { d += p.adjacentDemerits }
                d += n.demerits
                if d < best[f] { best[f] = d; bestFrom[f] = a; bestRatio[f] = ratio }
            }
            active = kept
            // The last resort (TeX's artificial demerits): when nothing fits and no line is left
            // to start, the latest active node ends an overfull line here.
            if final, kept.isEmpty, best.allSatisfy({ $0 == awful }),
                let last = overfull.max(by: { nodes[$0.node].position < nodes[$1.node].position })
            {
                let f = fitness(last.ratio)
                best[f] = nodes[last.node].demerits; bestFrom[f] = last.node; bestRatio[f] = last.ratio
                bestOverflow[f] = last.overflow
            }
            let (w, y, z) = after(k)
            for f in 0..<4 {
                guard let from = bestFrom[f] else { continue }
                nodes.append(
                    Node(
                        position: k, line: nodes[from].line + 1, fitness: f, width: w, stretch: y, shrink: z,
                        demerits: best[f], ratio: bestRatio[f], overflow: bestOverflow[f], previous: from))
                active.append(nodes.count - 1)
            }
        }
        for (k, item) in items.enumerated() {
            switch item {
            case .box: continue
            case .glue(_, _, _, let breakable):
                if breakable, k > 0, case .box = items[k - 1] { consider(k, cost: 0, flagged: false, extraWidth: 0) }
            case let .penalty(w, cost, flagged):
                guard cost < infinitePenalty, hyphens || !flagged || cost <= 0 else { continue }
                consider(k, cost: cost, flagged: flagged, extraWidth: w)
            }
            if active.isEmpty { return nil }
        }
        // The end: the node that ends the paragraph (the items end with a forced break).
        guard let end = active.filter({ nodes[$0].position == items.count - 1 }).min(by: { nodes[$0].demerits < nodes[$1].demerits })
        else { return nil }
        var result: [Break] = []
        var n: Int? = end
        while let i = n, nodes[i].position >= 0 {
            result.append(Break(item: nodes[i].position, ratio: nodes[i].ratio, overflow: nodes[i].overflow))
            n = nodes[i].previous
        }
        return result.reversed()
    }
    private static func pow2(_ x: Double) -> Double { x * x }
}
