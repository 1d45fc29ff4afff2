import Notebook

/// Fenced divs in the page: statements with their run-in heads, proofs ending in ∎, callouts
/// (a `<details>` when collapsible: no script), and plain divs whose classes and `key=value`
/// attributes reach the HTML as classes and `data-` attributes. Everything from the notebook
/// is escaped; class and attribute names keep only letters, digits, `-` and `_`.
extension HTMLReport.Page {
    func div(_ d: FencedDiv) -> String {
        let role = DivRole(d, settings: notebook.document.frontMatter.theorems)
        let id = d.id.map { " id=\"\(HTML.escape($0))\"" } ?? ""
        // The div's own classes beyond the one that gave its role.
        var own: Set<String> = ["proof", "remark", "solution"]
        if case .theorem(let k) = role.kind { own.insert(k.name.lowercased()) }
        if case .callout(let c) = role.kind { own.insert("callout-" + c.rawValue) }
        let extra = Self.safeClasses(d.classes.filter { !own.contains($0) }).map { " " + $0 }.joined()
        switch role.kind {
        case .theorem(let kind):
            let number = numbering.divNumbers[d.line].map { " " + $0 } ?? ""
            var head = "<span class=\"theorem-head\"><strong>\(HTML.escape(kind.name + number))</strong>"
            if let t = role.title { head += " (\(inline(t)))" }
            head += "<strong>.</strong></span>"
            let cls = "theorem \(HTML.escape(kind.prefix)) \(kind.style.rawValue)"
            var note = ""
            if let label = d.id, let proof = numbering.deferredProofs[label] {
                note = "<p class=\"proof-note\"><a href=\"\(HTML.escape(URLSafety.fragment(proof)))\">Proof in the appendix</a></p>\n"
            }
            return "<div class=\"\(cls)\(extra)\"\(id)>\n" + statement(head, role.body, qed: false) + note + "</div>\n"
        case .proof, .remark, .solution:
            let name = role.kind == .proof ? "Proof" : role.kind == .remark ? "Remark" : "Solution"
            var head = HTML.escape(name)
            if role.kind == .proof, let of = d.attribute("of") {
                head += " of " + inline([.crossReference(label: of, line: d.line)])
            }
            if let t = role.title { head += " (\(inline(t)))" }
            let cls = name.lowercased()
            return "<div class=\"\(cls)\(extra)\"\(id)>\n" + statement("<em>\(head).</em>", role.body, qed: role.kind == .proof) + "</div>\n"
        case .callout(let c):
            var title = HTML.escape(c.name + (numbering.divNumbers[d.line].map { " " + $0 } ?? ""))
            if let t = role.title { title += ": " + inline(t) }
            let cls = "callout callout-\(c.rawValue)\(extra)"
            let body = "<div class=\"callout-body\">\n\(blocks(role.body))</div>\n"
            if d.attribute("collapse") == "true" || d.attribute("collapse") == "false" {
                let open = d.attribute("collapse") == "false" ? " open" : ""
                return "<details class=\"\(cls)\"\(id)\(open)>\n<summary class=\"callout-title\">\(title)</summary>\n\(body)</details>\n"
            }
            return "<div class=\"\(cls)\"\(id)>\n<p class=\"callout-title\">\(title)</p>\n\(body)</div>\n"
        case .plain:
            let cls = Self.safeClasses(d.classes).joined(separator: " ")
            var attrs = id + (cls.isEmpty ? "" : " class=\"\(cls)\"")
            for (k, v) in d.attributes {
                let key = Self.safeName(k)
                guard !key.isEmpty else { continue }
                attrs += " data-\(key)=\"\(HTML.escape(v))\""
            }
            return "<div\(attrs)>\n\(blocks(d.blocks))</div>\n"
        }
    }

    /// `head` opens the first paragraph; with `qed`, ∎ floats right at the end of the last.
    private func statement(_ head: String, _ body: [Block], qed: Bool) -> String {
        let mark = "<span class=\"qed\" role=\"img\" aria-label=\"end of proof\">∎</span>"
        var rest = body[...]
        var html = ""
        context.hyphenator = Hyphenator.english
        if case .paragraph(let content, _)? = rest.first {
            html += "<p>\(head) \(inline(content))\(qed && rest.count == 1 ? mark : "")</p>\n"
            rest = rest.dropFirst()
        } else {
            html += "<p>\(head)\(qed && rest.isEmpty ? mark : "")</p>\n"
        }
        context.hyphenator = nil
        guard qed, let last = rest.last else { return html + blocks(Array(rest)) }
        html += blocks(Array(rest.dropLast()))
        switch last {
        case .paragraph(let content, _):
            context.hyphenator = Hyphenator.english
            html += "<p>\(inline(content))\(mark)</p>\n"
            context.hyphenator = nil
        case .displayMath, .equation:
            // Inside the formula's box, at its right end (as the equation number is).
            var math = blocks([last])
            if let end = math.range(of: "</div>", options: .backwards) {
                math.insert(contentsOf: "<span class=\"qed qed-display\">∎</span>", at: end.lowerBound)
            }
            html += math
        default:
            html += blocks([last]) + "<p class=\"qed-line\">\(mark)</p>\n"
        }
        return html
    }

    /// A cell's source folded into `<details>` (`code-fold`), or as it is.
    static func folded(_ source: String, _ fold: CodeFold, summary: String?) -> String {
        guard fold != .none else { return source }
        let open = fold == .shown ? " open" : ""
        return "<details class=\"code-fold\"\(open)><summary>\(HTML.escape(summary ?? "Code"))</summary>\n\(source)</details>\n"
    }

    static func safeName(_ s: String) -> String { String(s.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) }

    static func safeClasses(_ classes: [String]) -> [String] {
        classes.map { String($0.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) }.filter { !$0.isEmpty }
    }

    /// Whether any block of the page is a div or a folded cell (then the page carries `DivStyle.css`).
    static func hasDivs(_ blocks: [Block], fold: CodeFold) -> Bool {
        blocks.contains { b in
            switch b {
            case .div: true
            case .cell(let c): (c.options.codeFold ?? fold) != .none
            case .list(_, _, let items, _): items.contains { hasDivs($0, fold: fold) }
            case .quote(let inner, _): hasDivs(inner, fold: fold)
            default: false
            }
        }
    }
}

/// The styles of divs, added to a page only when it has one (pages without divs stay as they were).
enum DivStyle {
    static let css = """
        .theorem,.proof,.remark,.solution{margin:1rem 0}.theorem.plain>p{font-style:italic}
        .theorem-head{font-style:normal}
        .qed{float:right;margin-left:1em;font-style:normal}.qed-line{text-align:right;margin:.2rem 0}
        .proof-note{font-size:.9rem;font-style:italic;margin:.2rem 0}
        .display-math .qed-display{position:absolute;right:0;bottom:.2rem;float:none}
        .callout{margin:1.2rem 0;padding:.5rem .9rem .3rem;border-left:4px solid var(--co);background:var(--cobg);border-radius:0 4px 4px 0}
        .callout-title{font-weight:bold;color:var(--co);margin:.1rem 0 .3rem}
        details.callout>summary{cursor:pointer}details.callout:not([open])>summary{margin-bottom:.2rem}
        .callout-body>:first-child{margin-top:0}
        .callout-note{--co:#0969da;--cobg:#f0f6ff}.callout-tip{--co:#1a7f37;--cobg:#effaf2}
        .callout-important{--co:#8250df;--cobg:#f6f1ff}.callout-caution{--co:#cf222e;--cobg:#fff1f1}
        .callout-warning{--co:#9a6700;--cobg:#fff8e5}
        details.code-fold>summary{cursor:pointer;color:var(--muted);font-size:.9rem;margin:.4rem 0}
        """
}
