import Foundation
import KompasDSL

/// Full-text search over all content: accent- and case-insensitive, every word of the query must
/// occur, ranked by where the words occur (titles count more than body text).
public final class SearchIndex: Sendable {
    /// One searchable piece: a card's own text, or one part (section, page, step, …) of it.
    struct Document: Sendable {
        let address: String
        let cardTitle: String
        let partTitle: String?
        /// Indicators are many and short; on an equal match a card about the subject comes first.
        let isIndicator: Bool
        let original: [Character]
        let folded: [Character]
        let foldedTitle: [Character]
        let foldedCardTitle: [Character]
    }

    public struct Hit: Sendable {
        public let address: String
        public let cardTitle: String
        public let partTitle: String?
        public let score: Int
        /// The snippet and, within it, the ranges of the matched words (as character offsets).
        public let snippet: String
        public let highlights: [Range<Int>]
    }

    let documents: [Document]

    public init(library: ContentLibrary) {
        var documents: [Document] = []
        for card in library.cards {
            var ownText: [String] = [card.summary ?? ""]
            if case .indicator(let indicator) = card.kind {
                ownText += [indicator.description, indicator.unit, indicator.source, indicator.laws.joined(separator: " ")]
            }
            ownText += card.blocks.filter { $0.address == nil }.map(SearchIndex.text)
            var isIndicator = false
            var title = card.title
            switch card.kind {
            case .indicator: isIndicator = true
            case .staalkaart(let law): title += " (\(law.abbreviation))"
            default: break
            }
            documents.append(SearchIndex.document(address: card.id, cardTitle: card.title, partTitle: nil, searchTitle: title,
                                                  text: ownText.joined(separator: " "), isIndicator: isIndicator))
            for part in card.parts {
                let text = SearchIndex.ownText(of: part.block)
                documents.append(SearchIndex.document(address: "\(card.id).\(part.id)", cardTitle: card.title, partTitle: part.title, text: text))
            }
        }
        self.documents = documents
    }

    static func document(address: String, cardTitle: String, partTitle: String?, searchTitle: String? = nil, text: String,
                         isIndicator: Bool = false) -> Document {
        let original = Array(text)
        return Document(address: address, cardTitle: cardTitle, partTitle: partTitle, isIndicator: isIndicator, original: original,
                        folded: original.map(Folding.fold), foldedTitle: Folding.fold(searchTitle ?? partTitle ?? cardTitle),
                        foldedCardTitle: Folding.fold(cardTitle))
    }

    /// The text of a part itself, without the parts nested in it (they are documents of their own).
    static func ownText(of block: Block) -> String {
        switch block {
        case .coreValue(_, _, let meaning, let demand, let supply, let blocks):
            return ([meaning] + demand + supply + blocks.filter { $0.address == nil }.map(text)).joined(separator: " ")
        case .step(_, _, _, let explanation, let alone, let together, let blocks):
            let sides = alone.prompts + alone.blocks.map(text) + together.prompts + together.blocks.map(text)
            return ([explanation] + sides + blocks.filter { $0.address == nil }.map(text)).joined(separator: " ")
        case .criterion(_, _, let explanation, let questions, let blocks):
            return ([explanation ?? ""] + questions + blocks.filter { $0.address == nil }.map(text)).joined(separator: " ")
        case .phase(_, _, let who, let blocks):
            return ([who ?? ""] + blocks.filter { $0.address == nil }.map(text)).joined(separator: " ")
        case .linkTable:
            return text(block)
        default:
            return block.nested.filter { $0.address == nil }.map(text).joined(separator: " ")
        }
    }

    /// All readable text of a block, nested blocks included.
    static func text(_ block: Block) -> String {
        switch block {
        case .text(let s), .question(let s), .tip(let s): return s
        case .bullet(let s, _, let sub): return ([s] + sub.map(text)).joined(separator: " ")
        case .example(let title, _, let blocks): return ([title] + blocks.map(text)).joined(separator: " ")
        case .link(_, let title): return title
        case .reference(_, let note): return note ?? ""
        case .table(let title, let columns, let rows): return ([title ?? ""] + columns + rows.flatMap { $0 }).joined(separator: " ")
        case .section(_, let title, let blocks), .page(_, let title, let blocks), .adviceKind(_, let title, let blocks), .rung(_, let title, let blocks):
            return ([title] + blocks.map(text)).joined(separator: " ")
        case .linkTable(let explanation, let examples):
            return ([explanation] + examples.flatMap { [$0.title, $0.value, $0.principle, $0.rationale, $0.result] }).joined(separator: " ")
        case .coreValue, .step, .criterion, .phase:
            return ownText(of: block)
        }
    }

    /// Hits for `query`, best first.
    public func search(_ query: String, limit: Int = 10) -> (hits: [Hit], total: Int) {
        let terms = query.split(whereSeparator: { $0.isWhitespace }).map { Folding.fold(String($0)) }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return ([], 0) }
        let phrase = Folding.fold(query.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        let foldedQuery = Folding.fold(query.trimmingCharacters(in: .whitespaces))
        var scored: [(score: Int, order: Int, document: Document)] = []
        for (order, document) in documents.enumerated() {
            var score = 0
            var matchedAll = true
            for term in terms {
                let inTitle = SearchIndex.count(term, in: document.foldedTitle, limit: 3)
                let inCard = SearchIndex.count(term, in: document.foldedCardTitle, limit: 1)
                let inText = SearchIndex.count(term, in: document.folded, limit: 5)
                if inTitle + inText == 0 && inCard == 0 { matchedAll = false; break }
                score += inTitle * 12 + inCard * 3 + inText
            }
            guard matchedAll, score > 0 else { continue }
            if terms.count > 1, SearchIndex.count(phrase, in: document.folded, limit: 1) + SearchIndex.count(phrase, in: document.foldedTitle, limit: 1) > 0 {
                score += 15
            }
            // Typing a card's id finds that card first.
            if foldedQuery == Folding.fold(document.address) { score += 100 }
            if document.isIndicator { score = max(1, score / 2) }
            scored.append((score, order, document))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        let hits = scored.prefix(limit).map { entry in
            let (snippet, highlights) = SearchIndex.snippet(entry.document, terms: terms)
            return Hit(address: entry.document.address, cardTitle: entry.document.cardTitle, partTitle: entry.document.partTitle,
                       score: entry.score, snippet: snippet, highlights: highlights)
        }
        return (Array(hits), scored.count)
    }

    /// How often `needle` occurs in `haystack`, counting up to `limit`. A match at the start of a
    /// word counts three times, so `zorg` finds the Dutch compound `jeugdzorg` but `zorgplicht`
    /// first; a short needle (three letters or fewer) only matches at the start of a word, so
    /// `ede` finds Ede, not `mede`.
    static func count(_ needle: [Character], in haystack: [Character], limit: Int) -> Int {
        guard !needle.isEmpty, needle.count <= haystack.count else { return 0 }
        var found = 0
        var i = 0
        let first = needle[0]
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count {
                    let atWordStart = i == 0 || !(haystack[i - 1].isLetter || haystack[i - 1].isNumber)
                    if atWordStart {
                        found += 3
                    } else if needle.count > 3 {
                        found += 1
                    }
                    if found >= limit * 3 { return limit * 3 }
                    i += needle.count
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// The first match from `start`; like `count`, a short needle only matches at a word start.
    static func firstIndex(of needle: [Character], in haystack: [Character], from start: Int = 0) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                let atWordStart = i == 0 || !(haystack[i - 1].isLetter || haystack[i - 1].isNumber)
                if j == needle.count, atWordStart || needle.count > 3 { return i }
            }
            i += 1
        }
        return nil
    }

    /// About 120 characters around the first match, on word boundaries, with every match marked.
    static func snippet(_ document: Document, terms: [[Character]]) -> (String, [Range<Int>]) {
        let text = document.original
        let anchor = terms.compactMap { firstIndex(of: $0, in: document.folded) }.min() ?? 0
        var start = max(0, anchor - 50)
        var end = min(text.count, anchor + 80)
        while start > 0, !text[start - 1].isWhitespace { start -= 1 }
        while end < text.count, !text[end].isWhitespace, end - anchor < 120 { end += 1 }
        var window = Array(text[start..<end])
        // One line: the text of a card may hold line breaks from text blocks.
        window = window.map { $0.isNewline ? " " : $0 }
        let foldedWindow = Array(document.folded[start..<end])
        var ranges: [Range<Int>] = []
        for term in terms {
            var from = 0
            while let i = firstIndex(of: term, in: foldedWindow, from: from) {
                ranges.append(i..<(i + term.count))
                from = i + term.count
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            // Words of a phrase ("eigen risico") are marked as one.
            if let last = merged.last, range.lowerBound <= last.upperBound
                || (range.lowerBound == last.upperBound + 1 && window[last.upperBound] == " ") {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var snippet = String(window)
        var offset = 0
        if start > 0 { snippet = "…" + snippet; offset = 1 }
        if end < text.count { snippet += "…" }
        return (snippet, merged.map { ($0.lowerBound + offset)..<($0.upperBound + offset) })
    }
}
