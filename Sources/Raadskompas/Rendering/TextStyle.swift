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
        // Worked on UTF-8 bytes: splitting a String by Character walks grapheme clusters, which was
        // most of the time of `toon wmo`. Spaces and line breaks are ASCII; a word with other than
        // ASCII is counted in Characters, as the terminal shows it.
        var lines: [String] = []
        var prefix = Array(first.utf8)
        var prefixWidth = columns(first)
        let restBytes = Array(rest.utf8), restWidth = columns(rest)
        var line: [UInt8] = []
        line.reserveCapacity(width * 4)
        for paragraph in paragraphs(text) {
            if paragraph.isEmpty {
                lines.append("")
                continue
            }
            line.removeAll(keepingCapacity: true)
            line += prefix
            var lineWidth = prefixWidth
            var empty = true
            var index = 0
            let count = paragraph.count
            while index < count {
                while index < count, paragraph[index] == space { index += 1 }
                guard index < count else { break }
                let start = index
                var ascii = true
                while index < count, paragraph[index] != space {
                    if paragraph[index] >= 0x80 { ascii = false }
                    index += 1
                }
                let word = paragraph[start..<index]
                let w = ascii ? word.count : String(decoding: word, as: UTF8.self).count
                if !empty, lineWidth + 1 + w > width {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    line += restBytes
                    lineWidth = restWidth
                    empty = true
                }
                if !empty {
                    line.append(space)
                    lineWidth += 1
                }
                line += word
                lineWidth += w
                empty = false
            }
            lines.append(String(decoding: line, as: UTF8.self))
            prefix = restBytes
            prefixWidth = restWidth
        }
        return lines
    }

    private static let space = UInt8(ascii: " ")

    /// Characters on screen; ASCII (most words) is counted without walking grapheme clusters.
    @inline(__always) private static func columns<S: StringProtocol>(_ text: S) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }

    /// The paragraphs of `text` as UTF-8: its lines trimmed of spaces and tabs and joined with a
    /// space; a blank line ends a paragraph (and is kept as one empty paragraph between two); a line
    /// that starts with a list marker (`- `, `• `, `* `, `1.`) starts a paragraph of its own.
    private static func paragraphs(_ text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            let count = bytes.count
            while lineStart <= count {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != newline { lineEnd += 1 }
                var from = lineStart, to = lineEnd
                while from < to, bytes[from] == space || bytes[from] == tab { from += 1 }
                while to > from, bytes[to - 1] == space || bytes[to - 1] == tab { to -= 1 }
                lineStart = lineEnd + 1
                if from == to {
                    if !current.isEmpty { result.append(current); current = [] }
                    if !result.isEmpty, result.last?.isEmpty == false { result.append([]) }
                    continue
                }
                let line = UnsafeBufferPointer(rebasing: bytes[from..<to])
                if isItem(line), !current.isEmpty {
                    result.append(current)
                    current = []
                }
                if !current.isEmpty { current.append(space) }
                current.append(contentsOf: line)
            }
        }
        if !current.isEmpty { result.append(current) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// Whether a line starts with a list marker: `- `, `• `, `* `, or a number with a point within
    /// the next two characters (`1.`, `12.`).
    private static func isItem(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if line.count >= 2, first == UInt8(ascii: "-") || first == UInt8(ascii: "*"), line[1] == space { return true }
        if line.starts(with: [0xE2, 0x80, 0xA2, 0x20]) { return true }  // "• "
        let digit = first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
        if digit, line.dropFirst().prefix(3).allSatisfy({ $0 < 0x80 }) {
            return line.dropFirst().prefix(2).contains(UInt8(ascii: "."))
        }
        guard digit || first >= 0x80 else { return false }
        // A digit of another script, or a fraction: as Character.isNumber decides.
        let text = String(decoding: line.prefix(16), as: UTF8.self)
        return text.first?.isNumber == true && text.dropFirst().prefix(2).contains(".")
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
