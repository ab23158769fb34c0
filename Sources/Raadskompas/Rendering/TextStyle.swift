/// How text for a terminal is laid out: width and whether ANSI colour is used.
public struct TextStyle: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = max(30, min(width, 200))
        self.color = color
    }

    public static let plain = TextStyle()

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    func accent(_ s: String) -> String { color ? "\u{1B}[36m\(s)\u{1B}[0m" : s }
    func heading(_ s: String) -> String { color ? "\u{1B}[1;34m\(s)\u{1B}[0m" : s }
    /// A judgement in the colour of its meaning: green for good, yellow for partly, red for missing.
    func good(_ s: String) -> String { color ? "\u{1B}[32m\(s)\u{1B}[0m" : s }
    func partly(_ s: String) -> String { color ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
    func bad(_ s: String) -> String { color ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
}

/// Word wrapping with hanging indentation.
enum TextLayout {
    /// Wraps `text` to `width` columns. The first line starts with `first`, the others with `rest`.
    /// Single line breaks in the text are source wrapping and become spaces; blank lines separate
    /// paragraphs; lines that start with a list marker keep their own line.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var prefix = first
        for paragraph in paragraphs(text) {
            if paragraph.isEmpty {
                lines.append("")
                continue
            }
            var line = prefix
            var lineWidth = columns(prefix)
            var empty = true
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let w = columns(word)
                if !empty, lineWidth + 1 + w > width {
                    lines.append(line)
                    line = rest
                    lineWidth = columns(rest)
                    empty = true
                }
                if !empty {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += w
                empty = false
            }
            lines.append(line)
            prefix = rest
        }
        return lines
    }

    /// Characters on screen; ASCII (most words) is counted without walking grapheme clusters.
    @inline(__always) private static func columns<S: StringProtocol>(_ text: S) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }

    private static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Trimmed by hand: a CharacterSet built per line is most of the cost of wrapping a card.
            var line = raw
            while let c = line.first, c == " " || c == "\t" { line = line.dropFirst() }
            while let c = line.last, c == " " || c == "\t" { line = line.dropLast() }
            if line.isEmpty {
                if !current.isEmpty { result.append(current); current = "" }
                if result.last != "" , !result.isEmpty { result.append("") }
                continue
            }
            let isItem = line.hasPrefix("- ") || line.hasPrefix("• ") || line.hasPrefix("* ")
                || (line.first?.isNumber == true && line.dropFirst().prefix(2).contains("."))
            if isItem, !current.isEmpty {
                result.append(current)
                current = ""
            }
            current = current.isEmpty ? String(line) : current + " " + line
        }
        if !current.isEmpty { result.append(current) }
        while result.last == "" { result.removeLast() }
        return result
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return s
    }
}
