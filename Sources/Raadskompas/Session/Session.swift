import Foundation
import KompasDSL

/// The core of the shell and of scripts: statements in, output and diagnostics out. It is only the
/// loop: parse → evaluate → pick the statement in the `Registry` → validate against its schema →
/// run → emit. It knows nothing about terminals, and nothing about any domain; the REPL, `-c`,
/// scripts and tests all drive it the same way.
public final class Session {
    public enum Completeness: Sendable {
        case complete
        /// A block, list, parenthesis or text block is still open: ask for another line.
        case incomplete
    }

    public let context: CommandContext
    let interpreter: Interpreter

    public var library: ContentLibrary { context.library }
    public var style: TextStyle {
        get { context.style }
        set { context.style = newValue }
    }
    public var confirm: ((String) -> Bool)? {
        get { context.confirm }
        set { context.confirm = newValue }
    }
    public var progress: ((String) -> Void)? {
        get { context.progress }
        set { context.progress = newValue }
    }
    public var today: () -> DateValue {
        get { context.today }
        set { context.today = newValue }
    }
    public var conversation: (any Conversation)? {
        get { context.conversation }
        set { context.conversation = newValue }
    }
    public var numberedTargets: [String] { context.numberedTargets }

    public init(library: ContentLibrary, style: TextStyle = .plain, database: (path: String, isDefault: Bool)? = nil) {
        let interpreter = Interpreter()
        for builtin in HostBuiltins.make(library: library) { interpreter.register(builtin) }
        self.interpreter = interpreter
        self.context = CommandContext(library: library, style: style, database: database, interpreter: interpreter)
    }

    /// A session on a store that is already open.
    public init(library: ContentLibrary, style: TextStyle = .plain, store: Store) {
        let interpreter = Interpreter()
        for builtin in HostBuiltins.make(library: library) { interpreter.register(builtin) }
        self.interpreter = interpreter
        self.context = CommandContext(library: library, style: style, database: nil, interpreter: interpreter, store: store)
    }

    /// Whether `text` is a finished statement batch or still waits for more lines.
    public static func completeness(of text: String) -> Completeness {
        Parser.isIncomplete(SourceFile(name: "invoer", text: text)) ? .incomplete : .complete
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Runs the statements in `file`, writing output through `emit` as each one completes.
    /// A script stops at its first error (`.stop`); nothing is left half done.
    public func run(_ file: SourceFile, policy: Interpreter.ErrorPolicy = .stop, emit: (String) -> Void) -> Result {
        let (program, parseDiagnostics) = Parser.parse(file)
        if parseDiagnostics.hasErrors {
            return Result(diagnostics: parseDiagnostics)
        }
        let outcome = interpreter.run(program, policy: policy) { node throws(Diagnostic) in
            let output = try execute(node)
            // Text from shared files and imports reaches the screen only through here.
            if !output.isEmpty { emit(SafeText.terminal(output)) }
        }
        return Result(diagnostics: parseDiagnostics + outcome.diagnostics)
    }

    /// Convenience for one line or batch of text (the shell, `-c`).
    public func run(_ text: String, name: String = "invoer", emit: (String) -> Void) -> Result {
        return run(SourceFile(name: name, text: text), emit: emit)
    }

    /// One evaluated statement: dispatch, validate, run.
    private func execute(_ written: Node) throws(Diagnostic) -> String {
        let command = try Registry.command(for: written).get()
        let (node, lowered) = Session.lowercasingIdentifiers(Session.splittingNumberedAddresses(written, command.schema), command.schema)
        var validation = Validation()
        validation.validate(node, against: command.schema)
        for reference in validation.references where library.card(reference.target) == nil {
            let candidates = reference.kinds.flatMap { library.cards(ofKind: $0).map(\.id) }
            validation.error(reference.kinds == ["staalkaart"] ? "onbekende wet `\(reference.target)`" : "onbekende kaart `\(reference.target)`",
                             hint: Suggestion.hint(for: reference.target, in: candidates) ?? "kies uit: " + candidates.joined(separator: ", "),
                             at: reference.span)
        }
        if let first = validation.diagnostics.first(where: { $0.severity == .error }) { throw first }
        context.statementText = node.span.text.trimmedFast()
        let output = try command.run(node, context)
        guard !lowered.isEmpty else { return output }
        let list = lowered.map { "`\($0.0)` als `\($0.1)`" }.joined(separator: ", ")
        return "Let op: een id is altijd in kleine letters; ik gebruik \(list).\n" + output
    }

    /// `aanbeveling wijzig adv-2026-01.2 "…"`: the tool's own way of naming aanbeveling 2 of
    /// adv-2026-01 (as `koppel` and the indicator report write it), typed where the statement
    /// takes the id and the number apart. When an id slot is followed by a whole-number slot, one
    /// argument is missing and the id argument is `ID.N`, it is read as the two.
    static func splittingNumberedAddresses(_ node: Node, _ schema: NodeSchema) -> Node {
        guard node.argumentCount + 1 <= schema.arguments.count else { return node }
        for i in 0..<node.argumentCount where i + 1 < schema.arguments.count {
            guard case .identifier = schema.arguments[i].type, case .wholeNumber = schema.arguments[i + 1].type,
                  case .symbol(let written)? = node.argumentValue(i), let dot = written.lastIndex(of: "."),
                  Validation.isIdentifier(String(written[..<dot]).lowercased()),
                  let number = Int(written[written.index(after: dot)...]), number >= 0 else { continue }
            let span = node.argumentSpan(i)
            let idEnd = span.start + written[..<dot].utf8.count
            var arguments = [Node.Argument](node.arguments)
            arguments[i] = Node.Argument(value: .symbol(String(written[..<dot])), span: SourceSpan(file: span.file, start: span.start, end: idEnd))
            arguments.insert(Node.Argument(value: .number(Double(number)), span: SourceSpan(file: span.file, start: idEnd + 1, end: span.end)), at: i + 1)
            return Node(name: node.name, nameSpan: node.nameSpan, arguments: arguments, properties: node.properties, children: node.children,
                        hasBlock: node.hasBlock, span: node.span)
        }
        return node
    }

    /// Ids typed with capitals (`id=RV-2026-021`) are read in lower case, as ids are stored: the
    /// node with those values lowered, and each (as typed, as used) pair for a note.
    static func lowercasingIdentifiers(_ node: Node, _ schema: NodeSchema) -> (Node, [(String, String)]) {
        var lowered: [(String, String)] = []
        func lower(_ value: Value, _ type: FieldType?) -> Value {
            guard case .identifier? = type, let text = value.stringValue, text != text.lowercased(),
                  Validation.isIdentifier(text.lowercased()) else { return value }
            lowered.append((text, text.lowercased()))
            if case .text = value { return .text(text.lowercased()) }
            return .symbol(text.lowercased())
        }
        let arguments = node.arguments.enumerated().map { i, argument in
            let slot = i < schema.arguments.count ? schema.arguments[i] : (schema.repeatsLastArgument ? schema.arguments.last : nil)
            return Node.Argument(value: lower(argument.value, slot?.type), span: argument.span)
        }
        let properties = node.properties.map { property in
            Node.Property(key: property.key, keySpan: property.keySpan, value: lower(property.value, schema.field(property.key)?.type), valueSpan: property.valueSpan)
        }
        guard !lowered.isEmpty else { return (node, []) }
        return (Node(name: node.name, nameSpan: node.nameSpan, arguments: arguments, properties: properties, children: node.children,
                     hasBlock: node.hasBlock, span: node.span), lowered)
    }

    /// Ends the session: the database file is made complete on its own (see `Store.checkpoint`).
    public func close() {
        context.close()
    }

    /// Candidates for Tab completion: the registry's declarations, with the names and ids in the
    /// database (only when it already exists).
    public func completions(before: String, word: String) -> Completer.Result {
        let names = context.existingStore().map(CompletionNames.load) ?? CompletionNames()
        return Completer(library: library, variables: interpreter.variableNames, functions: interpreter.builtins.keys.sorted(),
                         werkbladen: names.werkbladen, voorstellen: names.voorstellen,
                         adviezen: names.adviezen, eigenIndicatoren: names.eigenIndicatoren)
            .complete(before: before, word: word)
    }
}
