// The one place the URL harness meets Folio's sanitiser, so it can be repointed in one line.
import Report

enum URLSanitizer {
    /// The URL as the HTML page writes it into `href`/`src` (before HTML escaping); a refused
    /// URL is written as no link at all, which is the empty string here.
    static func sanitize(_ url: String) -> String? { URLSafety.href(url) ?? "" }
}
