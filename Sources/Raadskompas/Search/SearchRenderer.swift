/// The hits of `zoek` as terminal text, numbered for `volg`.
struct SearchRenderer {
    let style: TextStyle

    func render(query: String, hits: [SearchIndex.Hit], total: Int) -> String {
        guard !hits.isEmpty else {
            return "Niets gevonden voor ‘\(query)’. Probeer een ander of korter woord, of `lijst alles`.\n"
        }
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
