internal import CFontconfig

/// Finds font files through fontconfig, never through hard-coded paths (DESIGN §4).
public enum FontFiles {
    /// The file fontconfig picks for `family`, or nil when it only finds a substitute family.
    public static func path(family: String) -> String? {
        guard let config = FcInitLoadConfigAndFonts() else { return nil }
        defer { FcConfigDestroy(config) }
        guard let pattern = FcNameParse(family) else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var familyPtr: UnsafeMutablePointer<FcChar8>?
        var filePtr: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, FC_FAMILY, 0, &familyPtr) == FcResultMatch,
            FcPatternGetString(match, FC_FILE, 0, &filePtr) == FcResultMatch,
            let familyPtr, let filePtr
        else { return nil }
        let found = String(cString: familyPtr)
        guard found.lowercased() == family.lowercased() else { return nil }
        return String(cString: filePtr)
    }
}
