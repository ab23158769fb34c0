import Foundation
import KompasDSL

/// Builtins that need the world outside the language: content, the file system, the clock.
enum HostBuiltins {
    static func make(library: ContentLibrary) -> [Builtin] {
        [
            Builtin("kaart", signature: "kaart(id)", summary: "De gegevens van een kaart: id, soort, titel, bron, samenvatting, onderdelen.", arity: 1...1) { call throws(Diagnostic) in
                let id = try call.text(0)
                guard let card = library.card(id) else {
                    throw call.error("geen kaart met id `\(id)`", hint: Suggestion.hint(for: id, in: library.ids) ?? "typ `lijst alles`", argument: 0)
                }
                return .record(record(card))
            },
            Builtin("kaarten", signature: "kaarten(soort)", summary: "Alle kaarten van een soort (staalkaart, koerskaart, indicator, …).", arity: 1...1) { call throws(Diagnostic) in
                let kind = try call.text(0)
                let kinds = ContentSchemas.cards.map(\.name)
                guard kinds.contains(kind) else {
                    throw call.error("onbekende soort kaart `\(kind)`", hint: Suggestion.hint(for: kind, in: kinds) ?? "soorten: " + kinds.joined(separator: ", "), argument: 0)
                }
                return .list(library.cards(ofKind: kind).map { .record(record($0)) })
            },
            Builtin("bestanden", signature: "bestanden(patroon)", summary: "De bestanden die passen bij een patroon, bijvoorbeeld \"voorstellen/*.txt\".", arity: 1...1) { call throws(Diagnostic) in
                .list(try files(matching: call.text(0), call: call).map { .text($0) })
            },
            Builtin("vandaag", signature: "vandaag()", summary: "De datum van vandaag.", arity: 0...0) { _ in
                let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
                return DateValue(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1).map(Value.date) ?? .text("")
            },
        ]
    }

    /// A card as script data: the common fields, then those of its kind (named as in the schema).
    static func record(_ card: Card) -> Record {
        var fields: [(key: String, value: Value)] = [
            ("id", .symbol(card.id)),
            ("soort", .symbol(card.kind.name)),
            ("titel", .text(card.title)),
            ("bron", .text(card.source)),
            ("samenvatting", .text(card.summary ?? "")),
            ("onderdelen", .list(card.parts.map { .symbol($0.id) })),
        ]
        switch card.kind {
        case .staalkaart(let law):
            fields += [("afkorting", .text(law.abbreviation)), ("wettekst", .text(law.lawURL))]
        case .koerskaart(let koers):
            fields += [("onderwerp", .text(koers.subject)), ("sjabloon", .bool(koers.isTemplate))]
        case .kaart(let theme):
            fields += [("thema", .symbol(theme))]
        case .indicator(let indicator):
            fields += [
                ("naam", .text(indicator.name)), ("omschrijving", .text(indicator.description)),
                ("eenheid", .text(indicator.unit)), ("wet", .list(indicator.laws.map { .symbol($0) })),
                ("bbv", .bool(indicator.isBBV)), ("richting", .symbol(indicator.direction ?? "")),
                ("thema", .text(indicator.theme ?? "")),
            ]
        case .gebieden(let gebieden):
            fields += [("gebieden", .list(gebieden.map { .symbol($0.code) }))]
        case .waardemodel, .werkbladsjabloon, .criteria, .adviesproces, .analyseregels:
            break
        }
        return Record(kind: card.kind.name, fields: fields)
    }

    static func files(matching pattern: String, call: Builtin.Call) throws(Diagnostic) -> [String] {
        guard !pattern.isEmpty else { throw call.error("het patroon is leeg", hint: "bijvoorbeeld \"voorstellen/*.txt\"", argument: 0) }
        var result = glob_t()
        defer { globfree(&result) }
        let status = glob(pattern, 0, nil, &result)
        if status == GLOB_NOMATCH { return [] }
        guard status == 0 else {
            throw call.error("kan de bestanden bij `\(pattern)` niet lezen", hint: "controleer de map en je leesrechten", argument: 0)
        }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let pointer = result.gl_pathv[i] { paths.append(String(cString: pointer)) }
        }
        return paths.sorted()
    }
}
