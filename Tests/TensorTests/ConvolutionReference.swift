import Foundation
import TestSupport
@testable import Tensor

/// Reference values from NumPy: direct loops over kernel taps (for convolution) and windows (for
/// pooling), written independently of Folio's im2col, on the same inputs passed as JSON.
enum ConvolutionReference {
    /// One case: named input arrays (flat, with shapes) and a Python expression over them.
    struct Case {
        var arrays: [String: Tensor<Double>]
        var expression: String
    }

    /// NumPy helpers: conv2d (cross-correlation, asymmetric zero padding), its transpose by
    /// scattering each input element, and pooling by windows.
    static let prelude = """
        import json, sys, numpy as np
        def conv2d(x, w, b=None, stride=(1, 1), pad=(0, 0, 0, 0), dil=(1, 1), groups=1):
            N, C, H, W = x.shape; O, Cg, kh, kw = w.shape
            xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[1]), (pad[2], pad[3])))
            Ho = (H + pad[0] + pad[1] - dil[0] * (kh - 1) - 1) // stride[0] + 1
            Wo = (W + pad[2] + pad[3] - dil[1] * (kw - 1) - 1) // stride[1] + 1
            y = np.zeros((N, O, Ho, Wo)); og = O // groups
            for g in range(groups):
                for i in range(kh):
                    for j in range(kw):
                        r0, c0 = i * dil[0], j * dil[1]
                        patch = xp[:, g*Cg:(g+1)*Cg, r0:r0 + stride[0]*(Ho-1) + 1:stride[0], c0:c0 + stride[1]*(Wo-1) + 1:stride[1]]
                        y[:, g*og:(g+1)*og] += np.einsum('nchw,oc->nohw', patch, w[g*og:(g+1)*og, :, i, j])
            return y if b is None else y + b.reshape(1, -1, 1, 1)
        def conv_transpose2d(x, w, stride=(1, 1), pad=(0, 0), out_pad=(0, 0), dil=(1, 1), groups=1):
            N, C, H, W = x.shape; _, og, kh, kw = w.shape; cg = C // groups
            Ho = (H - 1) * stride[0] - 2 * pad[0] + dil[0] * (kh - 1) + out_pad[0] + 1
            Wo = (W - 1) * stride[1] - 2 * pad[1] + dil[1] * (kw - 1) + out_pad[1] + 1
            big = np.zeros((N, og * groups, Ho + 2 * pad[0] + stride[0] + dil[0] * kh, Wo + 2 * pad[1] + stride[1] + dil[1] * kw))
            for g in range(groups):
                for i in range(kh):
                    for j in range(kw):
                        contribution = np.einsum('nchw,co->nohw', x[:, g*cg:(g+1)*cg], w[g*cg:(g+1)*cg, :, i, j])
                        r0, c0 = i * dil[0], j * dil[1]
                        big[:, g*og:(g+1)*og, r0:r0 + stride[0]*H:stride[0], c0:c0 + stride[1]*W:stride[1]] += contribution
            return big[:, :, pad[0]:pad[0] + Ho, pad[1]:pad[1] + Wo]
        def pool2d(x, k, s, p, d=(1, 1), kind='max', include_pad=True):
            N, C, H, W = x.shape
            Ho = (H + 2*p[0] - d[0]*(k[0]-1) - 1) // s[0] + 1; Wo = (W + 2*p[1] - d[1]*(k[1]-1) - 1) // s[1] + 1
            y = np.zeros((N, C, Ho, Wo)); at = np.zeros((N, C, Ho, Wo), dtype=int)
            for oh in range(Ho):
                for ow in range(Wo):
                    rows = [oh*s[0] - p[0] + i*d[0] for i in range(k[0])]; cols = [ow*s[1] - p[1] + j*d[1] for j in range(k[1])]
                    taps = [(r, c) for r in rows for c in cols if 0 <= r < H and 0 <= c < W]
                    vals = np.stack([x[:, :, r, c] for r, c in taps], -1)
                    if kind == 'max':
                        y[:, :, oh, ow] = vals.max(-1); best = vals.argmax(-1)
                        at[:, :, oh, ow] = np.array([r * W + c for r, c in taps])[best]
                    else:
                        y[:, :, oh, ow] = vals.sum(-1) / (k[0] * k[1] if include_pad else len(taps))
            return y, at
        """

    /// Each case's value as a flat [Double] (NumPy's row-major order).
    static func values(_ cases: [Case]) throws -> [[Double]] {
        let payload = cases.map { c in
            c.arrays.mapValues { ["shape": $0.shape, "values": $0.scalars] as [String: Any] }
        }
        let path = uniqueTemporaryURL("convolution-cases.json")
        try JSONSerialization.data(withJSONObject: payload).write(to: path)
        let code = """
            \(prelude)
            cases = json.load(open('\(path.path)'))
            expressions = \(cases.map(\.expression))
            out = []
            for arrays, e in zip(cases, expressions):
                env = {k: np.array(v['values'], dtype=float).reshape(v['shape']) for k, v in arrays.items()}
                env.update(conv2d=conv2d, conv_transpose2d=conv_transpose2d, pool2d=pool2d, np=np)
                out.append(np.asarray(eval(e, env), dtype=float).ravel().tolist())
            print(json.dumps(out))
            """
        let text = try Tools.python(code)
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[Double]]
    }
}
