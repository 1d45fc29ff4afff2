import Tensor

/// An ``MLP`` is a ``Layer``: its `parameters` and `forward(_:parameters:)` already have the
/// protocol's meaning, so a network built with today's API can sit inside a ``Sequential``.
extension MLP: Layer {}
