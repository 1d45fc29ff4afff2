import Foundation

/// The live-reload client: a few lines of script that only preview responses carry. The files
/// under `output/` never hold it (the security model: no script reaches the HTML); the server
/// adds one `<script src>` tag to each HTML page it sends.
public enum LiveReloadScript {
    /// Where the server serves the script. Paths under `/__folio/` are answered by the server
    /// itself, before it looks in `output/`.
    public static let path = "/__folio/live.js"
    /// The Server-Sent Events stream the script listens to.
    public static let eventsPath = "/__folio/events"

    /// The tag added to every HTML page the preview serves.
    public static let tag = "<script src=\"\(path)\"></script>"

    /// `html` with the script tag before its closing `</body>` (or at its end when it has none).
    /// - Parameter html: a page as written under `output/`.
    /// - Returns: the page as the preview serves it.
    /// - Complexity: O(n) in the page's length.
    public static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }

    /// The script. It keeps one EventSource open; for the page it shows it reacts to:
    /// `rendering` — the page dims and the badge says so (the page is stale);
    /// `reload` — the new page is fetched and its body swapped in place, keeping the scroll
    /// position (no navigation, so the stream stays open and the reader keeps their place);
    /// `failed` — an overlay shows where and why, over the last good page, until the fix. It
    /// covers the top of the page, so the reader can dismiss it (its × button or Escape) to read
    /// on; the badge keeps saying the render failed and brings the overlay back.
    /// The index page follows every notebook.
    public static let source = #"""
        (() => {
          "use strict";
          const file = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
          const page = file.replace(/\.html$/, "");
          const mine = (p) => p === page || page === "index";
          window.__folioPreview = { loadID: Math.random().toString(36).slice(2), swaps: 0, state: "fresh" };
          const css = document.createElement("style");
          css.textContent = `
            html.folio-stale body { opacity: 0.55; transition: opacity 0.15s; }
            #folio-preview-badge { position: fixed; right: 12px; bottom: 12px; z-index: 2147483647;
              font: 12px/1.4 system-ui, sans-serif; background: #1d2430; color: #fff; padding: 4px 10px;
              border-radius: 12px; opacity: 0.85; }
            #folio-preview-badge a { color: #9cd2ff; margin-left: 8px; }
            #folio-preview-error { position: fixed; left: 0; right: 0; top: 0; z-index: 2147483646; max-height: 60vh;
              overflow: auto; background: #fff5f5; color: #3b0d0d; border-bottom: 3px solid #c62828;
              font: 13px/1.45 ui-monospace, monospace; padding: 12px 18px; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
            #folio-preview-error .where { font-weight: bold; color: #b71c1c; padding-right: 28px; }
            #folio-preview-error button.close { position: absolute; top: 6px; right: 10px; border: 0; background: none;
              font: 20px/1 system-ui, sans-serif; color: #7f1d1d; cursor: pointer; padding: 4px 6px; }
            #folio-preview-error pre { white-space: pre-wrap; margin: 8px 0 0; }`;
          document.head.appendChild(css);
          const badge = document.createElement("div");
          badge.id = "folio-preview-badge";
          let failure = null;
          const setBadge = (text) => {
            badge.textContent = text;
            if (failure && !overlay) {
              const again = document.createElement("a");
              again.href = "#"; again.className = "show-error"; again.textContent = "show error";
              again.addEventListener("click", (e) => { e.preventDefault(); showFailure(failure); setBadge("render failed"); });
              badge.appendChild(again);
            }
            if (page !== "index") {
              const pdf = document.createElement("a");
              pdf.href = page + ".pdf"; pdf.target = "_blank"; pdf.textContent = "PDF";
              badge.appendChild(pdf);
            }
          };
          let overlay = null;
          setBadge("live");
          const attach = () => { document.body.appendChild(badge); if (overlay) document.body.appendChild(overlay); };
          attach();
          const clearOverlay = () => { if (overlay) { overlay.remove(); overlay = null; } };
          const showFailure = (f) => {
            clearOverlay();
            overlay = document.createElement("div");
            overlay.id = "folio-preview-error";
            overlay.dataset.location = f.location;
            const where = document.createElement("div");
            where.className = "where";
            where.textContent = f.location + ": error: " + f.message;
            overlay.appendChild(where);
            if (f.details) { const pre = document.createElement("pre"); pre.textContent = f.details; overlay.appendChild(pre); }
            const close = document.createElement("button");
            close.className = "close"; close.title = "Dismiss (Esc)"; close.setAttribute("aria-label", "Dismiss"); close.textContent = "×";
            close.addEventListener("click", () => dismiss());
            overlay.appendChild(close);
            document.body.appendChild(overlay);
          };
          const dismiss = () => { if (overlay) { clearOverlay(); setBadge("render failed"); } };
          document.addEventListener("keydown", (e) => { if (e.key === "Escape") dismiss(); });
          const swap = async () => {
            const response = await fetch(location.href, { cache: "no-store" });
            if (!response.ok) return;
            const next = new DOMParser().parseFromString(await response.text(), "text/html");
            const y = window.scrollY;
            document.body.replaceWith(next.body);
            document.title = next.title;
            attach();
            window.scrollTo(0, y);
            window.__folioPreview.swaps += 1;
          };
          const events = new EventSource("\#(eventsPath)");
          const on = (name, act) => events.addEventListener(name, (e) => {
            const d = JSON.parse(e.data);
            if (mine(d.page)) act(d);
          });
          on("rendering", () => {
            window.__folioPreview.state = "rendering";
            document.documentElement.classList.add("folio-stale");
            setBadge("rendering…");
          });
          on("reload", async () => {
            await swap();
            failure = null;
            clearOverlay();
            document.documentElement.classList.remove("folio-stale");
            window.__folioPreview.state = "fresh";
            setBadge("live");
          });
          on("failed", (d) => {
            document.documentElement.classList.remove("folio-stale");
            window.__folioPreview.state = "failed";
            failure = d.failure;
            showFailure(d.failure);
            setBadge("render failed");
          });
        })();
        """#
}
