import KompasDSL

/// The declared shape of one kind of node. One declaration serves validation, help text and
/// completion: nothing about a node's shape is written anywhere else.
public final class NodeSchema: Sendable {
    public let name: String
    /// One Dutch sentence: what the node is.
    public let summary: String
    public let arguments: [Slot]
    /// Fields, written as `veld "waarde"` child nodes or `veld="waarde"` properties.
    public let fields: [Slot]
    public let children: [ChildRule]
    /// Extra checks that the slots cannot express (required section ids, numbering, …).
    public let check: (@Sendable (Node, inout Validation) -> Void)?
    /// Whether the last argument may be repeated (`zoek eenzame ouderen`).
    public let repeatsLastArgument: Bool
    /// An argument word after which fields of any name are allowed (`importeer metingen … waar
    /// Geslacht=T001038`): the statement itself checks them against its input.
    public let openFieldsAfter: String?
    /// Positions of fields and child rules by name, for validation's hot path.
    let fieldPositions: [String: Int]
    let childPositions: [String: Int]
    /// Whether a node of this kind must have a field or child: if not, a node without children,
    /// properties or block has nothing for `checkChildren` to look at (most nodes of content).
    let requiresContent: Bool

    public init(
        _ name: String, summary: String, arguments: [Slot] = [], repeatsLastArgument: Bool = false, fields: [Slot] = [],
        children: [ChildRule] = [], openFieldsAfter: String? = nil, check: (@Sendable (Node, inout Validation) -> Void)? = nil
    ) {
        self.repeatsLastArgument = repeatsLastArgument
        self.openFieldsAfter = openFieldsAfter
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.fields = fields
        self.children = children
        self.check = check
        self.fieldPositions = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.childPositions = Dictionary(children.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.requiresContent = fields.contains { $0.required } || children.contains { $0.minimum > 0 }
    }

    public func field(_ name: String) -> Slot? { fieldPosition(name).map { fields[$0] } }
    public func childRule(_ name: String) -> ChildRule? { childPosition(name).map { children[$0] } }

    /// A few names are found faster by comparing than by hashing (most schemas have under ten).
    func fieldPosition(_ name: String) -> Int? {
        fields.count <= 12 ? fields.firstIndex { $0.name == name } : fieldPositions[name]
    }

    func childPosition(_ name: String) -> Int? {
        children.count <= 12 ? children.firstIndex { $0.name == name } : childPositions[name]
    }

    /// `sectie ID "Titel" { … }`: how the node is written, for help and hints.
    /// The usage as written after `statement`: for an action schema (`verwijder` of `indicator`,
    /// whose first argument is the action word itself) `indicator verwijder ID`.
    public func usage(as statement: String) -> String {
        guard statement != name, case .choice(let words)? = arguments.first?.type, words == [name] else { return usage }
        return statement + " " + usage.dropFirst(name.count + 1)
    }

    public var usage: String {
        var parts = [name]
        for argument in arguments {
            var shown = argument.type.placeholder(argument.name)
            if case .choice(let words) = argument.type, words.count == 1 { shown = words[0] }
            parts.append(argument.required ? shown : "[\(shown)]")
        }
        if repeatsLastArgument { parts.append("…") }
        parts += fields.filter(\.required).map { "\($0.name)=…" }
        if fields.contains(where: { !$0.required }) { parts.append("[…=…]") }
        if let word = openFieldsAfter { parts.append("[\(word) …=…]") }
        if !children.isEmpty { parts.append("{ … }") }
        return parts.joined(separator: " ").replacingOccurrences(of: "[naar] [", with: "[naar ")
    }
}

/// An argument or field: its name, type, whether it is required, and a line of help. A class, so
/// that validation passes one around with a single retain.
public final class Slot: Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    public let help: String
    /// What Tab offers here beyond what the type says (a `.choice` completes its words by itself).
    public let completes: Completion?
    /// The numbers that make sense here (a year, a term in weeks); a whole number is otherwise at
    /// most 1,000,000,000.
    public let range: ClosedRange<Double>?

    public init(_ name: String, _ type: FieldType, required: Bool = true, help: String, completes: Completion? = nil, range: ClosedRange<Double>? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.help = help
        self.completes = completes
        self.range = range
    }

    public static func optional(_ name: String, _ type: FieldType, help: String, completes: Completion? = nil, range: ClosedRange<Double>? = nil) -> Slot {
        Slot(name, type, required: false, help: help, completes: completes, range: range)
    }

    /// The years Raadskompas works with.
    public static let jaren: ClosedRange<Double> = 1900...2200

    /// The action word of a statement family (`lijst` in `advies lijst`), as its first argument.
    public static func action(_ name: String) -> Slot {
        Slot(name, .choice([name]), help: "het woord `\(name)`")
    }
}

/// The user's names and ids (or the content's) that Tab completion offers for a slot.
public enum Completion: Sendable {
    case werkbladen
    case voorstellen
    case adviezen
    /// Catalogue and own indicators.
    case indicatoren
    /// Card ids, and `kaart.deel` once a dot is typed.
    case kaarten
    /// `stap.kant.` of a werkblad answer.
    case visieAdres
    /// `zelf.` or `samen.` of a resultaat.
    case resultaatAdres
    /// Everything `help` explains.
    case helpTopics
}

/// A child node kind allowed under a node, with how often it may occur.
public struct ChildRule: Sendable {
    public let name: String
    public let minimum: Int
    public let maximum: Int?
    private let resolve: @Sendable () -> NodeSchema

    public init(_ name: String, min: Int = 0, max: Int? = nil, _ schema: @escaping @Sendable () -> NodeSchema) {
        self.name = name
        self.minimum = min
        self.maximum = max
        self.resolve = schema
    }

    public var schema: NodeSchema { resolve() }
}

public enum FieldType: Sendable {
    case text
    /// A name or a text: `toon wmo` and `toon "wmo"` mean the same.
    case word
    /// Any value at all.
    case any
    case url
    case number
    case date
    case percent
    case wholeNumber
    case bool
    /// A lowercase id: letters, digits and `-`.
    case identifier
    /// One uppercase letter (criteria A–F).
    case letter
    /// The id of a card, optionally `.sectie`; checked once all content is loaded.
    case reference(kinds: [String])
    case choice([String])
    case list(ListItem)

    public enum ListItem: Sendable {
        case text
        case reference(kinds: [String])
    }

    /// The Dutch name of what is expected, for diagnostics and help.
    public var dutchName: String {
        switch self {
        case .text: "een tekst tussen aanhalingstekens"
        case .word: "een naam of tekst"
        case .any: "een waarde"
        case .url: "een webadres (\"https://…\")"
        case .number: "een getal"
        case .date: "een datum (jjjj-mm-dd)"
        case .percent: "een percentage (40%)"
        case .wholeNumber: "een heel getal"
        case .bool: "ja of nee"
        case .identifier: "een id (kleine letters, cijfers en -)"
        case .letter: "één hoofdletter"
        case .reference: "de id van een kaart"
        case .choice(let options): "één van: " + options.joined(separator: ", ")
        case .list(.text): "een lijst teksten [\"…\", \"…\"]"
        case .list(.reference): "een lijst ids [a, b]"
        }
    }

    func placeholder(_ name: String) -> String {
        switch self {
        case .text, .url: "\"\(name)\""
        default: name.uppercased()
        }
    }
}
