import Foundation
import KompasDSL

/// `beoordeel ID`: per criterion the key questions from the criteria card, then a score and a
/// toelichting; each stored on Enter. Coming back starts at the first criterion without a score.
/// The criteria for other targets (the `analyseer` command line).
public enum GuidedReviewCriteria {
    public static func load(_ library: ContentLibrary) -> [GuidedReview.Criterion] {
        GuidedReview.criteria(from: library)
    }
}

public struct GuidedReview {
    let store: VoorstelStore
    let criteria: [Criterion]
    let style: TextStyle
    let conversation: Conversation

    public struct Criterion: Sendable {
        public let letter: String
        public let title: String
        public let questions: [String]
    }

    /// The letters A–F: A–E from the infographic, F for its sixth point (the summary for inwoners).
    static let letters = ["A", "B", "C", "D", "E", "F"]

    /// The criteria A–F of the content card, in order.
    static func criteria(from library: ContentLibrary) -> [Criterion] {
        guard let card = library.cards(ofKind: "criteria").first else { return [] }
        return card.blocks.compactMap {
            if case .criterion(let letter, let title, _, let questions, _) = $0 { Criterion(letter: letter, title: title, questions: questions) } else { nil }
        }
    }

    /// Parses an answer on the scale: 0–3, or n.v.t.
    static func score(_ answer: String) -> (score: Int?, nvt: Bool)? {
        let normalized = answer.lowercased().replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)
        if normalized == "nvt" { return (nil, true) }
        if let n = Int(normalized), (0...3).contains(n) { return (n, false) }
        // The words of the scale, as the prompt shows them: "voldoende", "2 voldoende".
        if let (score, _) = Beoordeling.scale.first(where: { normalized == $0.label || normalized == "\($0.score) \($0.label)" }) { return (score, false) }
        if normalized == "niet van toepassing" { return (nil, true) }
        return nil
    }

    /// Asks the criteria not yet scored by `beoordelaar` (or only `only`, scored or not). A score is
    /// stored the moment Enter is pressed; the toelichting after it updates the same record.
    func run(_ voorstel: Voorstel, by beoordelaar: String, only: String? = nil) throws(VoorstelStore.Failure) {
        let earlier = try store.judgements(of: voorstel).filter { $0.beoordelaar == beoordelaar }
        let done = Set(earlier.map(\.criterium))
        let todo = only.map { letter in criteria.filter { $0.letter == letter } } ?? criteria.filter { !done.contains($0.letter) }
        if todo.isEmpty {
            conversation.say("\(beoordelaar) heeft alle criteria van \(voorstel.id) al beoordeeld. Bekijk ze met `beoordelingen \(voorstel.id)`; "
                             + "verander er één met `beoordeel \(voorstel.id) criterium=D`.\n")
            return
        }
        if only == nil, todo.count < criteria.count { conversation.say("Je gaat verder bij criterium \(todo[0].letter).\n") }
        conversation.say(TextLayout.wrap("Score: 0 ontbreekt, 1 summier, 2 voldoende, 3 goed, of nvt (niet elk criterium past bij elk voorstel). ? geeft uitleg. Ctrl-C: later verder.",
                                         width: style.width).map(style.dim).joined(separator: "\n") + "\n")
        for criterion in todo {
            var lines = ["", style.heading("\(criterion.letter). \(criterion.title)")]
            for question in criterion.questions {
                lines += TextLayout.wrap(question, width: style.width, first: style.accent("? "), rest: "  ")
            }
            let previous = earlier.first { $0.criterium == criterion.letter }
            if let previous { lines.append(style.dim("Nu: \(previous.label)" + (previous.toelichting.isEmpty ? "" : " — \(previous.toelichting)") + ". Enter houdt dit.")) }
            conversation.say(lines.joined(separator: "\n") + "\n")
            var parsed: (score: Int?, nvt: Bool)?
            while parsed == nil {
                guard let answer = conversation.ask("score \(criterion.letter)> ") else { return stopped(voorstel) }
                let trimmed = answer.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty, let previous {
                    parsed = (previous.score, previous.nvt)
                } else if trimmed == "?" {
                    conversation.say("0 = ontbreekt, 1 = summier, 2 = voldoende, 3 = goed, nvt = past niet bij dit voorstel. De vragen hierboven helpen bij het oordeel.\n")
                } else {
                    parsed = GuidedReview.score(trimmed)
                    if parsed == nil { conversation.say("Typ 0, 1, 2, 3 of nvt (of het woord: ontbreekt, summier, voldoende, goed).\n") }
                }
            }
            var judgement = Beoordeling(voorstelId: voorstel.id, beoordelaar: beoordelaar, criterium: criterion.letter,
                                        score: parsed?.score, nvt: parsed?.nvt ?? false, toelichting: previous?.toelichting ?? "")
            // The score counts now, before its toelichting.
            try store.judge(judgement)
            conversation.say(style.dim("✓ score bewaard") + "\n")
            var toelichting: String?
            while toelichting == nil {
                guard let answer = conversation.ask(previous?.toelichting.isEmpty == false ? "toelichting (Enter: houden)> " : "toelichting> ") else {
                    return stopped(voorstel)
                }
                let trimmed = answer.trimmingCharacters(in: .whitespaces)
                if trimmed == "?" {
                    conversation.say("Schrijf in een zin waarom je deze score geeft; Enter laat de toelichting \(previous?.toelichting.isEmpty == false ? "zoals ze is" : "leeg").\n")
                } else {
                    toelichting = trimmed.isEmpty ? (previous?.toelichting ?? "") : trimmed
                }
            }
            judgement.toelichting = toelichting ?? ""
            judgement.gewijzigd = Date()
            // Only the toelichting: a score another shell gave meanwhile stays, and is named.
            let (outcome, stored) = try store.explain(judgement)
            if outcome != .unchanged { conversation.say(style.dim("✓ toelichting bewaard") + "\n") }
            if stored.score != judgement.score || stored.nvt != judgement.nvt {
                conversation.say("Let op: de score van \(criterion.letter) is intussen ergens anders veranderd in ‘\(stored.label)’ (misschien in een andere shell). Die score blijft staan; verander hem met `beoordeel \(voorstel.id) criterium=\(criterion.letter)`.\n")
            }
        }
        conversation.say("\nKlaar. Zet de beoordelingen naast elkaar met `beoordelingen \(voorstel.id)`, of maak vragen aan het college met `vragen \(voorstel.id)`.\n")
    }

    private func stopped(_ voorstel: Voorstel) {
        conversation.say("Gestopt. De scores tot nu toe zijn bewaard; ga verder met `beoordeel \(voorstel.id)`.\n")
    }
}
