// Figures carry colours; whoever imports the figure data can name them.
@_exported import Colors
