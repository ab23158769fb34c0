import Foundation
import GRDB
import KompasDSL

/// A conversation with the user: the shell provides one, tests script one.
public protocol Conversation: AnyObject {
    func say(_ text: String)
    /// The answer, or nil when the user breaks off (Ctrl-C, Ctrl-D).
    func ask(_ prompt: String) -> String?
}

/// `werkblad invullen "NAAM"`: walks the four steps, zelf and samen, with the prompts, tips and
/// examples of the visie card. Every answer is stored the moment Enter is pressed; the position is
/// stored at every turn, so leaving and coming back resumes where the user stopped.
struct GuidedFilling {
    let store: WerkbladStore
    let template: Card
    let library: ContentLibrary
    let style: TextStyle
    let conversation: Conversation

    enum Outcome: Equatable {
        case finished
        case stopped
    }

    func run(_ werkblad: Werkblad) throws(WerkbladStore.Failure) -> Outcome {
        let order = VisieStap.allCases.flatMap { stap in Kant.allCases.map { (stap, $0) } }
        var start = order.firstIndex { "\($0.0.rawValue)/\($0.1.rawValue)" == werkblad.positie } ?? 0
        if werkblad.positie == "klaar" {
            conversation.say("Je hebt alle stappen al eens doorlopen. We beginnen weer bij stap 1; wat je schreef blijft staan.\n")
            start = 0
        } else if start > 0 {
            conversation.say("Je gaat verder waar je gebleven was.\n")
        }
        let help = "Elk antwoord wordt bewaard zodra je op Enter drukt. Lege regel: verder. ?: tips en voorbeelden. stop: later verder."
        conversation.say(TextLayout.wrap(help, width: style.width).map(style.dim).joined(separator: "\n") + "\n")
        for index in start..<order.count {
            let (stap, kant) = order[index]
            try store.setPosition(werkblad, "\(stap.rawValue)/\(kant.rawValue)")
            guard try fill(werkblad, stap, kant) else {
                conversation.say("Gestopt. Elk antwoord waarop je Enter gaf, is bewaard; ga later verder met `werkblad invullen \(Value.quote(werkblad.naam))`.\n")
                return .stopped
            }
        }
        try store.setPosition(werkblad, "klaar")
        conversation.say("\nKlaar: alle vier de stappen zijn doorlopen. Bekijk het resultaat met `werkblad toon \(Value.quote(werkblad.naam))`,\nof leg verbanden in de koppeltabel.\n")
        return .finished
    }

    /// One side of one step. Returns false when the user stops.
    private func fill(_ werkblad: Werkblad, _ stap: VisieStap, _ kant: Kant) throws(WerkbladStore.Failure) -> Bool {
        let step = template.blocks.first { if case .step(let id, _, _, _, _, _, _) = $0 { id == stap.rawValue } else { false } }
        var lines = ["", style.heading("Stap \(stap.nummer) van 4: \(stap.titel) — \(kant == .zelf ? "zelf" : "samen")")]
        var prompts: [String] = []
        var help: [Block] = []
        if case .step(_, _, _, let explanation, let alone, let together, _)? = step {
            let side = kant == .zelf ? alone : together
            if kant == .zelf { lines += TextLayout.wrap(explanation, width: style.width) }
            prompts = side.prompts
            help = side.blocks
        }
        for prompt in prompts {
            lines += TextLayout.wrap(prompt, width: style.width, first: "✎ Noteer: ", rest: "          ")
        }
        let existing = try store.content(of: werkblad).items(stap, kant)
        if !existing.isEmpty {
            lines.append(style.dim("Al ingevuld:"))
            for (i, item) in existing.enumerated() {
                lines += TextLayout.wrap(item.tekst, width: style.width, first: "  \(i + 1). ", rest: "     ")
            }
        }
        conversation.say(lines.joined(separator: "\n") + "\n")
        while true {
            guard let raw = conversation.ask("\(stap.itemName)> ") else { return false }
            let answer = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch answer.lowercased() {
            case "":
                return true
            case "stop":
                return false
            case "?", "tip", "tips", "voorbeeld", "voorbeelden":
                let renderer = CardTextRenderer(style: style, library: library)
                conversation.say(help.isEmpty ? "Bij deze stap zijn geen tips.\n" : renderer.renderBlocks(help))
            default:
                var item: WerkbladItem
                do {
                    item = try store.addItem(to: werkblad, stap: stap, kant: kant, text: answer)
                } catch {
                    // The werkblad went (another shell removed it) or the database failed: the
                    // answer was not stored, so it is shown again rather than lost from sight.
                    conversation.say(style.dim("Niet bewaard; je antwoord was:") + "\n  " + answer + "\n")
                    throw error
                }
                conversation.say(style.dim("✓ bewaard") + "\n")
                if stap == .resultaten {
                    guard try askTarget(&item) else { return false }
                }
            }
        }
    }

    /// The measurable target of a maatschappelijk resultaat: each part stored as it is given.
    private func askTarget(_ item: inout WerkbladItem) throws(WerkbladStore.Failure) -> Bool {
        while true {
            guard let raw = conversation.ask("  streefwaarde (bijv. 70%, 12,5 of 8 weken; Enter = geen)> ") else { return false }
            let answer = raw.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty { break }
            if answer == "?" {
                conversation.say("Hoeveel het moet worden: een percentage (70%), een getal (12,5) of een getal met eenheid (8 weken). Enter: geen streefwaarde.\n")
                continue
            }
            if let (value, unit) = WerkbladItem.parseDoel(answer), unit != "%" || (0...100).contains(value) {
                item.doel = value
                item.eenheid = unit
                try store.updateItem(item)
                break
            }
            conversation.say("Dat is geen streefwaarde. Typ bijvoorbeeld 70%, 12,5 of 8 weken, of druk op Enter.\n")
        }
        if item.doel != nil {
            let guess = WerkbladItem.richting(in: item.tekst)
            while true {
                guard let raw = conversation.ask("  richting (omhoog/omlaag\(guess.map { ", Enter = \($0)" } ?? ", Enter = geen"))> ") else { return false }
                let answer = raw.trimmingCharacters(in: .whitespaces).lowercased()
                let chosen: String?? = switch answer {
                case "": .some(guess)
                case "omhoog", "hoger", "meer", "o", "h": .some("omhoog")
                case "omlaag", "lager", "minder", "l": .some("omlaag")
                default: .none
                }
                if let chosen {
                    if chosen != item.richting {
                        item.richting = chosen
                        try store.updateItem(item)
                    }
                    break
                }
                conversation.say("Typ omhoog of omlaag: moet het getal stijgen of dalen?\n")
            }
        }
        while true {
            guard let raw = conversation.ask("  jaar (bijv. 2030, Enter = geen)> ") else { return false }
            let answer = raw.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty { break }
            if answer == "?" {
                conversation.say("Het jaar waarin het resultaat bereikt moet zijn, bijvoorbeeld 2030; Enter: geen jaar.\n")
                continue
            }
            if let year = Int(answer), (2000...2100).contains(year) {
                item.jaar = year
                try store.updateItem(item)
                break
            }
            conversation.say("Typ een jaartal tussen 2000 en 2100, of druk op Enter.\n")
        }
        // The catalogue and the database's own indicators, as `koppel resultaat … indicator=` accepts them.
        let indicators = ((try? MonitorStore(store: store.store).catalog(library).entries) ?? IndicatorCatalog(library: library, own: []).entries)
            .map { (id: $0.id, title: $0.naam) }
        while true {
            guard let raw = conversation.ask("  indicator (id uit `lijst indicatoren`, ? = zoeken, Enter = geen)> ") else { return false }
            let answer = raw.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty { break }
            if answer.hasPrefix("?") {
                let query = answer.dropFirst().trimmingCharacters(in: .whitespaces)
                let needle = String(Folding.fold(query))
                let matches = indicators.filter { query.isEmpty || String(Folding.fold($0.title + " " + $0.id)).contains(needle) }
                conversation.say(matches.prefix(12).map { "  \($0.id)  " + style.dim($0.title) }.joined(separator: "\n")
                                 + (matches.isEmpty ? "  (niets gevonden)" : "") + "\n")
                continue
            }
            if indicators.contains(where: { $0.id == answer }) {
                item.indicator = answer
                try store.updateItem(item)
                break
            }
            let suggestion = Suggestion.nearest(to: answer, in: indicators.map(\.id))
            conversation.say("Geen indicator `\(answer)`." + (suggestion.map { " Bedoelde je `\($0)`?" } ?? " Typ ? gevolgd door een woord om te zoeken.") + "\n")
        }
        return true
    }
}

