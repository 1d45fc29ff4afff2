/// Pandoc's attribute syntax inside `{…}`: `#id`, `.class`, `key=value`, `key="value"`,
/// `key='value'`, separated by spaces. Written by hand: the few rules are Pandoc's, and no
/// package in the mirror parses them.
enum DivAttributes {
    struct Parsed {
        var id: String?
        var classes: [String] = []
        var attributes: [(key: String, value: String)] = []
    }

    struct Failure: Error {
        /// Characters from the start of the braces' content to the problem.
        var offset: Int
        var reason: String
    }

    static func parse(_ text: Substring) -> Result<Parsed, Failure> {
        let chars = Array(text)
        var parsed = Parsed()
        var i = 0
        func word() -> String {
            let start = i
            while i < chars.count, chars[i] != " ", chars[i] != "\t", chars[i] != "=", chars[i] != "}" { i += 1 }
            return String(chars[start..<i])
        }
        while i < chars.count {
            if chars[i] == " " || chars[i] == "\t" { i += 1; continue }
            let start = i
            if chars[i] == "#" {
                i += 1
                let id = word()
                guard !id.isEmpty else { return .failure(Failure(offset: start, reason: "'#' needs an id after it")) }
                parsed.id = id
            } else if chars[i] == "." {
                i += 1
                let c = word()
                guard !c.isEmpty else { return .failure(Failure(offset: start, reason: "'.' needs a class name after it")) }
                parsed.classes.append(c)
            } else if chars[i] == "-" && (i + 1 == chars.count || chars[i + 1] == " ") {
                parsed.classes.append("unnumbered")  // Pandoc's shorthand
                i += 1
            } else {
                let key = word()
                guard !key.isEmpty, i < chars.count, chars[i] == "=" else {
                    return .failure(
                        Failure(offset: start, reason: "div attribute '\(key)' needs a value (write key=\"value\", #id or .class)"))
                }
                i += 1
                var value = ""
                if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                    let quote = chars[i]
                    i += 1
                    var closed = false
                    while i < chars.count {
                        if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == quote || chars[i + 1] == "\\" {
                            value.append(chars[i + 1]); i += 2; continue
                        }
                        if chars[i] == quote { closed = true; i += 1; break }
                        value.append(chars[i]); i += 1
                    }
                    guard closed else { return .failure(Failure(offset: start, reason: "the value of '\(key)' has no closing quote")) }
                } else {
                    value = word()
                }
                parsed.attributes.append((key, value))
            }
        }
        return .success(parsed)
    }
}
