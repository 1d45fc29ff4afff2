// The one place the URL harness meets Folio's sanitiser, so it can be repointed in one line.
// It is internal to Report: fuzz builds (-enable-testing) and debug builds may `@testable import`;
// a release build has no access, and the harness says so instead of fuzzing.
#if FUZZING || FOLIO_TESTABLE
@testable import Report

enum URLSanitizer {
    /// The URL as the HTML page writes it into `href`/`src` (before HTML escaping).
    static func sanitize(_ url: String) -> String? { HTML.safeURL(url) }
}
#else
enum URLSanitizer {
    static func sanitize(_ url: String) -> String? { nil }
}
#endif
