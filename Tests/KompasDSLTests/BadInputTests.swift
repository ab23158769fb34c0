import Testing
@testable import KompasDSL

/// The bad-input corpus of the language issue: each input gives a diagnostic with a location (or,
/// for the accepted ones, none), and none crashes or hangs.
@Suite struct BadInputTests {
    func firstError(_ text: String) -> Diagnostic? {
        runAll(text).diagnostics.first { $0.severity == .error }
    }

    @Test func unterminatedString() {
        let source = MarkedSource("titel 1️⃣\"Wmo\nbron \"x\"")
        let d = firstError(source.text)
        #expect(d?.summary == "tekst wordt niet afgesloten")
        #expect(d?.span?.location == source.location("1️⃣"))
    }

    @Test func unterminatedTextBlock() {
        let source = MarkedSource("tekst 1️⃣\"\"\"\n  regel een\n  regel twee\n")
        let d = firstError(source.text)
        #expect(d?.summary == "tekstblok wordt niet afgesloten")
        #expect(d?.span?.location == source.location("1️⃣"))
    }

    @Test func textAfterOpeningDelimiter() {
        let source = MarkedSource("tekst \"\"\" 1️⃣te vroeg\n  regel\n  \"\"\"")
        #expect(firstError(source.text)?.span?.location == source.location("1️⃣"))
    }

    @Test func unbalancedBraces() {
        #expect(firstError("a {\n b {\n }\n")?.summary == "blok wordt niet gesloten")
        #expect(firstError("a\n}\n")?.summary == "losse `}` zonder bijbehorende `{`")
    }

    /// The first diagnostic of `before`, `bad` and `after` in a row, and where `bad` starts.
    func firstDiagnostic(_ before: String, _ bad: [UInt8], _ after: String) -> (diagnostic: Diagnostic?, badStart: Int) {
        let bytes = Array(before.utf8) + bad + Array(after.utf8)
        return (runBytes(bytes).diagnostics.first, before.utf8.count)
    }

    @Test func invalidUTF8() {
        let (d, position) = firstDiagnostic("titel \"ab", [0xC3, 0x28], "\"\n")
        #expect(d?.summary == "ongeldige UTF-8-byte 0xC3")
        #expect(d?.span?.start == position)
        #expect(d?.span?.location == SourceLocation(line: 1, column: 10))
    }

    /// A one-line text block and a plain text are read without decoding first; bad UTF-8 in them
    /// must still be found, at its byte.
    @Test func invalidUTF8InATextBlockAndAPlainText() {
        let (d, position) = firstDiagnostic("tekst \"\"\"\n  coöperatie ", [0xE2, 0x82], " raad\n  \"\"\"\n")
        #expect(d?.summary == "ongeldige UTF-8-byte 0xE2")
        #expect(d?.span?.start == position)
        // A UTF-16 surrogate, not valid in UTF-8.
        let (surrogate, surrogatePosition) = firstDiagnostic("titel \"Zoëterwoude ", [0xED, 0xA0, 0x80], "\"\n")
        #expect(surrogate?.span?.start == surrogatePosition)
    }

    @Test func invalidUTF8OutsideStrings() {
        let d = runBytes(Array("a ".utf8) + [0xFF] + Array(" b".utf8)).diagnostics.first
        #expect(d?.summary == "ongeldige UTF-8-byte 0xFF")
        #expect(d?.span?.location == SourceLocation(line: 1, column: 3))
    }

    @Test func manyInvalidBytesAreSummarised() {
        let diagnostics = runBytes([UInt8](repeating: 0xFF, count: 10_000)).diagnostics
        #expect(diagnostics.count <= Lexer.maxByteDiagnostics + 1)
    }

    @Test func nulByte() {
        let d = runBytes(Array("a \"x".utf8) + [0] + Array("y\"".utf8)).diagnostics.first
        #expect(d?.summary == "NUL-teken (byte 0) in de tekst")
        #expect(d?.span?.location == SourceLocation(line: 1, column: 5))
        #expect(runBytes([0, 0, 0]).diagnostics.first?.summary == "NUL-teken (byte 0) in de tekst")
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() {
        let (nodes, diagnostics) = runBytes([0xEF, 0xBB, 0xBF] + Array("a \"x\"\r\nb {\r\n  c 1\r\n}\r\n".utf8))
        #expect(diagnostics.isEmpty)
        #expect(nodes.map(\.name) == ["a", "b"])
    }

    @Test func impossibleDate() {
        let source = MarkedSource("vergadering 1️⃣2026-02-30")
        let d = firstError(source.text)
        #expect(d?.summary == "de datum 2026-02-30 bestaat niet")
        #expect(d?.span?.location == source.location("1️⃣"))
    }

    @Test func hugeLineParsesInLinearTime() {
        let line = "tekst \"" + String(repeating: "woord ", count: 850_000) + "\"\n" // about 5 MB
        let clock = ContinuousClock()
        var nodes: [Node] = []
        let elapsed = clock.measure { nodes = runAll(line).nodes }
        #expect(nodes.count == 1)
        // Not a benchmark: a generous bound that only a quadratic algorithm would break.
        #expect(elapsed < .seconds(30))
        let broken = "tekst \"" + String(repeating: "woord ", count: 850_000) + "\n"
        #expect(firstError(broken)?.summary == "tekst wordt niet afgesloten")
    }

    @Test func emptyFile() {
        #expect(runAll("").diagnostics.isEmpty)
        #expect(runBytes([]).diagnostics.isEmpty)
    }

    @Test func everyErrorInAFileIsReported() {
        let source = MarkedSource("""
            a 1️⃣"open
            b 2️⃣2026-02-30
            c 3️⃣}
            d 4️⃣@
            """)
        let locations = runAll(source.text).diagnostics.compactMap { $0.span?.location }
        for marker in ["1️⃣", "2️⃣", "4️⃣"] {
            #expect(locations.contains(source.location(marker)!), "no diagnostic at \(marker)")
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]()\"\\$=,.;#-+*/<>!\n \tabcé0123456789%".utf8) + [0, 0xFF, 0xC3, 0xE2]
        for _ in 0..<300 {
            let length = Int.random(in: 0..<400, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            _ = runBytes(bytes)
            _ = Parser.isIncomplete(SourceFile(name: "t", bytes: bytes))
        }
    }
}

@Suite struct BadInputRegressionTests {
    @Test func nulInAComment() {
        let d = runBytes(Array("# a".utf8) + [0] + Array("b\nx 1\n".utf8)).diagnostics.first
        #expect(d?.summary == "NUL-teken (byte 0) in de tekst")
        #expect(d?.span?.location == SourceLocation(line: 1, column: 4))
    }

    @Test func unicodeEscapeLongerThanEightDigits() {
        #expect(runAll("x \"\\u{0000000041}\"").diagnostics.first?.summary.hasPrefix("ongeldig Unicode-teken") == true)
        #expect(runAll("x \"\\u{41\"").diagnostics.first?.summary.hasPrefix("ongeldig Unicode-teken") == true)
        #expect(runAll("x \"\\u{41}\"").nodes.first?.arguments.first?.value == .text("A"))
    }

    @Test func constantChildrenOfAVariableNodeAreKept() {
        let (nodes, diagnostics) = runAll("laat id = k\nkaart $id {\n  titel \"t\"\n  bron \"b\"\n}\n")
        #expect(diagnostics.isEmpty)
        #expect(nodes.first?.arguments.first?.value == .symbol("k"))
        #expect(nodes.first?.children.map(\.name) == ["titel", "bron"])
    }

    @Test func lineBreakAfterPrefixOperatorInsideBrackets() {
        #expect(runAll("x (niet\n ja)").nodes.first?.arguments.first?.value == .bool(false))
        #expect(runAll("x (-\n 2)").nodes.first?.arguments.first?.value == .number(-2))
    }

    @Test func dutchThousands() {
        #expect(StandardLibrary.parseDutchNumber("1.250") == 1250)
        #expect(StandardLibrary.parseDutchNumber("1.250.000") == 1_250_000)
        #expect(StandardLibrary.parseDutchNumber("3.5") == 3.5)
    }
}
