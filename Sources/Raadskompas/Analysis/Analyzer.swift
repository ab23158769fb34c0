import Foundation

/// Lays a raadsvoorstel next to the criteria A–F: for each criterion what the text shows (quoted
/// sentences with their line numbers), what is missing, and a proposed judgement. It proposes;
/// the griffier or raadslid decides.
public struct Analyzer: Sendable {
    public enum Judgement: String, Sendable, Codable {
        case aanwezig, deels, ontbreekt
    }

    public struct Evidence: Sendable, Codable, Equatable {
        public let regel: Int
        public let tekst: String
        /// The rule that found it.
        public let signaal: String
    }

    public struct CriterionResult: Sendable, Codable {
        public let oordeel: Judgement
        public let bewijs: [Evidence]
        public let ontbreekt: [String]
    }

    public struct Result: Sendable, Codable {
        public let bestand: String
        public let criteria: [String: CriterionResult]
        public let vragen: [String]
        /// Other findings: vague uitgangspunten, a missing advies of the adviesraad, readability.
        public let signalen: [String]
    }

    let rules: AnalysisRules
    let criteria: [GuidedReview.Criterion]
    public static let letters = ["A", "B", "C", "D", "E", "F"]

    public init?(library: ContentLibrary) {
        guard let card = library.cards(ofKind: "analyseregels").first, case .analyseregels(let rules) = card.kind else { return nil }
        self.rules = rules
        self.criteria = GuidedReview.criteria(from: library)
    }

    struct Sentence {
        let line: Int
        let text: String
        let folded: [Character]
        /// A short line without a full stop: a heading such as "Alternatieven".
        var isHeading: Bool { !text.hasSuffix(".") && !text.hasSuffix("?") && text.split(separator: " ").count <= 6 }
    }

    /// Sentences with the line they start on. Paragraphs are lines; a sentence ends at . ! or ?
    /// followed by a space.
    static func sentences(_ text: String) -> [Sentence] {
        var result: [Sentence] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var current = ""
            let characters = Array(line)
            for (i, c) in characters.enumerated() {
                current.append(c)
                if ".!?".contains(c), i + 1 == characters.count || characters[i + 1] == " " {
                    append(current)
                    current = ""
                }
            }
            append(current)
            func append(_ piece: String) {
                let trimmed = piece.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { result.append(Sentence(line: index + 1, text: trimmed, folded: Folding.fold(trimmed))) }
            }
        }
        return result
    }

    /// Whether the parts occur in order in the sentence, each starting at a word boundary.
    static func matches(_ parts: [[Character]], in sentence: [Character]) -> Bool {
        var from = 0
        for part in parts {
            var found: Int?
            var i = from
            while i + part.count <= sentence.count {
                if sentence[i] == part[0], i == 0 || !(sentence[i - 1].isLetter || sentence[i - 1].isNumber) {
                    var j = 1
                    while j < part.count, sentence[i + j] == part[j] { j += 1 }
                    if j == part.count { found = i; break }
                }
                i += 1
            }
            guard let start = found else { return false }
            from = start + part.count
        }
        return true
    }

    public func analyze(_ text: String, name: String) -> Result {
        let sentences = Analyzer.sentences(text)
        var weights: [String: Int] = [:]
        var evidence: [String: [Evidence]] = [:]
        var fired = Set<String>()
        // A heading is read together with the sentence under it: "Alternatieven" + "Geen."
        let context = sentences.indices.map { i in
            sentences[i].isHeading && i + 1 < sentences.count ? sentences[i].folded + [" "] + sentences[i + 1].folded : sentences[i].folded
        }
        for rule in rules.rules {
            // A match inside one sentence is that sentence's; only a match that needs the heading
            // and the sentence under it together ("Alternatieven" + "Geen.") is the heading's.
            let hits = sentences.indices.filter { i in
                guard !rule.headingOnly || sentences[i].isHeading else { return false }
                if rule.patterns.contains(where: { Analyzer.matches($0, in: sentences[i].folded) }) { return true }
                guard context[i].count != sentences[i].folded.count else { return false }
                return rule.patterns.contains { Analyzer.matches($0, in: context[i]) }
                    && !rule.patterns.contains { Analyzer.matches($0, in: sentences[i + 1].folded) }
            }.map { sentences[$0] }
            guard !hits.isEmpty else { continue }
            fired.insert(rule.id)
            // Weight-0 rules are signals for questions and warnings, not evidence for a criterion.
            guard rule.weight != 0 else { continue }
            weights[rule.criterion, default: 0] += rule.weight
            for hit in hits.prefix(2) {
                evidence[rule.criterion, default: []].append(Evidence(regel: hit.line, tekst: String(hit.text.prefix(300)), signaal: "\(rule.id): \(rule.explanation)"))
            }
        }
        var signals: [String] = []
        var results: [String: CriterionResult] = [:]
        let readability = Readability(sentences: summarySentences(sentences), jargon: rules.jargon, fullText: text)
        for letter in Analyzer.letters {
            let total = weights[letter, default: 0]
            let threshold = rules.thresholds[letter] ?? (present: 3, partly: 1)
            var judgement: Judgement = total >= threshold.present ? .aanwezig : total >= threshold.partly ? .deels : .ontbreekt
            var missing = judgement == .aanwezig ? [] : rules.missing[letter, default: []]
            if letter == "F", judgement != .ontbreekt, let readability {
                signals += readability.findings
                if judgement == .aanwezig, !readability.isPlain {
                    judgement = .deels
                    missing.append("De samenvatting is niet eenvoudig genoeg: " + readability.findings.joined(separator: "; "))
                }
            }
            let sorted = (evidence[letter] ?? []).sorted { $0.regel < $1.regel }
            results[letter] = CriterionResult(oordeel: judgement, bewijs: sorted.reduce(into: []) { list, item in
                if !list.contains(where: { $0.regel == item.regel && $0.tekst == item.tekst }) { list.append(item) }
            }, ontbreekt: missing)
        }
        var questions: [String] = []
        for criterion in criteria where results[criterion.letter]?.oordeel != .aanwezig {
            questions += criterion.questions.map { "\(criterion.letter): \($0)" }
        }
        if fired.contains(where: { $0.hasPrefix("vaag-") }) {
            signals.append("Het voorstel noemt algemene uitgangspunten of principes. Welke keuzes komen hier nog uit voort, en wie maakt die?")
            questions.append("Welke keuzes komen uit de genoemde uitgangspunten nog voort, en wie maakt die: de raad of het college?")
        }
        if fired.contains("sociaal-domein"), fired.contains("beleidskader"), !fired.contains("adviesraad") {
            signals.append("Dit is een beleidskader, verordening of meerjarenplan in het sociaal domein, maar het advies van de adviesraad wordt niet genoemd.")
            questions.append("Heeft de adviesraad sociaal domein over dit voorstel geadviseerd, en wat heeft het college met dat advies gedaan?")
        }
        return Result(bestand: name, criteria: results, vragen: questions, signalen: signals)
    }

    /// The sentences of the publieksvriendelijke samenvatting: from its heading to the next heading.
    func summarySentences(_ sentences: [Sentence]) -> [Sentence] {
        guard let start = sentences.firstIndex(where: { sentence in
            sentence.line <= 60 && ["publieksvriendelijke samenvatting", "samenvatting voor inwoners", "samenvatting", "in het kort", "in gewone taal"]
                .contains { String(sentence.folded).hasPrefix($0) && sentence.text.count < 60 }
        }) else { return [] }
        var summary: [Sentence] = []
        for sentence in sentences[(start + 1)...] {
            // A short line without a full stop is the next heading.
            if !summary.isEmpty, sentence.text.count < 60, !sentence.text.hasSuffix("."), sentence.line > summary.last!.line { break }
            summary.append(sentence)
        }
        return summary
    }
}
