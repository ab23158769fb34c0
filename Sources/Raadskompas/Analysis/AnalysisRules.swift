import KompasDSL

/// The signals of an `analyseregels` card: which headings mark which part of a raadsvoorstel,
/// which words point at which criterion, how much they weigh, and from which total a criterion
/// counts as present. Content, so a griffie can tune it to its own template (docs/analyse.md).
public struct AnalysisRules: Sendable {
    public struct Rule: Sendable {
        public let id: String
        public let criterion: String
        public let weight: Int
        public let explanation: String
        /// Each pattern as folded parts; `…` splits a pattern into parts that must follow each
        /// other within one sentence.
        public let patterns: [[[UInt8]]]
        public let sources: [String]
        /// Only headings count (a short line without a full stop).
        public let headingOnly: Bool
    }

    /// A heading that templates use, and what the text under it counts for.
    public struct Section: Sendable {
        public let id: String
        public let criterion: String?
        /// What a section with substantive text adds to its criterion.
        public let weight: Int
        /// What an empty section, "geen" or "n.v.t." adds (negative).
        public let absentWeight: Int
        public let role: String?
        /// The headings as written in the content.
        public let headings: [String]
    }

    /// A point the analysis names when a criterion is not (fully) present, and the rules and
    /// sections that cover it: when one of them was found, the point is not named.
    public struct MissingPoint: Sendable {
        public let text: String
        public let coveredBy: [String]
    }

    /// What the leeswijzer takes from a section.
    public static let roles = ["besluit", "kosten", "doelen", "participatie", "samenvatting", "evaluatie", "alternatieven", "risicos", "uitvoering", "kader", "bijlagen", "overig"]

    public let rules: [Rule]
    public let sections: [Section]
    /// Per criterion: (aanwezig, deels) thresholds.
    public let thresholds: [String: (present: Int, partly: Int)]
    public let missing: [String: [MissingPoint]]
    /// Per criterion: groups of rules and sections of which one must be found for ‘aanwezig’
    /// (B: effects and risks; E: a target and an evaluation). Without one, ‘deels’ at most.
    public let required: [String: [[String]]]
    public let jargon: [String]
    /// Heading key (see `headingKey`) → index in `sections`.
    let headingIndex: [String: Int]
    /// The heading keys by length, as bytes, for the one-slip comparison.
    let keysByLength: [Int: [([UInt8], Int)]]
    /// The keys of the first words of all headings: a line whose first word is not among them
    /// cannot start with a heading.
    let firstWordKeys: Set<String>

    init(node: Node) {
        var rules: [Rule] = []
        var sections: [Section] = []
        var thresholds: [String: (present: Int, partly: Int)] = [:]
        var missing: [String: [MissingPoint]] = [:]
        var required: [String: [[String]]] = [:]
        var jargon: [String] = []
        func number(_ child: Node, _ name: String, _ fallback: Int) -> Int {
            if case .number(let n)? = CardBuilder.value(child, name), n.isFinite, abs(n) < 1000 { return Int(n) }
            return fallback
        }
        for child in node.children {
            switch child.name {
            case "regel":
                let patterns = child.children.filter { $0.name == "patroon" }.compactMap { $0.arguments.first?.value.stringValue }
                rules.append(Rule(id: CardBuilder.argumentText(child, 0), criterion: CardBuilder.text(child, "criterium"), weight: number(child, "gewicht", 1),
                                  explanation: CardBuilder.text(child, "uitleg"),
                                  patterns: patterns.map { $0.components(separatedBy: "…").map { ByteFolding.fold($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty } }
                                      .filter { !$0.isEmpty },
                                  sources: patterns, headingOnly: CardBuilder.bool(child, "kop")))
            case "sectie":
                let criterion = CardBuilder.text(child, "criterium")
                sections.append(Section(id: CardBuilder.argumentText(child, 0), criterion: criterion.isEmpty ? nil : criterion,
                                        weight: number(child, "gewicht", 2), absentWeight: number(child, "afwezig", -3),
                                        role: CardBuilder.value(child, "rol")?.stringValue,
                                        headings: child.children.filter { $0.name == "kop" }.map { CardBuilder.argumentText($0, 0) }))
            case "drempel":
                thresholds[CardBuilder.argumentText(child, 0)] = (number(child, "aanwezig", 1), number(child, "deels", 1))
            case "ontbreekt":
                var covered: [String] = []
                if case .list(let items)? = child.property("regels")?.value { covered = items.compactMap(\.stringValue) }
                missing[CardBuilder.argumentText(child, 0), default: []].append(MissingPoint(text: CardBuilder.argumentText(child, 1), coveredBy: covered))
            case "vereist":
                if case .list(let items)? = child.property("regels")?.value {
                    required[CardBuilder.argumentText(child, 0), default: []].append(items.compactMap(\.stringValue))
                }
            case "jargon":
                if case .list(let items)? = CardBuilder.argument(child, 0) { jargon = items.compactMap(\.stringValue) }
            default:
                break
            }
        }
        var index: [String: Int] = [:]
        for (i, section) in sections.enumerated() {
            for heading in section.headings where index[AnalysisRules.headingKey(heading)] == nil {
                index[AnalysisRules.headingKey(heading)] = i
            }
        }
        self.rules = rules
        self.sections = sections
        self.headingIndex = index
        var byLength: [Int: [([UInt8], Int)]] = [:]
        for (key, i) in index { byLength[key.utf8.count, default: []].append((Array(key.utf8), i)) }
        self.keysByLength = byLength
        self.firstWordKeys = Set(sections.flatMap(\.headings).compactMap { $0.split(separator: " ").first.map { AnalysisRules.headingKey($0) } })
        self.thresholds = thresholds
        self.missing = missing
        self.required = required
        self.jargon = jargon
    }

    /// The key a heading is compared by: folded, letters and digits only, with the usual OCR
    /// confusions made equal (`l`/`1`/`|` → `i`, `0` → `o`, `rn` → `m`, `ü` → `ti`). So
    /// "FINANCIËLE CONSEQUENTIES:", "Financiële  consequenties" and "Flnanciele consequenlies" meet.
    public static func headingKey<S: StringProtocol>(_ text: S) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        var folded: [UInt8] = []
        /// One folded byte: OCR look-alikes made equal, only letters and digits kept, "rn" as "m".
        func add(_ byte: UInt8) {
            var b = byte
            switch b {
            case UInt8(ascii: "l"), UInt8(ascii: "1"), UInt8(ascii: "|"), UInt8(ascii: "!"): b = UInt8(ascii: "i")
            case UInt8(ascii: "0"): b = UInt8(ascii: "o")
            default: break
            }
            guard ByteFolding.isWordByte(b) else { return }
            if b == UInt8(ascii: "n"), previous == UInt8(ascii: "r") {
                bytes[bytes.count - 1] = UInt8(ascii: "m")
                previous = UInt8(ascii: "m")
                return
            }
            bytes.append(b)
            previous = b
        }
        for scalar in text.unicodeScalars {
            // ASCII, the common case, without the folding table.
            if scalar.value < 0x80 {
                let b = UInt8(scalar.value)
                add(b >= 65 && b <= 90 ? b + 32 : b)
                continue
            }
            if scalar == "ü" || scalar == "Ü" {
                bytes.append(UInt8(ascii: "t")); bytes.append(UInt8(ascii: "i")); previous = UInt8(ascii: "i")
                continue
            }
            folded.removeAll(keepingCapacity: true)
            ByteFolding.fold(scalar, into: &folded)
            for b in folded { add(b) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The section a heading names: exact on its key, or one OCR slip off for longer headings.
    func section(forHeading key: String) -> Int? {
        if let exact = headingIndex[key] { return exact }
        // One slip is an OCR error; a digit is not (that is "Bijlagen 3").
        guard key.utf8.count >= 9, !key.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        let bytes = Array(key.utf8)
        var best: Int?
        for length in (bytes.count - 1)...(bytes.count + 1) {
            for (candidate, index) in keysByLength[length] ?? [] where AnalysisRules.withinOneEdit(bytes, candidate) {
                if best == nil || index < best! { best = index }
            }
        }
        return best
    }

    /// Whether `a` and `b` differ by at most one insertion, deletion or substitution.
    static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = 0, j = 0, edits = 0
        while i < short.count, j < long.count {
            if short[i] == long[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if short.count == long.count { i += 1 }
            j += 1
        }
        return edits + (long.count - j) - (short.count - i) <= 1
    }
}
