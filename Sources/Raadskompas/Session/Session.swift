import Foundation
import GRDB
import KompasDSL

/// The core of the shell and of scripts: statements in, output and diagnostics out. It knows nothing
/// about terminals; the REPL, `-c`, scripts and tests all drive it the same way.
public final class Session {
    public enum Completeness: Sendable {
        case complete
        /// A block, list, parenthesis or text block is still open: ask for another line.
        case incomplete
    }

    public let library: ContentLibrary
    public var style: TextStyle
    /// Asks the user a yes/no question (the shell sets it); nil in scripts, where a destructive
    /// statement must say `zeker=ja`.
    public var confirm: ((String) -> Bool)?
    /// Shows how far a long step is (the shell writes it on one line of the terminal); nil in
    /// scripts, whose output must stay the same.
    public var progress: ((String) -> Void)?
    /// Today's date, replaceable in tests (the reactietermijn of adviezen depends on it).
    public var today: () -> DateValue = {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return DateValue(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? DateValue(dayNumber: 0)
    }
    /// The user at a terminal, for guided flows (`werkblad invullen`); nil in scripts.
    public weak var conversation: (any Conversation)?
    let interpreter: Interpreter
    /// Where the database is; it is opened on the first statement that needs it, so reading
    /// content never creates a database file.
    let database: (path: String, isDefault: Bool)?
    private var openedStore: Store?
    /// Built on the first `zoek`: a shell that never searches does not pay for it.
    private var searchIndex: SearchIndex?
    /// What `volg N` opens: the references of the last `toon`, or the hits of the last `zoek`.
    public private(set) var numberedTargets: [String] = []

    public init(library: ContentLibrary, style: TextStyle = .plain, database: (path: String, isDefault: Bool)? = nil) {
        self.library = library
        self.style = style
        self.database = database
        self.interpreter = Interpreter()
        for builtin in HostBuiltins.make(library: library) { interpreter.register(builtin) }
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
            try execute(node, emit: emit)
        }
        return Result(diagnostics: parseDiagnostics + outcome.diagnostics)
    }

    /// Convenience for one line or batch of text (the shell, `-c`).
    public func run(_ text: String, name: String = "invoer", emit: (String) -> Void) -> Result {
        return run(SourceFile(name: name, text: text), emit: emit)
    }

    /// Whether a deletion may go ahead: `zeker=ja`, or a yes from the user at the shell. A script
    /// without `zeker=ja` gets an error that shows the line to write.
    func confirmDeletion(_ node: Node, question: String, script: String, emit: (String) -> Void) throws(Diagnostic) -> Bool {
        if case .bool(true)? = CardBuilder.value(node, "zeker") { return true }
        guard let confirm else {
            throw .error("verwijderen vraagt om bevestiging", hint: "schrijf in een script `\(script)`", at: node.nameSpan)
        }
        if confirm(question) { return true }
        emit("Niets verwijderd.\n")
        return false
    }

    func openStore() throws(StoreError) -> Store {
        if let openedStore { return openedStore }
        guard let database else { throw .noLocation }
        let store = try Store(path: database.path, createDirectory: database.isDefault)
        openedStore = store
        return store
    }

    // MARK: - Statements

    private func execute(_ node: Node, emit: (String) -> Void) throws(Diagnostic) {
        switch node.name {
        case "werkblad": return try werkblad(node, emit: emit)
        case "exporteer": return try export(node, emit: emit)
        case "voorstel": return try voorstel(node, emit: emit)
        case "beoordeel", "beoordeling", "beoordelingen", "vragen", "analyseer": return try review(node, emit: emit)
        case "apk": return try apk(node, emit: emit)
        case "adviesraad", "advies", "reactie": return try adviezen(node, emit: emit)
        case "importeer": return try measurements(node, emit: emit)
        case "metingen", "rapport", "indicator", "koppel", "ontkoppel", "duid", "duiding", "jaaroverzicht": return try monitor(node, emit: emit)
        default: break
        }
        guard let schema = CommandSchemas.command(named: node.name) else {
            if ContentSchemas.card(named: node.name) != nil {
                throw .error("`\(node.name)` is een kaart, geen opdracht",
                             hint: "zet kaarten in een inhoudsbestand en laad dat met `--content MAP`; controleer het met `raadskompas check`",
                             at: node.nameSpan)
            }
            let names = CommandSchemas.all.map(\.name)
            throw .error("onbekende opdracht `\(node.name)`",
                         hint: Suggestion.hint(for: node.name, in: names) ?? "typ `help` voor wat je kunt doen",
                         at: node.nameSpan)
        }
        var validation = Validation()
        validation.validate(node, against: schema)
        if let first = validation.diagnostics.first(where: { $0.severity == .error }) { throw first }
        switch node.name {
        case "help": emit(HelpText.render(topic: node.arguments.first?.value.stringValue, library: library, interpreter: interpreter, style: style, span: node.nameSpan))
        case "lijst":
            if node.arguments.first?.value.stringValue == "werkbladen" {
                try werkblad(Node(name: "werkblad", nameSpan: node.nameSpan, arguments: [Node.Argument(value: .symbol("lijst"), span: node.nameSpan)],
                                  properties: [], children: [], hasBlock: false, span: node.span), emit: emit)
            } else {
                emit(listing(node.arguments.first?.value.stringValue ?? "alles"))
            }
        case "toon": emit(try show(node.arguments[0]))
        case "zoek": emit(search(node.arguments.compactMap { $0.value.stringValue }.joined(separator: " ")))
        case "volg": emit(try follow(node.arguments[0]))
        case "schrijf": emit(node.arguments[0].value.displayText + "\n")
        default: break
        }
    }

    private func show(_ argument: Node.Argument) throws(Diagnostic) -> String {
        guard let address = argument.value.stringValue else {
            throw .error("`toon` verwacht de id van een kaart", hint: "bijvoorbeeld `toon wmo`", at: argument.span)
        }
        if let text = render(address) { return text }
        if let dot = address.firstIndex(of: "."), let card = library.card(String(address[..<dot])) {
            let partName = String(address[address.index(after: dot)...])
            throw .error("kaart `\(card.id)` heeft geen onderdeel `\(partName)`",
                         hint: Suggestion.hint(for: partName, in: card.parts.map(\.id)) ?? "onderdelen: " + card.parts.prefix(10).map(\.id).joined(separator: ", "),
                         at: argument.span)
        }
        let id = address.split(separator: ".").first.map(String.init) ?? address
        throw .error("geen kaart met id `\(id)`",
                     hint: Suggestion.hint(for: id, in: library.ids) ?? "typ `lijst alles` voor alle kaarten",
                     at: argument.span)
    }

    /// Renders a card or part and remembers its references for `volg`.
    private func render(_ address: String) -> String? {
        guard let (card, part) = library.resolve(address) else { return nil }
        let renderer = CardTextRenderer(style: style, library: library)
        let rendered = part.map { renderer.render($0, of: card) } ?? renderer.render(card)
        numberedTargets = rendered.references
        guard !rendered.references.isEmpty else { return rendered.text }
        return rendered.text + TextLayout.wrap("Typ `volg N` om verwijzing [N] te openen.", width: style.width).map(style.dim).joined(separator: "\n") + "\n"
    }

    private func follow(_ argument: Node.Argument) throws(Diagnostic) -> String {
        guard case .number(let n) = argument.value, n >= 1, n == n.rounded(), Int(n) <= numberedTargets.count else {
            let hint = numberedTargets.isEmpty
                ? "laat eerst een kaart zien met `toon` of zoek met `zoek`; daarna hebben verwijzingen een nummer"
                : "kies een nummer van 1 tot en met \(numberedTargets.count)"
            throw .error("er is geen verwijzing met nummer \(argument.value.displayText)", hint: hint, at: argument.span)
        }
        let address = numberedTargets[Int(n) - 1]
        guard let text = render(address) else {
            throw .error("de verwijzing naar `\(address)` bestaat niet meer", hint: "typ `lijst alles`", at: argument.span)
        }
        return text
    }

    private func search(_ query: String) -> String {
        let index = searchIndex ?? SearchIndex(library: library)
        searchIndex = index
        let (hits, total) = index.search(query)
        guard !hits.isEmpty else {
            numberedTargets = []
            return "Niets gevonden voor ‘\(query)’. Probeer een ander of korter woord, of `lijst alles`.\n"
        }
        numberedTargets = hits.map(\.address)
        var out = [total > hits.count
            ? "\(total) treffers voor ‘\(query)’; de \(hits.count) beste:"
            : "\(total) \(total == 1 ? "treffer" : "treffers") voor ‘\(query)’:"]
        for (i, hit) in hits.enumerated() {
            let number = "[\(i + 1)] "
            let title = hit.partTitle.map { "\(hit.cardTitle) › \($0)" } ?? hit.cardTitle
            out.append("")
            out += TextLayout.wrap(title + "  " + style.dim("(\(hit.address))"), width: style.width,
                                   first: style.accent(number), rest: String(repeating: " ", count: number.count))
            out += TextLayout.wrap(highlight(hit.snippet, hit.highlights), width: style.width,
                                   first: String(repeating: " ", count: number.count), rest: String(repeating: " ", count: number.count))
        }
        out.append("")
        out += TextLayout.wrap("Typ `volg N` om treffer [N] te lezen.", width: style.width).map(style.dim)
        return out.joined(separator: "\n") + "\n"
    }

    /// Marks matched words: bold and underlined in colour, «…» in plain text.
    private func highlight(_ snippet: String, _ ranges: [Range<Int>]) -> String {
        var result = ""
        var position = 0
        let characters = Array(snippet)
        for range in ranges where range.lowerBound >= position && range.upperBound <= characters.count {
            result += String(characters[position..<range.lowerBound])
            let match = String(characters[range])
            result += style.color ? "\u{1B}[1;4m\(match)\u{1B}[0m" : "«\(match)»"
            position = range.upperBound
        }
        return result + String(characters[position...])
    }

    /// Candidates for Tab completion.
    public func completions(before: String, word: String) -> Completer.Result {
        Completer(library: library, variables: interpreter.variableNames, functions: interpreter.builtins.keys.sorted(),
                  werkbladen: werkbladNamesForCompletion(), voorstellen: voorstelIdsForCompletion(),
                  adviezen: adviesIdsForCompletion(), eigenIndicatoren: ownIndicatorsForCompletion())
            .complete(before: before, word: word)
    }

    private func adviesIdsForCompletion() -> [String] {
        guard let database, FileManager.default.fileExists(atPath: database.path), let store = try? openStore() else { return [] }
        return (try? store.read { db in try String.fetchAll(db, sql: "SELECT id FROM advies ORDER BY id") }) ?? []
    }

    private func ownIndicatorsForCompletion() -> [String] {
        guard let database, FileManager.default.fileExists(atPath: database.path), let store = try? openStore() else { return [] }
        return (try? store.read { db in try String.fetchAll(db, sql: "SELECT id FROM eigenindicator ORDER BY id") }) ?? []
    }

    /// Ids of voorstellen, likewise only from an existing database.
    private func voorstelIdsForCompletion() -> [String] {
        guard let database, FileManager.default.fileExists(atPath: database.path),
              let store = try? openStore(), let all = try? VoorstelStore(store: store).all() else { return [] }
        return all.map(\.id).sorted()
    }

    /// Names of werkbladen, only from a database that already exists: Tab never creates one.
    private func werkbladNamesForCompletion() -> [String] {
        guard let database, FileManager.default.fileExists(atPath: database.path),
              let store = try? openStore(), let all = try? WerkbladStore(store: store).all() else { return [] }
        return all.map(\.naam)
    }

    private func listing(_ word: String) -> String {
        let groups = word == "alles"
            ? CommandSchemas.listings.filter { $0.kind != nil }
            : CommandSchemas.listings.filter { $0.word == word }
        var out: [String] = []
        for group in groups {
            guard let kind = group.kind else { continue }
            let cards = library.cards(ofKind: kind)
            if groups.count > 1 && cards.isEmpty { continue }
            out.append(style.bold(group.label) + style.dim(" (\(cards.count))"))
            let idWidth = min(style.width / 2, cards.map(\.id.count).max() ?? 0)
            for card in cards {
                let id = card.id.count < idWidth ? card.id + String(repeating: " ", count: idWidth - card.id.count) : card.id
                var title = card.title
                if case .staalkaart(let law) = card.kind, law.abbreviation != card.title { title += " (\(law.abbreviation))" }
                out += TextLayout.wrap(title, width: style.width, first: "  " + style.accent(id) + "  ", rest: String(repeating: " ", count: idWidth + 4))
            }
            if cards.isEmpty { out.append("  (geen)") }
            out.append("")
        }
        out.append(style.dim("Typ `toon ID` om een kaart te lezen, bijvoorbeeld `toon \(library.cards(ofKind: groups.first?.kind ?? "staalkaart").first?.id ?? "wmo")`."))
        return out.joined(separator: "\n") + "\n"
    }
}

/// A store failure that knows how to say itself as a diagnostic.
protocol ReportableFailure: Error {
    func diagnostic(at span: SourceSpan) -> Diagnostic
}

extension WerkbladStore.Failure: ReportableFailure {
    func diagnostic(at span: SourceSpan) -> Diagnostic {
        switch self {
        case .notFound(let name, let suggestion):
            .error("geen werkblad met de naam ‘\(name)’",
                   hint: suggestion.map { "bedoelde je ‘\($0)’?" } ?? "typ `werkblad lijst` voor je werkbladen, of maak er een met `werkblad nieuw`", at: span)
        case .exists(let name):
            .error("er is al een werkblad ‘\(name)’", hint: "kies een andere naam, of open het met `werkblad toon \(Value.quote(name))`", at: span)
        case .emptyName:
            .error("de naam van een werkblad mag niet leeg zijn", hint: "geef een naam, bijvoorbeeld \"Visie sociaal domein\"", at: span)
        case .store(let storeError):
            .error(storeError.message, hint: storeError.hint, at: span)
        }
    }
}

extension VoorstelStore.Failure: ReportableFailure {
    func diagnostic(at span: SourceSpan) -> Diagnostic {
        switch self {
        case .notFound(let id, let suggestion):
            .error("geen voorstel met id `\(id)`",
                   hint: suggestion.map { "bedoelde je `\($0)`?" } ?? "typ `voorstel lijst`, of lees er een in met `voorstel importeer`", at: span)
        case .store(let storeError):
            .error(storeError.message, hint: storeError.hint, at: span)
        }
    }
}

extension Session {
    /// Runs a store step; a failure becomes a diagnostic at the statement (or at one of its arguments).
    @discardableResult
    func attempt<T, F: ReportableFailure>(_ node: Node, argument: Int? = nil, _ body: () throws(F) -> T) throws(Diagnostic) -> T {
        let span = argument.flatMap { $0 < node.arguments.count ? node.arguments[$0].span : nil } ?? node.nameSpan
        do {
            return try body()
        } catch {
            throw error.diagnostic(at: span)
        }
    }
}
