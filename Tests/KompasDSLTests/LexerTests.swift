import Testing
@testable import KompasDSL

@Suite struct LexerTests {
    func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind)
    }

    @Test func nodeWithArgumentsPropertiesAndBlock() {
        #expect(kinds("sectie doelen \"Doelen\" nummer=1 {\n}") == [
            .identifier, .identifier, .string, .identifier, .equals, .number, .leftBrace, .newline, .rightBrace, .endOfFile,
        ])
    }

    @Test func identifiersKeepDashesAndDots() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "rv-2026-014 gmsd.jeugdhulp a- b.")).tokens
        #expect(tokens.map(\.text).prefix(4) == ["rv-2026-014", "gmsd.jeugdhulp", "a", ""])
        #expect(tokens[3].kind == .minus)
    }

    @Test func numbersPercentagesAndDates() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "12 3.5 40% 12.5% 2026-03-12")).tokens
        #expect(tokens.map(\.kind).prefix(5) == [.number, .number, .percent, .percent, .date])
        guard case .number(let n) = tokens[1].payload, case .number(let p) = tokens[3].payload,
              case .date(let d) = tokens[4].payload else {
            Issue.record("unexpected payloads")
            return
        }
        #expect(n == 3.5)
        #expect(p == 12.5)
        #expect(d == DateValue(year: 2026, month: 3, day: 12))
    }

    @Test func leapDayExistsOnlyInLeapYears() {
        #expect(Lexer.tokenize(SourceFile(name: "t", text: "2024-02-29")).diagnostics.isEmpty)
        let diagnostics = Lexer.tokenize(SourceFile(name: "t", text: "2026-02-29")).diagnostics
        #expect(diagnostics.first?.summary == "de datum 2026-02-29 bestaat niet")
        #expect(diagnostics.first?.hint == "februari 2026 heeft 28 dagen")
        #expect(Lexer.tokenize(SourceFile(name: "t", text: "2026-13-01")).diagnostics.first?.hint == "een maand ligt tussen 01 en 12")
    }

    /// A month and a quarter, as `help importeer metingen` writes a periode, are texts; a date, a
    /// month 13 and anything that clings on are not.
    @Test func periodsAreTexts() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "2024-05 2024-K1 2024-k4 2026-03-12")).tokens
        #expect(tokens.map(\.kind).prefix(4) == [.string, .string, .string, .date])
        let texts = tokens.prefix(3).map { token -> String in
            if let parts = token.payload.stringParts, case .literal(let text)? = parts.first { return text }
            return "?"
        }
        #expect(texts == ["2024-05", "2024-K1", "2024-K4"])
        for wrong in ["2024-13", "2024-051", "2024-05x"] {
            #expect(!Lexer.tokenize(SourceFile(name: "t", text: wrong)).diagnostics.isEmpty, "\(wrong)")
        }
        // Left to the parser (a number, a minus and a name), never a period.
        #expect(kinds("2024-K5") == [.number, .minus, .identifier, .endOfFile])
        #expect(!kinds("2024-K1-2").contains(.string))
    }

    /// `12-3-26`: a date with a two-digit year is one error with the date written out, not a sum.
    @Test func aTwoDigitYearIsWrittenOut() {
        let diagnostics = Parser.parse(SourceFile(name: "t", text: "x datum=12-3-26")).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.summary == "schrijf het jaar van de datum 12-3-26 voluit")
        #expect(diagnostics.first?.hint == "bijvoorbeeld 12-3-2026 of 2026-03-12")
        #expect(Parser.parse(SourceFile(name: "t", text: "x datum=31-2-26")).diagnostics.first?.summary == "schrijf het jaar van de datum 31-2-26 voluit")
        // Four digits stay a date; spaces or brackets stay a sum.
        #expect(kinds("12-3-2026") == [.date, .endOfFile])
        #expect(kinds("12 - 3 - 26") == [.number, .minus, .number, .minus, .number, .endOfFile])
        #expect(!kinds("12-3-26.5").contains(.invalid))
    }

    /// `datum=12/03/2026` is a date as people write it: the hint says how to write it, not "a path".
    @Test func aDateWithSlashesGetsTheDateHint() {
        for text in ["x datum=12/03/2026", "x datum=12.3.2026"] {
            let diagnostics = Parser.parse(SourceFile(name: "t", text: text)).diagnostics
            #expect(diagnostics.first?.summary == "schrijf een datum met streepjes", "\(text)")
            #expect(diagnostics.first?.hint == "bijvoorbeeld 2026-03-12 (of 12-3-2026)")
        }
        #expect(Parser.parse(SourceFile(name: "t", text: "x pad=stukken/a.txt")).diagnostics.first?.summary == "een pad hoort tussen aanhalingstekens")
        #expect(Parser.slashDate("31/02/2026") == nil)
    }

    /// Texts are read eight bytes at a time between escapes and non-ASCII letters: every piece at
    /// every offset must still come out exactly.
    @Test func textsOfEveryShapeComeOutExactly() {
        let pieces: [(source: String, text: String)] = [("a", "a"), ("Raad ", "Raad "), ("ë", "ë"), ("é€", "é€"), (#"\""#, "\""),
                                                       (#"\\"#, "\\"), (#"\$"#, "$"), (#"\n"#, "\n"), ("abcdefgh", "abcdefgh"), ("0123456789abcdef", "0123456789abcdef")]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var source = "", expected = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let piece = pieces.randomElement(using: &generator)!
                source += piece.source
                expected += piece.text
            }
            let tokens = Lexer.tokenize(SourceFile(name: "t", text: "schrijf \"\(source)\" 1")).tokens
            #expect(LexerTests.textBetween(tokens) == expected, "\(source)")
        }
    }

    /// Text blocks of one and more lines, indented, with trailing blanks, `\r\n` and escapes: a
    /// one-line block that is one plain run is taken straight from the source, the rest goes
    /// through the builder; both must give what the rules say.
    @Test func textBlocksOfEveryShapeComeOutExactly() {
        let pieces: [(source: String, text: String)] = [("a", "a"), ("Raad ", "Raad "), ("ë", "ë"), ("é€", "é€"), (#"\""#, "\""),
                                                       (#"\\"#, "\\"), (#"\$"#, "$"), (#"\n"#, "\n"), ("abcdefgh", "abcdefgh"),
                                                       ("0123456789abcdef", "0123456789abcdef"), ("'", "'"), ("x\ty", "x\ty")]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let indent = Int.random(in: 0...6, using: &generator)
            let separator = Bool.random(using: &generator) ? "\n" : "\r\n"
            var lines: [(source: String, text: String, extra: Int)] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                var source = "", text = ""
                for _ in 0..<Int.random(in: 0...8, using: &generator) {
                    let piece = pieces.randomElement(using: &generator)!
                    source += piece.source
                    text += piece.text
                }
                // Blanks at the end of a line are not part of the text (a piece ends in a space
                // only as itself, never through an escape).
                while let last = source.last, last == " " {
                    source.removeLast()
                    text.removeLast()
                }
                lines.append((source, text, Int.random(in: 0...2, using: &generator)))
            }
            let common = lines.filter { !$0.source.isEmpty }.map { indent + $0.extra }.min() ?? 0
            let body = lines.map { String(repeating: " ", count: indent + $0.extra) + $0.source + (Bool.random(using: &generator) ? " \t" : "") }
            let expected = lines.map { $0.source.isEmpty ? "" : String(repeating: " ", count: indent + $0.extra - common) + $0.text }.joined(separator: "\n")
            let source = "schrijf \"\"\"" + separator + body.joined(separator: separator) + separator + String(repeating: " ", count: indent) + "\"\"\" 1"
            let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "t", text: source))
            #expect(diagnostics.isEmpty, "\(source.debugDescription)")
            #expect(LexerTests.textBetween(tokens) == expected, "\(source.debugDescription)")
        }
    }

    /// The text of `schrijf TEXT 1`'s second token (its literal parts, `?` for any other part);
    /// nil unless the tokens are a name, a text and a number.
    static func textBetween(_ tokens: [Token]) -> String? {
        guard tokens.count >= 3, tokens[1].kind == .string, tokens[2].kind == .number, let parts = tokens[1].payload.stringParts else { return nil }
        return parts.map { part -> String in
            if case .literal(let literal) = part { return literal }
            return "?"
        }.joined()
    }

    @Test func stringEscapes() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: #""a\"b\\c\nd\te\$f\u{20AC}""#)).tokens
        guard let parts = tokens[0].payload.stringParts, case .literal(let text) = parts[0] else {
            Issue.record("no string")
            return
        }
        #expect(text == "a\"b\\c\nd\te$f€")
    }

    @Test func unknownEscapeIsReported() {
        let diagnostics = Lexer.tokenize(SourceFile(name: "t", text: #""a\qb""#)).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].summary == "onbekende ontsnapping `\\q`")
    }

    @Test func interpolationParts() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: #""Hallo $naam, ${1 + 2} $k.titel.""#)).tokens
        guard let parts = tokens[0].payload.stringParts else {
            Issue.record("no string")
            return
        }
        #expect(parts.count == 7)
        if case .variable(let name, let fields, _, _) = parts[1] {
            #expect(name == "naam")
            #expect(fields.isEmpty)
        } else {
            Issue.record("expected variable")
        }
        if case .variable(let name, let fields, _, _) = parts[5] {
            #expect(name == "k")
            #expect(fields == ["titel"])
        } else {
            Issue.record("expected variable with field")
        }
    }

    @Test func textBlockStripsCommonIndentation() {
        let source = "tekst \"\"\"\n    eerste regel\n      ingesprongen\n\n    laatste\n    \"\"\"\n"
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: source)).tokens
        guard let parts = tokens[1].payload.stringParts, case .literal(let text) = parts[0] else {
            Issue.record("no text block")
            return
        }
        #expect(text == "eerste regel\n  ingesprongen\n\nlaatste")
        #expect(tokens[2].kind == .newline)
    }

    @Test func crlfAndByteOrderMarkAreAccepted() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("toon wmo\r\ntoon jeugdwet\r\n".utf8)
        let file = SourceFile(name: "t", bytes: bytes)
        let (tokens, diagnostics) = Lexer.tokenize(file)
        #expect(diagnostics.isEmpty)
        #expect(tokens.filter { $0.kind == .identifier }.map(\.text) == ["toon", "wmo", "toon", "jeugdwet"])
        #expect(file.location(of: tokens[4].start) == SourceLocation(line: 2, column: 6))
    }

    @Test func columnsCountCharactersNotBytes() {
        let file = SourceFile(name: "t", text: "titel \"Coöperatie\" x")
        let offset = Array(file.bytes).lastIndex(of: UInt8(ascii: "x"))!
        #expect(file.location(of: offset) == SourceLocation(line: 1, column: 20))
    }

    /// Double curly quotes pasted from a word processor are quotes (issue 15); single ones, which
    /// are also apostrophes, still get a hint.
    @Test func curlyDoubleQuotesAreQuotesSingleOnesGetAHint() {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "t", text: "titel “Wmo” „Jeugd”"))
        #expect(diagnostics.isEmpty)
        #expect(tokens.filter { $0.kind == .string }.count == 2)
        let single = Lexer.tokenize(SourceFile(name: "t", text: "titel ‘Wmo’")).diagnostics
        #expect(single.first?.summary.contains("gekrulde aanhalingstekens") == true)
    }

    @Test func nameStartingWithDigit() {
        let diagnostics = Lexer.tokenize(SourceFile(name: "t", text: "indicator 75plus")).diagnostics
        #expect(diagnostics.first?.summary == "een naam mag niet met een cijfer beginnen")
    }
}
