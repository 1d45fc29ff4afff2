import Foundation

/// A path in the temporary folder that nothing uses yet, `prefix-UUID` plus `suffix` (say ".pdf");
/// not created, for code under test that must create it itself.
public func uniqueTemporaryURL(_ prefix: String, suffix: String = "") -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
}

/// A new empty folder in the temporary folder, `prefix-UUID`; the test removes it.
public func makeTemporaryFolder(_ prefix: String) throws -> URL {
    let url = uniqueTemporaryURL(prefix)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
