import KompasDSL

/// Tab completion, from the same declarations as help and validation. Pure: the shell hands it the
/// text before the cursor and the word being completed, and gets candidates back.
public struct Completer: Sendable {
    public enum Result: Equatable, Sendable {
        case words([String])
        /// The word is a path inside a string: the line editor completes file names.
        case fileNames
    }

    let library: ContentLibrary
    let variables: [String]
    let functions: [String]

    public init(library: ContentLibrary, variables: [String], functions: [String]) {
        self.library = library
        self.variables = variables
        self.functions = functions
    }

    /// Characters that separate words for completion. Ids contain `-` and `.`, so those do not.
    public static let wordBreaks = " \t\n\"'`=;{}()[],"

    public static let statementWords = ["laat", "voor elk", "als", "anders"]

    public static let helpTopics: [String] =
        CommandSchemas.all.map(\.name) + ContentSchemas.cards.map(\.name) + ["functies", "taal"]

    /// `before` is the line up to the start of `word`.
    public func complete(before: String, word: String) -> Result {
        if isInsideString(before) { return .fileNames }
        if word.hasPrefix("$") {
            return .words(variables.map { "$" + $0 }.filter { $0.hasPrefix(word) }.sorted())
        }
        let statement = currentStatement(before)
        let tokens = statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = tokens.first else {
            let names = CommandSchemas.all.map(\.name) + Completer.statementWords
            return .words(names.filter { $0.hasPrefix(word) }.sorted())
        }
        if before.last == "(" || ["=", "in", "als"].contains(tokens.last ?? "") || statement.hasSuffix("= ") {
            return .words(functions.map { $0 + "(" }.filter { $0.hasPrefix(word) }.sorted())
        }
        switch first {
        case "toon":
            guard tokens.count == 1 else { return .words([]) }
            return .words(addresses(matching: word))
        case "lijst":
            return .words(tokens.count == 1 ? CommandSchemas.listings.map(\.word).filter { $0.hasPrefix(word) } : [])
        case "help":
            return .words(tokens.count == 1 ? Completer.helpTopics.filter { $0.hasPrefix(word) }.sorted() : [])
        case "voor":
            return .words(tokens.count == 1 && "elk".hasPrefix(word) ? ["elk"] : [])
        default:
            return .words([])
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
    private func currentStatement(_ before: String) -> Substring {
        let start = before.lastIndex(where: { $0 == ";" || $0 == "{" || $0 == "}" || $0 == "\n" }).map { before.index(after: $0) } ?? before.startIndex
        var statement = before[start...]
        while statement.first == " " || statement.first == "\t" { statement = statement.dropFirst() }
        return statement
    }

    /// Whether an unclosed `"` comes before the cursor (escaped quotes do not count).
    private func isInsideString(_ before: String) -> Bool {
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
