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

    public static let helpTopics: [String] =
        CommandSchemas.all.map(\.name) + ContentSchemas.cards.map(\.name) + ["functies", "taal"]

    /// `before` is the line up to the start of `word`.
    public func complete(before: String, word: String) -> Result {
        if isInsideString(before) {
            // `werkblad toon "Vis` completes werkblad names; other strings are paths.
            let statement = currentStatement(before)
            if statement.hasPrefix("werkblad ") || statement.hasPrefix("exporteer werkblad ") || statement.hasPrefix("koppel resultaat ") || statement.hasPrefix("ontkoppel resultaat "),
               !statement.contains(" naar ") {
                let names = werkbladen.filter { $0.lowercased().hasPrefix(word.lowercased()) }
                if !names.isEmpty { return .words(names.map { $0 + "\"" }) }
            }
            return .fileNames
        }
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
        // `indicator=` and `raad=` complete to their ids wherever they appear.
        if word.hasPrefix("indicator=") {
            return .words(indicatoren.map { "indicator=" + $0 }.filter { $0.hasPrefix(word) })
        }
        switch first {
        case "advies":
            if tokens.count == 1 { return .words(AdviesCommands.subcommands.map(\.name).filter { $0.hasPrefix(word) }) }
            return .words(tokens.count == 2 && tokens[1] == "toon" ? adviezen.filter { $0.hasPrefix(word) } : [])
        case "reactie":
            return .words(tokens.count == 1 ? adviezen.filter { $0.hasPrefix(word) } : [])
        case "indicator":
            if tokens.count == 1 { return .words(MonitorCommands.indicatorSubcommands.map(\.name).filter { $0.hasPrefix(word) }) }
            return .words(tokens.count == 2 && tokens[1] == "verwijder" ? indicatoren.filter { $0.hasPrefix(word) } : [])
        case "metingen", "rapport", "duid", "duiding":
            if tokens.count == 1 { return .words(indicatoren.filter { $0.hasPrefix(word) }) }
            return .words(first == "rapport" && tokens.count == 2 ? ["naar"].filter { $0.hasPrefix(word) } : [])
        case "koppel", "ontkoppel":
            if tokens.count == 1 { return .words(["aanbeveling", "resultaat"].filter { $0.hasPrefix(word) }) }
            if tokens.count == 2, tokens[1] == "aanbeveling" { return .words(adviezen.filter { $0.hasPrefix(word) }) }
            if tokens.count == 3, tokens[1] == "resultaat" {
                return .words(Kant.allCases.map { "\($0.rawValue)." }.filter { $0.hasPrefix(word) })
            }
            if tokens.count >= 4, tokens[1] == "aanbeveling", first == "koppel" {
                return .words(["indicator=", "richting=omhoog", "richting=omlaag", "horizon="].filter { $0.hasPrefix(word) && !tokens.contains($0) })
            }
            return .words(tokens.count >= 4 && first == "koppel" ? ["indicator=", "doel=", "jaar=", "gebied="].filter { $0.hasPrefix(word) } : [])
        case "toon":
            guard tokens.count == 1 else { return .words([]) }
            return .words(addresses(matching: word))
        case "lijst":
            return .words(tokens.count == 1 ? CommandSchemas.listings.map(\.word).filter { $0.hasPrefix(word) } : [])
        case "help":
            return .words(tokens.count == 1 ? Completer.helpTopics.filter { $0.hasPrefix(word) }.sorted() : [])
        case "voor":
            return .words(tokens.count == 1 && "elk".hasPrefix(word) ? ["elk"] : [])
        case "werkblad":
            if tokens.count == 1 {
                return .words(WerkbladCommands.subcommands.map(\.name).filter { $0.hasPrefix(word) })
            }
            if ["wijzig", "verplaats", "schrap"].contains(tokens[1]), tokens.count == 3 {
                let addresses = VisieStap.allCases.flatMap { stap in Kant.allCases.map { "\(stap.rawValue).\($0.rawValue)." } }
                return .words(addresses.filter { $0.hasPrefix(word) })
            }
            return .words([])
        case "voorstel":
            if tokens.count == 1 { return .words(VoorstelCommands.actions.filter { $0.hasPrefix(word) }) }
            if tokens.count == 2, ["toon", "verwijder"].contains(tokens[1]) { return .words(voorstellen.filter { $0.hasPrefix(word) }) }
            return .words([])
        case "analyseer", "beoordeel", "beoordeling", "beoordelingen", "vragen":
            return .words(tokens.count == 1 ? voorstellen.filter { $0.hasPrefix(word) } : [])
        case "exporteer":
            if tokens.count == 1 { return .words(["werkblad", "invulschema"].filter { $0.hasPrefix(word) }) }
            return .words(tokens.last == "naar" || "naar".hasPrefix(word) && tokens.count >= 2 ? ["naar"].filter { $0.hasPrefix(word) } : [])
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
