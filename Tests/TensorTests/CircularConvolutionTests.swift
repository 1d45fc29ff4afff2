import XCTest
@testable import Tensor

/// Circular convolution against NumPy (periodic `np.pad(mode='wrap')` then the direct sum), and
/// the property that defines it: it commutes with circular shifts of the input.
final class CircularConvolutionTests: XCTestCase {
    func testCircularConv2dMatchesNumPysPeriodicExtension() throws {
        let x = lcgTensor([2, 3, 6, 5], seed: 31), w = lcgTensor([4, 3, 3, 4], seed: 32), b = lcgTensor([4], seed: 33)
        // Kernel 3×4, dilation (1, 2): periodic extension (1, 1) rows and (3, 3) columns.
        let expression = "conv2d(np.pad(x, ((0, 0), (0, 0), (1, 1), (3, 3)), mode='wrap'), w, b, (1, 1), (0, 0, 0, 0), (1, 2), 1)"
        let want = try ConvolutionReference.values([.init(arrays: ["x": x, "w": w, "b": b], expression: expression)])
        let y = circularConv2d(x, w, bias: b, dilation: [1, 2])
        XCTAssertEqual(y.shape, [2, 4, 6, 5])
        assertClose(y.scalars, want[0], 1e-13, "circularConv2d")
    }

    func testCircularConvolutionCommutesWithCircularShifts() {
        let x = lcgTensor([1, 2, 12], seed: 34), w = lcgTensor([3, 2, 5], seed: 35)
        let shifted = circularConv1d(x.rolled(4, axis: 2), w)
        let expected = circularConv1d(x, w).rolled(4, axis: 2)
        assertClose(shifted.scalars, expected.scalars, 1e-15, "shift equivariance")
        let image = lcgTensor([1, 1, 7, 8], seed: 36), filter = lcgTensor([1, 1, 2, 3], seed: 37)
        let a = circularConv2d(image.rolled(3, axis: 2).rolled(-2, axis: 3), filter)
        let c = circularConv2d(image, filter).rolled(3, axis: 2).rolled(-2, axis: 3)
        assertClose(a.scalars, c.scalars, 1e-15, "2-D shift equivariance")
    }
}
