import Foundation
import KompasDSL

/// `duid INDICATOR periode=…`: shows the figures, then asks the four duidingsvragen a–d of the
/// content card, one at a time. Each answer is stored on Enter; an existing answer is shown and
/// Enter keeps it, so coming back continues or revises the duiding.
struct GuidedDuiding {
    struct Question: Sendable {
        let letter: String
        let title: String
        let questions: [String]
        let points: [String]
    }

    let questions: [Question]
    let style: TextStyle
    let conversation: Conversation
    let save: (Duiding) throws(Diagnostic) -> Void

    /// The questions a–d from the `duidingsvragen` card (section `vragen`, subsections a–d).
    static func questions(from library: ContentLibrary) -> [Question] {
        guard let card = library.card("duidingsvragen") else { return [] }
        var found: [Question] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                guard case .section(let id, let title, let inner) = block else { continue }
                if Duiding.letters.contains(id) {
                    var questions: [String] = [], points: [String] = []
                    for item in inner {
                        if case .question(let q) = item { questions.append(q) }
                        if case .bullet(let p, _, _) = item { points.append(p) }
                    }
                    found.append(Question(letter: id, title: title, questions: questions, points: points))
                } else {
                    walk(inner)
                }
            }
        }
        walk(card.blocks)
        return found
    }

    func run(_ start: Duiding, context report: IndicatorReport) throws(Diagnostic) {
        var duiding = start
        let place = duiding.periode + (duiding.gebied.isEmpty ? "" : ", \(duiding.gebied)")
        var intro = [style.heading("Duiding: \(report.indicator.naam) (\(place))")]
        for reeks in report.chosen.prefix(12) {
            let shown = reeks.metingen.suffix(6).map { "\($0.periode) \($0.shown)" }.joined(separator: " · ")
            intro.append("  \(report.title(reeks)): \(shown)")
        }
        if report.series.isEmpty { intro.append(style.dim("  (nog geen metingen van deze indicator; je kunt toch duiden)")) }
        intro += TextLayout.wrap("Beantwoord de vier vragen samen. Enter bewaart je antwoord meteen; bij een bestaand antwoord houdt Enter het zoals het is. Ctrl-C: later verder.",
                                 width: style.width).map(style.dim)
        // Stopped halfway last time: go on at the first question without an answer. Once all have
        // one, `duid` goes over them all again (Enter keeps each).
        let answered = questions.filter { !duiding[$0.letter].isEmpty }
        var asked = questions
        if !answered.isEmpty, answered.count < questions.count {
            asked = questions.filter { duiding[$0.letter].isEmpty }
            intro.append("Je gaat verder bij vraag \(asked[0].letter) (" + answered.map(\.letter).joined(separator: ", ") + " \(answered.count == 1 ? "is" : "zijn") al beantwoord).")
        }
        conversation.say(intro.joined(separator: "\n") + "\n")
        for question in asked {
            var lines = ["", style.bold(question.title)]
            for q in question.questions { lines += TextLayout.wrap(q, width: style.width, first: style.accent("? "), rest: "  ") }
            for p in question.points { lines += TextLayout.wrap(p, width: style.width, first: "  – ", rest: "    ").map(style.dim) }
            let current = duiding[question.letter]
            if !current.isEmpty { lines += TextLayout.wrap(current, width: style.width, first: "  nu: ", rest: "       ").map(style.dim) }
            conversation.say(lines.joined(separator: "\n") + "\n")
            var text = "?"
            while text == "?" {
                guard let answer = conversation.ask("\(question.letter)> ") else {
                    conversation.say("Gestopt. Wat je beantwoordde is bewaard; ga verder met dezelfde `duid`-opdracht.\n")
                    return
                }
                text = answer.trimmingCharacters(in: .whitespaces)
                if text == "?" {
                    conversation.say("Beantwoord de vragen hierboven in een paar zinnen; Enter laat dit antwoord \(current.isEmpty ? "leeg" : "zoals het is"). Ctrl-C: stoppen.\n")
                }
            }
            guard !text.isEmpty else { continue }
            duiding[question.letter] = text
            duiding.gewijzigd = Date()
            try save(duiding)
            conversation.say(style.dim("✓ bewaard") + "\n")
        }
        conversation.say("\nKlaar. De duiding staat bij de cijfers in `metingen \(report.indicator.id)` en in het rapport.\n")
    }
}
