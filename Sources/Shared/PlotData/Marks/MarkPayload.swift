/// What every mark's payload is on the wire: a small Codable value that can say, by itself,
/// whether it can be drawn. A figure arrives from another process as JSON, so the runner checks
/// each payload (through `Mark.problems()`) before anything tries to draw it; Plot adds the
/// drawing side of the same type (`MarkRecipe`).
public protocol MarkPayload: Codable, Equatable, Sendable {
    /// The family name used in messages ("mark 2 (scatter): …").
    static var kind: String { get }
    /// Every reason this mark cannot be drawn (without the "mark k" prefix); empty when it can.
    func problems() -> [String]
}

extension Mark {
    /// This case's payload: the one place in PlotData that maps a case to its type.
    public var payload: any MarkPayload {
        switch self {
        case .line(let m): m
        case .scatter(let m): m
        case .band(let m): m
        case .bars(let m): m
        case .stem(let m): m
        case .step(let m): m
        case .heatmap(let m): m
        case .contour(let m): m
        case .regions(let m): m
        case .rule(let m): m
        case .text(let m): m
        case .arrow(let m): m
        case .surface(let m): m
        case .line3D(let m): m
        case .points3D(let m): m
        case .errorbar(let m): m
        case .box(let m): m
        case .annotation(let m): m
        }
    }

    /// The mark's family name (see `MarkPayload.kind`).
    public var kind: String { type(of: payload).kind }

    /// Every reason this mark cannot be drawn (see `MarkPayload.problems()`).
    public func problems() -> [String] { payload.problems() }
}

/// The checks the payloads share, collecting messages in the order they are made.
struct Problems {
    private(set) var list: [String] = []

    mutating func append(_ problem: String) { list.append(problem) }

    /// Arrays that pair up element by element.
    mutating func same(_ arrays: [(String, Int)]) {
        guard let first = arrays.first, arrays.contains(where: { $0.1 != first.1 }) else { return }
        list.append("lengths differ (" + arrays.map { "\($0.0) has \($0.1)" }.joined(separator: ", ") + ")")
    }

    mutating func grid(_ count: Int, _ rows: Int, _ columns: Int, least: Int = 1) {
        let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
        if rows < least || columns < least || overflow || cells != count {
            list.append("\(count) values do not fill a \(rows)×\(columns) grid" + (least > 1 ? " (at least \(least)×\(least))" : ""))
        }
    }

    mutating func range(_ name: String, _ r: [Double]) {
        if r.count != 2 || !r.allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
            list.append("\(name) must hold two finite numbers, got \(r)")
        }
    }

    mutating func finite(_ name: String, _ v: Double, atLeast lo: Double = 0) {
        if !(v.isFinite && v >= lo) { list.append("\(name) must be a finite number ≥ \(lo.formatted0), got \(v)") }
    }

    /// An opacity, when set, in 0…1.
    mutating func alpha(_ a: Double?) {
        if let a, !(a >= 0 && a <= 1) { list.append("alpha must be in 0…1, got \(a)") }
    }

    mutating func dash(_ d: [Double]) {
        if !d.allSatisfy({ $0.isFinite && $0 >= 0 }) { list.append("dash lengths must be finite and ≥ 0, got \(d)") }
    }
}

private extension Double {
    var formatted0: String { self == rounded() ? String(Int(self)) : String(self) }
}
