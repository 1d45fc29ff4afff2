import XCTest
import Tensor
@testable import Autograd

final class GradientTests: XCTestCase {
    /// f(W) = sum(relu(X·W) * C): the gradient agrees with central finite differences.
    func testMatmulReluSumAgainstFiniteDifferences() {
        let x = Tensor<Double>(rows: [[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]])
        let c = Tensor<Double>(rows: [[1.0, -2.0], [0.5, 3.0]])
        let w0 = Tensor<Double>(rows: [[0.2, -0.4], [0.9, 0.1], [-0.3, 0.8]])
        func f(_ w: Tensor<Double>) -> Double { (relu(matmul(x, w)) * c).sum() }

        let W = Variable(w0)
        let out = sum(relu(matmul(Variable(x), W)) * Variable(c))
        XCTAssertEqual(out.value.scalars[0], f(w0), accuracy: 1e-15)
        out.backward()
        let g = try! XCTUnwrap(W.grad)
        let h = 1e-6
        for i in 0..<w0.count {
            var plus = w0, minus = w0
            plus = Tensor(shape: w0.shape, scalars: w0.scalars.enumerated().map { $0.offset == i ? $0.element + h : $0.element })
            minus = Tensor(shape: w0.shape, scalars: w0.scalars.enumerated().map { $0.offset == i ? $0.element - h : $0.element })
            let fd = (f(plus) - f(minus)) / (2 * h)
            XCTAssertEqual(g.scalars[i], fd, accuracy: 1e-8, "entry \(i)")
        }
    }

    func testGradientsAccumulateOverSharedUse() {
        // d/dx sum(x * x) = 2x, with x used twice in one product.
        let x = Variable(Tensor<Double>(rows: [[1, -2, 3]]))
        let y = sum(x * x)
        y.backward()
        XCTAssertEqual(x.grad?.scalars, [2, -4, 6])
    }
}
