// `Color` is a plain value shared by the canvas and the figure data that travels between
// processes (PlotData), so it lives below both in `Colors`; every `import Graphics` still sees it.
@_exported import Colors
