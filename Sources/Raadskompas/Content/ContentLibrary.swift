import Foundation
import KompasDSL

/// One `.kompas` text to load, with the name diagnostics use for it.
public struct ContentSource: Sendable {
    public enum Layer: Int, Sendable {
        /// Compiled into the binary from `Content/`.
        case bundled
        /// From `--content DIR` (or `check`): may override a bundled card with the same id.
        case extra
    }

    public let name: String
    public let bytes: [UInt8]
    public let layer: Layer

    public init(name: String, bytes: [UInt8], layer: Layer) {
        self.name = name
        self.bytes = bytes
        self.layer = layer
    }

    /// The content compiled into the binary.
    public static var bundled: [ContentSource] {
        BundledContent.files.indices.map(bundled)
    }

    /// One bundled file, by its index in `BundledContent.files`.
    static func bundled(_ file: Int) -> ContentSource {
        let entry = BundledContent.files[file]
        return ContentSource(name: "Content/" + entry.path, bytes: Array(entry.text.utf8), layer: .bundled)
    }
}

/// All cards, by id, with the diagnostics that loading produced.
///
/// Content from `load` is parsed and validated whole. The bundled content of `standard` is parsed
/// a file at a time, when one of its cards is first asked for: the build already parsed it (to make
/// the index of ids and kinds) and the tests validate it, so a start that shows one card does not
/// lex 300 KB.
public final class ContentLibrary: @unchecked Sendable {
    private enum Location {
        case built(Card)
        /// Index into `BundledContent.files`.
        case bundledFile(Int)
    }

    public let diagnostics: [Diagnostic]
    /// Every card id, in load order.
    public let ids: [String]
    private let kinds: [String: String]
    /// Titles of bundled cards from the build's index: showing a reference needs no parse.
    private let indexedTitles: [String: String]
    private let locations: [String: Location]
    /// Bundled files parsed so far, by file index. Guarded by `lock`.
    private var parsedFiles: [Int: [String: Card]] = [:]
    private let lock = NSLock()

    init(cards: [Card], diagnostics: [Diagnostic]) {
        var ids: [String] = []
        var kinds: [String: String] = [:]
        var locations: [String: Location] = [:]
        ids.reserveCapacity(cards.count)
        kinds.reserveCapacity(cards.count)
        locations.reserveCapacity(cards.count)
        for card in cards where locations[card.id] == nil {
            ids.append(card.id)
            kinds[card.id] = card.kind.name
            locations[card.id] = .built(card)
        }
        self.ids = ids
        self.kinds = kinds
        self.locations = locations
        self.indexedTitles = [:]
        self.diagnostics = diagnostics
    }

    /// The bundled index with `extra` cards on top (an extra card with a bundled id replaces it).
    private init(bundledIndex: [(id: String, kind: String, title: String, file: Int)], extra: [Card], diagnostics: [Diagnostic]) {
        var ids: [String] = []
        var kinds: [String: String] = [:]
        var titles: [String: String] = [:]
        var locations: [String: Location] = [:]
        for entry in bundledIndex where locations[entry.id] == nil {
            ids.append(entry.id)
            kinds[entry.id] = entry.kind
            titles[entry.id] = entry.title
            locations[entry.id] = .bundledFile(entry.file)
        }
        for card in extra {
            if locations[card.id] == nil { ids.append(card.id) }
            kinds[card.id] = card.kind.name
            titles[card.id] = nil
            locations[card.id] = .built(card)
        }
        self.ids = ids
        self.kinds = kinds
        self.indexedTitles = titles
        self.locations = locations
        self.diagnostics = diagnostics
    }

    public func card(_ id: String) -> Card? {
        switch locations[id] {
        case .built(let card)?: return card
        case .bundledFile(let file)?: return bundledCards(in: file)[id]
        case nil: return nil
        }
    }

    /// All cards, in load order (parses every bundled file not parsed yet).
    public var cards: [Card] { ids.compactMap(card) }

    public func cards(ofKind kind: String) -> [Card] {
        ids.filter { kinds[$0] == kind }.compactMap(card)
    }

    /// The title of the card or part at `address` (`kaart` or `kaart.deel`); a card's title comes
    /// from the build's index when there is one, so no file is parsed for it.
    public func title(of address: String) -> String? {
        if let title = indexedTitles[address] { return title }
        return resolve(address).map { $0.part?.title ?? $0.card.title }
    }

    /// The kind of card `id` is, without parsing it.
    public func kind(of id: String) -> String? { kinds[id] }

    /// The card and part a `kaart` or `kaart.deel` address points to.
    public func resolve(_ address: String) -> (card: Card, part: Card.Part?)? {
        if let card = card(address) { return (card, nil) }
        guard let dot = address.firstIndex(of: ".") else { return nil }
        let id = String(address[..<dot])
        guard let card = card(id), let part = card.part(String(address[address.index(after: dot)...])) else { return nil }
        return (card, part)
    }

    private func bundledCards(in file: Int) -> [String: Card] {
        lock.lock()
        defer { lock.unlock() }
        if let cards = parsedFiles[file] { return cards }
        // Not validated again: the bundled files are validated by the tests and `make check-content`
        // (`ContentTests`), and a start of `raadskompas -c 'toon wmo'` should not pay for it.
        var loader = Loader()
        loader.load(ContentSource.bundled(file), validated: false)
        let cards = Dictionary(loader.cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        parsedFiles[file] = cards
        return cards
    }

    /// Loads, validates and cross-checks `sources`. Never throws: every problem becomes a diagnostic
    /// and the cards that are sound are kept.
    public static func load(_ sources: [ContentSource]) -> ContentLibrary {
        var loader = Loader()
        for source in sources { loader.load(source) }
        return loader.finish()
    }

    /// The bundled content plus, optionally, the `.kompas` files under `extraDirectory`. The bundled
    /// files are parsed when first needed; the extra files at once, with every check.
    public static func standard(extraDirectory: String? = nil) -> ContentLibrary {
        var extra: [ContentSource] = BundledContent.eagerFiles.map(ContentSource.bundled)
        var diagnostics: [Diagnostic] = []
        if let extraDirectory {
            switch ContentFiles.directory(extraDirectory) {
            case .success(let sources): extra += sources
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        let lazy = ContentLibrary(bundledIndex: BundledContent.index, extra: [], diagnostics: diagnostics)
        guard !extra.isEmpty else { return lazy }
        var loader = Loader()
        for source in extra { loader.load(source) }
        let checked = loader.finish(resolvingElsewhere: lazy.card)
        return ContentLibrary(bundledIndex: BundledContent.index, extra: checked.cards, diagnostics: diagnostics + checked.diagnostics)
    }
}

/// Accumulates cards over several files, then resolves references between them.
struct Loader {
    private(set) var cards: [Card] = []
    private var layers: [ContentSource.Layer] = []
    private var positions: [String: Int] = [:]
    private var validation = Validation()

    /// Parses, runs and (unless `validated` is false, for bundled files checked at build and test
    /// time) validates one file, and builds its cards.
    ///
    /// A card at a time: each top-level statement is run, checked and built as soon as it is
    /// parsed, and its nodes freed before the next is read. (Parsing the whole file first left a
    /// tree of the whole file to check afterwards, long out of the processor's cache.)
    mutating func load(_ source: ContentSource, validated: Bool = true) {
        let file = SourceFile(name: source.name, bytes: source.bytes)
        let interpreter = Interpreter()
        var nodes: [Node] = []
        let parseDiagnostics = Parser.parseEach(file) { statement in
            let outcome = interpreter.run(Program(file: file, statements: [statement]), policy: .continueAfterError) { node in nodes.append(node) }
            validation.diagnostics += outcome.diagnostics
            for node in nodes {
                add(node, layer: source.layer, validated: validated)
            }
            nodes.removeAll(keepingCapacity: true)
        }
        validation.diagnostics += parseDiagnostics
    }

    private mutating func add(_ node: Node, layer: ContentSource.Layer, validated: Bool) {
        guard let schema = ContentSchemas.card(named: node.name) else {
            let kinds = ContentSchemas.cards.map(\.name)
            validation.error("`\(node.name)` is geen soort kaart", hint: Suggestion.hint(for: node.name, in: kinds)
                             ?? "een inhoudsbestand bevat kaarten: " + kinds.joined(separator: ", "), at: node.nameSpan)
            return
        }
        guard !validated || validation.validate(node, against: schema), let card = CardBuilder.card(from: node) else { return }
        checkUniqueParts(card)
        if let existing = positions[card.id] {
            if layers[existing] == .bundled, layer == .extra {
                // `--content` overrides a bundled card: the gemeente's own version wins.
                cards[existing] = card
                layers[existing] = layer
                return
            }
            validation.error("de id `\(card.id)` bestaat al", hint: "geef elke kaart een eigen id",
                             at: node.arguments.first?.span ?? node.nameSpan,
                             notes: [.init("eerder gebruikt", span: cards[existing].span)])
            return
        }
        positions[card.id] = cards.count
        cards.append(card)
        layers.append(layer)
    }

    /// Section, page and other part ids are unique among their siblings.
    /// (Walks the blocks themselves: building `card.parts`, with a path array per part, cost more
    /// than the rest of the card.)
    private mutating func checkUniqueParts(_ card: Card) {
        func walk(_ blocks: [Block], path: String) {
            var ids: [String] = []
            for block in blocks {
                guard let (id, _) = block.address else { continue }
                let full = path.isEmpty ? id : path + "." + id
                if ids.contains(id) {
                    validation.error("`\(full)` komt twee keer voor in kaart `\(card.id)`", hint: "geef elke sectie binnen een kaart een eigen id", at: card.span)
                }
                ids.append(id)
                walk(block.nested, path: full)
            }
        }
        walk(card.blocks, path: "")
    }

    /// Checks the references between the loaded cards (and, through `elsewhere`, to cards loaded
    /// before, such as the bundled content under `--content`).
    mutating func finish(resolvingElsewhere elsewhere: (String) -> Card? = { _ in nil }) -> ContentLibrary {
        // `positions` already maps each id to its card: no dictionary of card copies.
        func byId(_ id: String) -> Card? { positions[id].map { cards[$0] } }
        for reference in validation.references {
            let pieces = reference.target.split(separator: ".", maxSplits: 1).map(String.init)
            let id = pieces[0]
            guard let card = byId(id) ?? elsewhere(id) else {
                let candidates = reference.kinds.isEmpty ? cards.map(\.id) : cards.filter { reference.kinds.contains($0.kind.name) }.map(\.id)
                validation.error("verwijzing naar onbekende kaart `\(id)`",
                                 hint: Suggestion.hint(for: id, in: candidates) ?? "typ `lijst alles` voor de bestaande kaarten", at: reference.span)
                continue
            }
            if !reference.kinds.isEmpty, !reference.kinds.contains(card.kind.name) {
                validation.error("`\(id)` is een \(card.kind.name), hier hoort een \(reference.kinds.joined(separator: " of "))",
                                 hint: "bijvoorbeeld: " + cards.filter { reference.kinds.contains($0.kind.name) }.map(\.id).sorted().prefix(6).joined(separator: ", "),
                                 at: reference.span)
                continue
            }
            if pieces.count == 2, card.part(pieces[1]) == nil {
                validation.error("kaart `\(id)` heeft geen onderdeel `\(pieces[1])`",
                                 hint: Suggestion.hint(for: pieces[1], in: card.parts.map(\.id)) ?? "onderdelen: " + card.parts.prefix(8).map(\.id).joined(separator: ", "),
                                 at: reference.span)
            }
        }
        return ContentLibrary(cards: cards, diagnostics: validation.diagnostics.sortedBySource())
    }
}
