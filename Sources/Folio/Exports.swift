// What `import Folio` gives a notebook: the numerics, the probes and the figure model.
@_exported import Tensor
@_exported import Autograd
@_exported import Theory
@_exported import Plot
@_exported import Graphics
