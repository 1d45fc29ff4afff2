import Foundation
import Tensor
import TestSupport

/// Runs NumPy code on named f64 tensors and reads back one array: `code` sees each input as a
/// NumPy array of its shape and assigns `out`. Inputs travel as shortest round-trip decimals, so
/// NumPy computes on exactly the values Folio does.
func numpyReference(_ code: String, _ inputs: [String: Tensor<Double>]) throws -> [Double] {
    var lines = ["import numpy as np, json"]
    for (name, t) in inputs.sorted(by: { $0.key < $1.key }) {
        let values = t.scalars.map { "\($0)" }.joined(separator: ",")
        lines.append(
            "\(name) = np.array([\(values)], dtype=np.float64).reshape(\(t.shape.isEmpty ? "()" : "(\(t.shape.map(String.init).joined(separator: ",")),)"))")
    }
    lines.append(code)
    lines.append("print(json.dumps([float(v) for v in np.asarray(out, dtype=np.float64).ravel()]))")
    let text = try Tools.python(lines.joined(separator: "\n"))
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [Double]
}
