import KompasDSL

/// Raadsvoorstellen and their beoordelingen as terminal text.
struct VoorstelTextRenderer {
    let style: TextStyle

    /// `2026-03-12` as a raadslid reads it, `12 maart 2026`; anything else as stored.
    static func dutchDate(_ iso: String) -> String {
        Termijn.parse(iso)?.dutch ?? iso
    }

    /// `voorstel lijst`; the ids in `withoutAdvies` get the kerndomein flag.
    func list(_ all: [Voorstel], withoutAdvies: Set<String>) -> String {
        guard !all.isEmpty else {
            return "Er zijn nog geen raadsvoorstellen. Lees er een in met: voorstel importeer \"voorstel.pdf\" id=rv-2026-001\n"
        }
        var out = [style.bold("Raadsvoorstellen") + style.dim(" (\(all.count))")]
        for voorstel in all {
            let details = [voorstel.datum.map(VoorstelTextRenderer.dutchDate), voorstel.gemeente.isEmpty ? nil : voorstel.gemeente].compactMap { $0 }.joined(separator: ", ")
            out += TextLayout.wrap("\(voorstel.titel)" + (details.isEmpty ? "" : style.dim("  (\(details))")), width: style.width,
                                   first: "  " + style.accent(voorstel.id) + "  ", rest: "    ")
            if withoutAdvies.contains(voorstel.id) { out.append("    " + style.bold("⚑ kerndomein sociaal domein, maar geen advies van de adviesraad")) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `voorstel toon`: the details, the kerndomein flag, and the text with line numbers.
    func show(_ voorstel: Voorstel, withoutAdvies: Bool) -> String {
        var out = [style.heading(voorstel.titel) + "  " + style.dim("[\(voorstel.id)]")]
        let details = [voorstel.registratienummer.isEmpty ? nil : "nr. \(voorstel.registratienummer)",
                       voorstel.datum.map { "datum \(VoorstelTextRenderer.dutchDate($0))" }, voorstel.gemeente.isEmpty ? nil : "gemeente \(voorstel.gemeente)",
                       voorstel.portefeuille.isEmpty ? nil : "portefeuille \(voorstel.portefeuille)",
                       voorstel.wettenLijst.isEmpty ? nil : "wetten \(voorstel.wettenLijst.joined(separator: ", "))"].compactMap { $0 }
        if !details.isEmpty { out.append(style.dim(details.joined(separator: " · "))) }
        if withoutAdvies {
            out += TextLayout.wrap("⚑ Dit voorstel valt in het kerndomein van de adviesraad sociaal domein, maar er is geen advies aan gekoppeld. "
                                   + "Vraag het college waarom niet, of leg het advies vast met `advies ID … voorstel=\(voorstel.id)`.", width: style.width).map(style.bold)
        }
        out.append("")
        let lines = voorstel.tekst.split(separator: "\n", omittingEmptySubsequences: false)
        let width = String(lines.count).count
        for (i, line) in lines.enumerated() {
            let number = String(i + 1)
            out.append(style.dim(String(repeating: " ", count: width - number.count) + number + " │ ") + line)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `beoordelingen`: every beoordelaar's scores side by side, with the differences marked.
    func sideBySide(_ voorstel: Voorstel, _ judgements: [Beoordeling], _ criteria: [GuidedReview.Criterion]) -> String {
        guard !judgements.isEmpty else { return "Voorstel \(voorstel.id) is nog niet beoordeeld. Begin met `beoordeel \(voorstel.id)`.\n" }
        var reviewers: [String] = []
        for judgement in judgements where !reviewers.contains(judgement.beoordelaar) { reviewers.append(judgement.beoordelaar) }
        let columnWidth = max(12, reviewers.map(\.count).max() ?? 0) + 2
        var out = [style.bold("Beoordelingen van \(voorstel.id): \(voorstel.titel)"), ""]
        out.append("    " + reviewers.map { $0.padded(to: columnWidth) }.joined())
        for criterion in criteria {
            let row = reviewers.map { reviewer in judgements.first { $0.beoordelaar == reviewer && $0.criterium == criterion.letter } }
            let scores = row.compactMap { $0?.score }
            let differs = (scores.max() ?? 0) - (scores.min() ?? 0) >= 2
            let cells = row.map { judgement -> String in
                let cell = (judgement?.label ?? "—").padded(to: columnWidth)
                switch judgement?.nvt == true ? nil : judgement?.score {
                case 2, 3: return style.good(cell)
                case 1: return style.partly(cell)
                case 0: return style.bad(cell)
                default: return style.dim(cell)
                }
            }.joined()
            out.append("  \(criterion.letter) " + cells + (differs ? style.accent("  ← verschil van \((scores.max() ?? 0) - (scores.min() ?? 0)) punten") : ""))
        }
        let notes = judgements.filter { !$0.toelichting.isEmpty }
        if !notes.isEmpty {
            out.append("")
            for note in notes {
                out += TextLayout.wrap(note.toelichting, width: style.width, first: "  \(note.criterium) " + style.dim("(\(note.beoordelaar)): "), rest: "      ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `vragen`: technical questions for every criterion that scored below voldoende.
    func questions(_ voorstel: Voorstel, _ judgements: [Beoordeling], _ criteria: [GuidedReview.Criterion]) -> String {
        let weak = criteria.filter { criterion in
            judgements.contains { $0.criterium == criterion.letter && !$0.nvt && ($0.score ?? 3) < 2 }
        }
        guard !weak.isEmpty else {
            return judgements.isEmpty ? "Voorstel \(voorstel.id) is nog niet beoordeeld; vragen volgen uit de scores.\n"
                                      : "Geen criterium scoort onder voldoende: er zijn geen vragen nodig.\n"
        }
        var out = ["Technische vragen over \(voorstel.id) ‘\(voorstel.titel)’", ""]
        var number = 1
        for criterion in weak {
            out.append("\(criterion.letter). \(criterion.title)")
            for question in criterion.questions {
                out += TextLayout.wrap(question, width: style.width, first: "  \(number). ", rest: "     ")
                number += 1
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
