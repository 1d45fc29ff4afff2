import Foundation
import Notebook

/// Columns whose body cells are all numbers are set flush right, so digits line up.
enum TableColumns {
    static func numeric(_ rows: [[[Inline]]], columns: Int) -> [Bool] {
        (0..<columns).map { c in
            let cells = rows.compactMap { c < $0.count ? $0[c].plainText.trimmingCharacters(in: .whitespaces) : nil }
                .filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumber)
        }
    }

    static func isNumber(_ s: String) -> Bool {
        var t = s
        for unit in ["%", "×", "x"] where t.hasSuffix(unit) { t.removeLast() }
        t = t.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: "")
        return Double(t) != nil || (t.hasPrefix("±") && Double(t.dropFirst()) != nil)
    }
}
