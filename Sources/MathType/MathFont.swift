internal import CHarfBuzz
import Graphics

/// An OpenType font with a MATH table, read through HarfBuzz's hb-ot-math API.
/// Latin Modern Math is the default; any font with a MATH table works.
public final class MathFont {
    public let family: String
    public let path: String
    let face: OpaquePointer
    let font: OpaquePointer
    public let unitsPerEm: Int

    public enum LoadError: Error, CustomStringConvertible {
        case notFound(String), noMathTable(String)
        public var description: String {
            switch self {
            case .notFound(let f): "math font '\(f)' not found by fontconfig (is fonts-lmodern installed?)"
            case .noMathTable(let f): "font '\(f)' has no OpenType MATH table"
            }
        }
    }

    public init(family: String = "Latin Modern Math") throws {
        guard let path = FontFiles.path(family: family) else { throw LoadError.notFound(family) }
        let blob = hb_blob_create_from_file(path)
        defer { hb_blob_destroy(blob) }
        face = hb_face_create(blob, 0)
        font = hb_font_create(face)
        self.family = family
        self.path = path
        unitsPerEm = Int(hb_face_get_upem(face))
        // Throwing after every property is set runs deinit, which releases the face and font.
        guard hb_ot_math_has_data(face) != 0 else { throw LoadError.noMathTable(family) }
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    /// A MATH table constant in ems (e.g. `.axisHeight` is the height of the fraction bar).
    func constant(_ c: hb_ot_math_constant_t) -> Double {
        Double(hb_ot_math_get_constant(font, c)) / Double(unitsPerEm)
    }

    public var axisHeight: Double { constant(HB_OT_MATH_CONSTANT_AXIS_HEIGHT) }
    public var fractionRuleThickness: Double { constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS) }
    public var superscriptShiftUp: Double { constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP) }
}
