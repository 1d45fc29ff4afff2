// NumPy's einsum subscripts: "ij,jk->ik", implicit output ("ij,jk" sums j and keeps i, k in
// alphabetical order), repeated labels within one operand (diagonals, traces) and "..." for
// broadcast axes. Parsed once into integer labels: letters by their code point, the axes of
// "..." as negative numbers counted from the right, so they align as NumPy broadcasts them.

/// Parsed einsum subscripts: the labels of each operand's axes and of the output's.
struct EinsumSubscripts: Equatable {
    var inputs: [[Int]]
    var output: [Int]

    /// Parses `text` for operands of the given shapes.
    ///
    /// - Precondition: The subscripts are well formed and agree with the shapes; otherwise it
    ///   traps with NumPy-like messages that quote the subscripts.
    init(_ text: String, shapes: [[Int]]) {
        let compact = text.filter { !$0.isWhitespace }
        let sides = compact.components(separatedBy: "->")
        precondition(sides.count <= 2, "einsum: '\(text)' has more than one '->'")
        let terms = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        precondition(
            terms.count == shapes.count, "einsum: '\(text)' has \(terms.count) operand subscripts for \(shapes.count) operands")
        let ellipsisRank =
            zip(terms, shapes).map { term, shape in
                term.contains("...") ? shape.count - term.replacingOccurrences(of: "...", with: "").count : 0
            }.max() ?? 0
        inputs = zip(terms, shapes).enumerated().map { i, pair in
            EinsumSubscripts.labels(pair.0, rank: pair.1.count, operand: i, text: text)
        }
        let ellipsis = (0..<ellipsisRank).map { -(ellipsisRank - $0) }
        if sides.count == 2 {
            let explicit = EinsumSubscripts.labels(sides[1], rank: nil, operand: nil, text: text)
            // "..." in the output stands for every broadcast axis.
            output = explicit.flatMap { $0 == EinsumSubscripts.ellipsisMarker ? ellipsis : [$0] }
            precondition(
                sides[1].contains("...") || !inputs.joined().contains(where: { $0 < 0 }) || ellipsisRank == 0,
                "einsum: output subscripts of '\(text)' must contain '...' when the inputs broadcast")
            precondition(Set(output).count == output.count, "einsum: output subscripts of '\(text)' repeat a label")
            let known = Set(inputs.joined())
            for label in output where label >= 0 {
                precondition(known.contains(label), "einsum: output label '\(Character(Unicode.Scalar(UInt32(label))!))' of '\(text)' is in no operand")
            }
        } else {
            // Implicit output: the broadcast axes, then labels that appear exactly once, alphabetically.
            var counts: [Int: Int] = [:]
            for label in inputs.joined() where label >= 0 { counts[label, default: 0] += 1 }
            output = ellipsis + counts.filter { $0.value == 1 }.keys.sorted()
        }
    }

    static let ellipsisMarker = Int.min

    /// The labels of one term; `rank` expands "..." to the axes it covers (nil: the output, where
    /// "..." is left as a marker).
    static func labels(_ term: String, rank: Int?, operand: Int?, text: String) -> [Int] {
        let parts = term.components(separatedBy: "...")
        precondition(parts.count <= 2, "einsum: '\(term)' in '\(text)' has more than one '...'")
        func letters(_ s: String) -> [Int] {
            s.unicodeScalars.map { c in
                precondition(
                    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z"),
                    "einsum: invalid subscript '\(c)' in '\(text)': use letters, ',', '->' and '...'")
                return Int(c.value)
            }
        }
        let head = letters(parts[0]), tail = parts.count == 2 ? letters(parts[1]) : []
        guard let rank else { return parts.count == 2 ? head + [ellipsisMarker] + tail : head }
        let covered = rank - head.count - tail.count
        if parts.count == 1 {
            precondition(
                head.count == rank,
                "einsum: operand \(operand ?? 0) has \(rank) axes but its subscripts '\(term)' in '\(text)' name \(head.count)")
            return head
        }
        precondition(covered >= 0, "einsum: operand \(operand ?? 0) has \(rank) axes, fewer than the \(head.count + tail.count) labels of '\(term)'")
        return head + (0..<covered).map { -(covered - $0) } + tail
    }
}
