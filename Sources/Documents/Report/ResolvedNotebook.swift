import Foundation
import Notebook
import OutputChannel
import Plot

/// A rendered notebook with everything its formats share resolved once per render: the numbers
/// of sections, figures, tables and equations with the targets of cross references, the local
/// images found, checked and read, and the file stems of the figures. The PDF, the HTML page,
/// the copied images and the thumbnail are made from it, so they agree with each other and
/// nothing is read or counted twice.
public struct ResolvedNotebook: Sendable {
    public let notebook: ExecutedNotebook
    let numbering: Numbering
    let images: LocalImages
    /// Figures in document order, with the file stem each is written under and its cell's index.
    let figures: [(stem: String, figure: Plot.Figure, cell: Int)]
    /// Where every warning of this render goes (`ReportWarnings`): what resolving finds, and
    /// the formulas that fail while pages and figures are drawn.
    public let warnings: ReportWarnings
    /// Unknown cross references (with the Markdown line of the reference), figure labels on
    /// cells without a figure, missing or refused images, links not published, formulas that do
    /// not typeset: in line order. The report still renders; each unknown reference shows as
    /// a visible "??", a bad formula as a red box.
    public var diagnostics: [Diagnostic] { warnings.all }

    /// `projectRoot` is the folder whose files the notebook may publish as images; nil means the
    /// rule `folio render` uses (`LocalImages.defaultProjectRoot`).
    public init(_ notebook: ExecutedNotebook, projectRoot: URL? = nil) {
        var notebook = notebook
        notebook.document.blocks = DeferredProofs.arrange(notebook.document.blocks)
        // Before numbering: the reference list may add a section, and citations become links.
        let citationDiagnostics = CitationResolution.resolve(&notebook.document, projectRoot: projectRoot)
        self.notebook = notebook
        numbering = Numbering(notebook)
        images = LocalImages(notebook.document, projectRoot: projectRoot)
        figures = notebook.figures
        warnings = ReportWarnings(file: notebook.document.path)
        warnings.add(citationDiagnostics + numbering.diagnostics + images.diagnostics + URLSafety.linkDiagnostics(notebook.document))
        MathWarnings.check(notebook, into: warnings)
    }

    public var document: Document { notebook.document }
}
