internal import CHarfBuzz

/// The MATH table's constants, read once per font, in ems (percentages stay percentages).
/// Names follow the OpenType specification; Appendix G of the TeXbook says how each is used.
public struct MathConstants {
    /// The size of script (first-level sub- and superscripts, limits) and scriptscript (second-level)
    /// text, in percent of the base size: TeX's ratio of \scriptfont and \scriptscriptfont to \textfont
    /// (typically 70 and 50).
    public var scriptPercentScaleDown = 0.0, scriptScriptPercentScaleDown = 0.0
    /// `delimitedSubFormulaMinHeight`: the least height at which a delimited expression counts as a
    /// sub-formula (the OpenType specification suggests 1.5 line heights; unused here);
    /// `displayOperatorMinHeight`: the least height of a big operator (∑, ∫) in display style: the
    /// first size variant at least this tall is chosen.
    public var delimitedSubFormulaMinHeight = 0.0, displayOperatorMinHeight = 0.0
    /// `axisHeight`: the height of the math axis above the baseline (TeX's σ22), on which fraction bars,
    /// minus signs and the centres of delimiters sit (0.25 em in Latin Modern Math). `accentBaseHeight`:
    /// the largest ink height of a base that takes an accent unraised (about the x-height, TeX's σ5);
    /// `flattenedAccentBaseHeight`: the height above which the font's flattened accents (`flac`) apply (unused here).
    public var axisHeight = 0.0, accentBaseHeight = 0.0, flattenedAccentBaseHeight = 0.0
    /// Subscripts: `subscriptShiftDown` is the standard drop of a subscript's baseline (TeX's σ16,
    /// sub1); `subscriptTopMax` the highest its ink top may reach before it is moved down (about 4/5 of
    /// the x-height); `subscriptBaselineDropMin` the least drop of its baseline below the ink bottom of
    /// a boxed base (TeX's σ19, sub drop).
    public var subscriptShiftDown = 0.0, subscriptTopMax = 0.0, subscriptBaselineDropMin = 0.0
    /// Superscripts: `superscriptShiftUp` is the standard rise of a superscript's baseline (TeX's σ13,
    /// sup1; 0.363 em in Latin Modern Math), `superscriptShiftUpCramped` the rise in cramped styles
    /// (TeX's σ15, sup3: under a radical, in a denominator), and `superscriptBottomMin` the lowest its
    /// ink bottom may reach before it is moved up (about 1/4 of the x-height).
    public var superscriptShiftUp = 0.0, superscriptShiftUpCramped = 0.0, superscriptBottomMin = 0.0
    /// `superscriptBaselineDropMax`: the largest drop of a superscript's baseline below the ink top of a
    /// boxed base (TeX's σ18, sup drop); `subSuperscriptGapMin`: the least ink gap between a superscript
    /// and a subscript on the same base (four rule thicknesses in TeX).
    public var superscriptBaselineDropMax = 0.0, subSuperscriptGapMin = 0.0
    /// `superscriptBottomMaxWithSubscript`: with both scripts present, the highest the superscript's
    /// ink bottom is raised to open the gap before the subscript is moved down instead (4/5 of the
    /// x-height in TeX); `spaceAfterScript`: the space added after every script (TeX's \scriptspace).
    public var superscriptBottomMaxWithSubscript = 0.0, spaceAfterScript = 0.0
    /// Limits above a big operator (∑ in display): `upperLimitGapMin` is the least gap between the
    /// limit's ink bottom and the operator's ink top (TeX's ξ9), `upperLimitBaselineRiseMin` the least
    /// rise of the limit's baseline above the operator's ink top (TeX's ξ11).
    public var upperLimitGapMin = 0.0, upperLimitBaselineRiseMin = 0.0
    /// Limits below a big operator: `lowerLimitGapMin` is the least gap between the operator's ink
    /// bottom and the limit's ink top (TeX's ξ10), `lowerLimitBaselineDropMin` the least drop of the
    /// limit's baseline below the operator's ink bottom (TeX's ξ12).
    public var lowerLimitGapMin = 0.0, lowerLimitBaselineDropMin = 0.0
    /// The rise of the upper element's baseline in a stack without a rule (`\binom`, `\atop`), in text
    /// and in display style (TeX's σ10 num3 and σ8 num1).
    public var stackTopShiftUp = 0.0, stackTopDisplayStyleShiftUp = 0.0
    /// The drop of the lower element's baseline in a stack without a rule, in text and in display style
    /// (TeX's σ12 denom2 and σ11 denom1).
    public var stackBottomShiftDown = 0.0, stackBottomDisplayStyleShiftDown = 0.0
    /// The least ink gap between the upper and lower elements of a stack without a rule, in text and in
    /// display style (three and seven rule thicknesses in TeX).
    public var stackGapMin = 0.0, stackDisplayStyleGapMin = 0.0
    /// Stretched stacks (text over or under a stretched arrow or brace, `\overbrace`, `\xrightarrow`):
    /// the standard rise of the upper element's baseline and drop of the lower element's.
    public var stretchStackTopShiftUp = 0.0, stretchStackBottomShiftDown = 0.0
    /// The least ink gaps in a stretched stack: between the stretched glyph and the element above it,
    /// and between it and the element below it.
    public var stretchStackGapAboveMin = 0.0, stretchStackGapBelowMin = 0.0
    /// The standard rise of a numerator's baseline, in text and in display style (TeX's σ9 num2 and σ8 num1).
    public var fractionNumeratorShiftUp = 0.0, fractionNumeratorDisplayStyleShiftUp = 0.0
    /// The standard drop of a denominator's baseline, in text and in display style (TeX's σ12 denom2 and σ11 denom1).
    public var fractionDenominatorShiftDown = 0.0, fractionDenominatorDisplayStyleShiftDown = 0.0
    /// The least gap between a numerator's ink bottom and the fraction bar, in text and in display style
    /// (one and three rule thicknesses in TeX).
    public var fractionNumeratorGapMin = 0.0, fractionNumDisplayStyleGapMin = 0.0
    /// The thickness of the fraction bar (TeX's ξ8, the default rule thickness; 0.04 em in Latin Modern Math).
    public var fractionRuleThickness = 0.0
    /// The least gap between the fraction bar and a denominator's ink top, in text and in display style
    /// (one and three rule thicknesses in TeX).
    public var fractionDenominatorGapMin = 0.0, fractionDenomDisplayStyleGapMin = 0.0
    /// `\overline`: the gap between the base's ink top and the bar (three rule thicknesses in TeX), the
    /// bar's thickness, and the extra space kept above the bar (one rule thickness).
    public var overbarVerticalGap = 0.0, overbarRuleThickness = 0.0, overbarExtraAscender = 0.0
    /// `\underline`: the gap between the base's ink bottom and the bar, the bar's thickness, and the
    /// extra space kept below the bar.
    public var underbarVerticalGap = 0.0, underbarRuleThickness = 0.0, underbarExtraDescender = 0.0
    /// The least gap between the radicand's ink top and the radical's bar, in text and in display style
    /// (TeX's rule 11: 1¼ rule thicknesses in text, a rule thickness plus ¼ of the x-height in display).
    public var radicalVerticalGap = 0.0, radicalDisplayStyleVerticalGap = 0.0
    /// The thickness of the radical's bar (matching the top of the radical sign's glyph) and the extra
    /// space kept above it.
    public var radicalRuleThickness = 0.0, radicalExtraAscender = 0.0
    /// The horizontal kerns around the degree of `\sqrt[n]{…}`: before it (positive, 5/18 em in TeX's
    /// plain macros) and after it (negative, tucking the degree into the radical sign's crook).
    public var radicalKernBeforeDegree = 0.0, radicalKernAfterDegree = 0.0
    /// The height of the degree's bottom above the radical sign's bottom, in percent of the sign's
    /// height (60 in TeX's plain `\root`).
    public var radicalDegreeBottomRaisePercent = 0.0
    /// The least overlap between consecutive parts of a glyph assembly (an extensible delimiter, brace
    /// or arrow built from pieces), so no seam shows.
    public var minConnectorOverlap = 0.0

    init() {}

    init(font: OpaquePointer, unitsPerEm: Int) {
        let em = Double(unitsPerEm)
        func c(_ k: hb_ot_math_constant_t) -> Double { Double(hb_ot_math_get_constant(font, k)) / em }
        func percent(_ k: hb_ot_math_constant_t) -> Double { Double(hb_ot_math_get_constant(font, k)) }
        scriptPercentScaleDown = percent(HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN)
        scriptScriptPercentScaleDown = percent(HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN)
        delimitedSubFormulaMinHeight = c(HB_OT_MATH_CONSTANT_DELIMITED_SUB_FORMULA_MIN_HEIGHT)
        displayOperatorMinHeight = c(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT)
        axisHeight = c(HB_OT_MATH_CONSTANT_AXIS_HEIGHT)
        accentBaseHeight = c(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT)
        flattenedAccentBaseHeight = c(HB_OT_MATH_CONSTANT_FLATTENED_ACCENT_BASE_HEIGHT)
        subscriptShiftDown = c(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN)
        subscriptTopMax = c(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX)
        subscriptBaselineDropMin = c(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN)
        superscriptShiftUp = c(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP)
        superscriptShiftUpCramped = c(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED)
        superscriptBottomMin = c(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN)
        superscriptBaselineDropMax = c(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX)
        subSuperscriptGapMin = c(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN)
        superscriptBottomMaxWithSubscript = c(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT)
        spaceAfterScript = c(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT)
        upperLimitGapMin = c(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN)
        upperLimitBaselineRiseMin = c(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN)
        lowerLimitGapMin = c(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN)
        lowerLimitBaselineDropMin = c(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN)
        stackTopShiftUp = c(HB_OT_MATH_CONSTANT_STACK_TOP_SHIFT_UP)
        stackTopDisplayStyleShiftUp = c(HB_OT_MATH_CONSTANT_STACK_TOP_DISPLAY_STYLE_SHIFT_UP)
        stackBottomShiftDown = c(HB_OT_MATH_CONSTANT_STACK_BOTTOM_SHIFT_DOWN)
        stackBottomDisplayStyleShiftDown = c(HB_OT_MATH_CONSTANT_STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN)
        stackGapMin = c(HB_OT_MATH_CONSTANT_STACK_GAP_MIN)
        stackDisplayStyleGapMin = c(HB_OT_MATH_CONSTANT_STACK_DISPLAY_STYLE_GAP_MIN)
        stretchStackTopShiftUp = c(HB_OT_MATH_CONSTANT_STRETCH_STACK_TOP_SHIFT_UP)
        stretchStackBottomShiftDown = c(HB_OT_MATH_CONSTANT_STRETCH_STACK_BOTTOM_SHIFT_DOWN)
        stretchStackGapAboveMin = c(HB_OT_MATH_CONSTANT_STRETCH_STACK_GAP_ABOVE_MIN)
        stretchStackGapBelowMin = c(HB_OT_MATH_CONSTANT_STRETCH_STACK_GAP_BELOW_MIN)
        fractionNumeratorShiftUp = c(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP)
        fractionNumeratorDisplayStyleShiftUp = c(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP)
        fractionDenominatorShiftDown = c(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN)
        fractionDenominatorDisplayStyleShiftDown = c(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN)
        fractionNumeratorGapMin = c(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN)
        fractionNumDisplayStyleGapMin = c(HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN)
        fractionRuleThickness = c(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS)
        fractionDenominatorGapMin = c(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN)
        fractionDenomDisplayStyleGapMin = c(HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN)
        overbarVerticalGap = c(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP)
        overbarRuleThickness = c(HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS)
        overbarExtraAscender = c(HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER)
        underbarVerticalGap = c(HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP)
        underbarRuleThickness = c(HB_OT_MATH_CONSTANT_UNDERBAR_RULE_THICKNESS)
        underbarExtraDescender = c(HB_OT_MATH_CONSTANT_UNDERBAR_EXTRA_DESCENDER)
        radicalVerticalGap = c(HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP)
        radicalDisplayStyleVerticalGap = c(HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP)
        radicalRuleThickness = c(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS)
        radicalExtraAscender = c(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER)
        radicalKernBeforeDegree = c(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE)
        radicalKernAfterDegree = c(HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE)
        radicalDegreeBottomRaisePercent = percent(HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT)
        minConnectorOverlap = Double(hb_ot_math_get_min_connector_overlap(font, HB_DIRECTION_TTB)) / em
    }
}
