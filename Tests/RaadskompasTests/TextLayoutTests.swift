import Testing
@testable import Raadskompas

/// `TextLayout.wrap` works on UTF-8 bytes for speed; these tests hold it to the Character-based
/// version it replaced (kept below as the reference), on the bundled cards and on generated text.
@Suite struct TextLayoutTests {
    /// The earlier implementation, on Characters.
    static func referenceWrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        func columns<S: StringProtocol>(_ text: S) -> Int { text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count }
        func paragraphs(_ text: String) -> [String] {
            var result: [String] = []
            var current = ""
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = raw
                while let c = line.first, c == " " || c == "\t" { line = line.dropFirst() }
                while let c = line.last, c == " " || c == "\t" { line = line.dropLast() }
                if line.isEmpty {
                    if !current.isEmpty { result.append(current); current = "" }
                    if result.last != "", !result.isEmpty { result.append("") }
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

    @Test func sameAsTheReferenceOnTheBundledContent() throws {
        // Every bundled file as one text (indentation, list markers, accents, blank lines), and
        // every card's summary.
        let library = ContentLibrary.load(ContentSource.bundled)
        let texts = ContentSource.bundled.map { String(decoding: $0.bytes, as: UTF8.self) } + library.cards.compactMap(\.summary)
        #expect(texts.count > 20)
        for text in texts {
            for width in [30, 57, 80, 120] {
                #expect(TextLayout.wrap(text, width: width, first: "  • ", rest: "    ") == Self.referenceWrap(text, width: width, first: "  • ", rest: "    "))
            }
        }
    }

    @Test func sameAsTheReferenceOnGeneratedText() {
        // Pieces that meet the rules: spaces, tabs, blank lines, list markers, numbers with and
        // without a point, accents and a wide character, a digit of another script.
        let pieces = ["woord", "é", "zorg", " ", " ", "  ", "\t", "\n", "\n\n", "\n \n", "- ", "• ", "* ", "1. ", "12.", "3,5", "a.", "١.", "½.",
                      "Wmo", "jeugdhulp", "ondersteuning", "中文", "—", "x", "1é.", "ë", "."]
        var random = SeededGenerator(state: 0x5EED)
        func next() -> Int { Int(truncatingIfNeeded: random.next() >> 33) }
        for _ in 0..<3000 {
            let text = (0..<(next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
            let width = 30 + next() % 40
            #expect(TextLayout.wrap(text, width: width, first: "> ", rest: "   ") == Self.referenceWrap(text, width: width, first: "> ", rest: "   "), "\(text.debugDescription) op breedte \(width)")
        }
    }

    @Test func emptyAndBlankText() {
        #expect(TextLayout.wrap("", width: 40).isEmpty)
        #expect(TextLayout.wrap(" \n\t\n", width: 40).isEmpty)
        #expect(TextLayout.wrap("a\n\n\nb", width: 40) == ["a", "", "b"])
    }
}
