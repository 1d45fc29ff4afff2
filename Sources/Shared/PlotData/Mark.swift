/// Everything an Axes can hold, as one Codable enum: a figure travels from the notebook
/// process to the renderer as JSON, and each case's payload is a small value type.
/// The payloads are plain data (PlotData has only Foundation below it), so the runner can read
/// and check them without linking the drawing code: one file per family in Marks/, each with
/// its validation (`MarkPayload`). Plot draws them through one recipe per family
/// (Plot/Marks/MarkRecipe.swift says how to add a mark).
public enum Mark: Codable, Equatable, Sendable {
    /// A polyline through points (`Axes.line`), matplotlib's `plot`.
    case line(LineMark)
    /// Unconnected markers, optionally colour-mapped (`Axes.scatter`), matplotlib's `scatter`.
    case scatter(ScatterMark)
    /// A shaded area between two curves (`Axes.band`), matplotlib's `fill_between`.
    case band(BandMark)
    /// Rectangles from a baseline: bar charts and histograms (`Axes.bar`, `Axes.histogram`).
    case bars(BarMark)
    /// Vertical stems ending in dots (`Axes.stem`), matplotlib's `stem`.
    case stem(StemMark)
    /// A staircase through points (`Axes.step`), matplotlib's `step`.
    case step(StepMark)
    /// A colour-mapped grid of cells (`Axes.heatmap`), matplotlib's `imshow`/`pcolormesh`.
    case heatmap(HeatmapMark)
    /// Level lines or filled level bands of a sampled grid (`Axes.contour`), matplotlib's `contour`/`contourf`.
    case contour(ContourMark)
    /// A categorical grid, one colour per category, e.g. decision regions (`Axes.regions`).
    case regions(RegionMark)
    /// A horizontal or vertical reference line across the panel (`Axes.hline`, `Axes.vline`).
    case rule(RuleMark)
    /// Text at a data position (`Axes.text`), matplotlib's `text`.
    case text(TextMark)
    /// An arrow between two data points, with optional text (`Axes.arrow`).
    case arrow(ArrowMark)
    /// A shaded 3-D surface over a grid (`Axes.surface`), matplotlib's `plot_surface`.
    case surface(SurfaceMark)
    /// A 3-D polyline (`Axes.line3D`), matplotlib's `plot` on 3-D axes.
    case line3D(Line3DMark)
    /// 3-D markers (`Axes.points3D`), matplotlib's `scatter` on 3-D axes.
    case points3D(Points3DMark)
    /// Error bars around points (`Axes.errorbar`), matplotlib's `errorbar`.
    case errorbar(ErrorBarMark)
    /// Box-and-whisker plots of samples (`Axes.boxplot`), matplotlib's `boxplot`.
    case box(BoxMark)
    /// Text with an arrow to a point (`Axes.annotate`), matplotlib's `annotate`.
    case annotation(AnnotationMark)
}
