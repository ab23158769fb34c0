/// The hits of `zoek` as terminal text, numbered for `volg`.
struct SearchRenderer {
    let style: TextStyle

    func render(query: String, hits: [SearchIndex.Hit], total: Int, own: (hits: [OwnRecordsSearch.Hit], total: Int)? = nil) -> String {
        let ownPart = own.map { renderOwn($0.hits, total: $0.total) } ?? ""
        guard !hits.isEmpty else {
            if !ownPart.isEmpty { return "Niets in de kaarten voor ‘\(query)’.\n\n" + ownPart }
            return "Niets gevonden voor ‘\(query)’. Probeer een ander of korter woord, of `lijst alles`.\n"
        }
        return renderCards(query: query, hits: hits, total: total) + (ownPart.isEmpty ? "" : "\n" + ownPart)
    }

    /// The user's own records that match, under their own heading, each with how to open it.
    private func renderOwn(_ hits: [OwnRecordsSearch.Hit], total: Int) -> String {
        guard !hits.isEmpty else { return "" }
        var out = [style.bold("In je eigen gegevens") + " (\(total)\(total > hits.count ? "; de eerste \(hits.count)" : ""))"]
        for hit in hits {
            out.append("")
            out += TextLayout.wrap("\(hit.kind): \(hit.title)", width: style.width, first: "  ", rest: "    ")
            out += TextLayout.wrap(hit.snippet, width: style.width, first: "    ", rest: "    ").map(style.dim)
            out += TextLayout.wrap("→ " + style.accent(hit.open), width: style.width, first: "    ", rest: "      ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func renderCards(query: String, hits: [SearchIndex.Hit], total: Int) -> String {
        var out = [total > hits.count
            ? "\(total) treffers voor ‘\(query)’; de \(hits.count) beste:"
            : "\(total) \(total == 1 ? "treffer" : "treffers") voor ‘\(query)’:"]
        for (i, hit) in hits.enumerated() {
            let number = "[\(i + 1)] "
            let title = hit.partTitle.map { "\(hit.cardTitle) › \($0)" } ?? hit.cardTitle
            out.append("")
            out += TextLayout.wrap(title + "  " + style.dim("(\(hit.address))"), width: style.width,
                                   first: style.accent(number), rest: String(repeating: " ", count: number.count))
            out += TextLayout.wrap(highlight(hit.snippet, hit.highlights), width: style.width,
                                   first: String(repeating: " ", count: number.count), rest: String(repeating: " ", count: number.count))
        }
        out.append("")
        out += TextLayout.wrap("Typ `volg N` om treffer [N] te lezen.", width: style.width).map(style.dim)
        return out.joined(separator: "\n") + "\n"
    }

    /// Marks matched words: bold and underlined in colour, «…» in plain text.
    private func highlight(_ snippet: String, _ ranges: [Range<Int>]) -> String {
        var result = ""
        var position = 0
        let characters = Array(snippet)
        for range in ranges where range.lowerBound >= position && range.upperBound <= characters.count {
            result += String(characters[position..<range.lowerBound])
            let match = String(characters[range])
            result += style.color ? "\u{1B}[1;4m\(match)\u{1B}[0m" : "«\(match)»"
            position = range.upperBound
        }
        return result + String(characters[position...])
    }
}
