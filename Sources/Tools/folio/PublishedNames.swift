import Foundation
import Notebook
import Report

/// The notebooks of one `folio render` publish into one output folder under their file
/// names, so two of them must not share a name, and none may take a name the site needs.
enum PublishedNames {
    /// The files, each real file once, or a diagnostic naming the clash.
    static func distinct(_ files: [String], output: String) throws -> [String] {
        var seen: Set<String> = []
        var byName: [String: String] = [:]
        var result: [String] = []
        for file in files {
            let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
            guard seen.insert(real).inserted else { continue }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            do { try PublishedName.check(name) } catch {
                throw Diagnostic(file: file, line: 1, message: "\(error)")
            }
            if let other = byName[name] {
                throw Diagnostic(
                    file: file, line: 1,
                    message: "both \(other) and \(file) would be published as \(output)/\(name).html; rename one, or render them with different -o folders")
            }
            byName[name] = file
            result.append(file)
        }
        return result
    }
}
