import KompasDSL

/// Tab completion, from the registry's declarations (the same ones that drive help and
/// validation). Pure: the shell hands it the text before the cursor and the word being completed,
/// and gets candidates back; the names in the user's database are handed in.
public struct Completer: Sendable {
    public enum Result: Equatable, Sendable {
        case words([String])
        /// The word is a path inside a string: the line editor completes file names.
        case fileNames
    }

    let library: ContentLibrary
    let variables: [String]
    let functions: [String]
    let werkbladen: [String]
    let voorstellen: [String]
    let adviezen: [String]
    /// Catalogue indicators and the user's own.
    let indicatoren: [String]

    public init(library: ContentLibrary, variables: [String], functions: [String], werkbladen: [String] = [], voorstellen: [String] = [],
                adviezen: [String] = [], eigenIndicatoren: [String] = []) {
        self.adviezen = adviezen
        self.indicatoren = (library.cards(ofKind: "indicator").map(\.id) + eigenIndicatoren).sorted()
        self.library = library
        self.variables = variables
        self.functions = functions
        self.werkbladen = werkbladen
        self.voorstellen = voorstellen
    }

    /// Characters that separate words for completion. Ids contain `-` and `.`, so those do not.
    public static let wordBreaks = " \t\n\"'`=;{}()[],"

    public static let statementWords = ["laat", "voor elk", "als", "anders"]

    public static let helpTopics: [String] = Registry.words + ContentSchemas.cards.map(\.name) + HelpText.extraTopics

    /// `before` is the line up to the start of `word`.
    public func complete(before: String, word: String) -> Result {
        let statement = Completer.currentStatement(before)
        let tokens = Completer.tokens(statement)
        if Completer.isInsideString(before) {
            // `werkblad toon "Vis` completes werkblad names; other strings are paths.
            if let slot = slot(tokens: tokens.dropLast(), typing: tokens.last ?? ""), slot.completes == .werkbladen {
                let names = werkbladen.filter { $0.lowercased().hasPrefix(word.lowercased()) }
                if !names.isEmpty { return .words(names.map { $0 + "\"" }) }
            }
            return .fileNames
        }
        if word.hasPrefix("$") {
            return .words(variables.map { "$" + $0 }.filter { $0.hasPrefix(word) }.sorted())
        }
        guard let first = tokens.first else {
            return .words((Registry.words + Completer.statementWords).filter { $0.hasPrefix(word) }.sorted())
        }
        if before.last == "(" || ["=", "in", "als"].contains(tokens.last ?? "") || statement.hasSuffix("= ") {
            return .words(functions.map { $0 + "(" }.filter { $0.hasPrefix(word) }.sorted())
        }
        if first == "voor" {
            return .words(tokens.count == 1 && "elk".hasPrefix(word) ? ["elk"] : [])
        }
        let forms = Registry.forms(of: first)
        guard !forms.isEmpty else { return .words([]) }
        // `veld=waarde`: the values of that field.
        if let equals = word.firstIndex(of: "=") {
            let key = String(word[..<equals])
            guard let field = schemas(forms, tokens: tokens).lazy.compactMap({ $0.field(key) }).first else { return .words([]) }
            return .words(candidates(field, word: "").map { "\(key)=\($0)" }.filter { $0.hasPrefix(word) })
        }
        let positional = tokens.filter { !$0.contains("=") }
        // The action word after the statement word.
        if positional.count == 1, forms.contains(where: { $0.action != nil }) {
            return .words(forms.compactMap(\.action).filter { $0.hasPrefix(word) })
        }
        if let slot = slot(tokens: tokens[...], typing: word) {
            return .words(candidates(slot, word: word).filter { $0.hasPrefix(word) })
        }
        // Every argument is given: the fields not yet written.
        let given = Set(tokens.compactMap { token in token.firstIndex(of: "=").map { String(token[..<$0]) } })
        let fields = schemas(forms, tokens: tokens).flatMap(\.fields).filter { !given.contains($0.name) }
        var names: [String] = []
        for field in fields {
            let values = field.completes == nil ? choices(field.type) : []
            let offered = values.isEmpty || values.count > 4 ? ["\(field.name)="] : values.map { "\(field.name)=\($0)" }
            for name in offered where !names.contains(name) { names.append(name) }
        }
        return .words(names.filter { $0.hasPrefix(word) })
    }

    /// The schemas the statement may be written in, given the words typed so far.
    private func schemas(_ forms: [Command], tokens: [String]) -> [NodeSchema] {
        let action = tokens.count > 1 ? tokens[1] : nil
        if let form = forms.first(where: { $0.action != nil && $0.action == action }) { return [form.schema] }
        return forms.filter { $0.action == nil }.map(\.schema)
    }

    /// The argument slot that the word after `tokens` fills, or nil when every argument is given.
    private func slot(tokens: ArraySlice<String>, typing word: String) -> Slot? {
        guard let first = tokens.first else { return nil }
        let positional = tokens.filter { !$0.contains("=") }
        for schema in schemas(Registry.forms(of: first), tokens: Array(tokens)) {
            let index = positional.count - 1
            if index < schema.arguments.count { return schema.arguments[index] }
            if schema.repeatsLastArgument, let last = schema.arguments.last { return last }
        }
        return nil
    }

    private func choices(_ type: FieldType) -> [String] {
        if case .choice(let words) = type { return words }
        return []
    }

    /// What Tab offers for one slot.
    private func candidates(_ slot: Slot, word: String) -> [String] {
        switch slot.completes {
        case .werkbladen?: werkbladen
        case .voorstellen?: voorstellen
        case .adviezen?: adviezen
        case .indicatoren?: indicatoren
        case .helpTopics?: Completer.helpTopics.sorted()
        case .visieAdres?: VisieStap.allCases.flatMap { stap in Kant.allCases.map { "\(stap.rawValue).\($0.rawValue)." } }
        case .resultaatAdres?: Kant.allCases.map { "\($0.rawValue)." }
        case .kaarten?: addresses(matching: word)
        case nil: choices(slot.type)
        }
    }

    /// Card ids, and once a dot is typed, that card's parts: `wmo.` → `wmo.doelen`, …
    func addresses(matching word: String) -> [String] {
        if let dot = word.firstIndex(of: "."), let card = library.card(String(word[..<dot])) {
            return card.parts.map { "\(card.id).\($0.id)" }.filter { $0.hasPrefix(word) }
        }
        return library.ids.filter { $0.hasPrefix(word) }.sorted()
    }

    /// The text of the statement being typed: after the last `;`, `{`, `}` or line break.
    static func currentStatement(_ before: String) -> Substring {
        let start = before.lastIndex(where: { $0 == ";" || $0 == "{" || $0 == "}" || $0 == "\n" }).map { before.index(after: $0) } ?? before.startIndex
        var statement = before[start...]
        while statement.first == " " || statement.first == "\t" { statement = statement.dropFirst() }
        return statement
    }

    /// The words of a statement; a quoted text (even with spaces, even unfinished) is one word.
    static func tokens(_ statement: Substring) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for c in statement {
            if inString {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            if c == " " || c == "\t" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                continue
            }
            if c == "\"" { inString = true }
            current.append(c)
        }
        if !current.isEmpty || inString { tokens.append(current) }
        return tokens
    }

    /// Whether an unclosed `"` comes before the cursor (escaped quotes do not count).
    static func isInsideString(_ before: String) -> Bool {
        var inside = false
        var escaped = false
        for c in before {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { inside.toggle() }
        }
        return inside
    }
}
