// Plot draws the figure and table values defined in PlotData (the data the notebook process
// hands to the renderer); `import Plot` gives both, as it did when they lived here.
@_exported import PlotData
