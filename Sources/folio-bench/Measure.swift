import Foundation

/// Wall-clock timing of a workload: warm up, then time batches until about `budget` seconds
/// have passed and report the median seconds per call (robust to a noisy shared machine).
enum Measure {
    static func secondsPerCall(budget: Double = 1.0, _ body: () -> Void) -> Double {
        body()   // warm-up: page faults, thread pool start, caches
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

    private static func time(_ calls: Int, _ body: () -> Void) -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { body() }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }
}
