/// Text for a terminal whose lines were not laid out for its width (the shell's greeting, the
/// questions of guided flows): long lines broken between words.
public enum TerminalText {
    /// Lines of a guided flow longer than the window, broken between words (keeping their
    /// indentation), so the terminal never cuts one mid-word. Colour codes take no room.
    public static func wrapLongLines(_ text: String, width: Int) -> String {
        guard width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard visibleLength(line) > width else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            var lines: [String] = []
            var current = "", currentLength = 0
            for word in line.dropFirst(indent.count).split(separator: " ") {
                let length = visibleLength(word)
                if current.isEmpty {
                    current = indent + word
                    currentLength = indent.count + length
                } else if currentLength + 1 + length <= width {
                    current += " " + word
                    currentLength += 1 + length
                } else {
                    lines.append(current)
                    current = indent + word
                    currentLength = indent.count + length
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Characters on screen: ANSI colour sequences (`ESC [ … m`) do not count.
    public static func visibleLength(_ text: Substring) -> Int {
        var count = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}
