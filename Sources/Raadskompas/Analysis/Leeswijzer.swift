import Foundation

/// What a raadslid wants to know first about a voorstel, beside the criteria, every line cited:
/// what is decided (the beslispunten), what it costs and how that is covered, the role of the raad,
/// the doelen and whether they are SMART, participatie, termijnen and data, and jargon and
/// unexplained abbreviations. A stuk without real content (ingekomen stukken, a benoeming) says so
/// in `leeg` instead of a checklist.
public struct Leeswijzer: Sendable, Codable {
    public struct Citaat: Sendable, Codable, Equatable {
        public let regel: Int
        public let tekst: String
    }

    public struct Bedrag: Sendable, Codable, Equatable {
        public let regel: Int
        /// The amount as written: "€ 865.000", "1,2 miljoen euro".
        public let bedrag: String
        public let tekst: String
    }

    public struct Rol: Sendable, Codable, Equatable {
        /// kaderstellend, controlerend, zienswijze, wensen en bedenkingen, ter kennisname, besluit, onbekend.
        public let soort: String
        /// The beslispunt or header line it was read from.
        public let regel: Int?
        public let uitleg: String
        /// Set when the header says "ter kennisname" while the beslispunten ask for a besluit.
        public let waarschuwing: String?
    }

    public struct Doel: Sendable, Codable, Equatable {
        public let regel: Int
        public let tekst: String
        /// A number other than a year: "40%", "250 huishoudens".
        public let getal: Bool
        /// A year: "in 2027".
        public let jaar: Bool
        /// How it is measured: an indicator, monitor, percentage or count.
        public let indicator: Bool
    }

    public let besluit: [Citaat]
    public let kosten: [Bedrag]
    public let dekking: [Citaat]
    /// The kosten section says "geen" or "n.v.t.".
    public let kostenGeen: Citaat?
    public let rol: Rol
    public let doelen: [Doel]
    public let participatie: [Citaat]
    /// A voorstel in the kerndomein (a beleidskader in the sociaal domein) that names no advies of the adviesraad.
    public let adviesOntbreekt: Bool
    public let termijnen: [Citaat]
    public let jargon: [Citaat]
    public let afkortingen: [Citaat]
    /// Why there is nothing to judge, for a stuk without real content; nil otherwise.
    public let leeg: String?

    // MARK: - Signal words, found in the same pass as the phrase rules

    static let words: [String: [String]] = [
        "bedrag": ["€", "euro", "eur ", "miljoen", "mln", "duizend"],
        "dekking": ["dekking", "gedekt", "dekken", "ten laste van", "reserve", "begrotingswijziging", "budgetneutraal", "binnen de begroting",
                    "binnen het budget", "bestaande budget", "meerjarenbegroting", "kapitaallasten"],
        "doel": ["doel", "streven", "streefwaarde", "willen bereiken", "ambitie", "beoogd"],
        "participatie": ["adviesraad", "clientenraad", "participatieraad", "wmo-raad", "ervaringsdeskundig", "inwonerspanel", "bewonersavond",
                         "inspraak", "enquete", "klankbordgroep", "participatie", "inwoners zijn", "inwoners hebben", "met inwoners", "jongerenraad",
                         "dorpsraad", "wijkraad", "meedenk", "consultatie"],
        "termijn": ["uiterlijk", "reactietermijn", "termijn van", "deadline", "met ingang van", "treedt in werking", "inwerkingtreding", "ingangsdatum", "per 1 ",
                    "januari", "februari", "maart", "april", "mei ", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    ]

    static let signalWords: [[UInt8]] = words.values.flatMap { $0 }.map { ByteFolding.fold($0) }

    init(structure: VoorstelStructure, rules: AnalysisRules, folded: Analyzer.Folded, occurrences: Analyzer.Occurrences,
         phraseIDs: [[UInt8]: Int], adviesMissing: Bool, fullText: String) {
        let sentences = structure.sentences
        func sentencesWith(_ category: String) -> [Int] {
            var found = Set<Int>()
            for word in Leeswijzer.words[category] ?? [] {
                guard let id = phraseIDs[ByteFolding.fold(word)] else { continue }
                for start in occurrences[id] { found.insert(folded.sentence(at: start)) }
            }
            return found.sorted()
        }
        func role(of part: VoorstelStructure.Part) -> String? {
            part.section.flatMap { rules.sections[$0].role }
        }
        func partSentences(_ name: String, limit: Int) -> [Int] {
            structure.parts.filter { role(of: $0) == name && !$0.isAbsent }.flatMap { $0.sentences.dropFirst() }.prefix(limit).map { $0 }
        }
        func cite(_ index: Int) -> Citaat { Citaat(regel: sentences[index].line, tekst: Analyzer.quote(sentences[index].text)) }

        besluit = structure.beslispunten.map { Citaat(regel: $0.regel, tekst: Analyzer.quote($0.tekst)) }

        // Kosten: every sentence with an amount, with the amounts in it; dekking: how it is paid for.
        var kosten: [Bedrag] = []
        for index in sentencesWith("bedrag") where !sentences[index].isHeading {
            for amount in Leeswijzer.amounts(in: sentences[index].text) where kosten.count < 40 {
                kosten.append(Bedrag(regel: sentences[index].line, bedrag: amount, tekst: Analyzer.quote(sentences[index].text)))
            }
        }
        self.kosten = kosten
        let kostenParts = Set(structure.parts.indices.filter { role(of: structure.parts[$0]) == "kosten" })
        dekking = sentencesWith("dekking").filter { !sentences[$0].isHeading && (sentences[$0].part.map(kostenParts.contains) ?? false || true) }
            .prefix(6).map(cite)
        kostenGeen = structure.parts.first { role(of: $0) == "kosten" && $0.isAbsent }.map { part in
            Citaat(regel: part.line, tekst: Analyzer.quote(part.heading + ": " + part.sentences.dropFirst().map { sentences[$0].text }.joined(separator: " ")))
        }

        rol = Leeswijzer.role(beslispunten: structure.beslispunten, behandeling: structure.kop.behandeling, stated: structure.kop.rol)

        // Doelen: the text of a doelen section, else sentences that name a doel.
        var doelIndices = partSentences("doelen", limit: 8)
        if doelIndices.isEmpty { doelIndices = Array(sentencesWith("doel").filter { !sentences[$0].isHeading }.prefix(6)) }
        doelen = doelIndices.map { index in
            let text = sentences[index].text
            let (number, year) = Leeswijzer.numbers(in: text)
            let f = String(decoding: ByteFolding.fold(text), as: UTF8.self)
            let indicator = ["indicator", "meten", "gemeten", "monitor", "percentage", "aantal", "%", "cijfer", "score", "kpi"].contains(where: { f.has($0) })
            return Doel(regel: sentences[index].line, tekst: Analyzer.quote(text), getal: number, jaar: year, indicator: indicator)
        }

        var participatie = partSentences("participatie", limit: 6)
        // "Participatiewet" (the law on work and income) says nothing about participation of inwoners.
        let participationWords = (Leeswijzer.words["participatie"] ?? []).map { String(decoding: ByteFolding.fold($0), as: UTF8.self) }
        func aboutParticipation(_ index: Int) -> Bool {
            let text = String(decoding: ByteFolding.fold(sentences[index].text), as: UTF8.self).replacingOccurrences(of: "participatiewet", with: "")
            return participationWords.contains { text.has($0) }
        }
        for index in sentencesWith("participatie") where participatie.count < 8 && !participatie.contains(index) && !sentences[index].isHeading
            && !sentences[index].isField && aboutParticipation(index) {
            participatie.append(index)
        }
        self.participatie = participatie.sorted().map(cite)
        adviesOntbreekt = adviesMissing

        // Termijnen: sentences with a date or a deadline word, not the header fields.
        let headerEnd = structure.parts.first?.line ?? 0
        termijnen = sentencesWith("termijn").filter { index in
            let sentence = sentences[index]
            guard !sentence.isHeading, sentence.line > headerEnd, !VoorstelStructure.isField(Substring(sentence.text)) else { return false }
            // The date of an earlier raadsbesluit is history, not a termijn.
            if sentence.text.has("raadsbesluit") { return false }
            let f = String(decoding: ByteFolding.fold(sentence.text), as: UTF8.self)
            // A date has a year: look for four digits before the costly date reading.
            return Leeswijzer.hasYear(sentence.text) && VoorstelKop.firstDate(sentence.text) != nil || ["uiterlijk", "reactietermijn", "termijn van", "deadline", "met ingang van", "in werking", "inwerkingtreding", "ingangsdatum"].contains(where: { f.has($0) })
        }.prefix(8).map(cite)

        // Jargon from the analyseregels; abbreviations in capitals that are nowhere explained in parentheses.
        var jargon: [Citaat] = []
        for word in rules.jargon {
            guard let id = phraseIDs[ByteFolding.fold(word)], let first = occurrences[id].first else { continue }
            jargon.append(Citaat(regel: sentences[folded.sentence(at: first)].line, tekst: word))
        }
        self.jargon = jargon.sorted { $0.regel < $1.regel }
        afkortingen = Leeswijzer.abbreviations(sentences, fullText: fullText)

        leeg = Leeswijzer.emptiness(structure, rules: rules)
    }

    // MARK: - Reading the text

    /// Amounts as written: "€ 865.000", "€1,2 miljoen", "EUR 40.000", "2,5 miljoen euro", "450.000 euro".
    /// A hand-written scan (no regular expression): it runs on every sentence with an amount.
    static func amounts(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var result: [String] = []
        func isDigit(_ i: Int) -> Bool { i < scalars.count && scalars[i].value >= 48 && scalars[i].value <= 57 }
        /// ASCII letters, and the Latin letters with accents (the check runs on every scalar of the sentence).
        func isLetter(_ i: Int) -> Bool {
            guard i >= 0, i < scalars.count else { return false }
            let v = scalars[i].value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7)
        }
        /// The word at `i`, lowercased, and where it ends; "mln." keeps its dot.
        func word(at i: Int) -> (String, Int) {
            var j = i
            while j < scalars.count, isLetter(j) { j += 1 }
            let text = String(String.UnicodeScalarView(scalars[i..<j])).lowercased()
            if j < scalars.count, scalars[j] == ".", text == "mln" || text == "mld" { return (text + ".", j + 1) }
            return (text, j)
        }
        func skipSpaces(_ i: Int) -> Int {
            var j = i
            while j < scalars.count, scalars[j] == " " || scalars[j] == "\u{00A0}" { j += 1 }
            return j
        }
        /// The number at `i` ([0-9.,]+, without a trailing . or ,) and where it ends.
        func number(at i: Int) -> Int {
            var j = i
            while j < scalars.count, isDigit(j) || (scalars[j] == "." || scalars[j] == ",") && isDigit(j + 1) { j += 1 }
            return j
        }
        let multipliers: Set<String> = ["miljoen", "mln", "mln.", "miljard", "mld", "mld.", "duizend"]
        func emit(_ from: Int, _ to: Int) {
            let amount = String(String.UnicodeScalarView(scalars[from..<to])).trimmedFast()
            if !result.contains(amount) { result.append(amount) }
        }
        var i = 0
        while i < scalars.count {
            // "€ 865.000", "EUR 40.000", with "miljoen" after it.
            var start: Int?
            if scalars[i] == "€" { start = i; i += 1 }
            else if scalars[i] == "E", !isLetter(i - 1), i + 3 <= scalars.count, scalars[i + 1] == "U", scalars[i + 2] == "R", !isLetter(i + 3) { start = i; i += 3 }
            if let from = start {
                var j = skipSpaces(i)
                if j < scalars.count, scalars[j] == "-" { j += 1 }
                guard isDigit(j) else { continue }
                var end = number(at: j)
                let afterSpace = skipSpaces(end)
                if afterSpace < scalars.count, isLetter(afterSpace) {
                    let (next, wordEnd) = word(at: afterSpace)
                    if multipliers.contains(next) { end = wordEnd }
                }
                emit(from, end)
                i = end
                continue
            }
            // "450.000 euro", "2,5 miljoen euro".
            if isDigit(i), i == 0 || !isDigit(i - 1) && !isLetter(i - 1) && scalars[i - 1] != "." && scalars[i - 1] != "," {
                var end = number(at: i)
                var j = skipSpaces(end)
                if j < scalars.count, isLetter(j) {
                    var (next, wordEnd) = word(at: j)
                    if multipliers.contains(next) {
                        end = wordEnd
                        j = skipSpaces(wordEnd)
                        (next, wordEnd) = j < scalars.count && isLetter(j) ? word(at: j) : ("", j)
                    }
                    if next == "euro" {
                        emit(i, wordEnd)
                        i = wordEnd
                        continue
                    }
                }
                i = max(end, i + 1)
                continue
            }
            i += 1
        }
        return result
    }

    /// Abbreviations written out somewhere with the abbreviation in parentheses: "Adviesraad (ASD)".
    static func explainedAbbreviations(_ text: String) -> Set<String> {
        var result = Set<String>()
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 40 {
                var j = i + 1
                while j < bytes.count, j - i <= 9, (bytes[j] >= 65 && bytes[j] <= 90) || (bytes[j] >= 97 && bytes[j] <= 122) { j += 1 }
                if j < bytes.count, bytes[j] == 41, j - i - 1 >= 2, bytes[i + 1] >= 65, bytes[i + 1] <= 90 {
                    result.insert(String(decoding: bytes[(i + 1)..<j], as: UTF8.self))
                }
                i = j
                continue
            }
            i += 1
        }
        return result
    }

    /// Whether `text` has four digits in a row starting with 19 or 20.
    static func hasYear(_ text: String) -> Bool {
        var run = 0
        var start: UInt8 = 0, second: UInt8 = 0
        for b in text.utf8 {
            if b >= 48 && b <= 57 {
                if run == 0 { start = b } else if run == 1 { second = b }
                run += 1
            } else {
                if run == 4, start == 50 && second == 48 || start == 49 && second == 57 { return true }
                run = 0
            }
        }
        return run == 4 && (start == 50 && second == 48 || start == 49 && second == 57)
    }

    /// Whether `text` has a number other than a year, and a year (1990–2099).
    static func numbers(in text: String) -> (number: Bool, year: Bool) {
        var number = false, year = false
        for token in text.split(whereSeparator: { !$0.isNumber && $0 != "%" && $0 != "," && $0 != "." }) {
            let digits = token.filter(\.isNumber)
            guard !digits.isEmpty else { continue }
            if digits.count == 4, let value = Int(digits), (1990...2099).contains(value), !token.contains(",") { year = true } else { number = true }
        }
        return (number, year)
    }

    static let decisionVerbs = ["vast te stellen", "vaststellen", "beschikbaar te stellen", "in te stemmen", "te besluiten", "te benoemen", "te wijzigen",
                                "te verlenen", "toe te kennen", "te bekrachtigen", "aan te wijzen", "te verklaren", "te machtigen", "op te heffen",
                                "in te trekken", "te autoriseren", "goed te keuren", "af te wijzen", "te dekken", "te ramen", "te verhogen", "te verlagen",
                                "te bestemmen", "te storten", "te onttrekken", "vast te leggen", "te accorderen", "te geven", "te brengen", "te nemen",
                                "te bepalen", "te kiezen", "te volgen", "te verstrekken", "over te gaan", "aan te gaan", "te verkopen", "te kopen", "aan te passen",
                                "te actualiseren", "te heffen", "te handhaven", "te continueren", "te beëindigen", "te verlengen", "uit te breiden", "op te dragen"]

    /// The raad's role, read from the beslispunten (and from the header when there are none).
    static func role(beslispunten: [VoorstelStructure.Beslispunt], behandeling: String?, stated: String? = nil) -> Rol {
        let items = beslispunten.map { (item: $0, text: String(decoding: ByteFolding.fold($0.tekst), as: UTF8.self)) }
        func first(_ words: [String]) -> VoorstelStructure.Beslispunt? {
            items.first { entry in words.contains(where: { entry.text.has($0) }) }?.item
        }
        let verbs = decisionVerbs.map { String(decoding: ByteFolding.fold($0), as: UTF8.self) }
        let deciding = items.filter { entry in
            verbs.contains(where: { entry.text.has($0) }) && !(entry.text.has("kennis te nemen") && !entry.text.has("vast te stellen"))
        }
        let onlyNoting = !items.isEmpty && items.allSatisfy { $0.text.has("kennis te nemen") || $0.text.has("kennisnemen") || $0.text.has("kennis genomen") }
        var warning: String?
        if behandeling == "ter kennisname", let firstDecision = deciding.first {
            warning = "In de kop staat ‘ter kennisname’, maar beslispunt \(firstDecision.item.regel > 0 ? "op regel \(firstDecision.item.regel) " : "")vraagt de raad om een besluit."
        }
        if let stated {
            // The header says it: "Rol van de raad: kaderstellend".
            let f = String(decoding: ByteFolding.fold(stated), as: UTF8.self)
            for (word, soort) in [("wensen en bedenkingen", "wensen en bedenkingen"), ("zienswijze", "zienswijze"), ("kaderstellend", "kaderstellend"),
                                  ("controlerend", "controlerend"), ("kennisname", "ter kennisname"), ("informerend", "ter kennisname"), ("besluitvormend", "besluit")]
            where f.contains(word) {
                return Rol(soort: soort, regel: nil, uitleg: "Zo staat het in de kop van het voorstel (‘\(stated)’).", waarschuwing: warning)
            }
        }
        if let item = first(["zienswijze"]) {
            return Rol(soort: "zienswijze", regel: item.regel, uitleg: "De raad geeft een zienswijze: een mening aan een ander bestuur (vaak een gemeenschappelijke regeling). Dat bestuur besluit.", waarschuwing: warning)
        }
        if let item = first(["wensen en bedenkingen"]) {
            return Rol(soort: "wensen en bedenkingen", regel: item.regel, uitleg: "De raad geeft wensen en bedenkingen mee. Het college besluit daarna.", waarschuwing: warning)
        }
        if let item = first(["jaarrekening", "jaarverslag", "rekenkamer", "decharge", "verantwoording", "bestuursrapportage", "tussenrapportage", "evaluatie",
                             "aanbevelingen", "conclusies"]),
           deciding.isEmpty || first(["jaarrekening", "decharge", "rekenkamer", "aanbevelingen", "conclusies"]) != nil {
            return Rol(soort: "controlerend", regel: item.regel, uitleg: "De raad controleert: hij kijkt terug op wat het college deed en hoe het geld is besteed.", waarschuwing: warning)
        }
        // Kaderstellend: the raad adopts a policy document, a regulation or a programme, or chooses between options.
        if let item = items.first(where: { entry in
            ["kader", "visie", "beleid", "verordening", "koers", "uitgangspunt", "nota", "strategie", "agenda", "programma", "plan", "richtlijn", "spelregels",
             "akkoord", "regeling", "aanpak", "ambitie", "doelen", "prioriteit", "niveau"]
                .contains(where: { entry.text.has($0) }) && ["vast te stellen", "vaststellen", "in te stemmen", "in te voeren", "te kiezen"].contains(where: { entry.text.has($0) })
                || entry.text.has("te kiezen voor") || entry.text.has("in te voeren")
        })?.item {
            return Rol(soort: "kaderstellend", regel: item.regel, uitleg: "De raad stelt kaders: hij bepaalt de koers, het college werkt die uit.", waarschuwing: warning)
        }
        if onlyNoting, let item = items.first?.item {
            return Rol(soort: "ter kennisname", regel: item.regel, uitleg: "De raad neemt kennis van informatie; er wordt niets besloten.", waarschuwing: warning)
        }
        if let item = deciding.first?.item {
            return Rol(soort: "besluit", regel: item.regel, uitleg: "De raad neemt een besluit, bijvoorbeeld over geld, een regeling of een benoeming.", waarschuwing: warning)
        }
        switch behandeling {
        case "ter kennisname"?: return Rol(soort: "ter kennisname", regel: nil, uitleg: "Volgens de kop neemt de raad kennis van informatie.", waarschuwing: warning)
        case "ter besluitvorming"?: return Rol(soort: "besluit", regel: nil, uitleg: "Volgens de kop neemt de raad een besluit; de beslispunten zijn niet gevonden.", waarschuwing: warning)
        case "ter bespreking"?: return Rol(soort: "ter bespreking", regel: nil, uitleg: "Volgens de kop bespreekt de raad het voorstel; er wordt nog niets besloten.", waarschuwing: warning)
        default:
            // Beslispunten without a verb that says what the raad does ("Het invoeren van …").
            if let item = items.first?.item {
                return Rol(soort: "onbekend", regel: item.regel,
                           uitleg: "De beslispunten zeggen niet met een werkwoord als ‘vast te stellen’ of ‘kennis te nemen’ wat de raad doet, en de kop zegt het ook niet.",
                           waarschuwing: warning)
            }
            return Rol(soort: "onbekend", regel: nil, uitleg: "Er zijn geen beslispunten gevonden, en de kop zegt niet wat de raad moet doen.", waarschuwing: warning)
        }
    }

    /// Words in capitals (2–6 letters) that are nowhere written out with the abbreviation in
    /// parentheses, with the line of their first use. Headings in capitals are skipped.
    static func abbreviations(_ sentences: [VoorstelStructure.Sentence], fullText: String) -> [Citaat] {
        let explained = explainedAbbreviations(fullText)
        let ignore: Set<String> = ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "NB", "OK", "PM", "BV", "NV", "EU", "NL", "BTW", "CV"]
        var seen = Set<String>()
        var result: [Citaat] = []
        for sentence in sentences where !sentence.isHeading {
            var letters = 0, capitals = 0
            for b in sentence.text.utf8 {
                if b >= 65 && b <= 90 { capitals += 1; letters += 1 } else if b >= 97 && b <= 122 { letters += 1 }
            }
            guard capitals >= 2, capitals * 2 < letters else { continue }
            let bytes = Array(sentence.text.utf8)
            var i = 0
            while i < bytes.count {
                guard bytes[i] >= 65, bytes[i] <= 90, i == 0 || !ByteFolding.isWordByte(bytes[i - 1]) else { i += 1; continue }
                var j = i
                while j < bytes.count, bytes[j] >= 65, bytes[j] <= 90 { j += 1 }
                let word = String(decoding: bytes[i..<j], as: UTF8.self)
                // Followed by a letter or digit: part of a longer word such as "GGD-regio" is fine, "GGDs" too.
                if (2...6).contains(j - i), !ignore.contains(word), !explained.contains(word), !seen.contains(word),
                   j == bytes.count || !(bytes[j] >= 97 && bytes[j] <= 122 && j - i < 3) {
                    seen.insert(word)
                    result.append(Citaat(regel: sentence.line, tekst: word))
                }
                i = j
            }
            if result.count >= 15 { break }
        }
        return result
    }

    /// A stuk without real content: a list of ingekomen stukken, a benoeming, or almost no text.
    static func emptiness(_ structure: VoorstelStructure, rules: AnalysisRules) -> String? {
        let judgedSections = structure.parts.filter { part in part.section.map { rules.sections[$0].criterion != nil } ?? false && !part.isAbsent && part.wordCount >= 6 }
        let start = String(decoding: ByteFolding.fold((structure.title ?? "") + " " + structure.sentences.prefix(12).map(\.text).joined(separator: " ")), as: UTF8.self)
        if structure.wordCount < 1_200, judgedSections.count <= 1 {
            if start.has("ingekomen stukken") || start.has("lijst van ingekomen") || start.has("ingekomen brieven") {
                return "Dit is een lijst van ingekomen stukken: er is geen voorstel om langs de criteria te leggen."
            }
            if ["benoeming", "benoemen van", "te benoemen", "installatie van", "toelating van", "geloofsbrieven", "beëdiging", "beediging"].contains(where: { start.has($0) }) {
                return "Dit is een benoeming of installatie: de criteria voor beleidsvoorstellen gelden hier niet."
            }
            if start.has("vaststellen van de agenda") || start.has("besluitenlijst") || start.has("vaststelling notulen") {
                return "Dit is een agenda of besluitenlijst: er is geen voorstel om langs de criteria te leggen."
            }
        }
        if structure.wordCount < 60 {
            return "Dit stuk heeft te weinig tekst om te beoordelen (\(structure.wordCount) woorden)."
        }
        return nil
    }
}
