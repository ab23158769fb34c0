/// Turns source bytes into tokens. Never fails: whatever it cannot read becomes an `.invalid` token
/// plus a diagnostic, and lexing goes on, so every problem in a file is reported in one pass.
public struct Lexer {
    /// At most this many diagnostics about unreadable bytes per file; the rest are summarised.
    static let maxByteDiagnostics = 20

    public let file: SourceFile
    private let range: Range<Int>
    public private(set) var diagnostics: [Diagnostic] = []
    private var byteDiagnostics = 0
    /// Where lexing goes on with the next chunk.
    private var position: Int
    /// Whether the end-of-file token has been produced.
    public private(set) var isFinished = false

    /// Lexes `range` of `file` (the whole file by default; a sub-range for `${…}` interpolations).
    public init(file: SourceFile, range: Range<Int>? = nil) {
        self.file = file
        self.range = range ?? 0..<file.bytes.count
        self.position = self.range.lowerBound
    }

    public static func tokenize(_ file: SourceFile, range: Range<Int>? = nil) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file, range: range)
        let tokens = lexer.run()
        return (tokens, lexer.diagnostics)
    }

    private mutating func report(_ summary: String, hint: String? = nil, _ start: Int, _ end: Int) {
        diagnostics.append(.error(summary, hint: hint, at: SourceSpan(file: file, start: start, end: end)))
    }

    private mutating func reportByte(_ summary: String, hint: String, at offset: Int, length: Int) {
        byteDiagnostics += 1
        if byteDiagnostics <= Lexer.maxByteDiagnostics {
            report(summary, hint: hint, offset, offset + length)
        } else if byteDiagnostics == Lexer.maxByteDiagnostics + 1 {
            report("nog meer onleesbare tekens in dit bestand", hint: "sla het bestand op als UTF-8-tekst", offset, offset + length)
        }
    }

    mutating func run() -> [Token] {
        var tokens: [Token] = []
        while !isFinished { lexChunk(into: &tokens, count: 4096) }
        return tokens
    }

    /// Appends up to `count` more tokens (fewer at the end: the last is `.endOfFile`). The parser
    /// pulls tokens in chunks, so a large file never needs all its tokens in memory at once.
    public mutating func lexChunk(into tokens: inout [Token], count: Int) {
        guard !isFinished else { return }
        let (start, end) = (position, range.upperBound)
        position = file.bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, position: start, end: end)
            for _ in 0..<count {
                let token = next(&scanner)
                tokens.append(token)
                if token.kind == .endOfFile {
                    isFinished = true
                    break
                }
            }
            return scanner.position
        }
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int

        @inline(__always) func peek(_ offset: Int = 0) -> UInt8 {
            let i = position + offset
            return i < end ? bytes[i] : 0
        }
        @inline(__always) var atEnd: Bool { position >= end }
    }

    // MARK: - Tokens

    private mutating func next(_ s: inout Scanner) -> Token {
        while !s.atEnd {
            let b = s.bytes[s.position]
            switch b {
            case 0x20, 0x09, 0x0C, 0x0B:
                s.position += 1
            case 0x23: // '#' comment
                while !s.atEnd, s.bytes[s.position] != 0x0A, s.bytes[s.position] != 0x0D {
                    if s.bytes[s.position] == 0 {
                        reportByte("NUL-teken (byte 0) in de tekst", hint: "dit lijkt geen tekstbestand; sla het op als UTF-8-tekst", at: s.position, length: 1)
                        s.position += 1
                        continue
                    }
                    if s.bytes[s.position] >= 0x80 {
                        // Comments may hold any valid text, but not broken bytes.
                        let length = utf8Length(s, at: s.position)
                        if length == 0 {
                            reportInvalidByte(s, at: s.position)
                            s.position += 1
                            continue
                        }
                        s.position += length
                        continue
                    }
                    s.position += 1
                }
            case 0x5C where isLineContinuation(s):
                // A backslash at the end of a line (white space may follow) continues the statement.
                s.position += 1
                while s.peek() == 0x20 || s.peek() == 0x09 { s.position += 1 }
                if s.peek() == 0x0D { s.position += 1 }
                if s.peek() == 0x0A { s.position += 1 }
            default:
                return token(&s)
            }
        }
        return Token(kind: .endOfFile, start: s.end, end: s.end, payload: .none)
    }

    private func isLineContinuation(_ s: Scanner) -> Bool {
        var i = s.position + 1
        while i < s.end, s.bytes[i] == 0x20 || s.bytes[i] == 0x09 { i += 1 }
        return i >= s.end || s.bytes[i] == 0x0A || s.bytes[i] == 0x0D
    }

    private mutating func token(_ s: inout Scanner) -> Token {
        let start = s.position
        let b = s.bytes[start]
        func simple(_ kind: Token.Kind, _ length: Int = 1) -> Token {
            s.position += length
            return Token(kind: kind, start: start, end: start + length, payload: .none)
        }
        switch b {
        case 0x0A:
            return simple(.newline)
        case 0x0D:
            return simple(.newline, s.peek(1) == 0x0A ? 2 : 1)
        case UInt8(ascii: "{"): return simple(.leftBrace)
        case UInt8(ascii: "}"): return simple(.rightBrace)
        case UInt8(ascii: "["): return simple(.leftBracket)
        case UInt8(ascii: "]"): return simple(.rightBracket)
        case UInt8(ascii: "("): return simple(.leftParen)
        case UInt8(ascii: ")"): return simple(.rightParen)
        case UInt8(ascii: ","): return simple(.comma)
        case UInt8(ascii: ";"): return simple(.semicolon)
        case UInt8(ascii: "."): return simple(.dot)
        case UInt8(ascii: "+"): return simple(.plus)
        case UInt8(ascii: "-"): return simple(.minus)
        case UInt8(ascii: "*"): return simple(.star)
        case UInt8(ascii: "/"): return simple(.slash)
        case UInt8(ascii: "="):
            return s.peek(1) == UInt8(ascii: "=") ? simple(.equalEqual, 2) : simple(.equals)
        case UInt8(ascii: "!"):
            if s.peek(1) == UInt8(ascii: "=") { return simple(.notEqual, 2) }
            s.position += 1
            report("onbekend teken `!`", hint: "schrijf `niet` voor ontkenning of `!=` voor ‘is niet gelijk aan’", start, start + 1)
            return Token(kind: .invalid, start: start, end: start + 1, payload: .none)
        case UInt8(ascii: "<"):
            return s.peek(1) == UInt8(ascii: "=") ? simple(.lessEqual, 2) : simple(.less)
        case UInt8(ascii: ">"):
            return s.peek(1) == UInt8(ascii: "=") ? simple(.greaterEqual, 2) : simple(.greater)
        case UInt8(ascii: "\""):
            if s.peek(1) == UInt8(ascii: "\""), s.peek(2) == UInt8(ascii: "\"") {
                return textBlock(&s)
            }
            return string(&s)
        case UInt8(ascii: "$"):
            return variable(&s)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number(&s)
        default:
            // “Visie” or „Visie” pasted from a word processor: a text, as with straight quotes.
            if b == 0xE2, s.peek(1) == 0x80, s.peek(2) == 0x9C || s.peek(2) == 0x9E {
                return curlyString(&s)
            }
            if isIdentifierStart(s, at: start) {
                return identifier(&s)
            }
            return invalidCharacter(&s)
        }
    }

    private mutating func invalidCharacter(_ s: inout Scanner) -> Token {
        let start = s.position
        let b = s.bytes[start]
        // `~/stukken/rv.pdf` typed without quotes: one error for the whole path, saying what to do.
        if b == UInt8(ascii: "~"), s.peek(1) == UInt8(ascii: "/") {
            while !s.atEnd, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\"")].contains(s.bytes[s.position]) { s.position += 1 }
            s.position = min(Parser.pathEnd(s.bytes, start: start, end: s.position), s.end)
            let path = String(decoding: s.bytes[start..<s.position], as: UTF8.self)
            report("een pad hoort tussen aanhalingstekens", hint: "zet het pad tussen aanhalingstekens: \"\(path)\"", start, s.position)
            return Token(kind: .invalid, start: start, end: s.position, payload: .none)
        }
        // `C:\Users\anna\rv.docx` or `stukken\rv.docx` typed without quotes: one error for the
        // whole path, shown as it works in a text (with `/`; a `\` there starts an escape).
        let drive = b == UInt8(ascii: ":") && start >= 1 && isASCIILetter(s.bytes[start - 1])
            && (start == 1 || [0x20, 0x09, UInt8(ascii: "=")].contains(s.bytes[start - 2]))
            && (s.peek(1) == UInt8(ascii: "\\") || s.peek(1) == UInt8(ascii: "/"))
        if drive || b == UInt8(ascii: "\\") {
            var pathStart = start
            while pathStart > 0, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "=")].contains(s.bytes[pathStart - 1]) { pathStart -= 1 }
            while !s.atEnd, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\"")].contains(s.bytes[s.position]) { s.position += 1 }
            s.position = min(Parser.pathEnd(s.bytes, start: pathStart, end: s.position), s.end)
            let path = String(decoding: s.bytes[pathStart..<s.position].map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
            report("een pad hoort tussen aanhalingstekens", hint: "zet het pad tussen aanhalingstekens, met / in plaats van \\: \"\(path)\"", pathStart, s.position)
            return Token(kind: .invalid, start: start, end: s.position, payload: .none)
        }
        if b == 0 {
            s.position += 1
            reportByte("NUL-teken (byte 0) in de tekst", hint: "dit lijkt geen tekstbestand; sla het op als UTF-8-tekst", at: start, length: 1)
            return Token(kind: .invalid, start: start, end: start + 1, payload: .none)
        }
        let length = utf8Length(s, at: start)
        if length == 0 {
            reportInvalidByte(s, at: start)
            s.position += 1
            return Token(kind: .invalid, start: start, end: start + 1, payload: .none)
        }
        s.position += length
        let scalar = decodeScalar(s, at: start, length: length)
        let shown = String(scalar.map { Character($0) } ?? "?")
        switch scalar?.value {
        case 0x201C, 0x201D, 0x201E, 0x2018, 0x2019, 0x00AB, 0x00BB:
            report("gekrulde aanhalingstekens `\(shown)` horen niet bij de taal", hint: "gebruik rechte aanhalingstekens: \"…\"", start, start + length)
        default:
            report("onbekend teken `\(shown)`", hint: "tekst hoort tussen aanhalingstekens: \"…\"", start, start + length)
        }
        return Token(kind: .invalid, start: start, end: start + length, payload: .none)
    }

    private mutating func reportInvalidByte(_ s: Scanner, at offset: Int) {
        let hex = String(s.bytes[offset], radix: 16, uppercase: true)
        reportByte("ongeldige UTF-8-byte 0x\(hex.count == 1 ? "0" + hex : hex)", hint: "sla het bestand op als UTF-8-tekst", at: offset, length: 1)
    }

    // MARK: - Names

    private func isIdentifierStart(_ s: Scanner, at i: Int) -> Bool {
        let b = s.bytes[i]
        if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F { return true }
        if b < 0x80 { return false }
        let length = utf8Length(s, at: i)
        guard length > 0, let scalar = decodeScalar(s, at: i, length: length) else { return false }
        return scalar.properties.isAlphabetic
    }

    @inline(__always) private func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    /// Letters, digits and `_`; `-` and `.` when a letter or digit follows them.
    private mutating func identifier(_ s: inout Scanner) -> Token {
        let start = s.position
        s.position += max(1, utf8Length(s, at: start))
        var ascii = s.bytes[start] < 0x80
        while !s.atEnd {
            let b = s.bytes[s.position]
            if isIdentifierByte(b) {
                s.position += 1
            } else if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                let n = s.peek(1)
                if isIdentifierByte(n) || (n >= 0x80 && isIdentifierStart(s, at: s.position + 1)) {
                    s.position += 1
                } else {
                    break
                }
            } else if b >= 0x80, isIdentifierStart(s, at: s.position) {
                ascii = false
                s.position += utf8Length(s, at: s.position)
            } else {
                break
            }
        }
        let text = ascii
            ? String(unsafeUninitializedCapacity: s.position - start) { dest in
                _ = dest.initialize(from: s.bytes[start..<s.position])
                return s.position - start
            }
            : String(decoding: s.bytes[start..<s.position], as: UTF8.self)
        return Token(kind: .identifier, start: start, end: s.position, payload: .text(text))
    }

    private mutating func variable(_ s: inout Scanner) -> Token {
        let start = s.position
        s.position += 1
        guard !s.atEnd, isIdentifierStart(s, at: s.position) else {
            report("`$` zonder naam", hint: "een variabele schrijf je als `$naam`", start, start + 1)
            return Token(kind: .invalid, start: start, end: start + 1, payload: .none)
        }
        let nameStart = s.position
        scanVariableName(&s)
        return Token(kind: .variable, start: start, end: s.position, payload: .text(String(decoding: s.bytes[nameStart..<s.position], as: UTF8.self)))
    }

    /// Variable names: letters, digits and `_` (no `-` or `.`, so `$a-1` and `$kaart.titel` read naturally).
    private func scanVariableName(_ s: inout Scanner) {
        while !s.atEnd {
            let b = s.bytes[s.position]
            if isIdentifierByte(b) {
                s.position += 1
            } else if b >= 0x80, isIdentifierStart(s, at: s.position) {
                s.position += utf8Length(s, at: s.position)
            } else {
                break
            }
        }
    }

    // MARK: - Numbers and dates

    private mutating func number(_ s: inout Scanner) -> Token {
        let start = s.position
        func digits(_ s: inout Scanner) -> Int {
            var count = 0
            while !s.atEnd, s.bytes[s.position] >= 0x30, s.bytes[s.position] <= 0x39 {
                s.position += 1
                count += 1
            }
            return count
        }
        let intDigits = digits(&s)
        if intDigits == 4, s.peek() == UInt8(ascii: "-"), let token = period(&s, start: start) {
            return token
        }
        if intDigits == 4, s.peek() == UInt8(ascii: "-"), isDigit(s.peek(1)) {
            return date(&s, start: start)
        }
        if (1...2).contains(intDigits), s.peek() == UInt8(ascii: "-"), isDigit(s.peek(1)), let token = dutchDate(&s, start: start) {
            return token
        }
        if s.peek() == UInt8(ascii: "."), isDigit(s.peek(1)) {
            s.position += 1
            _ = digits(&s)
        }
        let numberEnd = s.position
        let text = String(decoding: s.bytes[start..<numberEnd], as: UTF8.self)
        let value = Double(text) ?? 0
        if s.peek() == UInt8(ascii: "%") {
            s.position += 1
            return Token(kind: .percent, start: start, end: s.position, payload: .number(value))
        }
        if !s.atEnd, isIdentifierStart(s, at: s.position) {
            // `75plus`, `3e`: a name that starts with a digit.
            _ = identifier(&s)
            report("een naam mag niet met een cijfer beginnen", hint: "begin met een letter (bijvoorbeeld `leeftijd-75plus`), of zet de tekst tussen aanhalingstekens", start, s.position)
            return Token(kind: .invalid, start: start, end: s.position, payload: .none)
        }
        return Token(kind: .number, start: start, end: numberEnd, payload: .number(value))
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A period as CBS and the help write it, a month `2024-05` or a quarter `2024-K1`: read as
    /// the text "2024-05" (we are after the year, at `-`). Nil, with the scanner where it was,
    /// for anything else (a date `2024-05-12`, a subtraction `2024-5`).
    private func period(_ s: inout Scanner, start: Int) -> Token? {
        let p = s.position
        guard p + 2 < s.end else { return nil }
        let first = s.bytes[p + 1], second = s.bytes[p + 2]
        let isMonth = isDigit(first) && isDigit(second) && (1...12).contains(Int(first - 0x30) * 10 + Int(second - 0x30))
        let isQuarter = (first == UInt8(ascii: "K") || first == UInt8(ascii: "k")) && second >= 0x31 && second <= 0x34
        guard isMonth || isQuarter else { return nil }
        let end = p + 3
        // `2024-05-12` is a date, `2024-051` or `2024-K1x` no period.
        if end < s.end, isIdentifierByte(s.bytes[end]) || s.bytes[end] == UInt8(ascii: "-") { return nil }
        s.position = end
        var text = String(decoding: s.bytes[start..<end], as: UTF8.self)
        if isQuarter { text = String(text.dropLast(2)) + "K" + String(UnicodeScalar(second)) }
        return Token(kind: .string, start: start, end: end, payload: .plainString(text))
    }

    private mutating func date(_ s: inout Scanner, start: Int) -> Token {
        // We are after `dddd`, at `-`.
        var parts: [Int] = [Int(String(decoding: s.bytes[start..<s.position], as: UTF8.self)) ?? 0]
        var wellFormed = true
        for _ in 0..<2 {
            guard s.peek() == UInt8(ascii: "-"), isDigit(s.peek(1)) else { wellFormed = false; break }
            s.position += 1
            let partStart = s.position
            while isDigit(s.peek()) { s.position += 1 }
            if s.position - partStart != 2 { wellFormed = false }
            parts.append(Int(String(decoding: s.bytes[partStart..<s.position], as: UTF8.self)) ?? 0)
        }
        // Swallow what still clings to it (`2026-03-12x`) so the error covers it.
        while !s.atEnd, isIdentifierByte(s.bytes[s.position]) || s.bytes[s.position] == UInt8(ascii: "-") {
            s.position += 1
            wellFormed = false
        }
        guard wellFormed, parts.count == 3 else {
            report("ongeldige datum `\(String(decoding: s.bytes[start..<s.position], as: UTF8.self))`", hint: "schrijf een datum als jjjj-mm-dd, bijvoorbeeld 2026-03-12", start, s.position)
            return Token(kind: .invalid, start: start, end: s.position, payload: .none)
        }
        guard let date = DateValue(year: parts[0], month: parts[1], day: parts[2]) else {
            let hint: String
            if (1...12).contains(parts[1]) {
                hint = "\(DateValue.monthNames[parts[1] - 1]) \(parts[0]) heeft \(DateValue.daysIn(month: parts[1], year: parts[0])) dagen"
            } else {
                hint = "een maand ligt tussen 01 en 12"
            }
            report("de datum \(String(decoding: s.bytes[start..<s.position], as: UTF8.self)) bestaat niet", hint: hint, start, s.position)
            return Token(kind: .invalid, start: start, end: s.position, payload: .none)
        }
        return Token(kind: .date, start: start, end: s.position, payload: .date(date))
    }

    /// A date written the Dutch way, day first: `12-03-2026` or `12-3-2026` (we are after the day,
    /// at `-`). Nil, with the scanner where it was, when the text is not of that shape.
    private mutating func dutchDate(_ s: inout Scanner, start: Int) -> Token? {
        var probe = s.position
        func digitRun(_ from: Int) -> Int {
            var end = from
            while end < s.end, isDigit(s.bytes[end]) { end += 1 }
            return end
        }
        guard s.bytes[probe] == UInt8(ascii: "-") else { return nil }
        let monthEnd = digitRun(probe + 1)
        guard (1...2).contains(monthEnd - probe - 1), monthEnd < s.end, s.bytes[monthEnd] == UInt8(ascii: "-") else { return nil }
        let yearEnd = digitRun(monthEnd + 1)
        func number(_ from: Int, _ to: Int) -> Int { Int(String(decoding: s.bytes[from..<to], as: UTF8.self)) ?? 0 }
        // `12-3-26`: a date with the year in two digits. One error that says how to write it,
        // rather than a sum (12 - 3 - 26) that no one meant.
        if yearEnd - monthEnd - 1 == 2, yearEnd >= s.end || !isIdentifierByte(s.bytes[yearEnd]) && s.bytes[yearEnd] != UInt8(ascii: ".") {
            let day = number(start, probe), month = number(probe + 1, monthEnd), year = 2000 + number(monthEnd + 1, yearEnd)
            s.position = yearEnd
            let written = String(decoding: s.bytes[start..<yearEnd], as: UTF8.self)
            let hint = DateValue(year: year, month: month, day: day).map { "bijvoorbeeld \(day)-\(month)-\(year) of \($0)" }
                ?? "bijvoorbeeld 12-3-2026 of 2026-03-12"
            report("schrijf het jaar van de datum \(written) voluit", hint: hint, start, yearEnd)
            return Token(kind: .invalid, start: start, end: yearEnd, payload: .none)
        }
        guard yearEnd - monthEnd - 1 == 4 else { return nil }
        if yearEnd < s.end, isIdentifierByte(s.bytes[yearEnd]) { return nil }
        let day = number(start, probe), month = number(probe + 1, monthEnd), year = number(monthEnd + 1, yearEnd)
        probe = yearEnd
        s.position = probe
        guard let date = DateValue(year: year, month: month, day: day) else {
            let hint = (1...12).contains(month)
                ? "\(DateValue.monthNames[month - 1]) \(year) heeft \(DateValue.daysIn(month: month, year: year)) dagen"
                : "een maand ligt tussen 1 en 12"
            report("de datum \(String(decoding: s.bytes[start..<s.position], as: UTF8.self)) bestaat niet", hint: hint, start, s.position)
            return Token(kind: .invalid, start: start, end: s.position, payload: .none)
        }
        return Token(kind: .date, start: start, end: s.position, payload: .date(date))
    }

    // MARK: - Strings

    private mutating func string(_ s: inout Scanner) -> Token {
        let start = s.position
        s.position += 1
        // Fast path: most strings are one plain run up to the closing quote.
        let runStart = s.position
        scanPlainRun(&s)
        if s.peek() == UInt8(ascii: "\""), s.position < s.end {
            let text = String(decoding: s.bytes[runStart..<s.position], as: UTF8.self)
            s.position += 1
            return Token(kind: .string, start: start, end: s.position, payload: .plainString(text))
        }
        var builder = StringBuilder()
        builder.quoteStart = start
        builder.bytes.append(contentsOf: s.bytes[runStart..<s.position])
        return stringBody(&s, start: start, into: &builder, plainRuns: true,
                          unterminated: "zet een `\"` aan het eind van de tekst, of gebruik `\"\"\"` voor tekst over meerdere regels") { s in
            s.peek() == UInt8(ascii: "\"") ? 1 : 0
        }
    }

    /// A text between curly quotes (`“…”`, `„…”`), as a word processor writes them: it ends at `”`,
    /// `“` or a straight `"`; escapes and `${…}` work as in a straight-quoted text.
    private mutating func curlyString(_ s: inout Scanner) -> Token {
        let start = s.position
        s.position += 3
        var builder = StringBuilder()
        // One character at a time: a plain run would pass the closing `”`, which is not ASCII.
        return stringBody(&s, start: start, into: &builder, plainRuns: false, unterminated: "zet een `\"` (of `”`) aan het eind van de tekst") { s in
            if s.peek() == UInt8(ascii: "\"") { return 1 }
            return s.peek() == 0xE2 && s.peek(1) == 0x80 && (s.peek(2) == 0x9D || s.peek(2) == 0x9C) ? 3 : 0
        }
    }

    /// The rest of a one-line string: characters, escapes and interpolations up to the closing
    /// quote (`closing` gives its length in bytes where one stands, else 0).
    private mutating func stringBody(_ s: inout Scanner, start: Int, into builder: inout StringBuilder, plainRuns: Bool, unterminated: String,
                                     closing: (Scanner) -> Int) -> Token {
        while true {
            if s.atEnd || s.bytes[s.position] == 0x0A || s.bytes[s.position] == 0x0D {
                report("tekst wordt niet afgesloten", hint: unterminated, start, s.position)
                return Token(kind: .invalid, start: start, end: s.position, payload: .none)
            }
            let length = closing(s)
            if length > 0 {
                s.position += length
                break
            }
            stringCharacter(&s, into: &builder, plainRuns: plainRuns)
        }
        return Token(kind: .string, start: start, end: s.position, payload: builder.payload())
    }

    /// Skips bytes that stand for themselves in a string: everything but `"`, `\\`, `$`, line breaks,
    /// NUL and invalid UTF-8.
    private func scanPlainRun(_ s: inout Scanner) {
        var i = s.position
        let end = s.end
        let bytes = s.bytes
        let stops = Lexer.stopsString
        while i < end {
            // Eight bytes at a time while none of them is a stop or outside ASCII (most text).
            if let base = bytes.baseAddress {
                while i + 8 <= end {
                    let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 || Lexer.holdsStop(word) { break }
                    i += 8
                }
                if i >= end { break }
            }
            let b = bytes[i]
            if b < 0x80 {
                if stops[Int(b)] { break }
                i += 1
            } else {
                let length = utf8Length(s, at: i)
                if length == 0 { break }
                i += length
            }
        }
        s.position = i
    }

    /// The position of the first line break (`\n` or `\r`) at or after `start`, or `end`; eight
    /// bytes at a time.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0 }
        var i = start
        if let base = bytes.baseAddress {
            while i + 8 <= end {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if hasZero(word ^ 0x0A0A_0A0A_0A0A_0A0A) || hasZero(word ^ 0x0D0D_0D0D_0D0D_0D0D) { break }
                i += 8
            }
        }
        while i < end, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
        return i
    }

    /// Whether any of the eight bytes of `word` is a stop of `stopsString` (each test finds a zero
    /// byte in `word` with that stop subtracted out, exactly).
    @inline(__always) private static func holdsStop(_ word: UInt64) -> Bool {
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0 }
        @inline(__always) func has(_ byte: UInt64) -> Bool { hasZero(word ^ (0x0101_0101_0101_0101 &* byte)) }
        return hasZero(word) || has(0x22) || has(0x5C) || has(0x24) || has(0x0A) || has(0x0D)
    }

    /// ASCII bytes that end a plain run in a string: `"`, `\\`, `$`, line breaks and NUL.
    private static let stopsString: [Bool] = (0..<128).map { b in
        b == 0x22 || b == 0x5C || b == 0x24 || b == 0x0A || b == 0x0D || b == 0
    }

    /// Reads one character (or escape, or interpolation) of a string body, or a run of plain ones.
    private mutating func stringCharacter(_ s: inout Scanner, into builder: inout StringBuilder, plainRuns: Bool = true) {
        if plainRuns {
            let runStart = s.position
            scanPlainRun(&s)
            if s.position > runStart {
                builder.bytes.append(contentsOf: s.bytes[runStart..<s.position])
                return
            }
        }
        let b = s.bytes[s.position]
        switch b {
        case UInt8(ascii: "\\"):
            escape(&s, into: &builder)
        case UInt8(ascii: "$"):
            interpolation(&s, into: &builder)
        case 0:
            reportByte("NUL-teken (byte 0) in de tekst", hint: "dit lijkt geen tekstbestand; sla het op als UTF-8-tekst", at: s.position, length: 1)
            s.position += 1
        case 0x80...:
            let length = utf8Length(s, at: s.position)
            if length == 0 {
                reportInvalidByte(s, at: s.position)
                builder.bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                s.position += 1
            } else {
                builder.bytes.append(contentsOf: s.bytes[s.position..<(s.position + length)])
                s.position += length
            }
        default:
            builder.bytes.append(b)
            s.position += 1
        }
    }

    private mutating func escape(_ s: inout Scanner, into builder: inout StringBuilder) {
        let start = s.position
        let c = s.peek(1)
        s.position += 2
        switch c {
        case UInt8(ascii: "\""): builder.bytes.append(c)
        case UInt8(ascii: "\\"): builder.bytes.append(c)
        case UInt8(ascii: "$"): builder.bytes.append(c)
        case UInt8(ascii: "n"), UInt8(ascii: "t"):
            builder.bytes.append(c == UInt8(ascii: "n") ? 0x0A : 0x09)
            // "C:\nieuw\tabel.docx": a Windows path whose `\n` and `\t` would silently become a
            // line break and a tab.
            if !builder.unknownEscapeReported, let path = windowsPath(s, quoteStart: builder.quoteStart, driveOnly: true) {
                builder.unknownEscapeReported = true
                report("in een pad begint `\\` een speciaal teken: `\\\(UnicodeScalar(c))` is een \(c == UInt8(ascii: "n") ? "nieuwe regel" : "tab")",
                       hint: "schrijf in een pad / in plaats van \\: \"\(path)\"", start, s.position)
            }
        case UInt8(ascii: "u"):
            guard s.peek() == UInt8(ascii: "{") else {
                report("onvolledige `\\u`", hint: "schrijf een Unicode-teken als `\\u{20AC}`", start, s.position)
                return
            }
            s.position += 1
            let hexStart = s.position
            while !s.atEnd, s.bytes[s.position] != UInt8(ascii: "}"), s.position - hexStart <= 8,
                  s.bytes[s.position] != UInt8(ascii: "\"") {
                s.position += 1
            }
            let hex = String(decoding: s.bytes[hexStart..<s.position], as: UTF8.self)
            let closed = s.peek() == UInt8(ascii: "}")
            if closed { s.position += 1 }
            if closed, (1...8).contains(hex.count), let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value), value != 0 {
                builder.bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                report("ongeldig Unicode-teken `\\u{\(hex)}`", hint: "schrijf een bestaand teken als `\\u{20AC}`", start, s.position)
            }
        case 0x0A, 0x0D, 0:
            s.position -= 1
            report("`\\` aan het eind van een tekst", hint: "schrijf `\\\\` voor een backslash", start, start + 1)
        default:
            let length = max(1, utf8Length(s, at: start + 1))
            s.position = start + 1 + length
            let shown = String(decoding: s.bytes[(start + 1)..<s.position], as: UTF8.self)
            guard !builder.unknownEscapeReported else { return }
            builder.unknownEscapeReported = true
            if let path = windowsPath(s, quoteStart: builder.quoteStart) {
                report("onbekende ontsnapping `\\\(shown)`: in een tekst begint `\\` een speciaal teken",
                       hint: "schrijf in een pad / in plaats van \\: \"\(path)\"", start, s.position)
            } else {
                report("onbekende ontsnapping `\\\(shown)`", hint: "bekend zijn \\\" \\\\ \\n \\t \\$ en \\u{…}; schrijf `\\\\` voor een backslash", start, s.position)
            }
        }
    }

    /// The text of a quoted string that holds a Windows path (`"C:\Users\anna\rv.docx"`, or any
    /// text with two or more `\` and no spaces around them), with `/` for `\`; nil otherwise.
    private func windowsPath(_ s: Scanner, quoteStart: Int?, driveOnly: Bool = false) -> String? {
        guard let quoteStart else { return nil }
        var end = quoteStart + 1
        while end < s.end, ![UInt8(ascii: "\""), 0x0A, 0x0D].contains(s.bytes[end]) { end += 1 }
        let body = s.bytes[(quoteStart + 1)..<end]
        let drive = body.count >= 3 && isASCIILetter(body[body.startIndex]) && body[body.startIndex + 1] == UInt8(ascii: ":")
            && body[body.startIndex + 2] == UInt8(ascii: "\\")
        guard drive || !driveOnly && body.filter({ $0 == UInt8(ascii: "\\") }).count >= 2 else { return nil }
        return String(decoding: body.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }

    private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    private mutating func interpolation(_ s: inout Scanner, into builder: inout StringBuilder) {
        let start = s.position
        if s.peek(1) == UInt8(ascii: "{") {
            var depth = 0
            var i = s.position + 1
            var inString = false
            while i < s.end, s.bytes[i] != 0x0A, s.bytes[i] != 0x0D {
                let b = s.bytes[i]
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") {
                    if !inString, depth == 0 { break }
                    inString.toggle()
                } else if !inString, b == UInt8(ascii: "{") {
                    depth += 1
                } else if !inString, b == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { break }
                }
                i += 1
            }
            guard i < s.end, s.bytes[i] == UInt8(ascii: "}") else {
                report("`${` wordt niet gesloten met `}`", hint: "schrijf `${expressie}`, of `\\$` voor een dollarteken", start, start + 2)
                s.position += 2
                return
            }
            builder.flush()
            builder.parts.append(.expression(start: start + 2, end: i))
            s.position = i + 1
            return
        }
        s.position += 1
        guard !s.atEnd, isIdentifierStart(s, at: s.position) else {
            report("`$` zonder naam in een tekst", hint: "schrijf `$naam` voor een variabele of `\\$` voor een dollarteken", start, start + 1)
            return
        }
        let nameStart = s.position
        scanVariableName(&s)
        let name = String(decoding: s.bytes[nameStart..<s.position], as: UTF8.self)
        var fields: [String] = []
        while s.peek() == UInt8(ascii: "."), s.position + 1 < s.end, isIdentifierStart(s, at: s.position + 1) {
            s.position += 1
            let fieldStart = s.position
            scanVariableName(&s)
            fields.append(String(decoding: s.bytes[fieldStart..<s.position], as: UTF8.self))
        }
        builder.flush()
        builder.parts.append(.variable(name: name, fields: fields, start: start, end: s.position))
    }

    /// `"""` at the end of a line, the text on the lines after it, `"""` on a line of its own.
    private mutating func textBlock(_ s: inout Scanner) -> Token {
        let start = s.position
        s.position += 3
        // Only white space (or a comment) may follow the opening delimiter.
        while s.peek() == 0x20 || s.peek() == 0x09 { s.position += 1 }
        if s.peek() == UInt8(ascii: "#") {
            while !s.atEnd, s.peek() != 0x0A, s.peek() != 0x0D { s.position += 1 }
        }
        if !s.atEnd, s.peek() != 0x0A, s.peek() != 0x0D {
            let junkStart = s.position
            while !s.atEnd, s.peek() != 0x0A, s.peek() != 0x0D { s.position += 1 }
            report("tekst na `\"\"\"` op dezelfde regel", hint: "begin de tekst van een tekstblok op de volgende regel", junkStart, s.position)
        }
        // Collect the lines up to the closing delimiter.
        var lines: [Range<Int>] = []
        var closed = false
        while !s.atEnd {
            if s.peek() == 0x0D { s.position += 1 }
            if s.peek() == 0x0A { s.position += 1 }
            if s.atEnd { break }
            let lineStart = s.position
            s.position = Lexer.lineEnd(s.bytes, from: s.position, end: s.end)
            let line = lineStart..<s.position
            var first = lineStart
            while first < line.upperBound, s.bytes[first] == 0x20 || s.bytes[first] == 0x09 { first += 1 }
            if first + 3 <= line.upperBound, s.bytes[first] == UInt8(ascii: "\""), s.bytes[first + 1] == UInt8(ascii: "\""),
               s.bytes[first + 2] == UInt8(ascii: "\"") {
                // The closing delimiter; properties may follow it on the same line.
                s.position = first + 3
                closed = true
                break
            }
            lines.append(line)
        }
        guard closed else {
            report("tekstblok wordt niet afgesloten", hint: "zet `\"\"\"` op een eigen regel aan het eind van de tekst", start, start + 3)
            return Token(kind: .invalid, start: start, end: s.position, payload: .none)
        }
        // Strip the indentation common to all non-blank lines.
        var indent = Int.max
        for line in lines {
            var i = line.lowerBound
            while i < line.upperBound, s.bytes[i] == 0x20 || s.bytes[i] == 0x09 { i += 1 }
            if i < line.upperBound { indent = min(indent, i - line.lowerBound) }
        }
        if indent == Int.max { indent = 0 }
        let end = s.position
        // One line that is one plain run (a short text block): its text straight from the source.
        if lines.count == 1 {
            var lineEnd = lines[0].upperBound
            let lineStart = min(lines[0].lowerBound + indent, lineEnd)
            while lineEnd > lineStart, s.bytes[lineEnd - 1] == 0x20 || s.bytes[lineEnd - 1] == 0x09 { lineEnd -= 1 }
            var sub = Scanner(bytes: s.bytes, position: lineStart, end: lineEnd)
            scanPlainRun(&sub)
            if sub.atEnd {
                return Token(kind: .string, start: start, end: end, payload: .plainString(String(decoding: s.bytes[lineStart..<lineEnd], as: UTF8.self)))
            }
        }
        var builder = StringBuilder()
        builder.bytes.reserveCapacity(end - start)
        for (index, line) in lines.enumerated() {
            if index > 0 { builder.bytes.append(0x0A) }
            var sub = Scanner(bytes: s.bytes, position: min(line.lowerBound + indent, line.upperBound), end: line.upperBound)
            // Trailing white space on a line is not meaningful in a text block.
            var lineEnd = line.upperBound
            while lineEnd > sub.position, s.bytes[lineEnd - 1] == 0x20 || s.bytes[lineEnd - 1] == 0x09 { lineEnd -= 1 }
            sub = Scanner(bytes: s.bytes, position: sub.position, end: lineEnd)
            while !sub.atEnd {
                stringCharacter(&sub, into: &builder)
            }
        }
        return Token(kind: .string, start: start, end: end, payload: builder.payload())
    }

    // MARK: - UTF-8

    /// The length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not valid UTF-8.
    private func utf8Length(_ s: Scanner, at i: Int) -> Int {
        let b0 = s.bytes[i]
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            let j = i + k
            return j < s.end && s.bytes[j] >= lo && s.bytes[j] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    private func decodeScalar(_ s: Scanner, at i: Int, length: Int) -> Unicode.Scalar? {
        var value: UInt32
        switch length {
        case 1: return Unicode.Scalar(s.bytes[i])
        case 2: value = UInt32(s.bytes[i] & 0x1F)
        case 3: value = UInt32(s.bytes[i] & 0x0F)
        case 4: value = UInt32(s.bytes[i] & 0x07)
        default: return nil
        }
        for k in 1..<length { value = (value << 6) | UInt32(s.bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }
}

/// Accumulates the bytes of a string literal and splits it into parts around interpolations.
struct StringBuilder {
    var bytes: [UInt8] = []
    var parts: [StringPart] = []
    /// Where the text's opening `"` is (nil for a text block): to show a Windows path with `/`.
    var quoteStart: Int?
    /// A text with one unknown escape usually has more (`"C:\Users\anna"`): only the first is reported.
    var unknownEscapeReported = false

    mutating func flush() {
        if !bytes.isEmpty {
            parts.append(.literal(String(decoding: bytes, as: UTF8.self)))
            bytes.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish() -> [StringPart] {
        flush()
        return parts
    }

    /// The token payload: one literal without an array, as most texts are.
    mutating func payload() -> Token.Payload {
        if parts.isEmpty { return .plainString(String(decoding: bytes, as: UTF8.self)) }
        return .string(finish())
    }
}
