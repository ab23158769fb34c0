import KompasDSL

/// One statement a user can type: its word, its action word (if any), the schema that drives
/// validation, help and completion, and the `run` that turns a validated node into typed values,
/// calls the domain layer and returns the text to show.
///
/// A command is declared once, in its domain folder, as a static member (`Command.adviesLijst`),
/// and listed in `Registry.all`. Nothing about it is written anywhere else.
public struct Command: Sendable {
    /// Who the statement is for: `help` groups statements by task.
    public enum Task: Int, CaseIterable, Sendable {
        case kennisEnVisie
        case raadsvoorstellen
        case adviezenEnCijfers
        case gegevens
        case scripts

        public var title: String {
            switch self {
            case .kennisEnVisie: "Raadslid: kennis en visie"
            case .raadsvoorstellen: "Griffie: raadsvoorstellen"
            case .adviezenEnCijfers: "Fractie: adviezen en cijfers"
            case .gegevens: "Je gegevens: geschiedenis, ongedaan maken, reservekopie"
            case .scripts: "Scripts en hulp"
            }
        }
    }

    public typealias Run = @Sendable (_ node: Node, _ context: CommandContext) throws(Diagnostic) -> String

    /// The first word: `advies`.
    public let word: String
    /// The second word for a family of actions (`advies lijst`); nil for a form without one
    /// (`advies ID { … }`, `toon wmo`).
    public let action: String?
    public let schema: NodeSchema
    public let task: Task
    /// A guided verb that asks questions in the shell (`werkblad invullen`, `beoordeel`): listed first.
    public let guided: Bool
    /// For a form without action word next to other forms of the same word: whether `node` is
    /// written in this form (`advies ID raad=… { … }` rather than `advies lijst`).
    let accepts: @Sendable (Node) -> Bool
    /// For a form without action word: whether a node that neither this form accepts nor names an
    /// action is still checked against it (so `advies adv-1` hears which fields it misses rather
    /// than that `adv-1` is no action).
    let isFallback: Bool
    let run: Run

    public init(_ word: String, action: String? = nil, task: Task, guided: Bool = false, schema: NodeSchema,
                accepts: @escaping @Sendable (Node) -> Bool = { _ in true }, isFallback: Bool = false, run: @escaping Run) {
        self.isFallback = isFallback
        self.word = word
        self.action = action
        self.schema = schema
        self.task = task
        self.guided = guided
        self.accepts = accepts
        self.run = run
    }

    /// How the statement is written: `advies toon ID`, `koppel aanbeveling ADVIES NUMMER indicator=… richting=… [horizon=…]`.
    public var usage: String {
        let skip = action == nil ? 0 : 1
        let arguments = schema.arguments.dropFirst(skip).map { argument -> String in
            var shown = argument.type.dutchName.hasPrefix("een tekst") ? "\"\(argument.name)\"" : argument.name.uppercased()
            if case .choice(let words) = argument.type, words.count == 1 { shown = words[0] }
            return argument.required ? shown : "[\(shown)]"
        }
        let fields = schema.fields.map { $0.required ? "\($0.name)=…" : "[\($0.name)=…]" }
        let words = [word] + (action.map { [$0] } ?? [])
        return (words + arguments + (schema.repeatsLastArgument ? ["…"] : []) + fields + (schema.children.isEmpty ? [] : ["{ … }"]))
            .joined(separator: " ")
            .replacingOccurrences(of: "[naar] [\"pad\"]", with: "[naar \"pad\"]")
    }

    /// `advies lijst`, or `advies` for a form without action.
    public var name: String { action.map { "\(word) \($0)" } ?? word }

    /// The statement in a few words, for the overview: `advies lijst`, `advies ID { … }`, `reactie ID`.
    public var shortForm: String {
        if let action { return "\(word) \(action)" }
        guard Registry.forms(of: word).count > 1, let first = schema.arguments.first else { return word }
        let placeholder = first.type.dutchName.hasPrefix("een tekst") ? "\"\(first.name)\"" : first.name.uppercased()
        return "\(word) \(placeholder)" + (schema.children.isEmpty && schema.fields.isEmpty ? "" : " { … }")
    }
}
