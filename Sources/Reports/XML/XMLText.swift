import Foundation

/// Text made safe for XML 1.0 and HTML: every scalar outside XML's `Char` production (control
/// characters other than tab, newline and carriage return; surrogates; U+FFFE/U+FFFF) becomes
/// U+FFFD. Invalid UTF-8 never reaches here: bytes are decoded with replacement first.
public enum XMLText {
    /// Whether a scalar may appear in an XML 1.0 document.
    public static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The sanitized text.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLChar($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(isXMLChar(s) ? s : "\u{FFFD}") }
        return String(out)
    }

    /// Bytes decoded as UTF-8 (invalid sequences replaced) and sanitized.
    public static func clean(bytes: [UInt8]) -> String {
        clean(String(decoding: bytes, as: UTF8.self))
    }

    /// Sanitized text on one line: newlines and tabs become spaces, runs of spaces collapse.
    public static func oneLine(_ text: String) -> String {
        let flat = clean(text).map { ($0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n") ? " " : $0 }
        var out = ""
        var lastSpace = false
        for ch in flat {
            if ch == " " { if !lastSpace { out.append(ch) }; lastSpace = true } else { out.append(ch); lastSpace = false }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

