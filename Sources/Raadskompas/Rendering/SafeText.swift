/// Text from users and imported files made safe for each kind of output, in one place: every
/// renderer goes through these.
public enum SafeText {
    /// Whether `scalar` is a control character other than tab and line feed (C0, DEL, C1).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v)
    }

    /// For the terminal: Raadskompas's own colour codes (`ESC [ digits ; m`) pass; every other
    /// control character is shown as a visible sign, so text from a shared file cannot retitle,
    /// clear or move the terminal. A carriage return becomes a line break.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                if j < scalars.count, scalars[j] == "m" {
                    out.append(contentsOf: scalars[i...j])
                    i = j + 1
                    continue
                }
            }
            if scalar == "\r" {
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1; continue }
                out.append("\n")
            } else if isControl(scalar) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
            i += 1
        }
        return String(out)
    }

    /// `␛` for escape, `^X` style for the rest of C0, `U+0085` for C1.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: "␛"
        case 0..<0x20: "^" + String(Character(Unicode.Scalar(scalar.value + 0x40) ?? "?"))
        case 0x7F: "^?"
        default: "U+" + String(scalar.value, radix: 16, uppercase: true)
        }
    }

    /// Plain text in a file (Markdown, HTML text): control characters removed, a carriage
    /// return made a line break.
    public static func file(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\r" { out.append("\n") } else if !isControl(scalar) { out.append(scalar) }
        }
        return String(out).replacingOccurrences(of: "\n\n\n", with: "\n\n")
    }

    /// One CSV cell (`;`-separated): control characters removed; quoted when it holds a line
    /// break, `;` or `"`; a cell that a spreadsheet would read as a formula, also after leading
    /// white space, gets a leading apostrophe.
    public static func csvCell(_ value: String) -> String {
        var text = value.unicodeScalars.contains(where: isControl) || value.contains("\r")
            ? String(String.UnicodeScalarView(value.unicodeScalars.compactMap { $0 == "\r" ? "\n" : isControl($0) ? nil : $0 }))
            : value
        if let first = text.first(where: { $0 != " " && $0 != "\t" }), "=+-@".contains(first), !isPlainNumber(text) {
            text = "'" + text
        }
        if text.contains(";") || text.contains("\"") || text.contains("\n") {
            text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// `-3` or `-2,5` is a number, not a formula.
    private static func isPlainNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("-") || trimmed.hasPrefix("+") else { return false }
        return trimmed.dropFirst().allSatisfy { $0.isNumber || $0 == "," || $0 == "." } && trimmed.count > 1
    }
}
