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
    /// The onderwerp or titel field, as written on its line.
    public var onderwerp: String?
    public var agendapunt: String?
    public var programma: String?
    /// "ter besluitvorming", "ter kennisname" or "ter bespreking", from a field or the header text.
    public var behandeling: String?
    /// The role of the raad as the header states it ("Rol van de raad: kaderstellend").
    public var rol: String?

    /// How many lines from the top are header.
    static let headerLines = 45

    enum Kind { case raadsdatum, voorsteldatum, portefeuille, nummer, specifiekNummer, onderwerp, agendapunt, programma, behandeling, rol, anders }

    /// Labels, lowercased, without a trailing colon or full stop.
    static let labels: [(String, Kind)] = [
        ("datum raadsvergadering", .raadsdatum), ("raadsvergadering", .raadsdatum), ("datum raad", .raadsdatum), ("raad", .raadsdatum),
        ("vergaderdatum", .raadsdatum), ("datum vergadering", .raadsdatum), ("vergadering", .raadsdatum), ("raadsvergadering d.d", .raadsdatum),
        ("datum gemeenteraad", .raadsdatum), ("gemeenteraad", .raadsdatum), ("behandeling in de raad", .raadsdatum), ("datum behandeling raad", .raadsdatum),
        ("besluitvormende raadsvergadering", .raadsdatum), ("besluitvormende raad", .raadsdatum), ("besluitvormende vergadering", .raadsdatum),
        ("datum besluitvorming", .raadsdatum), ("raadsbesluit", .raadsdatum), ("besluitvorming", .raadsdatum), ("behandeling raad", .raadsdatum),
        ("raadsbehandeling", .raadsdatum), ("datum raadsbehandeling", .raadsdatum), ("vergadering van de raad", .raadsdatum),
        ("vergadering van de raad d.d", .raadsdatum), ("raad d.d", .raadsdatum), ("behandeling gemeenteraad", .raadsdatum),
        ("datum", .voorsteldatum), ("datum collegebesluit", .voorsteldatum), ("collegebesluit", .voorsteldatum), ("datum college", .voorsteldatum),
        ("datum collegevergadering", .voorsteldatum), ("collegevergadering", .voorsteldatum), ("datum voorstel", .voorsteldatum),
        ("datum b&w-besluit", .voorsteldatum), ("b&w-besluit", .voorsteldatum), ("datum b&w", .voorsteldatum), ("datum b en w", .voorsteldatum),
        ("collegevoorstel", .voorsteldatum), ("datum collegevoorstel", .voorsteldatum), ("datum raadsvoorstel", .voorsteldatum),
        ("collegebesluit d.d", .voorsteldatum), ("college d.d", .voorsteldatum),
        ("portefeuillehouder", .portefeuille), ("portefeuillehouders", .portefeuille), ("portefeuillehouder(s)", .portefeuille),
        ("verantwoordelijk portefeuillehouder", .portefeuille), ("verantwoordelijke portefeuillehouder", .portefeuille),
        ("portefeuille", .portefeuille), ("wethouder", .portefeuille), ("verantwoordelijk wethouder", .portefeuille), ("bestuurder", .portefeuille),
        ("verantwoordelijk bestuurder", .portefeuille), ("bestuurlijk verantwoordelijke", .portefeuille),
        ("registratienummer", .specifiekNummer), ("zaaknummer", .specifiekNummer), ("raadsvoorstelnummer", .specifiekNummer),
        ("voorstelnummer", .specifiekNummer), ("documentnummer", .specifiekNummer), ("corsanummer", .specifiekNummer),
        ("registratienr", .specifiekNummer), ("zaaknr", .specifiekNummer), ("raadsvoorstel nr", .specifiekNummer), ("voorstel nr", .specifiekNummer),
        ("raadsvoorstel nummer", .specifiekNummer), ("dossiernummer", .specifiekNummer), ("kenmerk", .specifiekNummer), ("ons kenmerk", .specifiekNummer),
        ("reg.nr", .specifiekNummer), ("reg. nr", .specifiekNummer), ("regnr", .specifiekNummer), ("kenmerk raadsvoorstel", .specifiekNummer),
        ("raadsvoorstel nr", .specifiekNummer), ("raadsvoorstelnr", .specifiekNummer), ("voorstelnr", .specifiekNummer), ("zaak", .specifiekNummer),
        ("registratie", .specifiekNummer), ("volgnummer", .specifiekNummer), ("bestuurlijk opdrachtgever", .portefeuille),
        ("nummer", .nummer), ("nr", .nummer), ("no", .nummer),
        // Labels of other fields: known, so that a flattened table keeps its rows in line.
        ("rol van de raad", .rol), ("rol raad", .rol), ("rol gemeenteraad", .rol), ("rol van de gemeenteraad", .rol), ("bevoegdheid raad", .rol),
        ("vergadering gemeenteraad", .raadsdatum), ("vergadering raad", .raadsdatum), ("vergaderdatum raad", .raadsdatum),
        ("council meeting", .raadsdatum), ("date of council meeting", .raadsdatum), ("portfolio holder", .portefeuille), ("proposal number", .specifiekNummer),
        ("subject", .onderwerp), ("agenda item", .agendapunt),
        ("registratiedatum", .voorsteldatum), ("onderwerp", .onderwerp), ("titel", .onderwerp), ("betreft", .onderwerp), ("inzake", .onderwerp),
        ("agendapunt", .agendapunt), ("agendanummer", .agendapunt), ("agendapuntnummer", .agendapunt), ("bijlagen", .anders), ("bijlage(n)", .anders),
        ("programma", .programma), ("begrotingsprogramma", .programma), ("programma begroting", .programma),
        ("behandeling", .behandeling), ("soort voorstel", .behandeling), ("aard voorstel", .behandeling), ("type voorstel", .behandeling),
        ("voorstel", .behandeling), ("doel", .behandeling), ("status", .behandeling), ("team", .anders), ("afdeling", .anders), ("steller", .anders), ("commissie", .anders),
        ("ambtelijk opdrachtgever", .anders), ("contactpersoon", .anders), ("behandelend ambtenaar", .anders), ("behandelaar", .anders),
        ("e-mail", .anders), ("telefoon", .anders), ("opsteller", .anders), ("naam opsteller", .anders), ("informatie bij", .anders),
        ("inlichtingen bij", .anders), ("informatie op te vragen bij", .anders), ("voorgesteld besluit", .anders), ("voorgestelde besluit", .anders), ("uw kenmerk", .anders), ("gemeente", .anders), ("locatie", .anders),
    ]

    /// Reads the header of `text`.
    public static func read(_ text: String) -> VoorstelKop {
        var lines: [String] = []
        // Only the top of the text is split into lines.
        var end = text.utf8.startIndex
        var count = 0
        while end < text.utf8.endIndex, count < headerLines * 2 {
            if text.utf8[end] == 10 { count += 1 }
            end = text.utf8.index(after: end)
        }
        for raw in VoorstelStructure.lines(of: String(text[..<end])).prefix(headerLines * 2) {
            let line = raw.trimmedFast()
            // A lone ":" is the colon column of a table that the PDF extraction split off.
            if !line.isEmpty, line != ":", line != "：" { lines.append(line.hasPrefix(": ") ? String(line.dropFirst(2)) : line) }
            if lines.count >= headerLines { break }
        }
        var found: [Kind: String] = [:]
        func note(_ kind: Kind, _ value: String) {
            guard kind != .anders else { return }
            let cleaned = value.trimmedFast(also: ":;,")
            guard !cleaned.isEmpty, found[kind] == nil else { return }
            // A date label counts only with a date ("Vergadering: Gemeenteraad" is no date).
            if kind == .raadsdatum || kind == .voorsteldatum, firstDate(cleaned) == nil { return }
            if kind == .behandeling {
                guard let treatment = treatment(cleaned) else { return }
                found[kind] = treatment
                return
            }
            found[kind] = cleaned
        }
        var consumed = Set<Int>()
        // Each line's segments and label, worked out once.
        let segmented = lines.map(segments)
        let labelOf = lines.map { labelled($0) }
        for (index, line) in lines.enumerated() where !consumed.contains(index) {
            // A line ends the header when it starts the body proper.
            let lowered = line.utf8.count < 40 ? line.lowercased() : ""
            if ["beslispunten", "voorgesteld besluit", "besluit", "aanleiding", "inleiding", "samenvatting", "toelichting", "het college stelt voor", "ontwerpbesluit"]
                .contains(where: { lowered.hasPrefix($0) && lowered.count < $0.count + 3 }) { break }
            let parts = segmented[index]
            let next = index + 1 < lines.count ? segmented[index + 1] : []
            // A table flattened by column: several lines of labels, then as many lines of values.
            // The run counts short unknown labels between known ones ("Naam opsteller") too, so that
            // the values stay in line; it starts at its first label, never halfway.
            func isBareLabel(_ i: Int) -> Bool { labelOf[i].map { $0.1.isEmpty } ?? false }
            func looksLikeLabel(_ i: Int) -> Bool {
                let words = lines[i].split(separator: " ")
                return words.count <= 6 && !lines[i].contains(where: { $0.isNumber || $0 == ":" || $0 == "." }) && lines[i].first?.isUppercase == true
            }
            var labelRun = 0
            // A column of labels starts with two known ones; a label and its value take turns otherwise.
            let startsColumn = index + 1 < lines.count && isBareLabel(index) && isBareLabel(index + 1)
            while index + labelRun < lines.count,
                  isBareLabel(index + labelRun) || startsColumn && labelRun > 0 && looksLikeLabel(index + labelRun) && index + labelRun + 1 < lines.count && isBareLabel(index + labelRun + 1) {
                labelRun += 1
            }
            if labelRun >= 2, index == 0 || !isBareLabel(index - 1) {
                var values: [Int] = []
                var v = index + labelRun
                while v < lines.count, values.count < labelRun, labelOf[v] == nil { values.append(v); v += 1 }
                if values.count == labelRun {
                    for offset in 0..<labelRun {
                        if let (kind, _) = labelOf[index + offset] { note(kind, lines[values[offset]]) }
                    }
                } else {
                    // Fewer values than labels (empty cells): only what cannot be mistaken is read,
                    // a date when the run has one date label and the values one date.
                    let dateLabels = (0..<labelRun).compactMap { labelOf[index + $0]?.0 }.filter { $0 == .raadsdatum || $0 == .voorsteldatum }
                    let dateValues = values.filter { firstDate(lines[$0]) != nil }
                    if dateLabels.count == 1, dateValues.count == 1 { note(dateLabels[0], lines[dateValues[0]]) }
                }
                for offset in 0..<labelRun { consumed.insert(index + offset) }
                for value in values { consumed.insert(value) }
                continue
            }
            // A letterhead date: "Dommelrade, 3 juni 2025".
            if parts.count == 1, let comma = line.firstIndex(of: ","), line[..<comma].split(separator: " ").count <= 2,
               let date = firstDate(String(line[line.index(after: comma)...])), line[..<comma].first?.isUppercase == true {
                note(.voorsteldatum, date.dutch)
            }
            // A flattened table: a row of labels over a row of values.
            if parts.count >= 2, parts.allSatisfy({ VoorstelKop.kind(of: $0) != nil }), next.count == parts.count,
               !next.contains(where: { VoorstelKop.kind(of: $0) != nil }) {
                for (label, value) in zip(parts, next) { if let kind = VoorstelKop.kind(of: label) { note(kind, value) } }
                continue
            }
            var i = 0
            while i < parts.count {
                let segment = parts[i]
                if let (kind, value) = labelled(segment) {
                    if !value.isEmpty {
                        note(kind, value)
                    } else if i + 1 < parts.count, labelled(parts[i + 1]) == nil {
                        note(kind, parts[i + 1])
                        i += 1
                    } else if parts.count == 1, next.count == 1, labelled(next[0]) == nil {
                        // The value on the next line.
                        note(kind, next[0])
                    }
                } else if let (kind, rest) = runningText(segment) {
                    note(kind, rest)
                }
                i += 1
            }
        }
        var kop = VoorstelKop()
        kop.datum = found[.raadsdatum].flatMap(firstDate) ?? found[.voorsteldatum].flatMap(firstDate)
        kop.portefeuille = found[.portefeuille].map { String($0.prefix(160)) }
        kop.registratienummer = (found[.specifiekNummer] ?? found[.nummer]).map { String($0.prefix(80)) }
        kop.onderwerp = found[.onderwerp].map { String($0.prefix(300)) }
        kop.agendapunt = found[.agendapunt].map { String($0.prefix(40)) }
        kop.programma = found[.programma].map { String($0.prefix(120)) }
        kop.rol = found[.rol].map { String($0.prefix(120)) }
        kop.behandeling = found[.behandeling] ?? lines.lazy.compactMap { line -> String? in
            // "Ter besluitvorming" on a line of its own, or in a line such as "Raadsvoorstel ter besluitvorming".
            line.count <= 80 ? treatment(line) : nil
        }.first
        return kop
    }

    /// The fields of one line: split on `|`, tabs, dotted leaders and wide runs of spaces; a space
    /// before a colon is dropped (`Onderwerp   : …`).
    static func segments(_ line: String) -> [String] {
        // One pass over the bytes, no regular expressions: it runs on every header line. Dotted
        // leaders ("...", "…") and gaps of two or more spaces become a tab; spaces before a colon go.
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        /// The length of a dot, space, "…" or no-break space at `i`, and whether it is a dot (1 or 3) or a space.
        func filler(_ i: Int) -> (length: Int, dots: Int, spaces: Int)? {
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case 46: return (1, 1, 0)
            case 32: return (1, 0, 1)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6: return (3, 3, 0)
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: return (2, 0, 1)
            default: return nil
            }
        }
        var i = 0
        while i < bytes.count {
            guard filler(i) != nil else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i, dots = 0, spaces = 0
            while let f = filler(j) {
                dots += f.dots
                spaces += f.spaces
                j += f.length
            }
            if dots >= 3 {
                out.append(9)                                              // a dotted leader
            } else if j < bytes.count, bytes[j] == 58 {
                out.append(contentsOf: bytes[i..<j].filter { $0 == 46 })  // "Onderwerp   :" → "Onderwerp:"
            } else if dots == 0, spaces >= 2 {
                out.append(9)                                              // a column gap
            } else {
                out.append(contentsOf: bytes[i..<j])
            }
            i = j
        }
        var result: [String] = []
        for piece in out.split(whereSeparator: { $0 == 9 || $0 == 124 }) {
            var s = piece.startIndex, e = piece.endIndex
            while s < e, piece[s] == 32 { s += 1 }
            while e > s, piece[e - 1] == 32 { e -= 1 }
            if e > s { result += splitAtLabels(String(decoding: piece[s..<e], as: UTF8.self)) }
        }
        return result
    }

    /// "Vergadering: 20 januari 2009 Agendanummer: 9 Portefeuillehouder: X": a table row flattened
    /// into one line without separators, split before every known label that ends in a colon.
    static func splitAtLabels(_ segment: String) -> [String] {
        let bytes = Array(segment.utf8)
        guard bytes.filter({ $0 == 58 }).count >= 2 else { return [segment] }
        var cuts: [Int] = []
        for (colon, byte) in bytes.enumerated() where byte == 58 && colon > 0 {
            // The label: one to four words of letters right before the colon (a space before the colon allowed).
            var end = colon
            while end > 0, bytes[end - 1] == 32 { end -= 1 }
            var wordStarts: [Int] = []
            var i = end
            while i > 0, wordStarts.count < 4 {
                var j = i
                while j > 0, bytes[j - 1] != 32 { j -= 1 }
                guard j < i, bytes[j..<i].allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 >= 0x80 || $0 == 46 || $0 == 40 || $0 == 41 || $0 == 38 || $0 == 45 }) else { break }
                wordStarts.append(j)
                i = j
                while i > 0, bytes[i - 1] == 32 { i -= 1 }
            }
            // The longest known label wins ("Datum raadsvergadering" over "raadsvergadering").
            for start in wordStarts.reversed() where start > 0 {
                let label = normalize(String(decoding: bytes[start..<end], as: UTF8.self))
                if labelIndex[label] != nil || label.hasSuffix("nummer") && !label.contains(" ") {
                    cuts.append(start)
                    break
                }
            }
        }
        guard !cuts.isEmpty else { return [segment] }
        var pieces: [String] = []
        var from = 0
        for cut in cuts where cut > from {
            let piece = String(decoding: bytes[from..<cut], as: UTF8.self).trimmedFast()
            if !piece.isEmpty { pieces.append(piece) }
            from = cut
        }
        let last = String(decoding: bytes[from...], as: UTF8.self).trimmedFast()
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }

    /// `Label: value` or a bare `Label` (value on the next line).
    static func labelled(_ segment: String) -> (Kind, String)? {
        // A label is short: a colon far into the line, or a long line without one, is running text.
        if segment.utf8.count > 80, !segment.utf8.prefix(64).contains(58), !segment.utf8.prefix(64).contains(0xEF) { return nil }
        if let colon = segment.prefix(60).firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let label = normalize(String(segment[..<colon]))
            let value = segment[segment.index(after: colon)...].trimmedFast()
            guard let kind = labelIndex[label] ?? ocrKind(label) else {
                // "BBVnummer: 108066", "Gemeenteraad Ridderkerk: 11 december 2014".
                if !label.contains(" "), label.hasSuffix("nummer"), label.utf8.count <= 24, value.contains(where: \.isNumber) { return (.specifiekNummer, value) }
                if let first = label.split(separator: " ").first, ["gemeenteraad", "raadsvergadering", "raad"].contains(String(first)),
                   label.split(separator: " ").count == 2, firstDate(value) != nil { return (.raadsdatum, value) }
                return nil
            }
            return (kind, value)
        }
        return kind(of: segment).map { ($0, "") }
    }

    /// The kind of a segment that is only a label.
    static func kind(of segment: String) -> Kind? {
        guard segment.utf8.count <= 80 else { return nil }
        let label = normalize(segment)
        return labelIndex[label] ?? (label.utf8.count <= 50 ? ocrKind(label) : nil)
    }

    /// "Voorstel voor de raadsvergadering van 12 juni 2025", "in uw vergadering van …",
    /// "Raadsvoorstel nr. 2025/56": a field in running text.
    static func runningText(_ segment: String) -> (Kind, String)? {
        // A field in running text sits in a short line ("Voorstel voor de raadsvergadering van 12 juni 2025").
        guard segment.utf8.count <= 200 else { return nil }
        let lowered = segment.lowercased()
        // All phrases below have "raad" or a number label in them; most lines have neither.
        let mayHaveDate = lowered.utf8.count < 400 && (lowered.has("raad") || lowered.has("vergadering"))
        for phrase in mayHaveDate ? ["raadsvergadering van", "raadsvergadering d.d.", "vergadering van de gemeenteraad van", "vergadering van de raad van",
                       "vergadering van de raad d.d.", "in uw vergadering van", "gemeenteraad van", "raadsvergadering op", "raad op"] : [] {
            guard let end = lowered.endOfFirst(phrase) else { continue }
            let rest = String(lowered[end...])
            // A date right after the phrase: "raadsvergadering van 12 juni 2025".
            if Leeswijzer.hasYear(rest) || rest.utf8.contains(where: { $0 == 45 || $0 == 47 }), firstDate(rest) != nil { return (.raadsdatum, rest) }
        }
        // "Nr. 2025-47": a number label with only a space before its value.
        for prefix in ["nr. ", "nummer ", "zaaknummer ", "kenmerk "] where lowered.hasPrefix(prefix) {
            let rest = String(segment.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            if !rest.contains(" "), rest.contains(where: \.isNumber) { return (prefix == "nr. " || prefix == "nummer " ? .nummer : .specifiekNummer, rest) }
        }
        // "Raadsvergadering 08-07-2025 19:30": the label with only a space before its date.
        if lowered.hasPrefix("raadsvergadering "), let date = firstDate(String(lowered.dropFirst("raadsvergadering ".count))) {
            return (.raadsdatum, date.dutch)
        }
        for prefix in ["raadsvoorstel nr.", "raadsvoorstel nr", "raadsvoorstelnummer", "raadsvoorstel nummer", "voorstel nr.", "voorstelnummer", "raadsvoorstel "]
        where lowered.hasPrefix(prefix) {
            let rest = String(segment.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ":")))
            // A number like 2025-123 or 2025/56, not a word or a bare year.
            if let first = rest.split(separator: " ").first, first.contains(where: \.isNumber),
               first.contains(where: { "-/.".contains($0) }) || !prefix.hasSuffix(" ") {
                return (.specifiekNummer, String(first))
            }
        }
        return nil
    }

    /// The way the raad treats the voorstel, from words such as "ter kennisname" or "besluitvormend".
    static func treatment(_ text: String) -> String? {
        let folded = String(decoding: ByteFolding.fold(text), as: UTF8.self)
        if ["ter besluitvorming", "besluitvormend", "ter vaststelling", "ter besluit"].contains(where: { folded.has($0) }) { return "ter besluitvorming" }
        if ["ter kennisname", "ter informatie", "informerend", "ter kennisneming"].contains(where: { folded.has($0) }) { return "ter kennisname" }
        if ["ter bespreking", "oordeelsvormend", "ter advisering", "ter consultatie"].contains(where: { folded.has($0) }) { return "ter bespreking" }
        return nil
    }

    /// Labels by their normalized text; the first entry of a label wins.
    static let labelIndex: [String: Kind] = {
        var index: [String: Kind] = [:]
        for (label, kind) in labels where index[label] == nil { index[label] = kind }
        return index
    }()

    /// Labels by their OCR-tolerant key (see `AnalysisRules.headingKey`), for labels such as
    /// "Reglstraüedatum" or "Portefeuille houder".
    static let labelKeys: [String: Kind] = {
        var keys: [String: Kind] = [:]
        for (label, kind) in labels where keys[AnalysisRules.headingKey(label)] == nil { keys[AnalysisRules.headingKey(label)] = kind }
        return keys
    }()

    /// The OCR keys of nine letters or more, by length, as bytes.
    static let longLabelKeys: [Int: [([UInt8], Kind)]] = {
        var byLength: [Int: [([UInt8], Kind)]] = [:]
        for (key, kind) in labelKeys where key.utf8.count >= 9 { byLength[key.utf8.count, default: []].append((Array(key.utf8), kind)) }
        return byLength
    }()

    static func ocrKind(_ label: String) -> Kind? {
        let key = AnalysisRules.headingKey(label)
        if let kind = labelKeys[key] { return kind }
        guard key.utf8.count >= 9, label.utf8.count <= 60, !key.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        let bytes = Array(key.utf8)
        for length in (bytes.count - 1)...(bytes.count + 1) {
            for (candidate, kind) in longLabelKeys[length] ?? [] where AnalysisRules.withinOneEdit(bytes, candidate) { return kind }
        }
        return nil
    }

    static func normalize(_ label: String) -> String {
        // Lowercase, one space between words, no trailing "." or ":" (on bytes: it runs on every header segment).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(label.utf8.count)
        var pendingSpace = false
        for b in label.utf8 {
            if b == 32 || b == 9 || b == 10 || b == 13 {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(32); pendingSpace = false }
            bytes.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        while let last = bytes.last, last == 46 || last == 58 || last == 32 { bytes.removeLast() }
        let text = String(decoding: bytes, as: UTF8.self)
        // Non-ASCII capitals ("É") still need the full lowercasing.
        return bytes.contains(where: { $0 >= 0x80 }) ? text.lowercased() : text
    }

    /// Whether `needle` occurs in `haystack`, compared on bytes.
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
        outer: for i in 0...(h.count - n.count) where h[i] == n[0] {
            for j in 1..<n.count where h[i + j] != n[j] { continue outer }
            return true
        }
        return false
    }

    /// The first date in `text`: `12 juni 2025` (a weekday before it is fine), `12-06-2025`,
    /// `12/6/2025`, `12.06.2025` or `2025-06-12`.
    static func firstDate(_ text: String) -> DateValue? {
        // Every form has a year of four digits: without one, nothing to read.
        var run = 0, sawYear = false
        for b in text.utf8 {
            if b >= 48 && b <= 57 { run += 1 } else { if run == 4 { sawYear = true; break }; run = 0 }
        }
        guard sawYear || run == 4 else { return nil }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
        for (i, word) in words.enumerated() {
            // Only words of digits and separators can be a numeric date; only a number of one or two digits a day.
            guard let firstByte = word.utf8.first, firstByte >= 48 && firstByte <= 57 else { continue }
            if word.utf8.contains(where: { $0 == 45 || $0 == 47 || $0 == 46 }) {
                let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
                if parts.count == 3, parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }), let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) {
                    if parts[0].count == 4, let date = DateValue(year: a, month: b, day: c) { return date }
                    if parts[2].count == 4, let date = DateValue(year: c, month: b, day: a) { return date }
                }
            }
            if word.utf8.count <= 2, let day = Int(word), (1...31).contains(day), i + 2 < words.count,
               let month = DateValue.monthNames.firstIndex(of: words[i + 1]).map({ $0 + 1 }) ?? shortMonths.firstIndex(of: words[i + 1].trimmedFast(also: ".,;:")).map({ $0 + 1 }),
               let year = Int(words[i + 2].trimmedFast(also: ".,;:!?")), (1900...2200).contains(year),
               let date = DateValue(year: year, month: month, day: day) {
                return date
            }
        }
        return nil
    }

    static let shortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
}
