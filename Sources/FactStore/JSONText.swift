import Foundation

/// The JSON array-of-strings text used for list columns (`runs.roots`, `runs.skipped`,
/// `functions.directives`, `facts.explanation`), so that SQL users can `json_each` them.
enum JSONText {
    /// Encodes strings as a compact JSON array.
    static func encode(_ items: [String]) -> String {
        if items.isEmpty { return "[]" }
        var out = "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            out += quote(item)
        }
        return out + "]"
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        // Most text needs no escape (a scan writes one explanation array per fact): copy it whole.
        if !needsEscape(s) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// True when a string holds a byte JSON must escape. Scans the contiguous UTF-8 buffer
    /// (a scan quotes every explanation line it stores, over a hundred megabytes for std);
    /// iterating the string's UTF-8 view byte by byte cost more than the copy.
    private static func needsEscape(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } }
    }

    /// Decodes a JSON array of strings; malformed text decodes to a one-element array holding it.
    static func decode(_ text: String) -> [String] {
        if text == "[]" || text.isEmpty { return [] }
        if let items = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) { return items }
        return [text]
    }
}
