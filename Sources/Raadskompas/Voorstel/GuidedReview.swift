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
        return nil
    }

    func run(_ voorstel: Voorstel, by beoordelaar: String) throws(VoorstelStore.Failure) {
        let done = Set(try store.judgements(of: voorstel).filter { $0.beoordelaar == beoordelaar }.map(\.criterium))
        let todo = criteria.filter { !done.contains($0.letter) }
        if todo.isEmpty {
            conversation.say("\(beoordelaar) heeft alle criteria van \(voorstel.id) al beoordeeld. Bekijk ze met `beoordelingen \(voorstel.id)`.\n")
            return
        }
        if todo.count < criteria.count { conversation.say("Je gaat verder bij criterium \(todo[0].letter).\n") }
        conversation.say(TextLayout.wrap("Score: 0 ontbreekt, 1 summier, 2 voldoende, 3 goed, of nvt (niet elk criterium past bij elk voorstel). Ctrl-C: later verder.",
                                         width: style.width).map(style.dim).joined(separator: "\n") + "\n")
        for criterion in todo {
            var lines = ["", style.heading("\(criterion.letter). \(criterion.title)")]
            for question in criterion.questions {
                lines += TextLayout.wrap(question, width: style.width, first: style.accent("? "), rest: "  ")
            }
            conversation.say(lines.joined(separator: "\n") + "\n")
            var parsed: (score: Int?, nvt: Bool)?
            while parsed == nil {
                guard let answer = conversation.ask("score \(criterion.letter)> ") else { return stopped(voorstel) }
                parsed = GuidedReview.score(answer)
                if parsed == nil { conversation.say("Typ 0, 1, 2, 3 of nvt.\n") }
            }
            guard let toelichting = conversation.ask("toelichting> ") else { return stopped(voorstel) }
            try store.judge(Beoordeling(voorstelId: voorstel.id, beoordelaar: beoordelaar, criterium: criterion.letter,
                                        score: parsed?.score, nvt: parsed?.nvt ?? false, toelichting: toelichting.trimmingCharacters(in: .whitespaces)))
            conversation.say(style.dim("✓ bewaard") + "\n")
        }
        conversation.say("\nKlaar. Zet de beoordelingen naast elkaar met `beoordelingen \(voorstel.id)`, of maak vragen aan het college met `vragen \(voorstel.id)`.\n")
    }

    private func stopped(_ voorstel: Voorstel) {
        conversation.say("Gestopt. De scores tot nu toe zijn bewaard; ga verder met `beoordeel \(voorstel.id)`.\n")
    }
}
