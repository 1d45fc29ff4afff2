import Tensor

// Differentiable gathers and moves: takeAlongAxis and scatterAdd are each other's adjoints,
// and padded and rolled move elements by an index map whose adjoint adds them back (the padded
// border's cotangent flows into the elements it copied, reflect and wrap included).

extension Variable {
    /// The elements at `indices` along `axis` (NumPy's `take_along_axis`), differentiable: the
    /// cotangent is scattered back with ``scatterAdd(_:_:axis:)``, repeats accumulating.
    ///
    /// - Parameters:
    ///   - indices: Indices of the same rank, broadcasting with this variable on the other axes.
    ///   - axis: The axis the indices select along.
    /// - Returns: A variable of the broadcast index shape.
    public func takeAlongAxis(_ indices: IntTensor, axis: Int) -> Variable {
        let from = shape
        return Variable(value.takeAlongAxis(indices, axis: axis), op: "takeAlongAxis", parents: [self]) { g in
            [Variable.constant(Tensor<Scalar>.zeros(from)).scatterAdd(indices, g, axis: axis)]
        }
    }

    /// This variable plus `values` added at `indices` along `axis` (PyTorch's `scatter_add`),
    /// differentiable in both: this one's cotangent passes through, the values' is gathered.
    ///
    /// - Parameters:
    ///   - indices: Indices of the same rank, broadcasting with this variable on the other axes.
    ///   - values: Values of the index shape.
    ///   - axis: The axis the indices select along.
    /// - Returns: A variable of this shape.
    public func scatterAdd(_ indices: IntTensor, _ values: Variable, axis: Int) -> Variable {
        Variable(value.scatterAdd(indices, values.value, axis: axis), op: "scatterAdd", parents: [self, values]) { g in
            [g, values.requiresGrad ? g.takeAlongAxis(indices, axis: axis).summed(toShape: values.shape) : nil]
        }
    }

    /// This variable with a border on each axis (see Tensor's `padded(_:mode:)`), differentiable:
    /// each border element's cotangent is added to the element it copies (none for a constant).
    ///
    /// - Parameters:
    ///   - widths: Per axis, elements added before and after.
    ///   - mode: How the border is filled.
    /// - Returns: The padded variable.
    public func padded(_ widths: [(before: Int, after: Int)], mode: PadMode = .constant(0)) -> Variable {
        let maps = value.padMaps(widths, mode)
        return remapped(maps, value.padded(widths, mode: mode), op: "pad")
    }

    /// The elements shifted along `axis` by `shift`, wrapping around (NumPy's `roll`),
    /// differentiable: the cotangent rolls back.
    ///
    /// - Parameters:
    ///   - shift: Positions to move.
    ///   - axis: The axis.
    /// - Returns: The rolled variable.
    public func rolled(_ shift: Int, axis: Int) -> Variable {
        Variable(value.rolled(shift, axis: axis), op: "roll", parents: [self]) { g in [g.rolled(-shift, axis: axis)] }
    }

    /// A forward value produced by an index map, whose VJP adds the cotangent back through it.
    private func remapped(_ maps: [[Int?]], _ forward: Tensor<Scalar>, op: String) -> Variable {
        let from = shape
        return Variable(forward, op: op, parents: [self]) { g in [g.remappedAdjoint(maps, sourceShape: from)] }
    }

    /// The adjoint of an index map: the cotangent summed into the source shape. Its own VJP
    /// applies the map (zeros where it reads nothing), so second derivatives pass through.
    func remappedAdjoint(_ maps: [[Int?]], sourceShape: [Int]) -> Variable {
        Variable(value.remappedAdjoint(maps, sourceShape: sourceShape), op: "remapAdjoint", parents: [self]) { g in
            [g.remapped(maps, g.value.remapped(maps, fill: 0), op: "remap")]
        }
    }
}
