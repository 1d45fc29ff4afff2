/// Everything an Axes can hold, as one Codable enum: a figure travels from the notebook
/// process to the renderer as JSON, and each case's payload is a small value type.
/// The payloads are plain data (PlotData has only Foundation below it), so the runner can read
/// and check them without linking the drawing code: one file per family in Marks/, each with
/// its validation (`MarkPayload`). Plot draws them through one recipe per family
/// (Plot/Marks/MarkRecipe.swift says how to add a mark).
public enum Mark: Codable, Equatable, Sendable {
    case line(LineMark)
    case scatter(ScatterMark)
    case band(BandMark)
    case bars(BarMark)
    case stem(StemMark)
    case step(StepMark)
    case heatmap(HeatmapMark)
    case contour(ContourMark)
    case regions(RegionMark)
    case rule(RuleMark)
    case text(TextMark)
    case arrow(ArrowMark)
    case surface(SurfaceMark)
    case line3D(Line3DMark)
    case points3D(Points3DMark)
    /// Error bars around points (`Axes.errorbar`), matplotlib's `errorbar`.
    case errorbar(ErrorBarMark)
    /// Box-and-whisker plots of samples (`Axes.boxplot`), matplotlib's `boxplot`.
    case box(BoxMark)
    /// Text with an arrow to a point (`Axes.annotate`), matplotlib's `annotate`.
    case annotation(AnnotationMark)
}
