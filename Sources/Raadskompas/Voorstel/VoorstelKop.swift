import KompasDSL

/// What the header of a raadsvoorstel says about it: the date (of the raadsvergadering, else of the
/// voorstel itself), the portefeuillehouder and the registratienummer. Gemeenten write headers in
/// many ways: `Label: waarde`, a label with its value on the next line (a table copied out of a
/// PDF), several fields on one line separated by `|` or tabs, or "Raadsvergadering van 12 juni
/// 2025" in running text. Only the first lines are read, so a date in the body is not taken.
public struct VoorstelKop: Sendable, Equatable {
    public var datum: DateValue?
    public var portefeuille: String?
    public var registratienummer: String?

    /// How many lines from the top are header.
    static let headerLines = 45

    enum Kind { case raadsdatum, voorsteldatum, portefeuille, nummer, specifiekNummer }

    /// Labels, lowercased, without a trailing colon or full stop.
    static let labels: [(String, Kind)] = [
        ("datum raadsvergadering", .raadsdatum), ("raadsvergadering", .raadsdatum), ("datum raad", .raadsdatum), ("raad", .raadsdatum),
        ("vergaderdatum", .raadsdatum), ("datum vergadering", .raadsdatum), ("vergadering", .raadsdatum), ("raadsvergadering d.d", .raadsdatum),
        ("datum gemeenteraad", .raadsdatum), ("gemeenteraad", .raadsdatum), ("behandeling in de raad", .raadsdatum), ("datum behandeling raad", .raadsdatum),
        ("datum", .voorsteldatum), ("datum collegebesluit", .voorsteldatum), ("collegebesluit", .voorsteldatum), ("datum college", .voorsteldatum),
        ("datum collegevergadering", .voorsteldatum), ("collegevergadering", .voorsteldatum), ("datum voorstel", .voorsteldatum),
        ("datum b&w-besluit", .voorsteldatum), ("b&w-besluit", .voorsteldatum), ("datum b&w", .voorsteldatum), ("datum b en w", .voorsteldatum),
        ("portefeuillehouder", .portefeuille), ("portefeuillehouders", .portefeuille), ("portefeuillehouder(s)", .portefeuille),
        ("verantwoordelijk portefeuillehouder", .portefeuille), ("verantwoordelijke portefeuillehouder", .portefeuille),
        ("portefeuille", .portefeuille), ("wethouder", .portefeuille), ("verantwoordelijk wethouder", .portefeuille), ("bestuurder", .portefeuille),
        ("verantwoordelijk bestuurder", .portefeuille), ("bestuurlijk verantwoordelijke", .portefeuille),
        ("registratienummer", .specifiekNummer), ("zaaknummer", .specifiekNummer), ("raadsvoorstelnummer", .specifiekNummer),
        ("voorstelnummer", .specifiekNummer), ("documentnummer", .specifiekNummer), ("corsanummer", .specifiekNummer),
        ("registratienr", .specifiekNummer), ("zaaknr", .specifiekNummer), ("raadsvoorstel nr", .specifiekNummer), ("voorstel nr", .specifiekNummer),
        ("raadsvoorstel nummer", .specifiekNummer), ("dossiernummer", .specifiekNummer), ("kenmerk", .specifiekNummer), ("ons kenmerk", .specifiekNummer),
        ("nummer", .nummer), ("nr", .nummer), ("no", .nummer),
    ]

    /// Reads the header of `text`.
    public static func read(_ text: String) -> VoorstelKop {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(headerLines * 2) {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if !line.isEmpty { lines.append(line) }
            if lines.count >= headerLines { break }
        }
        var found: [Kind: String] = [:]
        func note(_ kind: Kind, _ value: String) {
            let cleaned = value.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ":;,")))
            guard !cleaned.isEmpty, found[kind] == nil else { return }
            found[kind] = cleaned
        }
        for (index, line) in lines.enumerated() {
            // A line ends the header when it starts the body proper.
            let lowered = line.lowercased()
            if ["beslispunten", "voorgesteld besluit", "besluit", "aanleiding", "inleiding", "samenvatting", "toelichting", "het college stelt voor"].contains(where: { lowered.hasPrefix($0) && lowered.count < $0.count + 3 }) { break }
            for segment in segments(line) {
                if let (kind, value) = labelled(segment) {
                    if value.isEmpty {
                        // A flattened table: the value is on the next line (unless that is a label too).
                        if index + 1 < lines.count, labelled(lines[index + 1]) == nil, VoorstelKop.kind(of: lines[index + 1]) == nil { note(kind, lines[index + 1]) }
                    } else {
                        note(kind, value)
                    }
                } else if let (kind, rest) = runningText(segment) {
                    note(kind, rest)
                }
            }
        }
        var kop = VoorstelKop()
        kop.datum = found[.raadsdatum].flatMap(firstDate) ?? found[.voorsteldatum].flatMap(firstDate)
        kop.portefeuille = found[.portefeuille].map { String($0.prefix(160)) }
        kop.registratienummer = (found[.specifiekNummer] ?? found[.nummer]).map { String($0.prefix(80)) }
        return kop
    }

    /// The fields of one line: split on `|`, tabs, or wide runs of spaces between `Label: value` pairs.
    static func segments(_ line: String) -> [String] {
        var parts = line.split(whereSeparator: { $0 == "|" || $0 == "\t" }).map { $0.trimmingCharacters(in: .whitespaces) }
        parts = parts.flatMap { part -> [String] in
            part.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return parts.filter { !$0.isEmpty }
    }

    /// `Label: value` or a bare `Label` (value on the next line).
    static func labelled(_ segment: String) -> (Kind, String)? {
        if let colon = segment.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let label = normalize(String(segment[..<colon]))
            guard let kind = labels.first(where: { $0.0 == label })?.1 else { return nil }
            return (kind, String(segment[segment.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return kind(of: segment).map { ($0, "") }
    }

    /// The kind of a segment that is only a label.
    static func kind(of segment: String) -> Kind? {
        let label = normalize(segment)
        return labels.first(where: { $0.0 == label })?.1
    }

    /// "Raadsvergadering van 12 juni 2025", "Raad: …" written without a colon.
    static func runningText(_ segment: String) -> (Kind, String)? {
        let lowered = segment.lowercased()
        for prefix in ["raadsvergadering van", "raadsvergadering d.d.", "vergadering van de gemeenteraad van", "vergadering van de raad van",
                       "gemeenteraad van", "raadsvergadering"] where lowered.hasPrefix(prefix) {
            let rest = String(segment.dropFirst(prefix.count))
            if firstDate(rest) != nil { return (.raadsdatum, rest) }
        }
        return nil
    }

    static func normalize(_ label: String) -> String {
        var text = label.lowercased().trimmingCharacters(in: .whitespaces)
        while let last = text.last, last == "." || last == ":" { text.removeLast() }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The first date in `text`: `12 juni 2025` (a weekday before it is fine), `12-06-2025`,
    /// `12/6/2025`, `12.06.2025` or `2025-06-12`.
    static func firstDate(_ text: String) -> DateValue? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
        for (i, word) in words.enumerated() {
            let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
            if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) {
                if parts[0].count == 4, let date = DateValue(year: a, month: b, day: c) { return date }
                if parts[2].count == 4, let date = DateValue(year: c, month: b, day: a) { return date }
            }
            if let day = Int(word), (1...31).contains(day), i + 2 < words.count,
               let month = DateValue.monthNames.firstIndex(of: words[i + 1]).map({ $0 + 1 }) ?? shortMonths.firstIndex(of: words[i + 1].trimmingCharacters(in: .punctuationCharacters)).map({ $0 + 1 }),
               let year = Int(words[i + 2].trimmingCharacters(in: .punctuationCharacters)), (1900...2200).contains(year),
               let date = DateValue(year: year, month: month, day: day) {
                return date
            }
        }
        return nil
    }

    static let shortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
}
