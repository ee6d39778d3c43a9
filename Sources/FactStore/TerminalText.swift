/// Stored and plugin-supplied text made safe to print on a terminal or in a TSV line: every
/// control character (C0, DEL, C1) is written as an escape, so that a newline or an escape
/// sequence in a plugin's message or a stored string can neither forge an extra output line
/// (`heapsight: note: ...`) nor drive the terminal. `\t`, `\n` and `\r` print as those two
/// characters; the others as `\xNN` (C0 and DEL) or `\u{NNNN}` (C1). Other text is unchanged.
public enum TerminalText {
    /// The escaped text.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            guard isControl(s) else { out.unicodeScalars.append(s); continue }
            switch s {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                let hex = String(s.value, radix: 16)
                out += s.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    /// True for C0 controls, DEL and C1 controls.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }
}
