import KompasDSL

/// The signals of an `analyseregels` card: which words point at which criterion, how much they
/// weigh, and from which total a criterion counts as present. Content, so a griffie can tune it.
public struct AnalysisRules: Sendable {
    public struct Rule: Sendable {
        public let id: String
        public let criterion: String
        public let weight: Int
        public let explanation: String
        /// Each pattern as folded word groups; `…` splits a pattern into parts that must follow
        /// each other within one sentence.
        public let patterns: [[[Character]]]
        public let sources: [String]
        /// Only headings count (a short line without a full stop).
        public let headingOnly: Bool
    }

    public let rules: [Rule]
    /// Per criterion: (aanwezig, deels) thresholds.
    public let thresholds: [String: (present: Int, partly: Int)]
    public let missing: [String: [String]]
    public let jargon: [String]

    init(node: Node) {
        var rules: [Rule] = []
        var thresholds: [String: (present: Int, partly: Int)] = [:]
        var missing: [String: [String]] = [:]
        var jargon: [String] = []
        for child in node.children {
            switch child.name {
            case "regel":
                let patterns = child.children.filter { $0.name == "patroon" }.compactMap { $0.arguments.first?.value.stringValue }
                let weight: Int = if case .number(let n)? = CardBuilder.value(child, "gewicht"), n.isFinite, abs(n) < 1000 { Int(n) } else { 1 }
                var headingOnly = false
                if case .bool(true)? = CardBuilder.value(child, "kop") { headingOnly = true }
                rules.append(Rule(id: CardBuilder.argumentText(child, 0), criterion: CardBuilder.text(child, "criterium"), weight: weight,
                                  explanation: CardBuilder.text(child, "uitleg"),
                                  patterns: patterns.map { $0.components(separatedBy: "…").map { Folding.fold($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty } },
                                  sources: patterns, headingOnly: headingOnly))
            case "drempel":
                func number(_ name: String) -> Int {
                    if case .number(let n)? = CardBuilder.value(child, name), n.isFinite, abs(n) < 1000 { return Int(n) }
                    return 1
                }
                thresholds[CardBuilder.argumentText(child, 0)] = (number("aanwezig"), number("deels"))
            case "ontbreekt":
                missing[CardBuilder.argumentText(child, 0), default: []].append(CardBuilder.argumentText(child, 1))
            case "jargon":
                if case .list(let items)? = CardBuilder.argument(child, 0) { jargon = items.compactMap(\.stringValue) }
            default:
                break
            }
        }
        self.rules = rules
        self.thresholds = thresholds
        self.missing = missing
        self.jargon = jargon
    }
}
