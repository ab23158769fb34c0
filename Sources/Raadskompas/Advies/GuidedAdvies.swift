import Foundation
import GRDB
import KompasDSL

/// `advies nieuw` and `reactie ID` in the shell: ask for an advies (or the college's reactie) one
/// question at a time. The advies is stored as soon as it has a raad, soort, onderwerp and id;
/// every later answer and every aanbeveling is stored on Enter, so Ctrl-C loses nothing typed.
struct GuidedAdvies {
    let style: TextStyle
    let conversation: Conversation
    let today: DateValue
    /// Runs a database step; a failure is reported as a diagnostic.
    let write: (_ body: (Database) throws -> Void) throws(Diagnostic) -> Void
    /// What `?` at the question for the soort shows: each soort with what it means, from the
    /// content (`soort` in `Content/adviesraad.kompas`).
    var soortHelp = ""
    /// What `?` at the question for the wetten shows: each wet with its name, from the staalkaarten.
    var wettenHelp = ""

    static func wettenHelp(from library: ContentLibrary) -> String {
        let laws = library.cards(ofKind: "staalkaart").map { "  \($0.id) — \($0.title)" }
        guard !laws.isEmpty else { return "" }
        return "De wetten waar het advies over gaat, met komma's ertussen (Enter: geen):\n" + laws.joined(separator: "\n")
    }

    /// Each soort advies in one line, from the adviesproces card: `voorkant — Meedenken aan de
    /// voorkant: de adviesraad geeft al vroeg mondeling input …` (the first sentence of its text).
    static func soortHelp(from library: ContentLibrary) -> String {
        var lines: [String] = []
        for card in library.cards(ofKind: "adviesproces") {
            for case .adviceKind(let id, let name, let blocks) in card.blocks {
                let text = blocks.lazy.compactMap { block -> String? in
                    if case .text(let t) = block { return t }
                    return nil
                }.first ?? ""
                let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let sentence = flat.range(of: ". ").map { String(flat[..<$0.lowerBound]) + "." } ?? flat
                lines.append("  \(id) — \(name): \(sentence)")
            }
        }
        guard !lines.isEmpty else { return "" }
        return "Soorten advies (meer: `toon adviesraad`):\n" + lines.joined(separator: "\n")
    }

    /// `2026-03-10`, `10-03-2026`, `10-3-2026` or `10 maart 2026`.
    static func date(_ text: String) -> DateValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "/" }).map(String.init)
        guard parts.count == 3 else { return nil }
        if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) { return DateValue(year: y, month: m, day: d) }
        guard let d = Int(parts[0]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
        let month = Int(parts[1]) ?? DateValue.monthNames.firstIndex(of: parts[1]).map { $0 + 1 }
        return month.flatMap { DateValue(year: y, month: $0, day: d) }
    }

    private func stopped(_ what: String) {
        conversation.say("Gestopt. \(what)\n")
    }

    enum Answer<T> {
        case given(T)
        case stopped
    }

    /// Asks until the answer passes `parse` (which returns nil for a bad answer). `?` shows `help`
    /// and asks again: it is never an answer.
    private func ask<T>(_ prompt: String, again: String, help: String = "", _ parse: (String) -> T?) -> Answer<T> {
        ask(prompt, again: { _ in again }, help: help, parse)
    }

    private func ask<T>(_ prompt: String, again: (String) -> String, help: String = "", _ parse: (String) -> T?) -> Answer<T> {
        while true {
            guard let answer = conversation.ask(prompt) else { return .stopped }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            if trimmed == "?" {
                conversation.say((help.isEmpty ? "Typ je antwoord en druk op Enter; Ctrl-C stopt (wat bewaard is, blijft)." : help) + "\n")
                continue
            }
            if let value = parse(trimmed) { return .given(value) }
            let message = again(trimmed)
            if !message.isEmpty { conversation.say(message + "\n") }
        }
    }

    // MARK: - advies nieuw

    func newAdvies(raden: [Adviesraad], existing: Set<String>, laws: [String], voorstellen: [String] = []) throws(Diagnostic) {
        conversation.say(style.heading("Nieuw advies") + "\n" + style.dim("Elk antwoord wordt bewaard zodra je op Enter drukt. Ctrl-C: stoppen (wat bewaard is, blijft).") + "\n")
        let raad: Adviesraad
        if raden.count == 1 {
            raad = raden[0]
            conversation.say("Adviesraad: \(raad.naam) (\(raad.id))\n")
        } else {
            let ids = raden.map(\.id)
            guard case .given(let chosen) = ask("adviesraad (\(ids.joined(separator: ", ")))> ", again: "Kies een van: \(ids.joined(separator: ", ")).", { a in raden.first { $0.id == a } })
            else { return stopped("Er is nog niets bewaard.") }
            raad = chosen
        }
        guard case .given(let soort) = ask("soort (voorkant, gevraagd, ongevraagd, signaal)> ", again: "Typ voorkant, gevraagd, ongevraagd of signaal (? legt ze uit).",
                                           help: soortHelp, { a in
            Advies.soorten.first { !a.isEmpty && $0.hasPrefix(a.lowercased()) }
        }) else { return stopped("Er is nog niets bewaard.") }
        guard case .given(let onderwerp) = ask("onderwerp> ", again: "Schrijf in een paar woorden waar het advies over gaat.", { $0.isEmpty ? nil : $0 })
        else { return stopped("Er is nog niets bewaard.") }
        let suggestion = (1...999).lazy.map { String(format: "adv-%d-%02d", self.today.year, $0) }.first { !existing.contains($0) } ?? "adv-\(today.year)"
        guard case .given(let id) = ask("id (Enter: \(suggestion))> ",
                                        again: "Een id bestaat uit kleine letters (zonder accenten), cijfers en `-`, begint met een letter en is nog niet in gebruik.",
                                        { a -> String? in
            let id = a.isEmpty ? suggestion : a
            return !existing.contains(id) && Validation.isIdentifier(id) ? id : nil
        }) else { return stopped("Er is nog niets bewaard.") }
        var advies = Advies(id: id, raad: raad.id, soort: soort, onderwerp: onderwerp, thema: "", wetten: "", aangevraagd: nil, uitgebracht: nil,
                            reactieOntvangen: nil, bijRaadsstukken: nil, voorstel: nil)
        let first = advies
        try write { db in try first.insert(db) }
        conversation.say(style.dim("✓ advies \(id) bewaard") + "\n")
        let later = "Advies \(id) is bewaard, met wat je tot nu toe invulde; bekijk het met `advies toon \(id)`."

        func update(_ change: (inout Advies) -> Void) throws(Diagnostic) {
            change(&advies)
            let record = advies
            try write { db in try record.update(db) }
        }
        guard case .given(let thema) = ask("thema (Enter: geen)> ", again: "", help: "Het thema van het advies in een paar woorden, bijvoorbeeld ‘armoede’ of ‘jeugd’; Enter: geen thema.", { $0 }) else { return stopped(later) }
        if !thema.isEmpty { try update { $0.thema = thema } }
        guard case .given(let wetten) = ask("wetten, bijvoorbeeld wmo, jeugdwet (Enter: geen)> ", again: "Kies uit: \(laws.joined(separator: ", ")).",
                                            help: wettenHelp, { a -> [String]? in
            let ids = a.lowercased().split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            return ids.allSatisfy(laws.contains) ? ids : nil
        }) else { return stopped(later) }
        if !wetten.isEmpty { try update { $0.wetten = wetten.joined(separator: ",") } }
        let dates: [(String, WritableKeyPath<Advies, String?>)] = [("aangevraagd op", \.aangevraagd), ("uitgebracht op", \.uitgebracht),
                                                                  ("bij de raadsstukken op", \.bijRaadsstukken)]
        var asked: DateValue?
        for (label, key) in dates {
            // Uitgebracht cannot come before aangevraagd: one of the two would be a typo.
            let earliest = label == "uitgebracht op" ? asked : nil
            guard case .given(let date) = ask("\(label) (bijv. 10-03-2026, Enter: onbekend)> ", again: { given in
                if let earliest, let typed = GuidedAdvies.date(given), typed < earliest {
                    return "Het advies kan niet zijn uitgebracht vóór het werd aangevraagd (\(earliest.dutch)). Typ de datum opnieuw, of druk op Enter."
                }
                return "Dat is geen datum. Typ bijvoorbeeld 10-03-2026, of druk op Enter."
            },
                                              help: "De datum waarop het advies \(label == "aangevraagd op" ? "werd aangevraagd" : label == "uitgebracht op" ? "werd uitgebracht" : "bij de raadsstukken kwam"), "
                                                  + "bijvoorbeeld 10-03-2026 of 10 maart 2026; Enter als je het niet weet. Met de datum van uitbrengen rekent Raadskompas de reactietermijn uit.",
                                              { a -> DateValue?? in
                if a.isEmpty { return DateValue?.none }
                guard let date = GuidedAdvies.date(a) else { return nil }
                if let earliest, date < earliest { return nil }
                return DateValue?.some(date)
            }) else { return stopped(later) }
            if let date {
                try update { $0[keyPath: key] = date.description }
                if label == "aangevraagd op" { asked = date }
            }
        }
        guard case .given(let voorstel) = ask("hoort bij raadsvoorstel (id, Enter: geen)> ", again: { given in
            "Er is geen raadsvoorstel `\(given)`." + (Suggestion.hint(for: given, in: voorstellen).map { " \($0.prefix(1).uppercased() + $0.dropFirst())" } ?? "")
                + " Typ de id uit `voorstel lijst`, of druk op Enter."
        }, help: "De id van het raadsvoorstel waar dit advies bij hoort (zie `voorstel lijst`); Enter als het bij geen voorstel hoort.", { a -> String? in
            if a.isEmpty { return "" }
            return voorstellen.first { $0.lowercased() == a.lowercased() }
        }) else { return stopped(later) }
        if !voorstel.isEmpty { try update { $0.voorstel = voorstel } }
        conversation.say("Aanbevelingen, één per regel; een lege regel sluit af.\n")
        var number = 0
        while true {
            guard let text = conversation.ask("aanbeveling \(number + 1)> ") else { return stopped(later) }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { break }
            if trimmed == "?" {
                conversation.say("Schrijf de aanbeveling zoals de adviesraad haar formuleerde, op één regel; een lege regel sluit af.\n")
                continue
            }
            number += 1
            let aanbeveling = Aanbeveling(adviesId: id, nummer: number, tekst: trimmed, reactie: nil, motivering: "")
            try write { db in try aanbeveling.insert(db) }
        }
        let status = Termijn.describe(Termijn.status(advies, weeks: raad.reactietermijn, today: today))
        conversation.say("\nAdvies \(id) bewaard met \(number) \(number == 1 ? "aanbeveling" : "aanbevelingen"); \(status).\n"
                         + "Leg de reactie van het college vast met `reactie \(id)`; koppel een aanbeveling aan een indicator met `koppel aanbeveling \(id) 1 indicator=… richting=omlaag`.\n")
    }

    // MARK: - reactie ID

    func reactie(_ advies: Advies, aanbevelingen: [Aanbeveling]) throws(Diagnostic) {
        conversation.say(style.heading("Reactie van het college op \(advies.id): \(advies.onderwerp)") + "\n"
                         + style.dim("Per aanbeveling: o (overgenomen), d (deels) of n (niet overgenomen), dan de motivering. Enter houdt wat er al staat.") + "\n")
        let defaultDate = advies.reactieOntvangen.flatMap(Termijn.parse) ?? today
        let issued = advies.uitgebracht.flatMap(Termijn.parse)
        let id = advies.id
        // Stopped halfway last time (a date, some aanbevelingen answered): go on at the first
        // aanbeveling without a reactie. Once all have one, `reactie ID` goes over them all again.
        let answered = aanbevelingen.filter { $0.reactie != nil }.count
        if let saved = advies.reactieOntvangen.flatMap(Termijn.parse), answered > 0, answered < aanbevelingen.count {
            let todo = aanbevelingen.filter { $0.reactie == nil }
            conversation.say("Je gaat verder bij aanbeveling \(todo[0].nummer) (datum van de reactie: \(saved.dutch); \(answered) van de \(aanbevelingen.count) aanbevelingen hebben al een reactie).\n")
            try answerAanbevelingen(todo, advies: id)
            return
        }
        guard case .given(let date) = ask("datum van de reactie (Enter: \(defaultDate.dutch))> ", again: { given in
            if let date = GuidedAdvies.date(given), let issued, date < issued {
                return "De reactie kan niet van vóór het advies zijn (uitgebracht \(issued.dutch)). Typ een latere datum."
            }
            return "Dat is geen datum. Typ bijvoorbeeld 10-03-2026."
        }, help: "De datum waarop de reactie van het college kwam, bijvoorbeeld 10-03-2026 of 10 maart 2026.", { a -> DateValue? in
            guard let date = a.isEmpty ? defaultDate : GuidedAdvies.date(a) else { return nil }
            if let issued, date < issued { return nil }
            return date
        }) else { return stopped("Er is niets veranderd.") }
        try write { db in try db.execute(sql: "UPDATE advies SET reactieOntvangen = ? WHERE id = ?", arguments: [date.description, id]) }
        try answerAanbevelingen(aanbevelingen, advies: id)
    }

    /// Asks the reactie and motivering of each aanbeveling in turn; each answer is stored on Enter.
    private func answerAanbevelingen(_ aanbevelingen: [Aanbeveling], advies id: String) throws(Diagnostic) {
        for var aanbeveling in aanbevelingen {
            var lines = [""] + TextLayout.wrap(aanbeveling.tekst, width: style.width, first: style.bold("\(aanbeveling.nummer). "), rest: "   ")
            if let current = aanbeveling.reactie { lines.append(style.dim("   nu: \(current == "niet" ? "niet overgenomen" : current)" + (aanbeveling.motivering.isEmpty ? "" : ": \(aanbeveling.motivering)"))) }
            conversation.say(lines.joined(separator: "\n") + "\n")
            guard case .given(let choice) = ask("reactie (o/d/n)> ", again: "Typ o (overgenomen), d (deels) of n (niet overgenomen).",
                                                help: "Wat het college met deze aanbeveling doet: o = overgenomen (het college neemt haar over), "
                                                    + "d = deels (een deel wel, een deel niet), n = niet overgenomen. Daarna vraag ik de motivering uit de reactie. "
                                                    + "Enter houdt wat er al staat.", { a -> String?? in
                switch a.lowercased() {
                case "": aanbeveling.reactie == nil ? nil : String?.none
                case "o", "overgenomen": "overgenomen"
                case "d", "deels": "deels"
                case "n", "niet", "niet overgenomen": "niet"
                default: nil
                }
            }) else { return stopped("De reacties tot nu toe zijn bewaard; ga verder met `reactie \(id)`.") }
            // The choice counts now, before its motivering.
            if let choice, choice != aanbeveling.reactie {
                aanbeveling.reactie = choice
                let record = aanbeveling
                try write { db in try record.update(db) }
                conversation.say(style.dim("✓ reactie bewaard") + "\n")
            }
            guard case .given(let motivering) = ask(aanbeveling.motivering.isEmpty ? "motivering> " : "motivering (Enter: houden)> ", again: "",
                                                    help: "Waarom het college de aanbeveling (niet) overneemt, in een zin; Enter laat de motivering zoals ze is.", { $0 })
            else { return stopped("De reacties tot nu toe zijn bewaard; ga verder met `reactie \(id)`.") }
            if !motivering.isEmpty, motivering != aanbeveling.motivering {
                aanbeveling.motivering = motivering
                let record = aanbeveling
                try write { db in try record.update(db) }
                conversation.say(style.dim("✓ motivering bewaard") + "\n")
            }
        }
        conversation.say("\nKlaar. Bekijk het advies met `advies toon \(id)`.\n")
    }
}
