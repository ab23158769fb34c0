import KompasDSL

/// One piece of knowledge: a staalkaart, koerskaart, the waardemodel, … Typed content built from a
/// validated node; the kind-specific fields live in `kind`, the readable body in `blocks`.
///
/// A class (all its fields are constants): the library keeps each card in more than one table, and
/// a copy is then one retain, not one per field.
public final class Card: Sendable, Identifiable {
    public let id: String
    public let kind: Kind
    public let title: String
    public let source: String
    public let summary: String?
    public let blocks: [Block]
    /// Where the card was defined (for diagnostics and `toon`).
    public let span: SourceSpan

    public init(id: String, kind: Kind, title: String, source: String, summary: String?, blocks: [Block], span: SourceSpan) {
        self.id = id
        self.kind = kind
        self.title = title
        self.source = source
        self.summary = summary
        self.blocks = blocks
        self.span = span
    }

    public enum Kind: Sendable {
        case staalkaart(Staalkaart)
        case koerskaart(Koerskaart)
        case waardemodel
        case werkbladsjabloon
        case criteria
        case kaart(theme: String)
        case adviesproces
        case indicator(Indicator)
        case analyseregels(AnalysisRules)
        case gebieden([Gebied])

        /// The node name of the kind (`staalkaart`, …).
        public var name: String {
            switch self {
            case .staalkaart: "staalkaart"
            case .koerskaart: "koerskaart"
            case .waardemodel: "waardemodel"
            case .werkbladsjabloon: "werkbladsjabloon"
            case .criteria: "criteria"
            case .kaart: "kaart"
            case .adviesproces: "adviesproces"
            case .indicator: "indicator"
            case .analyseregels: "analyseregels"
            case .gebieden: "gebieden"
            }
        }
    }

    /// Every addressable part of the card, depth first: sections, pages, steps, criteria, …
    public var parts: [Part] {
        var result: [Part] = []
        func walk(_ blocks: [Block], path: [String]) {
            for block in blocks {
                guard let (id, title) = block.address else { continue }
                result.append(Part(path: path + [id], title: title, block: block))
                walk(block.nested, path: path + [id])
            }
        }
        walk(blocks, path: [])
        return result
    }

    /// A part by `id` or `pad.naar.id`; a lone id matches at any depth.
    public func part(_ address: String) -> Part? {
        let path = address.split(separator: ".").map(String.init)
        let all = parts
        return all.first { $0.path == path } ?? (path.count == 1 ? all.first { $0.path.last == path[0] } : nil)
    }

    public struct Part: Sendable {
        public let path: [String]
        public let title: String
        /// The block that is this part; rendering it shows the part with its heading.
        public let block: Block
        public var id: String { path.joined(separator: ".") }
    }
}

public struct Staalkaart: Sendable {
    public let abbreviation: String
    public let lawURL: String
}

public struct Koerskaart: Sendable {
    public let subject: String
    public let isTemplate: Bool
}

public struct Indicator: Sendable {
    public let name: String
    public let description: String
    public let unit: String
    public let source: String
    public let laws: [String]
    public let isBBV: Bool
    public let direction: String?
    public let theme: String?
}

/// The body of a card: text, lists, questions, and the structured parts of each card kind.
///
/// Only the cases with a large payload are `indirect`: the common ones (text, bullets, questions,
/// sections) sit in their array without a heap box of their own — one allocation fewer per block
/// when content loads.
public enum Block: Sendable {
    case text(String)
    case bullet(String, number: Int?, sub: [Block])
    case question(String)
    case tip(String)
    case example(title: String, source: String?, blocks: [Block])
    case link(url: String, title: String)
    case reference(target: String, note: String?)
    case table(title: String?, columns: [String], rows: [[String]])
    case section(id: String, title: String, blocks: [Block])
    case page(number: Int, title: String, blocks: [Block])
    indirect case coreValue(id: String, name: String, meaning: String, demand: [String], supply: [String], blocks: [Block])
    indirect case step(id: String, number: Int, title: String, explanation: String, alone: Worksheet, together: Worksheet, blocks: [Block])
    case linkTable(explanation: String, examples: [LinkExample])
    indirect case criterion(letter: String, title: String, explanation: String?, questions: [String], blocks: [Block])
    case adviceKind(id: String, name: String, blocks: [Block])
    indirect case phase(id: String, name: String, who: String?, blocks: [Block])
    case rung(number: Int, name: String, blocks: [Block])

    public struct Worksheet: Sendable {
        public let prompts: [String]
        public let blocks: [Block]
    }

    public struct LinkExample: Sendable {
        public let title: String
        public let value: String
        public let principle: String
        public let rationale: String
        public let result: String
    }

    /// The id and title under which this block can be addressed (`toon kaart.id`), if any.
    public var address: (id: String, title: String)? {
        switch self {
        case .section(let id, let title, _): (id, title)
        case .page(let number, let title, _): (String(number), title)
        case .coreValue(let id, let name, _, _, _, _): (id, name)
        case .step(let id, _, let title, _, _, _, _): (id, title)
        case .linkTable: ("koppeltabel", "Koppeltabel")
        case .criterion(let letter, let title, _, _, _): (letter, title)
        case .adviceKind(let id, let name, _): (id, name)
        case .phase(let id, let name, _, _): (id, name)
        case .rung(let number, let name, _): ("trede-\(number)", name)
        default: nil
        }
    }

    /// The blocks inside this block, for walking the tree.
    public var nested: [Block] {
        switch self {
        case .bullet(_, _, let sub): sub
        case .example(_, _, let blocks), .section(_, _, let blocks), .page(_, _, let blocks),
             .coreValue(_, _, _, _, _, let blocks), .criterion(_, _, _, _, let blocks), .adviceKind(_, _, let blocks),
             .phase(_, _, _, let blocks), .rung(_, _, let blocks):
            blocks
        case .step(_, _, _, _, let alone, let together, let blocks):
            alone.blocks + together.blocks + blocks
        default:
            []
        }
    }
}
