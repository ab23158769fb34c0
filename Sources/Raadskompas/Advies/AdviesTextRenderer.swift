import KompasDSL

/// Adviesraden and adviezen as terminal text, with the reactietermijn as of `today`.
struct AdviesTextRenderer {
    /// One linked indicator under an aanbeveling, with its trend before and after the advies.
    struct Effect {
        let link: AanbevelingIndicator
        let indicator: IndicatorCatalog.Entry
        let lines: [String]
    }

    let style: TextStyle
    let today: DateValue

    /// `adviesraad lijst`.
    func list(_ raden: [Adviesraad]) -> String {
        guard !raden.isEmpty else { return "Er zijn nog geen adviesraden. Leg er een vast met: adviesraad asd naam=\"…\" reactietermijn=6\n" }
        return raden.map { "  \($0.id)  \($0.naam)" + ($0.reactietermijn.map { " — reactietermijn \($0) weken" } ?? " — geen reactietermijn ingesteld") }
            .joined(separator: "\n") + "\n"
    }

    /// `advies lijst`: every advies with its termijn, then the kerndomein voorstellen without one.
    func list(_ adviezen: [Advies], raden: [Adviesraad], withoutAdvies: [Voorstel]) -> String {
        guard !adviezen.isEmpty else { return "Er zijn nog geen adviezen.\n" }
        var out = [style.bold("Adviezen") + style.dim(" (\(adviezen.count))")]
        for advies in adviezen {
            let status = Termijn.status(advies, weeks: raden.first { $0.id == advies.raad }?.reactietermijn, today: today)
            out += TextLayout.wrap("\(advies.onderwerp) " + style.dim("(\(advies.soort), \(advies.raad))"), width: style.width,
                                   first: "  " + style.accent(advies.id) + "  ", rest: "    ")
            out.append("    " + (status.isLate ? style.bold(Termijn.describe(status)) : style.dim(Termijn.describe(status))))
        }
        if !withoutAdvies.isEmpty {
            out += ["", style.bold("⚑ Raadsvoorstellen in het kerndomein zonder advies")]
            for voorstel in withoutAdvies {
                out += TextLayout.wrap(voorstel.titel + style.dim(voorstel.datum.map { " (\($0))" } ?? ""), width: style.width, first: "  \(voorstel.id)  ", rest: "    ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `advies toon`: the dates, the termijn, every aanbeveling with its reactie and linked indicators.
    func show(_ advies: Advies, raad: Adviesraad?, aanbevelingen: [Aanbeveling], effects: [Effect], voorstelGone: Bool = false) -> String {
        var out = [style.heading(advies.onderwerp) + "  " + style.dim("[\(advies.id)]")]
        out.append(style.dim("\(advies.soort) advies van \(raad?.naam ?? advies.raad)" + (advies.voorstel.map { " · bij voorstel \($0)" } ?? "")))
        // Thema and wetten as they were given (`thema=…`, `wetten=[wmo, jeugdwet]`), when given.
        let wetten = advies.wetten.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let about = (advies.thema.isEmpty ? [] : ["thema: \(advies.thema)"]) + (wetten.isEmpty ? [] : ["\(wetten.count == 1 ? "wet" : "wetten"): \(wetten.joined(separator: ", "))"])
        if !about.isEmpty { out.append("  " + about.joined(separator: " · ")) }
        if voorstelGone, let id = advies.voorstel {
            out.append("  ⚑ voorstel \(id) bestaat niet meer (verwijderd); `geschiedenis \(id)` laat zien wanneer, `ongedaan` of `herstel N` zet het terug")
        }
        for (label, value) in [("aangevraagd", advies.aangevraagd), ("uitgebracht", advies.uitgebracht),
                               ("reactie ontvangen", advies.reactieOntvangen), ("bij de raadsstukken", advies.bijRaadsstukken)] {
            if let value, let date = Termijn.parse(value) { out.append("  \(label): \(date.dutch)") }
        }
        out.append("  " + Termijn.describe(Termijn.status(advies, weeks: raad?.reactietermijn, today: today)))
        out.append("")
        for aanbeveling in aanbevelingen {
            out += TextLayout.wrap(aanbeveling.tekst, width: style.width, first: "  \(aanbeveling.nummer). ", rest: "     ")
            let reactie = aanbeveling.reactie.map { $0 == "niet" ? "niet overgenomen" : $0 } ?? "nog geen reactie"
            out += TextLayout.wrap(reactie + (aanbeveling.motivering.isEmpty ? "" : ": \(aanbeveling.motivering)"), width: style.width,
                                   first: "     → ", rest: "       ").map(style.dim)
            for effect in effects where effect.link.nummer == aanbeveling.nummer {
                out.append("     " + style.accent("◆ \(effect.indicator.naam)") + style.dim(" — verwacht \(effect.link.richting)" + (effect.link.horizon.map { " in \($0)" } ?? "")))
                for line in effect.lines { out += TextLayout.wrap(line, width: style.width, first: "       ", rest: "         ") }
            }
        }
        if !aanbevelingen.isEmpty {
            let adopted = aanbevelingen.filter { $0.reactie == "overgenomen" }.count
            out.append("")
            out.append("\(adopted) van \(aanbevelingen.count) aanbevelingen overgenomen, \(aanbevelingen.filter { $0.reactie == "deels" }.count) deels.")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension Termijn.Status {
    /// Whether the reactie is (or came) too late.
    var isLate: Bool {
        switch self {
        case .teLaat, .laatBeantwoord: true
        default: false
        }
    }
}
