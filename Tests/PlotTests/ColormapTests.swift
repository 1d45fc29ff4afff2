import XCTest
import Foundation
import TestSupport
@testable import Plot

final class ColormapTests: XCTestCase {
    func testEndpointsMatchPublishedValues() {
        // matplotlib's _cm_listed values, rounded to 8 bits.
        XCTAssertEqual(Colormap.viridis.hex(0), 0x440154)
        XCTAssertEqual(Colormap.viridis.hex(1), 0xFDE725)
        XCTAssertEqual(Colormap.magma.hex(0), 0x000004)
        XCTAssertEqual(Colormap.cividis.hex(0), 0x00224E)
        XCTAssertNil(Colormap.viridis.hex(.nan))
        XCTAssertEqual(Colormap.viridis.hex(-3), Colormap.viridis.hex(0), "clamped")
        for name in Colormap.names { XCTAssertEqual(try Colormap.named(name).table.count, 256, name) }
    }

    func testUnknownNameIsRejectedWithTheKnownNames() {
        XCTAssertThrowsError(try Colormap.named("virdis")) { error in
            XCTAssertTrue("\(error)".contains("unknown colormap 'virdis'"), "\(error)")
            XCTAssertTrue("\(error)".contains("viridis, magma"), "\(error)")
        }
        XCTAssertEqual(try Colormap.named("diverging"), .diverging)
        // A figure naming an unknown colormap does not decode.
        let json = Data(#""nope""#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Colormap.self, from: json))
    }

    /// Every LUT entry equals matplotlib's to 1/255, when matplotlib is importable here.
    func testTablesMatchMatplotlibWhenAvailable() throws {
        let script = """
            import json
            import matplotlib
            import numpy as np
            out = {}
            for n in "\(Colormap.names.joined(separator: " "))".split():
                rgba = matplotlib.colormaps[n].resampled(256)(np.arange(256))
                out[n] = [[float(v) for v in c[:3]] for c in rgba]
            print(json.dumps(out))
            """
        let data = Data(try Tools.python(script).utf8)
        let tables = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [[Double]]])
        for name in Colormap.names {
            let ours = try Colormap.named(name).table
            for (i, rgb) in tables[name]!.enumerated() {
                let h = ours[i]
                let mine = [Double(h >> 16), Double((h >> 8) & 0xff), Double(h & 0xff)]
                for k in 0..<3 { XCTAssertEqual(mine[k], rgb[k] * 255, accuracy: 1, "\(name)[\(i)]") }
            }
        }
    }
}
