import Foundation
import KompasDSL

/// What every statement may use: the content, the database, the user at the terminal (if any),
/// the output style, today's date and a progress line. It holds no domain knowledge; statements
/// reach their domain through the store and the content library.
public final class CommandContext {
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
    /// The script's interpreter: its variables and functions (for `help functies` and completion).
    public let interpreter: Interpreter
    /// What `volg N` opens: the numbered references or hits of the last statement that showed some.
    public var numberedTargets: [String] = []
    /// Where the database is; it is opened on the first statement that needs it, so reading
    /// content never creates a database file.
    let database: (path: String, isDefault: Bool)?
    private var openedStore: Store?
    /// Values built once per session on first use (a search index), by key.
    private var memo: [String: Any] = [:]

    init(library: ContentLibrary, style: TextStyle, database: (path: String, isDefault: Bool)?, interpreter: Interpreter, store: Store? = nil) {
        self.library = library
        self.style = style
        self.database = database ?? store.map { ($0.path, false) }
        self.interpreter = interpreter
        self.openedStore = store
    }

    // MARK: - The database

    /// The statement being run, as typed: the history records changes under it.
    var statementText = ""

    /// The store, opened (and created where it is the default location) on first use.
    public func store(for node: Node) throws(Diagnostic) -> Store {
        if let openedStore {
            openedStore.describeNextChanges(as: statementText)
            return openedStore
        }
        guard let database else { throw StoreError.noLocation.diagnostic(at: node.nameSpan) }
        do {
            let store = try Store(path: database.path, createDirectory: database.isDefault)
            store.describeNextChanges(as: statementText)
            // In the shell, a change that waits for another process says so (once per wait).
            if let progress {
                nonisolated(unsafe) let show = progress
                store.onWaiting { attempt in
                    show("De database is bezig (een andere shell schrijft, bijvoorbeeld een grote import); ik wacht en probeer het opnieuw (\(attempt)) …")
                }
            }
            openedStore = store
            return store
        } catch {
            throw error.diagnostic(at: node.nameSpan)
        }
    }

    /// Ends the session's use of the database: the write-ahead log goes into the database file, so
    /// that the `.sqlite` file alone is complete.
    func close() {
        openedStore?.checkpoint()
    }

    /// The store only when the database file already exists: Tab completion never creates one.
    func existingStore() -> Store? {
        if let openedStore { return openedStore }
        guard let database, FileManager.default.fileExists(atPath: database.path),
              let store = try? Store(path: database.path) else { return nil }
        openedStore = store
        return store
    }

    /// Runs a domain step; any failure becomes a diagnostic at `span`. This is the one place where
    /// a store failure is turned into what the user reads.
    @discardableResult
    public func attempt<T>(at span: SourceSpan, _ body: () throws -> T) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch {
            throw CommandContext.diagnostic(for: error, at: span)
        }
    }

    /// `attempt` at the statement's name.
    @discardableResult
    public func attempt<T>(_ node: Node, _ body: () throws -> T) throws(Diagnostic) -> T {
        try attempt(at: node.nameSpan, body)
    }

    static func diagnostic(for error: any Error, at span: SourceSpan) -> Diagnostic {
        switch error {
        case let diagnostic as Diagnostic: diagnostic
        case let failure as any ReportableFailure: failure.diagnostic(at: span)
        default: .error("er ging iets mis bij het bewaren of lezen", hint: "probeer het opnieuw; blijft het misgaan, maak dan een reservekopie en meld het", at: span)
        }
    }

    // MARK: - The user

    /// Whether a deletion may go ahead: `zeker=ja`, or a yes from the user at the shell. A script
    /// without `zeker=ja` gets an error that shows the line to write.
    public func confirmDeletion(_ node: Node, question: String, script: String) throws(Diagnostic) -> Bool {
        if case .bool(true)? = node.property("zeker")?.value { return true }
        guard let confirm else {
            throw .error("verwijderen vraagt om bevestiging", hint: "schrijf in een script `\(script)`", at: node.nameSpan)
        }
        return confirm(question)
    }

    /// The user at the terminal, for a guided statement; in a script an error that shows the
    /// statement to write instead.
    public func conversation(for node: Node, statement: String, script: String) throws(Diagnostic) -> any Conversation {
        guard let conversation else {
            throw .error("`\(statement)` werkt in de shell, waar Raadskompas vragen kan stellen", hint: "in een script schrijf je \(script)", at: node.nameSpan)
        }
        return conversation
    }

    /// A value built once per session, on first use.
    public func memoized<T>(_ key: String, _ make: () -> T) -> T {
        if let value = memo[key] as? T { return value }
        let value = make()
        memo[key] = value
        return value
    }
}

/// A failure of the domain layer that knows how to say itself as a diagnostic. Each domain's
/// failures conform in their own folder; `CommandContext.attempt` is where they are used.
public protocol ReportableFailure: Error {
    func diagnostic(at span: SourceSpan) -> Diagnostic
}

extension StoreError: ReportableFailure {
    public func diagnostic(at span: SourceSpan) -> Diagnostic {
        .error(message, hint: hint, at: span)
    }
}
