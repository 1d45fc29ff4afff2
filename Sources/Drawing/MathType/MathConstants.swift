internal import CHarfBuzz

/// The MATH table's constants, read once per font, in ems (percentages stay percentages).
/// Names follow the OpenType specification; Appendix G of the TeXbook says how each is used.
public struct MathConstants {
    public var scriptPercentScaleDown = 0.0, scriptScriptPercentScaleDown = 0.0
    public var delimitedSubFormulaMinHeight = 0.0, displayOperatorMinHeight = 0.0
    public var axisHeight = 0.0, accentBaseHeight = 0.0, flattenedAccentBaseHeight = 0.0
    public var subscriptShiftDown = 0.0, subscriptTopMax = 0.0, subscriptBaselineDropMin = 0.0
    public var superscriptShiftUp = 0.0, superscriptShiftUpCramped = 0.0, superscriptBottomMin = 0.0
    public var superscriptBaselineDropMax = 0.0, subSuperscriptGapMin = 0.0
    public var superscriptBottomMaxWithSubscript = 0.0, spaceAfterScript = 0.0
    public var upperLimitGapMin = 0.0, upperLimitBaselineRiseMin = 0.0
    public var lowerLimitGapMin = 0.0, lowerLimitBaselineDropMin = 0.0
    public var stackTopShiftUp = 0.0, stackTopDisplayStyleShiftUp = 0.0
    public var stackBottomShiftDown = 0.0, stackBottomDisplayStyleShiftDown = 0.0
    public var stackGapMin = 0.0, stackDisplayStyleGapMin = 0.0
    public var stretchStackTopShiftUp = 0.0, stretchStackBottomShiftDown = 0.0
    public var stretchStackGapAboveMin = 0.0, stretchStackGapBelowMin = 0.0
    public var fractionNumeratorShiftUp = 0.0, fractionNumeratorDisplayStyleShiftUp = 0.0
    public var fractionDenominatorShiftDown = 0.0, fractionDenominatorDisplayStyleShiftDown = 0.0
    public var fractionNumeratorGapMin = 0.0, fractionNumDisplayStyleGapMin = 0.0
    public var fractionRuleThickness = 0.0
    public var fractionDenominatorGapMin = 0.0, fractionDenomDisplayStyleGapMin = 0.0
    public var overbarVerticalGap = 0.0, overbarRuleThickness = 0.0, overbarExtraAscender = 0.0
    public var underbarVerticalGap = 0.0, underbarRuleThickness = 0.0, underbarExtraDescender = 0.0
    public var radicalVerticalGap = 0.0, radicalDisplayStyleVerticalGap = 0.0
    public var radicalRuleThickness = 0.0, radicalExtraAscender = 0.0
    public var radicalKernBeforeDegree = 0.0, radicalKernAfterDegree = 0.0
    public var radicalDegreeBottomRaisePercent = 0.0
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
