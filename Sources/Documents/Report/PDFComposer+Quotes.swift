import Graphics

/// Rules down the left of block quotes and callouts, which follow the quote across page
/// breaks: each open rule is drawn to the page bottom when the page ends and starts again at
/// the top of the next.
extension PDFComposer {
    struct QuoteRule {
        var x: Double
        /// Where the rule begins on the current page.
        var top: Double
        var color: Color?
        var width: Double
    }

    /// A rule down the left of a quote (or, in `color`, a callout) that follows page breaks.
    func beginQuoteRule(x: Double, color: Color? = nil, width: Double = 1.6) {
        // A heading held for the quote is set first, above the rule (with two lines of the quote).
        settle(lead: 2.6 * style.bodySize)
        quoteRules.append(QuoteRule(x: x, top: y, color: color, width: width))
    }

    func endQuoteRule() {
        guard let rule = quoteRules.popLast() else { return }
        drawQuoteRule(rule, to: y)
    }

    func drawQuoteRule(_ rule: QuoteRule, to bottom: Double) {
        guard bottom > rule.top + 1 else { return }
        canvas.rectangle(Rect(x: rule.x, y: rule.top, width: rule.width, height: bottom - rule.top))
        canvas.fill(rule.color ?? style.quoteRule)
    }
}
