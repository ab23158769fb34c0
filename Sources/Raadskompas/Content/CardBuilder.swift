import KompasDSL

/// Builds typed cards from nodes that passed validation. Because validation ran first, a missing
/// field here can only mean a validation error was already reported; the builder then falls back to
/// an empty value instead of trapping.
enum CardBuilder {
    static func card(from node: Node) -> Card? {
        let id = node.argumentValue(0)?.stringValue ?? ""
        let kind: Card.Kind
        switch node.name {
        case "staalkaart":
            kind = .staalkaart(Staalkaart(abbreviation: text(node, "afkorting"), lawURL: text(node, "wettekst")))
        case "koerskaart":
            kind = .koerskaart(Koerskaart(subject: text(node, "onderwerp"), isTemplate: bool(node, "sjabloon")))
        case "waardemodel": kind = .waardemodel
        case "werkbladsjabloon": kind = .werkbladsjabloon
        case "criteria": kind = .criteria
        case "kaart": kind = .kaart(theme: text(node, "thema"))
        case "adviesproces": kind = .adviesproces
        case "analyseregels": kind = .analyseregels(AnalysisRules(node: node))
        case "gebieden": kind = .gebieden(gebieden(node))
        case "indicator":
            let laws: [String]
            if case .list(let items)? = value(node, "wet") { laws = items.compactMap(\.stringValue) } else { laws = [] }
            kind = .indicator(Indicator(
                name: text(node, "naam"), description: text(node, "omschrijving"), unit: text(node, "eenheid"),
                source: text(node, "bron"), laws: laws, isBBV: bool(node, "bbv"),
                direction: value(node, "richting")?.stringValue, theme: value(node, "thema")?.stringValue))
        default:
            return nil
        }
        let title = node.name == "indicator" ? text(node, "naam") : text(node, "titel")
        return Card(id: id, kind: kind, title: title, source: text(node, "bron"),
                    summary: value(node, "samenvatting")?.stringValue, blocks: blocks(node), span: node.span)
    }

    /// The entries of a `gebieden` card: `gemeente GM0034 "Almere" provincie=PV24`, …
    static func gebieden(_ node: Node) -> [Gebied] {
        node.children.compactMap { child -> Gebied? in
            guard let soort = Gebied.Soort(rawValue: child.name), child.arguments.count >= 2,
                  let code = child.arguments[0].value.stringValue, let naam = child.arguments[1].value.stringValue else { return nil }
            let binnen = value(child, "provincie")?.stringValue ?? value(child, "gemeente")?.stringValue
            var opgeheven: (Int, [String])?
            if soort == .opgeheven, case .list(let items)? = value(child, "in") {
                var jaar = 0
                if case .number(let n)? = value(child, "jaar") { jaar = Int(n) }
                opgeheven = (jaar, items.compactMap(\.stringValue).map(Gebieden.normalizedCode))
            }
            var ook: [String] = []
            if case .list(let items)? = value(child, "ook") { ook = items.compactMap(\.stringValue) }
            return Gebied(code: Gebieden.normalizedCode(code), naam: naam, soort: soort, label: value(child, "label")?.stringValue,
                          binnen: binnen.map(Gebieden.normalizedCode), opgeheven: opgeheven, ook: ook)
        }
    }

    /// A field given as `veld "…"` child or `veld="…"` property.
    static func value(_ node: Node, _ name: String) -> Value? {
        if let property = node.property(name) { return property.value }
        for child in node.children where child.name == name && child.argumentCount == 1 && !child.hasBlock {
            return child.argumentValue(0)
        }
        return nil
    }

    static func text(_ node: Node, _ name: String) -> String {
        value(node, name)?.stringValue ?? ""
    }

    static func bool(_ node: Node, _ name: String) -> Bool {
        if case .bool(let b)? = value(node, name) { return b }
        return false
    }

    static func argument(_ node: Node, _ index: Int) -> Value? {
        node.argumentValue(index)
    }

    static func argumentText(_ node: Node, _ index: Int) -> String {
        argument(node, index)?.stringValue ?? ""
    }

    static func argumentInt(_ node: Node, _ index: Int) -> Int {
        if case .number(let n)? = argument(node, index), n.isFinite, abs(n) < 1e9 { return Int(n) }
        return 0
    }

    static func texts(_ node: Node, _ name: String) -> [String] {
        node.children.filter { $0.name == name }.map { argumentText($0, 0) }
    }

    /// The body blocks of a node, in source order; field children are skipped.
    static func blocks(_ node: Node) -> [Block] {
        // One allocation of the right size (at most one block per child), not a growing array.
        var result: [Block] = []
        result.reserveCapacity(node.children.count)
        for child in node.children {
            if let block = block(child) { result.append(block) }
        }
        return result
    }

    static func block(_ node: Node) -> Block? {
        switch node.name {
        case "tekst": return .text(argumentText(node, 0))
        case "punt":
            let number: Int? = value(node, "nummer").flatMap { if case .number(let n) = $0, n.isFinite, abs(n) < 1e9 { Int(n) } else { nil } }
            return .bullet(argumentText(node, 0), number: number, sub: blocks(node))
        case "vraag": return .question(argumentText(node, 0))
        case "tip": return .tip(argumentText(node, 0))
        case "voorbeeld":
            if node.children.contains(where: { $0.name == "waarde" }) { return nil } // a koppeltabel example
            return .example(title: argumentText(node, 0), source: value(node, "bron")?.stringValue, blocks: blocks(node))
        case "link": return .link(url: argumentText(node, 0), title: text(node, "titel"))
        case "zie": return .reference(target: argumentText(node, 0), note: argument(node, 1)?.stringValue)
        case "tabel":
            var columns: [String] = []
            if case .list(let items)? = value(node, "kolommen") { columns = items.map(\.displayText) }
            let rows: [[String]] = node.children.filter { $0.name == "rij" }.map { row in
                if case .list(let cells)? = argument(row, 0) { return cells.map(\.displayText) }
                return []
            }
            return .table(title: argument(node, 0)?.stringValue, columns: columns, rows: rows)
        case "sectie": return .section(id: argumentText(node, 0), title: argumentText(node, 1), blocks: blocks(node))
        case "pagina": return .page(number: argumentInt(node, 0), title: argumentText(node, 1), blocks: blocks(node))
        case "kernwaarde":
            return .coreValue(id: argumentText(node, 0), name: argumentText(node, 1), meaning: text(node, "betekenis"),
                              demand: texts(node, "vraag"), supply: texts(node, "aanbod"),
                              blocks: blocks(node).filter { if case .question = $0 { false } else { true } })
        case "stap":
            func side(_ name: String) -> Block.Worksheet {
                guard let part = node.children.first(where: { $0.name == name }) else { return Block.Worksheet(prompts: [], blocks: []) }
                return Block.Worksheet(prompts: texts(part, "noteer"), blocks: blocks(part))
            }
            let number: Int = value(node, "nummer").flatMap { if case .number(let n) = $0, n.isFinite, abs(n) < 1e9 { Int(n) } else { nil } } ?? 0
            return .step(id: argumentText(node, 0), number: number, title: argumentText(node, 1), explanation: text(node, "uitleg"),
                         alone: side("zelf"), together: side("samen"), blocks: blocks(node))
        case "koppeltabel":
            let examples = node.children.filter { $0.name == "voorbeeld" }.map {
                Block.LinkExample(title: argumentText($0, 0), value: text($0, "waarde"), principle: text($0, "principe"),
                                  rationale: text($0, "onderbouwing"), result: text($0, "resultaat"))
            }
            return .linkTable(explanation: text(node, "uitleg"), examples: examples)
        case "criterium":
            return .criterion(letter: argumentText(node, 0), title: argumentText(node, 1), explanation: value(node, "uitleg")?.stringValue,
                              questions: texts(node, "vraag"),
                              blocks: blocks(node).filter { if case .question = $0 { false } else { true } })
        case "soort": return .adviceKind(id: argumentText(node, 0), name: argumentText(node, 1), blocks: blocks(node))
        case "fase": return .phase(id: argumentText(node, 0), name: argumentText(node, 1), who: value(node, "wie")?.stringValue, blocks: blocks(node))
        case "trede": return .rung(number: argumentInt(node, 0), name: argumentText(node, 1), blocks: blocks(node))
        case "noteer", "zelf", "samen", "regel", "drempel", "ontbreekt", "jargon": return nil // read by their parent
        default: return nil // fields
        }
    }
}
