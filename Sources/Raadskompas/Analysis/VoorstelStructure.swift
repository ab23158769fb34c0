import Foundation

/// A raadsvoorstel read into its parts before it is judged: the title, the form fields, the
/// beslispunten and the sections under the headings that Dutch templates use.
///
/// Reads text as PDF extraction and OCR leave it: headings as numbered lines, as "Label: tekst",
/// in capitals or with OCR slips (the headings and their sections come from the `sectie` entries of
/// the analyseregels); paragraphs re-joined across hard line breaks, hyphenated words mended, and
/// page headers and footers that repeat on every page left out. Every sentence keeps the line (1-based,
/// in the text as given) on which it starts, so every finding can be cited.
public struct VoorstelStructure: Sendable {
    public struct Sentence: Sendable {
        /// The line in the original text where the sentence starts.
        public let line: Int
        public let text: String
        /// The index in `parts`, or nil before the first heading.
        public let part: Int?
        /// The heading of its part (the heading line itself).
        public let isHeading: Bool
        /// A form field of the header ("Onderwerp: …", "Portefeuillehouder: …"): metadata, not evidence.
        public var isField = false
        /// A short line without a full stop, in any part: how older rules recognise a heading.
        public var looksLikeHeading: Bool {
            !text.hasSuffix(".") && !text.hasSuffix("?") && text.split(separator: " ").count <= 6
        }
    }

    /// A section: a heading and the sentences under it, up to the next heading.
    public struct Part: Sendable {
        /// The id of the `sectie` in the analyseregels, or nil for a heading that is not in them.
        public let section: Int?
        public let heading: String
        public let line: Int
        /// Indices into `sentences`: the heading first, then the text under it.
        public var sentences: Range<Int>
        /// The section has no text, or says "geen", "n.v.t.", "niet van toepassing".
        public var isAbsent = false
        /// The words of the text under the heading.
        public var wordCount = 0
    }

    public struct Beslispunt: Sendable, Codable, Equatable {
        public let regel: Int
        public let tekst: String
    }

    public let title: String?
    public let titleLine: Int?
    public let kop: VoorstelKop
    public let parts: [Part]
    public let sentences: [Sentence]
    public let beslispunten: [Beslispunt]
    /// Page headers and footers, repeated on many pages, that were left out.
    public let repeatedLines: Int
    public let wordCount: Int

    /// Reads `text` with the sections of `rules`.
    public init(_ text: String, rules: AnalysisRules) {
        var lines: [Substring] = []
        for raw in VoorstelStructure.lines(of: text) {
            var line = raw
            while let last = line.last, last == "\r" || last == " " || last == "\t" || last == "\u{00A0}" { line.removeLast() }
            while let first = line.first, first == " " || first == "\t" || first == "\u{00A0}" || first == "\u{FEFF}" || first == "\u{0C}" { line.removeFirst() }
            lines.append(line)
        }
        let noise = VoorstelStructure.repeatedLines(lines)
        repeatedLines = noise.count
        kop = VoorstelKop.read(text)

        // Classify every line.
        enum Kind { case blank, noise, heading(section: Int?, inline: Substring?), item, field, text }
        let besluitSection = rules.sections.firstIndex { $0.role == "besluit" }
        var kinds: [Kind] = []
        kinds.reserveCapacity(lines.count)
        var introducing: [Int] = []
        for (index, line) in lines.enumerated() {
            if line.isEmpty { kinds.append(.blank); continue }
            if noise.contains(index) { kinds.append(.noise); continue }
            if let (section, inline) = VoorstelStructure.heading(line, rules: rules) {
                kinds.append(.heading(section: section, inline: inline))
            } else if let besluitSection, VoorstelStructure.introducesBeslispunten(line) {
                kinds.append(.heading(section: besluitSection, inline: nil))
                introducing.append(index)
            } else if VoorstelStructure.listMarker(line) != nil {
                kinds.append(.item)
            } else if VoorstelStructure.isField(line) {
                kinds.append(.field)
            } else {
                kinds.append(.text)
            }
        }
        // "Wij stellen de raad voor om …:" as the first text under another heading (a samenvatting
        // that sums up the besluit) is that heading's text when another besluit heading follows.
        func isBesluitHeading(_ index: Int) -> Bool {
            if case .heading(let section, _) = kinds[index], section != nil, section == besluitSection { return true }
            return false
        }
        for index in introducing {
            guard (index + 1 ..< lines.count).contains(where: isBesluitHeading) else { continue }
            var previous = index - 1
            while previous >= 0, case .blank = kinds[previous] { previous -= 1 }
            while previous >= 0, case .noise = kinds[previous] { previous -= 1 }
            guard previous >= 0, case .heading(let section?, let inline) = kinds[previous], section != besluitSection, inline == nil || inline!.isEmpty else { continue }
            kinds[index] = .text
        }
        // A strong heading that is not in the rules ("3. KOSTEN EN BATEN") starts a part too, unless
        // it comes straight after a known heading (then it is a sub-heading) or sits in the beslispunten.
        var currentSection: Int?
        var contentSinceHeading = true
        for index in lines.indices {
            switch kinds[index] {
            case .heading(let section, let inline):
                currentSection = section
                contentSinceHeading = inline != nil
            case .item, .text:
                let weak = currentSection != nil && currentSection == besluitSection && contentSinceHeading && index > 0 && lines[index - 1].isEmpty
                    && VoorstelStructure.isWeakHeading(lines[index]) && index + 1 < lines.count && !lines[index + 1].isEmpty
                if weak || currentSection != besluitSection || currentSection == nil, contentSinceHeading, weak || VoorstelStructure.isStrongHeading(lines[index]) {
                    kinds[index] = .heading(section: nil, inline: nil)
                    currentSection = nil
                    contentSinceHeading = false
                } else {
                    contentSinceHeading = true
                }
            case .field:
                contentSinceHeading = true
            case .blank, .noise:
                break
            }
        }

        // Paragraphs, split into sentences, part by part.
        var sentences: [Sentence] = []
        var parts: [Part] = []
        var paragraph = ""
        var paragraphLines: [(offset: Int, line: Int)] = []
        var paragraphIsItem = false
        var paragraphIsField = false
        // Per beslispunten part: its paragraphs, and whether each starts with a list marker.
        var candidates: [Int: [(Beslispunt, marker: MarkerKind?)]] = [:]
        // A beslispunten list ends at a blank line that is not followed by another item.
        var closedBesluit = Set<Int>()
        var besluitGap = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            let part = parts.isEmpty ? nil : parts.count - 1
            for (offset, piece) in VoorstelStructure.split(paragraph) {
                let line = paragraphLines.last { $0.offset <= offset }?.line ?? paragraphLines[0].line
                sentences.append(Sentence(line: line, text: piece, part: part, isHeading: false, isField: paragraphIsField))
            }
            if let part, let section = parts[part].section, rules.sections[section].role == "besluit", !closedBesluit.contains(part),
               candidates[part, default: []].count < 60 {
                let kind = paragraphIsItem ? VoorstelStructure.markerKind(Substring(paragraph)) : nil
                let item = Beslispunt(regel: paragraphLines[0].line, tekst: String(VoorstelStructure.dropMarker(paragraph).prefix(600)))
                if let kind, let first = candidates[part]?.first(where: { $0.marker != nil })?.marker, kind != first, let last = candidates[part]?.lastIndex(where: { $0.marker == first }) {
                    // "a. …" under "1. …": part of that beslispunt.
                    let previous = candidates[part]![last].0
                    candidates[part]![last].0 = Beslispunt(regel: previous.regel, tekst: String((previous.tekst + " " + paragraph).prefix(900)))
                } else {
                    candidates[part, default: []].append((item, kind))
                }
            }
            paragraph = ""
            paragraphLines = []
            paragraphIsItem = false
            paragraphIsField = false
        }
        func closePart() {
            guard let last = parts.indices.last else { return }
            parts[last].sentences = parts[last].sentences.lowerBound..<sentences.count
        }
        for (index, line) in lines.enumerated() {
            switch kinds[index] {
            case .blank:
                // A sentence cut by a page break ("blijven het huidige" / footer / "tarief betalen.")
                // runs on: the paragraph waits for the next line of text.
                if let last = paragraph.last, !".!?:;".contains(last), VoorstelStructure.nextTextStartsLowercase(after: index, lines: lines, noise: noise) {
                    continue
                }
                flush()
                if let part = parts.indices.last, candidates[part]?.contains(where: { $0.marker != nil }) == true { besluitGap = true }
            case .noise:
                continue
            case .heading(let section, let inline):
                flush()
                besluitGap = false
                closePart()
                parts.append(Part(section: section, heading: String(inline == nil ? line : VoorstelStructure.headingLabel(line)), line: index + 1,
                                  sentences: sentences.count..<sentences.count))
                sentences.append(Sentence(line: index + 1, text: String(inline == nil ? line : VoorstelStructure.headingLabel(line)),
                                          part: parts.count - 1, isHeading: true))
                if let inline, !inline.isEmpty {
                    paragraph = String(inline)
                    paragraphLines = [(0, index + 1)]
                }
            case .item:
                flush()
                besluitGap = false
                paragraph = String(line)
                paragraphLines = [(0, index + 1)]
                paragraphIsItem = true
            case .field:
                flush()
                paragraph = String(line)
                paragraphLines = [(0, index + 1)]
                paragraphIsField = true
                flush()
            case .text:
                if besluitGap, let part = parts.indices.last {
                    closedBesluit.insert(part)
                    besluitGap = false
                }
                // A line runs on from the one before when that one stops mid-sentence: it is long
                // (a hard line break) or ends in a comma or hyphen, or this one starts in lowercase.
                if !paragraph.isEmpty, let last = paragraphLines.last?.line, let previous = lines[last - 1].last, ".!?:;".contains(previous)
                    || lines[last - 1].utf8.count < 45 && previous != "," && previous != "-" && line.first?.isLowercase != true {
                    flush()
                }
                if paragraph.isEmpty {
                    paragraph = String(line)
                    paragraphLines = [(0, index + 1)]
                } else if paragraph.hasSuffix("-"), let next = line.first, next.isLowercase, VoorstelStructure.mendable(paragraph, line) {
                    // "raads-" + "voorstel": one word again.
                    paragraph.removeLast()
                    paragraphLines.append((paragraph.utf8.count, index + 1))
                    paragraph += line
                } else {
                    paragraph += " "
                    paragraphLines.append((paragraph.utf8.count, index + 1))
                    paragraph += line
                }
            }
        }
        flush()
        closePart()
        // Beslispunten: the marked items of the first beslispunten part that has any; without
        // markers anywhere, the paragraphs of the first beslispunten part.
        if let part = candidates.keys.sorted().first(where: { candidates[$0]!.contains { $0.marker != nil } }) {
            beslispunten = candidates[part]!.filter { $0.marker != nil }.map(\.0)
        } else if let part = candidates.keys.sorted().first {
            beslispunten = candidates[part]!.map(\.0)
        } else {
            beslispunten = []
        }

        // Which parts are empty or say "geen".
        let sentenceWords = sentences.map { $0.isHeading ? 0 : VoorstelStructure.words(in: $0.text) }
        for i in parts.indices {
            let count = parts[i].sentences.dropFirst().reduce(0) { $0 + sentenceWords[$1] }
            // Only a short section can say "geen"; a long one is not read again.
            let body = count <= 14 || parts[i].sentences.count > 1 && sentenceWords[parts[i].sentences.lowerBound + 1] <= 8
                ? Array(parts[i].sentences.dropFirst().prefix(count <= 14 ? Int.max : 1).map { sentences[$0].text }) : []
            parts[i].wordCount = count
            // "Geen." or "Er zijn geen kanttekeningen." as the whole text, or as its first short sentence.
            let first = body.first.map { String(VoorstelStructure.dropNumbering(Substring($0))) } ?? ""
            parts[i].isAbsent = VoorstelStructure.saysAbsent(body.joined(separator: " "), words: count)
                || (1...8).contains(VoorstelStructure.words(in: first)) && VoorstelStructure.saysAbsent(first, words: VoorstelStructure.words(in: first))
        }
        wordCount = sentenceWords.reduce(0, +)
        self.sentences = sentences
        self.parts = parts
        (title, titleLine) = VoorstelStructure.title(lines: lines, kinds: kinds.map { if case .heading(let section, _) = $0 { section != nil } else { false } },
                                                     noise: noise, kop: kop)
    }

    // MARK: - Lines

    /// The lines of `text`, split at "\n" on bytes (splitting on `Character`s walks grapheme
    /// clusters and took a tenth of the analysis).
    static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == 10 {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(text[start..<utf8.endIndex])
        return result
    }

    /// Lines that repeat on many pages: a page header or footer ("Raadsvoorstel 2025-041   pagina 2
    /// van 6"), compared with their numbers left out, and bare page numbers.
    static func repeatedLines(_ lines: [Substring]) -> Set<Int> {
        var shapes: [String: [Int]] = [:]
        var result = Set<Int>()
        for (index, line) in lines.enumerated() where !line.isEmpty && line.utf8.count <= 100 {
            // The line's shape: lowercase, without spaces, each run of digits as one `#`.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(line.utf8.count)
            var inDigits = false
            for b in line.utf8 {
                if b >= 48 && b <= 57 {
                    if !inDigits { bytes.append(35) }
                    inDigits = true
                } else {
                    inDigits = false
                    if b != 32 && b != 9 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
                }
            }
            let shape = String(decoding: bytes, as: UTF8.self)
            // A bare page number, "- 3 -", "3/12", "pagina 3", "Pagina 3 van 12".
            if ["#", "-#-", "#/#", "pagina#", "pagina#van#", "page#", "page#of#", "blad#", "blz.#", "#van#"].contains(shape) {
                result.insert(index)
                continue
            }
            // "Raadsvoorstel 2025-041   pagina 2 van 6": a page number in a header or footer.
            if shape.hasSuffix("pagina#van#") || shape.hasSuffix("page#of#") || shape.hasPrefix("pagina#van#") {
                result.insert(index)
                continue
            }
            shapes[shape, default: []].append(index)
        }
        let pageLines = result
        for (shape, indices) in shapes where indices.count >= 2 {
            // Spread over the document, as page headers are; not a list of equal lines in a row.
            guard let first = indices.first, let last = indices.last, last - first >= indices.count + 1 else { continue }
            if indices.count >= 3, shape.utf8.count >= 14 || shape.utf8.contains(35) {
                result.formUnion(indices)
            } else if indices.count >= 2, shape.utf8.count <= 60,
                      // "Gemeente Wolderveen" twice, each time next to a page number: the letterhead of a page.
                      indices.allSatisfy({ index in pageLines.contains { abs($0 - index) <= 3 } }) {
                result.formUnion(indices)
            }
        }
        return result
    }

    /// Whether the next line of text after `index` (past blank lines and page headers) starts in lowercase.
    static func nextTextStartsLowercase(after index: Int, lines: [Substring], noise: Set<Int>) -> Bool {
        var next = index + 1
        while next < lines.count, lines[next].isEmpty || noise.contains(next) { next += 1 }
        guard next < lines.count, next - index <= 8, let first = lines[next].first else { return false }
        return first.isLowercase
    }

    /// The section a heading line names, and the text after its label on the same line.
    static func heading(_ line: Substring, rules: AnalysisRules) -> (Int?, Substring?)? {
        // Most lines are running text: long, no colon or tab near the start, and not starting with
        // the first word of a heading. Those are told apart on bytes, before any string work.
        var spaces = 0
        for b in line.utf8 where b == 32 { spaces += 1 }
        if line.utf8.count > 90 || spaces >= 9 {
            var sawSeparator = false
            var wordStart: String.UTF8View.Index?
            var wordEnd = line.utf8.endIndex
            var seen = 0
            for index in line.utf8.indices {
                let b = line.utf8[index]
                if b == 58 || b == 9 { sawSeparator = true; break }
                seen += 1
                if seen > 70 { break }
                let isWord = ByteFolding.isWordByte(b) && !(b >= 48 && b <= 57 && wordStart == nil)
                if wordStart == nil, isWord { wordStart = index } else if wordStart != nil, !isWord, b != 39 { wordEnd = index; break }
            }
            if !sawSeparator {
                guard let wordStart, rules.firstWordKeys.contains(AnalysisRules.headingKey(line[wordStart..<wordEnd])) else { return nil }
            }
        }
        let bare = dropNumbering(line)
        guard !bare.isEmpty else { return nil }
        // "Label: tekst", "Label:" or "Label<tab>tekst" (a table row); the text after a known label
        // may be a whole paragraph ("Samenvatting: Op 1 januari 2015 treden …").
        if let colon = bare.utf8.prefix(64).firstIndex(where: { $0 == 58 || $0 == 9 }) {
            let label = bare[..<colon]
            guard label.utf8.reduce(0, { $0 + ($1 == 32 ? 1 : 0) }) <= 7 else { return nil }
            if let section = rules.section(forHeading: AnalysisRules.headingKey(label)) {
                return (section, bare[bare.index(after: colon)...].drop { $0 == " " || $0 == "\t" || $0 == ":" })
            }
            return nil
        }
        guard bare.utf8.count <= 400 else { return nil }
        // A heading on its own line (one OCR slip allowed when it does not end like a sentence).
        if bare.utf8.count <= 90, bare.last != "," && bare.last != ";", bare.utf8.reduce(0, { $0 + ($1 == 32 ? 1 : 0) }) <= 8 {
            let key = AnalysisRules.headingKey(bare)
            if let section = rules.headingIndex[key] { return (section, nil) }
            if bare.last != ".", let section = rules.section(forHeading: key) { return (section, nil) }
        }
        // "Samenvatting De gemeente wil …": the heading shares its line with the text.
        guard let space = bare.utf8.firstIndex(of: 32), rules.firstWordKeys.contains(AnalysisRules.headingKey(bare[..<space])) else { return nil }
        let words = bare.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        var label = ""
        for k in 0..<min(4, words.count - 1) {
            label += (k == 0 ? "" : " ") + words[k]
            let next = words[k + 1]
            guard let first = next.first, first.isUppercase || first == "‘" || first == "“" else { continue }
            if rules.headingIndex[AnalysisRules.headingKey(label)] != nil, let section = rules.section(forHeading: AnalysisRules.headingKey(label)) {
                // Only with running text after it: "Samenvatting De gemeente wil …", not a title such as "Beleidskader Welzijn 2027".
                let rest = bare[next.startIndex...]
                guard rest.split(separator: " ").count >= 6, rest.contains(where: { $0 == "." || $0 == "?" || $0 == "!" }) else { return nil }
                return (section, rest)
            }
        }
        return nil
    }

    /// The label of a heading line without its number and the text after the colon.
    static func headingLabel(_ line: Substring) -> Substring {
        let bare = dropNumbering(line)
        if let colon = bare.firstIndex(where: { $0 == ":" || $0 == "\t" }) { return bare[..<colon] }
        return bare
    }

    /// "1.", "2.3", "3)", "A.", "IV.", "§ 2", "## ": the number in front of a heading.
    static func dropNumbering(_ line: Substring) -> Substring {
        // Fast path on the first bytes: a word that is no "A." or "IV." starts no number.
        guard let b0 = line.utf8.first else { return line }
        let letter = (b0 >= 65 && b0 <= 90) || (b0 >= 97 && b0 <= 122)
        if letter {
            let second = line.utf8.dropFirst().first
            if second != 46 && second != 41 && b0 != 73 && b0 != 86 && b0 != 88 { return line }
        } else if !(b0 >= 48 && b0 <= 57) && b0 != 35 && b0 != 0xC2 {
            return line
        }
        var rest = line
        if rest.hasPrefix("#") { rest = rest.drop { $0 == "#" } }
        else if rest.hasPrefix("§") { rest = rest.dropFirst().drop { $0 == " " || $0.isNumber || $0 == "." } }
        else if let first = rest.first, first.isNumber {
            let number = rest.prefix { $0.isNumber || $0 == "." || $0 == ")" }
            guard number.count < rest.count, rest[number.endIndex] == " " || rest[number.endIndex] == "\t" else { return line }
            rest = rest[number.endIndex...]
        } else if rest.count > 3, let first = rest.first, first.isLetter, ["." , ")"].contains(rest[rest.index(after: rest.startIndex)]),
                  rest[rest.index(rest.startIndex, offsetBy: 2)] == " " {
            rest = rest.dropFirst(2)
        } else if let first = rest.first, "IVX".contains(first), let dot = rest.prefix(5).firstIndex(of: "."), rest[..<dot].count <= 4, !rest[..<dot].isEmpty, rest[..<dot].allSatisfy({ "IVX".contains($0) }),
                  rest.index(after: dot) < rest.endIndex, rest[rest.index(after: dot)] == " " {
            rest = rest[rest.index(after: dot)...]
        }
        return rest.drop { $0 == " " || $0 == "\t" }
    }

    /// A line that is a heading by its form: short, no full stop, in capitals or with a top-level number.
    static func isStrongHeading(_ line: Substring) -> Bool {
        guard line.utf8.count <= 80, line.utf8.reduce(0, { $0 + ($1 == 32 ? 1 : 0) }) <= 7, let lastByte = line.utf8.last,
              lastByte != 46, lastByte != 44, lastByte != 59, lastByte != 58, let last = line.last, !".,;:".contains(last) else { return false }
        let words = line.split(separator: " ")
        guard words.count <= 8 else { return false }
        if line.hasPrefix("#") { return true }
        let letters = line.filter(\.isLetter)
        if letters.count >= 4, letters.allSatisfy(\.isUppercase) { return true }
        // "3. Financiën" or "3 Financiën", not "1.1 …" (a numbered argument) and not "2025".
        if let first = words.first, first.count <= 3, first.allSatisfy({ $0.isNumber || $0 == "." }), first.filter({ $0 == "." }).count <= 1,
           first.first?.isNumber == true, words.count >= 2, words.count <= 6, words[1].first?.isUppercase == true {
            return !(first.count == 1 && words.count == 1)
        }
        return false
    }

    /// A short line in sentence case without a full stop ("Het onderzoek"): a heading only where
    /// no heading is expected to be a list item, after the beslispunten.
    static func isWeakHeading(_ line: Substring) -> Bool {
        guard line.utf8.count <= 60, let first = line.first, first.isUppercase, let last = line.last, !".,;:".contains(last), listMarker(line) == nil else { return false }
        return line.split(separator: " ").count <= 6
    }

    /// The list marker that starts a line: "1.", "1)", "a.", "a)", "-", "•", "*", "–", "I.".
    static func listMarker(_ line: Substring) -> Substring? {
        // Fast refusal on the first byte: a capital, a quote or a bracket starts no list item.
        guard let byte = line.utf8.first, (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) || byte == 45 || byte == 42 || byte == 124 || byte >= 0xC2 else { return nil }
        guard let first = line.first else { return nil }
        // "|. Artikel 8 …": OCR read the "1." of a numbered list as a bar.
        if first == "|" {
            let rest = line.utf8.dropFirst()
            guard let punctuation = rest.first, punctuation == 46 || punctuation == 41, let space = rest.dropFirst().first, space == 32 || space == 9 else { return nil }
            return line.prefix(3)
        }
        if "-•*–▪◦·".contains(first) {
            let next = line.dropFirst().first
            return next == " " || next == "\t" ? line.prefix(1) : nil
        }
        let marker = line.prefix { $0.isNumber || $0.isLetter && $0.isLowercase }
        guard !marker.isEmpty, marker.count <= 3, marker.endIndex < line.endIndex else { return nil }
        let punctuation = line[marker.endIndex]
        guard punctuation == "." || punctuation == ")" else { return nil }
        let afterIndex = line.index(after: marker.endIndex)
        guard afterIndex < line.endIndex, line[afterIndex] == " " || line[afterIndex] == "\t" else { return nil }
        // "1.1 …" is an argument number, not a list item; "2025." is a year.
        if marker.allSatisfy(\.isNumber), marker.count > 2 { return nil }
        if marker.contains(where: \.isLetter), marker.contains(where: \.isNumber) { return nil }
        if marker.allSatisfy(\.isLetter), marker.count > 1 { return nil }
        return line[..<afterIndex]
    }

    enum MarkerKind { case number, letter, bullet }

    static func markerKind(_ line: Substring) -> MarkerKind? {
        guard let marker = listMarker(line), let first = marker.first else { return nil }
        if first.isNumber || first == "|" { return .number }
        if first.isLetter { return .letter }
        return .bullet
    }

    static func dropMarker(_ text: String) -> String {
        guard let marker = listMarker(Substring(text)) else { return text }
        return String(text[marker.endIndex...].drop { $0 == " " || $0 == "\t" })
    }

    /// "Het college stelt de raad voor:", "De raad wordt voorgesteld te besluiten:": the line before the beslispunten.
    static func introducesBeslispunten(_ line: Substring) -> Bool {
        guard line.last == ":", line.utf8.count <= 200 else { return false }
        let folded = String(decoding: ByteFolding.fold(line), as: UTF8.self)
        return ["stelt de raad voor", "stellen de raad voor", "stelt u voor", "stellen u voor", "stellen wij u voor", "stellen wij de raad voor",
                "wordt voorgesteld", "te besluiten", "besluit:", "de raad besluit", "voorgesteld besluit", "stelt uw raad voor", "stellen uw raad voor",
                "stelt voor:", "stellen voor:", "vragen u:", "vragen wij u:", "vragen de raad:", "vragen wij de raad:", "vragen we u:", "stelt de gemeenteraad voor", "council is asked to", "the council resolves", "decides:"]
            .contains(where: { folded.has($0) })
    }

    /// A form field on its own line: "Portefeuillehouder: …", "Datum raadsvergadering	12 juni 2025".
    static func isField(_ line: Substring) -> Bool {
        // On bytes: a tab anywhere, or a known label before a colon in the first 60 bytes.
        var colon: String.UTF8View.Index?
        var seen = 0
        for index in line.utf8.indices {
            let b = line.utf8[index]
            if b == 9 { return true }
            if b == 58, colon == nil, seen <= 60 { colon = index }
            seen += 1
            if seen > 60, colon == nil { return line.utf8.contains(9) }
        }
        guard let colon else { return false }
        return VoorstelKop.kind(of: String(line[..<colon])) != nil
    }

    /// Whether a hyphen at a line end splits one word: not "Jeugd-" + "en gezinsbeleid".
    static func mendable(_ paragraph: String, _ next: Substring) -> Bool {
        let word = next.prefix { $0.isLetter }
        guard !["en", "of", "tot", "en/of"].contains(String(word)) else { return false }
        let before = paragraph.dropLast()
        return before.last?.isLetter == true
    }

    /// Sentences of a paragraph with their byte offsets: a sentence ends at `.`, `!` or `?` before a
    /// space and a capital, a digit or a quote; not after an abbreviation such as "o.a." or "nr.".
    static func split(_ paragraph: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        let bytes = Array(paragraph.utf8)
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, bytes[s] == 32 || bytes[s] == 9 { s += 1 }
            while e > s, bytes[e - 1] == 32 || bytes[e - 1] == 9 { e -= 1 }
            if e > s { result.append((s, String(decoding: bytes[s..<e], as: UTF8.self))) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 46 || b == 33 || b == 63, i + 2 < bytes.count, bytes[i + 1] == 32 {
                var j = i + 1
                while j < bytes.count, bytes[j] == 32 { j += 1 }
                let next = j < bytes.count ? bytes[j] : 0
                let startsSentence = (next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next == 34 || next == 39 || next >= 0xC0
                if startsSentence, !(b == 46 && isAbbreviation(bytes, before: i)) {
                    emit(i + 1)
                    start = j
                    i = j
                    continue
                }
            }
            i += 1
        }
        emit(bytes.count)
        return result
    }

    static let abbreviations: Set<String> = ["o.a", "bijv", "nr", "art", "e.d", "m.b.t", "t.b.v", "ca", "resp", "mw", "dhr", "jl", "d.d", "z.s.m",
                                             "i.c.m", "i.v.m", "m.n", "vs", "evt", "incl", "excl", "blz", "p", "zgn", "e.a", "t.a.v", "n.a.v", "mln", "mld", "mr", "drs", "ir", "dr", "ing", "st"]

    static func isAbbreviation(_ bytes: [UInt8], before dot: Int) -> Bool {
        var s = dot
        while s > 0, bytes[s - 1] != 32, bytes[s - 1] != 40 { s -= 1 }
        let word = String(decoding: bytes[s..<dot], as: UTF8.self).lowercased()
        if word.count == 1, word.first?.isLetter == true { return true }
        return abbreviations.contains(word)
    }

    static func words(in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for b in bytes {
                let isWord = ByteFolding.isWordByte(b)
                if isWord, !inWord { count += 1 }
                inWord = isWord
            }
            return count
        }
    }

    /// "Geen.", "n.v.t.", "Niet van toepassing", "Er zijn geen alternatieven.", or nothing at all.
    static func saysAbsent(_ body: String, words: Int) -> Bool {
        guard words > 0 else { return true }
        guard words <= 14 else { return false }
        var folded = ""
        for b in ByteFolding.fold(body) { folded.append(ByteFolding.isWordByte(b) ? Character(UnicodeScalar(b)) : " ") }
        let text = folded.split(separator: " ").joined(separator: " ")
        for phrase in ["geen", "n v t", "nvt", "niet van toepassing", "niet aan de orde", "nee", "none", "not applicable", "n a",
                       "er zijn geen", "er is geen", "hiervan is geen sprake", "daarvan is geen sprake", "niet relevant", "nihil", "volgt nog", "pm", "p m"]
        where text == phrase || text.hasPrefix(phrase + " ") {
            return true
        }
        return false
    }

    /// The title: the onderwerp field (with the line it continues on), else the first line of
    /// substance before the first heading.
    static func title(lines: [Substring], kinds isHeading: [Bool], noise: Set<Int>, kop: VoorstelKop) -> (String?, Int?) {
        // `isHeading`: a heading of a known section.
        let top = lines.indices.prefix(60)
        if let onderwerp = kop.onderwerp, !onderwerp.isEmpty {
            guard let index = top.first(where: { lines[$0].contains(onderwerp) }) else { return (onderwerp, nil) }
            var title = onderwerp
            var next = index + 1
            // A title that runs on: the next lines are no label, heading or field, and the title so far is long or open.
            while next < lines.count, next - index <= 3, !lines[next].isEmpty, !noise.contains(next), !isHeading[next],
                  VoorstelKop.labelled(String(lines[next])) == nil, !lines[next].utf8.contains(9), lines[next].utf8.count <= 120,
                  title.count >= 35 || [" en", " van", " voor", " de", " het", " in", "-", ","].contains(where: title.hasSuffix),
                  !title.hasSuffix("."), listMarker(lines[next]) == nil, VoorstelKop.firstDate(String(lines[next])) == nil {
                title += (title.hasSuffix("-") ? "" : " ") + lines[next]
                next += 1
            }
            return (title, index + 1)
        }
        let generic = ["raadsvoorstel", "voorstel aan de raad", "voorstel aan de gemeenteraad", "aan de gemeenteraad", "aan de raad", "voorstel", "collegevoorstel",
                       "raadsbesluit", "openbaar", "besluitvormend", "ter besluitvorming", "council proposal", "memo", "pagina delen", "deel deze pagina",
                       "printen", "terug naar overzicht", "inhoud", "beslisnota", "beslisnota voor de gemeenteraad", "raadsinformatiebrief"]
        var index = 0
        while index < min(lines.count, 40) {
            let line = lines[index]
            if line.isEmpty || noise.contains(index) || isField(line) || VoorstelKop.labelled(String(line)) != nil || line.utf8.count < 6 {
                index += 1
                continue
            }
            // A known section starts the body: no title before it.
            if isHeading[index] { break }
            let folded = String(decoding: ByteFolding.fold(line), as: UTF8.self)
            let words = folded.split(separator: " ")
            if generic.contains(where: { folded == $0 || folded.hasPrefix($0 + " ") && words.count <= 4 && !folded.hasPrefix("voorstel ") })
                || (folded.hasPrefix("gemeente ") || folded.hasPrefix("gemeenteraad ") || folded.hasPrefix("municipality ")) && words.count <= 4
                || VoorstelKop.firstDate(String(line)) != nil && line.count < 40
                || line.hasPrefix("Raadsvoorstel") && words.count <= 3 || introducesBeslispunten(line) {
                index += 1
                continue
            }
            var title = String(line)
            var next = index + 1
            while next < lines.count, next - index <= 2, !lines[next].isEmpty, !isHeading[next], !noise.contains(next), !isField(lines[next]),
                  VoorstelKop.labelled(String(lines[next])) == nil, lines[next].split(separator: " ").first.map({ VoorstelKop.kind(of: String($0)) == nil }) ?? true, !title.hasSuffix("."), lines[next].utf8.count <= 100, listMarker(lines[next]) == nil {
                title += " " + lines[next]
                next += 1
            }
            return (String(title.prefix(300)), index + 1)
        }
        return (nil, nil)
    }
}
