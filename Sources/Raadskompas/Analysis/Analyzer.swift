import Foundation

/// Lays a raadsvoorstel next to the criteria A–F and writes a leeswijzer beside them. First the
/// voorstel is read into its parts (`VoorstelStructure`); then each criterion is judged by the
/// sections that the analyseregels map to it and by the phrase rules, together. Every finding cites
/// the line it starts on. It proposes; the griffier or raadslid decides.
public struct Analyzer: Sendable {
    public enum Judgement: String, Sendable, Codable {
        case aanwezig, deels, ontbreekt
    }

    public struct Evidence: Sendable, Codable, Equatable {
        public let regel: Int
        public let tekst: String
        /// The rule or section that found it.
        public let signaal: String
    }

    /// The signal of a heading with no text under it.
    static let emptyHeading = "kopje zonder tekst eronder"

    /// How a reader is told where the voorstel says something is not there: its own words quoted
    /// ("Alternatieven: Geen."), or the heading that has nothing under it.
    public static func absence(_ evidence: Evidence) -> String {
        evidence.signaal.hasSuffix(emptyHeading)
            ? "onder het kopje ‘\(evidence.tekst)’ (regel \(evidence.regel)) staat geen tekst"
            : "het voorstel zegt zelf “\(evidence.tekst)” (regel \(evidence.regel))"
    }

    public struct CriterionResult: Sendable, Codable {
        public let oordeel: Judgement
        public let bewijs: [Evidence]
        /// What no evidence covers (empty when the criterion is present).
        public let ontbreekt: [String]
        /// Where the voorstel itself says something is not there ("Alternatieven: Geen.").
        public let afwezig: [Evidence]
        /// One line: why the judgement is what it is.
        public let waarom: String
    }

    public struct Section: Sendable, Codable, Equatable {
        public let kop: String
        /// The id of the sectie in the analyseregels; nil for a heading that is not in them.
        public let sectie: String?
        public let regel: Int
        /// Empty, or "geen" / "n.v.t.".
        public let leeg: Bool
    }

    public struct Fields: Sendable, Codable, Equatable {
        public let datum: String?
        public let portefeuillehouder: String?
        public let registratienummer: String?
        public let agendapunt: String?
        public let programma: String?
        /// "ter besluitvorming", "ter kennisname" or "ter bespreking".
        public let behandeling: String?
    }

    public struct Result: Sendable, Codable {
        public let bestand: String
        public let titel: String?
        public let titelRegel: Int?
        public let velden: Fields
        public let secties: [Section]
        public let criteria: [String: CriterionResult]
        public let leeswijzer: Leeswijzer
        public let vragen: [String]
        /// Other findings: vague uitgangspunten, a missing advies of the adviesraad, readability.
        public let signalen: [String]
        /// Words of text (headings not counted).
        public let woorden: Int
        /// Page headers and footers left out.
        public let herhaaldeRegels: Int
        /// "nl", or "en" for a voorstel in English (the signals are Dutch, so its judgements mean little).
        public let taal: String
    }

    let rules: AnalysisRules
    let criteria: [GuidedReview.Criterion]
    let matcher: PhraseMatcher
    /// Per rule, per pattern: the phrase ids of its parts.
    let patternParts: [[[Int]]]
    public static let letters = ["A", "B", "C", "D", "E", "F"]

    public init?(library: ContentLibrary) {
        guard let card = library.cards(ofKind: "analyseregels").first, case .analyseregels(let rules) = card.kind else { return nil }
        self.init(rules: rules, criteria: GuidedReview.criteria(from: library))
    }

    init(rules: AnalysisRules, criteria: [GuidedReview.Criterion]) {
        self.rules = rules
        self.criteria = criteria
        var ids: [[UInt8]: Int] = [:]
        var phrases: [[UInt8]] = []
        func id(_ phrase: [UInt8]) -> Int {
            if let known = ids[phrase] { return known }
            ids[phrase] = phrases.count
            phrases.append(phrase)
            return phrases.count - 1
        }
        patternParts = rules.rules.map { rule in rule.patterns.map { $0.map(id) } }
        for word in Leeswijzer.signalWords { _ = id(word) }
        matcher = PhraseMatcher(phrases: phrases)
        phraseIDs = ids
    }

    let phraseIDs: [[UInt8]: Int]

    /// The folded text of all sentences, one after the other with a newline between them, and
    /// where each sentence starts and ends in it.
    struct Folded {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []

        /// The sentence that holds byte `offset`.
        func sentence(at offset: Int) -> Int {
            var low = 0, high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }

        /// The word just before `offset` in the same sentence.
        func wordBefore(_ offset: Int, sentenceStart: Int) -> Substring {
            var end = offset
            while end > sentenceStart, !ByteFolding.isWordByte(bytes[end - 1]) { end -= 1 }
            var start = end
            while start > sentenceStart, ByteFolding.isWordByte(bytes[start - 1]) { start -= 1 }
            return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
        }
    }

    /// Occurrences of every phrase, by phrase id: the start offsets, ascending.
    typealias Occurrences = [[Int]]

    static let negations: Set<Substring> = ["geen", "niet", "zonder", "nauwelijks", "nooit"]

    public func analyze(_ text: String, name: String) -> Result {
        let structure = VoorstelStructure(text, rules: rules)
        let sentences = structure.sentences
        var folded = Folded()
        folded.bytes.reserveCapacity(text.utf8.count + sentences.count)
        for sentence in sentences {
            folded.starts.append(folded.bytes.count)
            ByteFolding.fold(sentence.text, into: &folded.bytes)
            folded.ends.append(folded.bytes.count)
            folded.bytes.append(10)
        }
        var occurrences: Occurrences = Array(repeating: [], count: matcher.phrases.count)
        matcher.scan(folded.bytes) { id, start in occurrences[id].append(start) }
        for i in occurrences.indices where occurrences[i].count > 1 { occurrences[i].sort() }

        // Phrase rules: which sentences each rule found.
        var weights: [String: Int] = [:]
        var evidence: [String: [Evidence]] = [:]
        var absence: [String: [Evidence]] = [:]
        var fired = Set<String>()
        for (r, rule) in rules.rules.enumerated() {
            var hits: [Int] = []
            for parts in patternParts[r] where !parts.isEmpty {
                for start in occurrences[parts[0]] {
                    let s = folded.sentence(at: start)
                    let sentence = sentences[s]
                    if hits.last == s { continue }
                    if rule.headingOnly, !(sentence.isHeading || sentence.looksLikeHeading) { continue }
                    // A header field ("Onderwerp: Zienswijze kadernota 2027") is metadata, not evidence.
                    if sentence.isField, rule.weight != 0 { continue }
                    if !rule.headingOnly, rule.weight > 0 {
                        // The heading of a known section is structure, not evidence; nor is text in a section that says "geen".
                        if sentence.isHeading, let part = sentence.part, structure.parts[part].section != nil { continue }
                        if let part = sentence.part, structure.parts[part].isAbsent { continue }
                        // "geen risico's", "niet haalbaar": a denial is no evidence.
                        if Analyzer.negations.contains(folded.wordBefore(start, sentenceStart: folded.starts[s])) { continue }
                    }
                    var end = start + matcher.phrases[parts[0]].count
                    var found = true
                    for part in parts.dropFirst() {
                        let list = occurrences[part]
                        var low = 0, high = list.count
                        while low < high {
                            let mid = (low + high) / 2
                            if list[mid] < end { low = mid + 1 } else { high = mid }
                        }
                        guard low < list.count, list[low] < folded.ends[s] else { found = false; break }
                        end = list[low] + matcher.phrases[part].count
                    }
                    if found { hits.append(s) }
                }
            }
            guard !hits.isEmpty else { continue }
            hits = Array(Set(hits)).sorted()
            fired.insert(rule.id)
            // Weight-0 rules are signals for questions and warnings, not evidence for a criterion.
            guard rule.weight != 0 else { continue }
            weights[rule.criterion, default: 0] += rule.weight
            let items = hits.prefix(2).map { Evidence(regel: sentences[$0].line, tekst: Analyzer.quote(sentences[$0].text), signaal: "\(rule.id): \(rule.explanation)") }
            if rule.weight < 0 {
                absence[rule.criterion, default: []] += items
            } else {
                evidence[rule.criterion, default: []] += items
            }
        }

        // Sections: text under a mapped heading counts for its criterion; "geen" or nothing counts against it.
        var presentSections = Set<String>()
        var absentSections: [String: VoorstelStructure.Part] = [:]
        for part in structure.parts {
            guard let index = part.section else { continue }
            let section = rules.sections[index]
            guard let letter = section.criterion else { continue }
            if part.isAbsent {
                absentSections[section.id] = absentSections[section.id] ?? part
            } else if part.wordCount >= 6, !presentSections.contains(section.id) {
                presentSections.insert(section.id)
                weights[letter, default: 0] += section.weight
                let first = part.sentences.dropFirst().first.map { sentences[$0] }
                evidence[letter, default: []].append(Evidence(regel: part.line, tekst: Analyzer.quote(part.heading + (first.map { ": " + $0.text } ?? "")),
                                                              signaal: "sectie \(section.id): tekst onder het kopje ‘\(part.heading)’"))
            }
        }
        for (id, part) in absentSections.sorted(by: { $0.value.line < $1.value.line }) where !presentSections.contains(id) {
            guard let index = part.section, let letter = rules.sections[index].criterion else { continue }
            weights[letter, default: 0] += rules.sections[index].absentWeight
            let body = part.sentences.dropFirst().map { sentences[$0].text }.joined(separator: " ")
            // An empty heading is quoted as it stands, without inventing text the voorstel does not have.
            absence[letter, default: []].append(body.isEmpty
                ? Evidence(regel: part.line, tekst: Analyzer.quote(part.heading), signaal: "sectie \(id): \(Analyzer.emptyHeading)")
                : Evidence(regel: part.line, tekst: Analyzer.quote(part.heading + ": " + body), signaal: "sectie \(id): het voorstel zegt zelf dat het er niet is"))
        }

        // Judgements.
        var signals: [String] = []
        var results: [String: CriterionResult] = [:]
        let summary = summarySentences(structure)
        let readability = Readability(sentences: summary.map(\.text), jargon: rules.jargon, fullText: text)
        let covered = fired.union(presentSections)
        for letter in Analyzer.letters {
            let total = weights[letter, default: 0]
            let threshold = rules.thresholds[letter] ?? (present: 3, partly: 1)
            var judgement: Judgement = total >= threshold.present ? .aanwezig : total >= threshold.partly ? .deels : .ontbreekt
            let found = Analyzer.sortUnique(evidence[letter] ?? [])
            let denied = Analyzer.sortUnique(absence[letter] ?? [])
            var missing: [String] = []
            var why: String
            // A criterion with two sides (effects and risks; a target and an evaluation) needs both for ‘aanwezig’.
            let unmet = rules.required[letter, default: []].first { covered.isDisjoint(with: $0) }
            if judgement == .aanwezig, let unmet {
                judgement = .deels
                let point = rules.missing[letter, default: []].first { !Set($0.coveredBy).isDisjoint(with: unmet) }?.text ?? "Een deel van het criterium ontbreekt."
                missing.append(point)
                why = "deels: \(Analyzer.describe(found)) \(found.count == 1 ? "weegt" : "wegen samen") \(total), maar: \(point.prefix(1).lowercased() + point.dropFirst())"
                results[letter] = CriterionResult(oordeel: judgement, bewijs: found, ontbreekt: missing, afwezig: denied, waarom: why)
                continue
            }
            if judgement == .aanwezig {
                why = "aanwezig: \(Analyzer.describe(found)) \(found.count == 1 ? "weegt" : "wegen samen") \(total); vanaf \(threshold.present) heet het aanwezig"
            } else {
                for point in rules.missing[letter, default: []] {
                    // Name only what no evidence covers.
                    if point.coveredBy.isEmpty ? found.isEmpty : covered.isDisjoint(with: point.coveredBy) { missing.append(point.text) }
                }
                if judgement == .deels {
                    why = "deels: \(Analyzer.describe(found)) \(found.count == 1 ? "weegt" : "wegen samen") \(total); voor aanwezig is \(threshold.present) nodig"
                } else if let first = denied.first {
                    why = "ontbreekt: " + Analyzer.absence(first)
                } else if found.isEmpty {
                    why = "ontbreekt: geen kopje en geen zin gevonden die erover gaat"
                } else {
                    why = "ontbreekt: \(Analyzer.describe(found)) \(found.count == 1 ? "weegt" : "wegen samen") \(total); dat is te weinig"
                }
                if judgement == .deels, let first = denied.first { why += "; " + Analyzer.absence(first) }
            }
            if letter == "F", judgement != .ontbreekt, let readability {
                signals += readability.findings
                if judgement == .aanwezig, !readability.isPlain {
                    judgement = .deels
                    missing.append("De samenvatting is niet eenvoudig genoeg: " + readability.findings.joined(separator: "; "))
                    why = "deels: er is een samenvatting\(summary.first.map { " (regel \($0.line))" } ?? ""), maar die is niet eenvoudig genoeg"
                }
            }
            results[letter] = CriterionResult(oordeel: judgement, bewijs: found, ontbreekt: missing, afwezig: denied, waarom: why)
        }

        var questions: [String] = []
        for criterion in criteria where results[criterion.letter]?.oordeel != .aanwezig {
            questions += criterion.questions.map { "\(criterion.letter): \($0)" }
        }
        if fired.contains(where: { $0.hasPrefix("vaag-") }) {
            signals.append("Het voorstel noemt algemene uitgangspunten of principes. Welke keuzes komen hier nog uit voort, en wie maakt die?")
            questions.append("Welke keuzes komen uit de genoemde uitgangspunten nog voort, en wie maakt die: de raad of het college?")
        }
        let adviesMissing = fired.contains("sociaal-domein") && fired.contains("beleidskader") && !fired.contains("adviesraad")
        if adviesMissing {
            signals.append("Dit is een beleidskader, verordening of meerjarenplan in het sociaal domein, maar het advies van de adviesraad wordt niet genoemd.")
            questions.append("Heeft de adviesraad sociaal domein over dit voorstel geadviseerd, en wat heeft het college met dat advies gedaan?")
        }
        let leeswijzer = Leeswijzer(structure: structure, rules: rules, folded: folded, occurrences: occurrences, phraseIDs: phraseIDs,
                                    adviesMissing: adviesMissing, fullText: text)
        if let warning = leeswijzer.rol.waarschuwing {
            signals.append(warning)
            questions.append("Het voorstel staat als ‘ter kennisname’ op de agenda, maar vraagt de raad om een besluit. Wat wordt er precies van de raad gevraagd?")
        }
        // A text copied from a web page or a transcription site often lost its line breaks: then
        // headings and beslispunten cannot be told apart from running text, and the reader must know.
        let lineCount = text.utf8.reduce(into: 1) { if $1 == 10 { $0 += 1 } }
        if structure.wordCount >= 300, structure.wordCount / max(1, lineCount) >= 150 {
            signals.insert("De tekst heeft bijna geen regeleinden (\(lineCount) \(lineCount == 1 ? "regel" : "regels") voor \(structure.wordCount) woorden). Kopjes en beslispunten zijn dan niet te herkennen, dus de analyse mist veel. Lees het voorstel liever in uit de PDF of het Word-bestand zelf.", at: 0)
        }
        let english = Analyzer.isEnglish(folded.bytes)
        if english {
            signals.insert("Dit voorstel is in het Engels geschreven. De kopjes en signalen van Raadskompas zijn Nederlands, dus het oordeel per criterium zegt weinig: lees het voorstel zelf.", at: 0)
        }
        let kop = structure.kop
        return Result(bestand: name, titel: structure.title, titelRegel: structure.titleLine,
                      velden: Fields(datum: kop.datum?.description, portefeuillehouder: kop.portefeuille, registratienummer: kop.registratienummer,
                                     agendapunt: kop.agendapunt, programma: kop.programma, behandeling: kop.behandeling),
                      secties: structure.parts.map { Section(kop: $0.heading, sectie: $0.section.map { rules.sections[$0].id }, regel: $0.line, leeg: $0.isAbsent) },
                      criteria: results, leeswijzer: leeswijzer, vragen: questions, signalen: signals,
                      woorden: structure.wordCount, herhaaldeRegels: structure.repeatedLines, taal: english ? "en" : "nl")
    }

    /// Whether a folded text is English rather than Dutch, by its most common small words.
    static func isEnglish(_ bytes: [UInt8]) -> Bool {
        // Words packed into an integer: compared without building strings.
        func pack(_ word: String) -> UInt32 { word.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
        let english: Set<UInt32> = Set(["the", "and", "of", "to", "is", "for", "with"].map(pack))
        let dutch: Set<UInt32> = Set(["de", "het", "en", "van", "een", "voor", "met"].map(pack))
        var englishCount = 0, dutchCount = 0
        var word: UInt32 = 0, length = 0
        for b in bytes.prefix(20_000) {
            if b >= 97 && b <= 122 {
                word = word << 8 | UInt32(b)
                length += 1
                continue
            }
            if length >= 2 && length <= 4 {
                if english.contains(word) { englishCount += 1 } else if dutch.contains(word) { dutchCount += 1 }
            }
            word = 0
            length = 0
        }
        return englishCount >= 8 && englishCount > 2 * dutchCount
    }

    /// The title of a voorstel as the analysis reads it (across line breaks), for importing.
    public func title(of text: String) -> String? {
        VoorstelStructure(text, rules: rules).title
    }

    /// "de sectie ‘Alternatieven’ en 2 zinnen", for a `waarom` line.
    static func describe(_ found: [Evidence]) -> String {
        let sections = found.filter { $0.signaal.hasPrefix("sectie ") }
        let others = found.count - sections.count
        var parts: [String] = []
        if let first = sections.first {
            let heading = first.tekst.split(separator: ":", maxSplits: 1).first.map(String.init) ?? first.tekst
            parts.append(sections.count == 1 ? "het kopje ‘\(heading)’ (regel \(first.regel))" : "\(sections.count) kopjes met tekst")
        }
        if others > 0 { parts.append(others == 1 ? "1 zin" : "\(others) zinnen") }
        return parts.isEmpty ? "de vondsten" : parts.joined(separator: " en ")
    }

    static func sortUnique(_ items: [Evidence]) -> [Evidence] {
        items.sorted { $0.regel < $1.regel }.reduce(into: []) { list, item in
            if !list.contains(where: { $0.regel == item.regel && $0.tekst == item.tekst }) { list.append(item) }
        }
    }

    /// A sentence as quoted: whole, up to 300 characters.
    static func quote(_ text: String) -> String {
        text.count <= 300 ? text : String(text.prefix(299)) + "…"
    }

    /// The sentences of the publieksvriendelijke samenvatting: the section with the role
    /// `samenvatting`, or else the text under a short heading "Samenvatting" near the top.
    func summarySentences(_ structure: VoorstelStructure) -> [VoorstelStructure.Sentence] {
        if let part = structure.parts.first(where: { $0.section.map { rules.sections[$0].role == "samenvatting" } ?? false && !$0.isAbsent }) {
            return part.sentences.dropFirst().map { structure.sentences[$0] }
        }
        return []
    }
}
