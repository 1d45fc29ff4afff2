import Foundation

/// One name: display or sort order, particles, initials, name-part formatting.
extension ItemRenderer {
    func formatName(_ n: CSLName, index: Int, form: String, inverted: Bool, nameNode: CSLNode?) -> [RichText] {
        if let literal = n.literal ?? (n.given == nil ? n.family : nil) {
            return [.text(literal)]
        }
        let familyPart = nameNode?.children("name-part").first { $0["name"] == "family" }
        let givenPart = nameNode?.children("name-part").first { $0["name"] == "given" }
        let family = n.family ?? ""
        let ndp = n.nonDroppingParticle
        let dp = n.droppingParticle
        let givenLevel = index == 0 || context.givennameRule != "primary-name" && context.givennameRule != "primary-name-with-initials" ? state.givenLevel : 0
        func fam(_ withParticle: Bool) -> [RichText] {
            let text = withParticle && ndp != nil ? ndp! + (ndp!.hasSuffix("'") || ndp!.hasSuffix("\u{2019}") ? "" : " ") + family : family
            return familyPart.map { format($0, [.text(text)]) } ?? [.text(text)]
        }
        var effectiveForm = form
        if form == "short", givenLevel > 0, !cite.sorting { effectiveForm = "long" }
        if effectiveForm == "short" {
            return fam(true)
        }
        var given = n.given ?? ""
        let initializeWith = option2("initialize-with", nameNode)
        if let initializeWith, !cite.sorting, !(givenLevel >= 2) {
            let initialize = option2("initialize", nameNode) != "false"
            given = Initials.make(given, with: initializeWith, hyphen: context.initializeWithHyphen, initializeAll: initialize)
        }
        if form == "short", givenLevel == 1, initializeWith == nil, !cite.sorting {
            given = Initials.make(given, with: ". ", hyphen: context.initializeWithHyphen, initializeAll: true)
        }
        var givenNodes: [RichText] = given.isEmpty ? [] : [.text(given)]
        if let givenPart, !givenNodes.isEmpty { givenNodes = format(givenPart, givenNodes) }
        let suffix = n.suffix
        if inverted {
            let demote = context.demoteNonDroppingParticle == "display-and-sort" || (cite.sorting && context.demoteNonDroppingParticle == "sort-only")
            var head = demote ? fam(false) : fam(true)
            var tail = givenNodes
            if let dp { tail += [.text((tail.isEmpty ? "" : " ") + dp)] }
            if demote, let ndp { tail += [.text((tail.isEmpty ? "" : " ") + ndp)] }
            let sep = option2("sort-separator", nameNode) ?? ", "
            if cite.sorting {
                // Sort keys: family (particles demoted), then given.
                head = fam(!demote)
                return head + [.text(" ")] + tail + (suffix.map { [.text(" " + $0)] } ?? [])
            }
            if !tail.isEmpty { head += [.text(sep)] + tail }
            if let suffix { head += [.text(sep + suffix)] }
            return head
        }
        var out = givenNodes
        if let dp { out += [.text((out.isEmpty ? "" : " ") + dp)] }
        out += (out.isEmpty ? [] : [.text(" ")]) + fam(true)
        if let suffix { out += [.text((n.commaSuffix ? ", " : " ") + suffix)] }
        return out
    }

    private func option2(_ name: String, _ node: CSLNode?) -> String? {
        node?[name] ?? context.nameOptions[name]
    }
}

enum Initials {
    /// "Hans-Peter Karl" → "H.-P. K." with ". "; already-initialized parts are normalised.
    static func make(_ given: String, with sep: String, hyphen: Bool, initializeAll: Bool) -> String {
        let words = given.split(separator: " ")
        var out: [String] = []
        for w in words {
            let pieces = w.split(separator: "-")
            var parts: [String] = []
            for (k, p) in pieces.enumerated() {
                // "Sang-gil" → "S.": a lower-case part after a hyphen is not a name of its own.
                if k > 0, initializeAll, p.first?.isLowercase == true { continue }
                let isInitial = p.count == 1 || (p.count == 2 && p.last == ".") || p.allSatisfy { $0.isUppercase || $0 == "." } && p.count <= 3
                if !initializeAll && !isInitial {
                    parts.append(String(p))
                    continue
                }
                guard let first = p.first(where: \.isLetterFast) else { continue }
                if p.filter(\.isLetterFast).count > 1, p.allSatisfy({ $0.isUppercase || $0 == "." }), p.count <= 3 {
                    parts.append(
                        p.filter(\.isLetterFast).map { String($0) + sep.trimmingCharacters(in: .whitespaces) }.joined(separator: sep.hasSuffix(" ") ? " " : ""))
                } else {
                    parts.append(String(first) + sep.trimmingTrailingSpace)
                }
            }
            let joined = parts.joined(separator: hyphen ? "-" : "")
            out.append(joined)
        }
        if sep.isEmpty { return out.joined() }
        let space = sep.hasSuffix(" ") ? " " : ""
        var result = ""
        for (i, w) in out.enumerated() {
            if i > 0 {
                let prevIsInitial = out[i - 1].hasSuffix(sep.trimmingTrailingSpace) && !sep.trimmingTrailingSpace.isEmpty
                result += prevIsInitial ? space : " "
            }
            result += w
        }
        return result
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
