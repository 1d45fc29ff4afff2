// What `import Folio` gives a notebook: the numerics, the probes and the figure model.
@_exported import Tensor
@_exported import Autograd
@_exported import Theory
@_exported import Plot
@_exported import PlotData
@_exported import Graphics
// Scalar math (sin, exp, pow on Double), String(format:) and friends: notebooks import only
// Folio, and without Foundation the Tensor overloads of exp/log/pow would be the only ones seen.
@_exported public import Foundation
