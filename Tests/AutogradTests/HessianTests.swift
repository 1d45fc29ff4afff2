import Autograd
import Tensor
import XCTest

/// `Curvature.hessian` builds the gradient graph once and differentiates it P times: its rows
/// must be exactly the Hessian-vector products with the unit vectors, and exact on a cubic.
final class HessianTests: XCTestCase {
    func testTheHessianOfACubicIsExact() {
        let H = Curvature.hessian(at: Tensor<Double>([1, 2])) { x in sum(x * x * x) }
        XCTAssertEqual(H.shape, [2, 2])
        XCTAssertEqual(H.scalars, [6, 0, 0, 12])
    }

    func testRowsAreBitIdenticalToHessianVectorProductsWithUnitVectors() {
        let net = MLP<Double>(widths: [3, 5, 2, 1], activation: .tanh, initialization: .xavier, seed: 21)
        let x = Tensor<Double>(shape: [7, 3], scalars: (0..<21).map { sin(Double($0) * 0.7) })
        let y = Tensor<Double>(shape: [7, 1], scalars: (0..<7).map { cos(Double($0)) })
        let shapes = net.parameters
        func loss(_ flat: Variable<Double>) -> Variable<Double> {
            Loss.meanSquaredError(net.forward(.constant(x), parameters: ParameterVector.unflatten(flat, like: shapes)), .constant(y))
        }
        let theta = net.flatParameters
        let p = theta.count
        let H = Curvature.hessian(at: theta, loss)
        XCTAssertEqual(H.shape, [p, p])
        for i in 0..<p {
            var e = [Double](repeating: 0, count: p)
            e[i] = 1
            let hv = Curvature.hessianVectorProduct(at: [theta], direction: [Tensor(shape: [p], scalars: e)]) { loss($0[0]) }
            XCTAssertEqual(Array(H.scalars[i * p..<(i + 1) * p]), hv[0].scalars, "row \(i)")
        }
    }
}
