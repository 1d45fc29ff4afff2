import Foundation

/// Wall-clock timing of a workload: warm up, then time batches until about `budget` seconds
/// have passed and report the median seconds per call (robust to a noisy shared machine).
enum Measure {
    static func secondsPerCall(budget: Double = 1.0, _ body: () -> Void) -> Double {
        body()  // warm-up: page faults, thread pool start, caches
        var calls = 1
        var t = time(calls, body)
        while t < 0.05 { calls *= 2; t = time(calls, body) }
        var samples: [Double] = [t / Double(calls)]
        let start = DispatchTime.now().uptimeNanoseconds
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < budget || samples.count < 5 {
            samples.append(time(calls, body) / Double(calls))
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// time(a) / time(b), from samples of a and b taken alternately for about `budget` seconds: the
    /// median of the per-pair ratios, so a change in machine load affects both sides alike.
    static func ratioOfTimes(budget: Double = 2.0, _ a: () -> Void, _ b: () -> Void) -> Double {
        a(); b()
        func calls(_ body: () -> Void) -> Int {
            var n = 1
            while time(n, body) < 0.02 { n *= 2 }
            return n
        }
        let (na, nb) = (calls(a), calls(b))
        var ratios: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < budget || ratios.count < 7 {
            let ta = time(na, a) / Double(na), tb = time(nb, b) / Double(nb)
            ratios.append(ta / tb)
        }
        ratios.sort()
        return ratios[ratios.count / 2]
    }

    private static func time(_ calls: Int, _ body: () -> Void) -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { body() }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }
}
