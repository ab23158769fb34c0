/// Renders cards and their parts as text for the terminal.
public struct CardTextRenderer: Sendable {
    public var style: TextStyle
    /// Titles of cards, to show where a `zie` leads.
    let titles: @Sendable (String) -> String?

    public init(style: TextStyle, library: ContentLibrary) {
        self.style = style
        self.titles = { [library] address in library.title(of: address) }
    }

    /// Rendered text, and the addresses of the references in it, numbered [1], [2], … in order.
    public struct Rendered: Sendable {
        public let text: String
        public let references: [String]
    }

    public func render(_ card: Card) -> Rendered {
        var refs: [String] = []
        var out: [String] = []
        var heading = card.title
        if case .staalkaart(let law) = card.kind, !law.abbreviation.isEmpty, law.abbreviation != card.title {
            heading += " (\(law.abbreviation))"
        }
        out.append(style.heading(heading) + "  " + style.dim("[\(card.kind.name) \(card.id)]"))
        out.append(style.dim(String(repeating: "═", count: min(style.width, heading.count))))
        if let summary = card.summary {
            out += TextLayout.wrap(summary, width: style.width)
        }
        switch card.kind {
        case .staalkaart(let law):
            out.append(style.dim("Wettekst: ") + law.lawURL)
        case .koerskaart(let koers):
            out.append(style.dim("Onderwerp: ") + koers.subject + (koers.isTemplate ? " (sjabloon)" : ""))
        case .kaart(let theme):
            out.append(style.dim("Thema: ") + theme)
        case .indicator(let indicator):
            out += TextLayout.wrap(indicator.description, width: style.width)
            out.append(style.dim("Eenheid: ") + indicator.unit)
            out.append(style.dim("Wet: ") + (indicator.laws.isEmpty ? "geen specifieke wet" : indicator.laws.joined(separator: ", ")))
            out.append(style.dim("BBV-beleidsindicator: ") + (indicator.isBBV ? "ja" : "nee"))
            if let direction = indicator.direction { out.append(style.dim("Richting: ") + direction.replacingDashes) }
            if let theme = indicator.theme { out.append(style.dim("Thema: ") + theme) }
        case .gebieden(let gebieden):
            let counts = Gebied.Soort.allCases.compactMap { soort -> String? in
                let n = gebieden.filter { $0.soort == soort }.count
                guard n > 0 else { return nil }
                let word: String = switch soort {
                case .land: n == 1 ? "land" : "landen"
                case .provincie: n == 1 ? "provincie" : "provincies"
                case .gemeente: n == 1 ? "gemeente" : "gemeenten"
                case .opgeheven: n == 1 ? "opgeheven gemeente" : "opgeheven gemeenten"
                case .wijk: n == 1 ? "wijk" : "wijken"
                case .buurt: n == 1 ? "buurt" : "buurten"
                case .regio: n == 1 ? "regio" : "regio's"
                }
                return "\(n) \(word)"
            }
            out += TextLayout.wrap(counts.joined(separator: ", ") + ". Zoek er een op met `gebied \"naam of code\"`.", width: style.width)
        default:
            break
        }
        out += blocks(card.blocks, indent: "", path: [card.id], refs: &refs)
        out.append("")
        out += TextLayout.wrap(card.source, width: style.width, first: style.dim("Bron: "), rest: "      ")
        return Rendered(text: out.joined(separator: "\n") + "\n", references: refs)
    }

    public func render(_ part: Card.Part, of card: Card) -> Rendered {
        var refs: [String] = []
        var out: [String] = [style.dim("\(card.title) ›")]
        out += blocks([part.block], indent: "", path: [card.id] + part.path.dropLast(), refs: &refs)
        out.append("")
        out += TextLayout.wrap(card.source, width: style.width, first: style.dim("Bron: "), rest: "      ")
        return Rendered(text: out.joined(separator: "\n") + "\n", references: refs)
    }

    /// Loose blocks (tips, examples, questions of one part of a card).
    public func renderBlocks(_ blocks: [Block]) -> String {
        var refs: [String] = []
        return self.blocks(blocks, indent: "", path: [], refs: &refs).joined(separator: "\n") + "\n"
    }

    /// A heading with its address (`[wmo.doelen]`) beside it when that fits, else below it.
    private func headingLines(_ title: String, address: String, indent: String, underline: Character) -> [String] {
        let tag = "[\(address)]"
        var lines = [""]
        if indent.count + title.count + 2 + tag.count <= style.width {
            lines.append(indent + style.bold(title) + "  " + style.dim(tag))
        } else {
            lines += TextLayout.wrap(title, width: style.width, first: indent, rest: indent).map { style.bold($0) }
            lines.append(indent + style.dim(tag))
        }
        let longest = min(title.count, style.width - indent.count)
        lines.append(indent + style.dim(String(repeating: underline, count: longest)))
        return lines
    }

    private func blocks(_ blocks: [Block], indent: String, path: [String], refs: inout [String]) -> [String] {
        var out: [String] = []
        let width = style.width
        for block in blocks {
            switch block {
            case .text(let text):
                out.append("")
                out += TextLayout.wrap(text, width: width, first: indent, rest: indent)
            case .bullet(let text, let number, let sub):
                let marker = number.map { "\($0). " } ?? "• "
                out += TextLayout.wrap(text, width: width, first: indent + marker, rest: indent + String(repeating: " ", count: marker.count))
                out += self.blocks(sub, indent: indent + "   ", path: path, refs: &refs)
            case .question(let text):
                out += TextLayout.wrap(text, width: width, first: indent + style.accent("? "), rest: indent + "  ")
            case .tip(let text):
                out += TextLayout.wrap(text, width: width, first: indent + style.bold("Tip: "), rest: indent + "     ")
            case .example(let title, let source, let inner):
                out.append("")
                out += TextLayout.wrap(title, width: width, first: indent + style.bold("Voorbeeld: "), rest: indent + "           ")
                out += self.blocks(inner, indent: indent + "  ", path: path, refs: &refs)
                if let source { out += TextLayout.wrap(style.dim("(bron: \(source))"), width: width, first: indent + "  ", rest: indent + "  ") }
            case .link(let url, let title):
                out += TextLayout.wrap(title, width: width, first: indent + "↗ ", rest: indent + "  ")
                out.append(indent + "  " + style.dim(url))
            case .reference(let target, let note):
                refs.append(target)
                let title = titles(target).map { " — \($0)" } ?? ""
                let number = "[\(refs.count)] "
                out += TextLayout.wrap("zie \(target)\(title)" + (note.map { ": \($0)" } ?? ""), width: width,
                                       first: indent + "→ " + style.accent(number), rest: indent + String(repeating: " ", count: 2 + number.count))
            case .table(let title, let columns, let rows):
                out.append("")
                if let title { out.append(indent + style.bold(title)) }
                out += table(columns: columns, rows: rows, indent: indent)
            case .section(let id, let title, let inner):
                let address = (path + [id]).joined(separator: ".")
                out += headingLines(title, address: address, indent: indent, underline: path.count <= 1 ? "─" : "·")
                out += self.blocks(inner, indent: indent, path: path + [id], refs: &refs)
            case .page(let number, let title, let inner):
                out += headingLines("Pagina \(number): \(title)", address: (path + [String(number)]).joined(separator: "."), indent: indent, underline: "─")
                out += self.blocks(inner, indent: indent, path: path + [String(number)], refs: &refs)
            case .coreValue(let id, let name, let meaning, let demand, let supply, let inner):
                out += headingLines("Kernwaarde: \(name)", address: (path + [id]).joined(separator: "."), indent: indent, underline: "─")
                out += TextLayout.wrap(meaning, width: width, first: indent, rest: indent)
                out.append("")
                out.append(indent + style.bold("Inwoners (vraag)"))
                for q in demand { out += TextLayout.wrap(q, width: width, first: indent + style.accent("? "), rest: indent + "  ") }
                out.append(indent + style.bold("Aanbieders (aanbod)"))
                for q in supply { out += TextLayout.wrap(q, width: width, first: indent + style.accent("? "), rest: indent + "  ") }
                out += self.blocks(inner, indent: indent, path: path + [id], refs: &refs)
            case .step(let id, let number, let title, let explanation, let alone, let together, let inner):
                out += headingLines("Stap \(number): \(title)", address: (path + [id]).joined(separator: "."), indent: indent, underline: "─")
                out += TextLayout.wrap(explanation, width: width, first: indent, rest: indent)
                for (label, side) in [("Wat kun je zelf doen?", alone), ("Wat kun je als raadsleden samen doen?", together)] {
                    out.append("")
                    out.append(indent + style.bold(label))
                    for prompt in side.prompts {
                        out += TextLayout.wrap(prompt, width: width, first: indent + "✎ Noteer: ", rest: indent + "          ")
                    }
                    out += self.blocks(side.blocks, indent: indent + "  ", path: path + [id], refs: &refs)
                }
                out += self.blocks(inner, indent: indent, path: path + [id], refs: &refs)
            case .linkTable(let explanation, let examples):
                out += headingLines("Koppeltabel", address: (path + ["koppeltabel"]).joined(separator: "."), indent: indent, underline: "─")
                out += TextLayout.wrap(explanation, width: width, first: indent, rest: indent)
                for example in examples {
                    out.append("")
                    out.append(indent + style.bold("Voorbeeld: \(example.title)"))
                    for (label, text) in [("Waarde", example.value), ("Leidend principe", example.principle),
                                          ("Onderbouwing", example.rationale), ("Maatschappelijk resultaat", example.result)] {
                        let lead = "\(label): "
                        out += TextLayout.wrap(text, width: width, first: indent + "  " + style.dim(lead), rest: indent + "  " + String(repeating: " ", count: lead.count))
                    }
                }
            case .criterion(let letter, let title, let explanation, let questions, let inner):
                out += headingLines("\(letter). \(title)", address: (path + [letter]).joined(separator: "."), indent: indent, underline: "─")
                if let explanation { out += TextLayout.wrap(explanation, width: width, first: indent, rest: indent) }
                out.append("")
                out.append(indent + style.bold("Kernvragen"))
                for q in questions { out += TextLayout.wrap(q, width: width, first: indent + style.accent("? "), rest: indent + "  ") }
                out += self.blocks(inner, indent: indent, path: path + [letter], refs: &refs)
            case .adviceKind(let id, let name, let inner):
                out += headingLines("Soort advies: \(name)", address: (path + [id]).joined(separator: "."), indent: indent, underline: "─")
                out += self.blocks(inner, indent: indent, path: path + [id], refs: &refs)
            case .phase(let id, let name, let who, let inner):
                out += headingLines("Fase: \(name)", address: (path + [id]).joined(separator: "."), indent: indent, underline: "─")
                if let who { out += TextLayout.wrap(who, width: width, first: indent + style.dim("Wie: "), rest: indent + "     ") }
                out += self.blocks(inner, indent: indent, path: path + [id], refs: &refs)
            case .rung(let number, let name, let inner):
                out += headingLines("Trede \(number): \(name)", address: (path + ["trede-\(number)"]).joined(separator: "."), indent: indent, underline: "─")
                out += self.blocks(inner, indent: indent, path: path + ["trede-\(number)"], refs: &refs)
            }
        }
        return out
    }

    /// A table as aligned columns when it fits the width, otherwise as one block per row.
    private func table(columns: [String], rows: [[String]], indent: String) -> [String] {
        var widths = columns.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        let total = widths.reduce(0, +) + 3 * max(0, widths.count - 1) + indent.count
        if total <= style.width {
            func line(_ cells: [String]) -> String {
                indent + cells.enumerated().map { i, cell in
                    i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
                }.joined(separator: " │ ")
            }
            return [style.bold(line(columns)), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")] + rows.map(line)
        }
        var out: [String] = []
        for row in rows {
            out.append("")
            for (i, cell) in row.enumerated() {
                let label = i < columns.count ? columns[i] : ""
                let lead = i == 0 ? "▪ " : "  "
                out += TextLayout.wrap(cell, width: style.width, first: indent + lead + style.dim(label + ": "),
                                       rest: indent + "    ")
            }
        }
        return out
    }
}

extension String {
    var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
