import KompasDSL

/// Every statement, in the order `help` shows them within a task. Adding a statement means
/// declaring it in its domain folder and adding it here; dispatch, validation, help and completion
/// follow from the declaration.
public enum Registry {
    public static let all: [Command] = [
        // Raadslid: kennis en visie
        .werkbladInvullen, .werkbladKoppel,
        .lijst, .toon, .zoek, .volg,
        .werkbladNieuw, .werkbladLijst, .werkbladToon, .werkbladWijzig, .werkbladVerplaats, .werkbladSchrap,
        .werkbladVergelijk, .werkbladSamenvoegen, .werkbladHernoem, .werkbladVerwijder, .werkbladDeclaratie,
        .exporteerWerkblad, .exporteerInvulschema,
        // Griffie: raadsvoorstellen
        .beoordeel,
        .voorstelImporteer, .voorstelLijst, .voorstelToon, .voorstelWijzig, .voorstelVerwijder, .voorstelDeclaratie,
        .analyseer, .beoordeling, .beoordelingen, .vragen, .apk, .apkJaar,
        .beoordelaarLijst, .beoordelaarHernoem, .beoordelaarVerwijder,
        // Fractie: adviezen en cijfers
        .adviesNieuw, .reactieGevraagd, .duid,
        .adviesraadDeclaratie, .adviesraadLijst, .adviesraadWijzig, .adviesraadVerwijder, .adviesLijst, .adviesToon, .adviesWijzig, .adviesVerwijder,
        .adviesDeclaratie,
        .aanbevelingNieuw, .aanbevelingWijzig, .aanbevelingVerwijder, .reactieDeclaratie,
        .indicatorNieuw, .indicatorLijst, .indicatorWijzig, .indicatorVerwijder, .importeerMetingen, .metingen,
        .koppelAanbeveling, .koppelResultaat, .ontkoppelAanbeveling, .ontkoppelResultaat, .werkbladVoortgang,
        .duiding, .jaaroverzicht, .rapport, .instelling, .gebiedToon,
        // Je gegevens
        .geschiedenis, .ongedaan, .herstel, .reservekopie, .backup,
        // Scripts
        .help, .schrijf,
    ]

    /// The statement words, each once, in registry order.
    public static let words: [String] = {
        var seen: Set<String> = []
        return all.map(\.word).filter { seen.insert($0).inserted }
    }()

    private static let byWord: [String: [Command]] = Dictionary(grouping: all, by: \.word)

    /// Every form that starts with `word`, in registry order.
    public static func forms(of word: String) -> [Command] {
        byWord[word] ?? []
    }

    /// The form `node` is written in: an action form when its first argument is the action word,
    /// otherwise the form without action that accepts it. An unknown statement or action is a
    /// diagnostic with the nearest name.
    public static func command(for node: Node) -> Result<Command, Diagnostic> {
        let forms = forms(of: node.name)
        guard !forms.isEmpty else { return .failure(unknownStatement(node)) }
        let plain = forms.filter { $0.action == nil }
        let actions = forms.compactMap(\.action)
        // An action word written as a word, without a block (`advies wijzig adv-1 onderwerp=…`), is
        // the action, also when the declaration would accept the node. A quoted one (`werkblad
        // "lijst" { … }`) is a name, and a block goes to the declaration, which says that
        // `voorstel lijst { … }` uses an action word as id.
        if !node.hasBlock, case .symbol(let word)? = node.arguments.first?.value, let form = forms.first(where: { $0.action == word }) {
            return .success(form)
        }
        if let form = plain.first(where: { $0.accepts(node) }) {
            return .success(form)
        }
        if let word = node.arguments.first?.value.stringValue, let form = forms.first(where: { $0.action == word }) {
            return .success(form)
        }
        // A bare `advies` hears its actions and its declarative form, not which fields it misses.
        let bare = node.arguments.isEmpty && node.properties.isEmpty && !node.hasBlock
        if !bare, let form = plain.first(where: \.isFallback) {
            return .success(form)
        }
        let given = node.arguments.first?.value.displayText ?? ""
        let alternative = plain.first.map { ", of schrijf `\($0.shortForm)` (zie `help \(node.name)`)" } ?? ""
        return .failure(.error(given.isEmpty ? "`\(node.name)` zonder actie" : "onbekende actie `\(given)` bij `\(node.name)`",
                               hint: Suggestion.hint(for: given, in: actions) ?? "kies uit: " + actions.joined(separator: ", ") + alternative,
                               at: node.arguments.first?.span ?? node.nameSpan))
    }

    /// The schema a statement is checked against, or nil for an unknown statement or action.
    public static func schema(for node: Node) -> NodeSchema? {
        try? command(for: node).get().schema
    }

    private static func unknownStatement(_ node: Node) -> Diagnostic {
        if ContentSchemas.card(named: node.name) != nil {
            return .error("`\(node.name)` is een kaart, geen opdracht",
                          hint: "zet kaarten in een inhoudsbestand en laad dat met `--content MAP`; controleer het met `raadskompas check`",
                          at: node.nameSpan)
        }
        return .error("onbekende opdracht `\(node.name)`",
                      hint: Suggestion.hint(for: node.name, in: words) ?? "typ `help` voor wat je kunt doen",
                      at: node.nameSpan)
    }
}
