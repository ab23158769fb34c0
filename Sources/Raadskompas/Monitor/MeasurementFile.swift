import Foundation
import KompasDSL

/// What a CSV of measurements looks like before its rows are read: the separator, the columns and
/// their roles, the decimal sign, and what a cell says about a value (unknown, not applicable,
/// secret, provisional). The shapes are those CBS StatLine, the CBS OData API (v3 TypedDataSet and
/// UntypedDataSet, v4 observations), the `cbsodata` client and waarstaatjegemeente.nl produce.
public enum MeasurementFile {
    /// `;` (StatLine, Dutch Excel), `,` (OData/cbsodata/pandas) or a tab.
    static let separators: [UInt8] = [UInt8(ascii: ";"), 0x09, UInt8(ascii: ",")]

    /// `puntkomma's`, `komma's`, `tabs`.
    static func separatorPlural(_ separator: UInt8) -> String {
        switch separator {
        case UInt8(ascii: ";"): "puntkomma's"
        case 0x09: "tabs"
        default: "komma's"
        }
    }

    static func separatorName(_ separator: UInt8) -> String {
        switch separator {
        case UInt8(ascii: ";"): "puntkomma"
        case 0x09: "tab"
        default: "komma"
        }
    }

    /// How often each separator occurs outside quotes; the most frequent wins (`;` before tab
    /// before `,` when equal, as a `,` can be a decimal comma in a StatLine file).
    static func separator(of line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var counts = [0, 0, 0]
        var quoted = false
        for byte in line {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            guard !quoted else { continue }
            if let i = separators.firstIndex(of: byte) { counts[i] += 1 }
        }
        guard let best = counts.max(), best > 0 else { return nil }
        return separators[counts.firstIndex(of: best)!]
    }

    /// Counts the cells a line has with `separator` (quotes honoured).
    static func cellCount(_ line: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Int {
        var count = 1, quoted = false
        for byte in line {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == separator, !quoted { count += 1 }
        }
        return count
    }

    /// The decimal sign of the value column, decided by the first value that shows it.
    public enum Decimaal: String, Sendable {
        case komma, punt
    }

    /// Why a value is missing, as CBS marks it.
    public enum Ontbreekt: String, Sendable, CaseIterable {
        /// `.`: gegevens ontbreken (unknown).
        case onbekend
        /// An empty cell: the figure cannot occur (niet van toepassing).
        case nvt
        /// `x`: geheim (confidential).
        case geheim

        public var uitleg: String {
            switch self {
            case .onbekend: "onbekend"
            case .nvt: "niet van toepassing"
            case .geheim: "geheim"
            }
        }
    }

    /// Definitief, voorlopig (`*`) or nader voorlopig (`**`).
    public enum Status: Int, Sendable, Comparable {
        case definitief = 0, voorlopig = 1, naderVoorlopig = 2

        public static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }

        public var woord: String {
            switch self {
            case .definitief: "definitief"
            case .voorlopig: "voorlopig"
            case .naderVoorlopig: "nader voorlopig"
            }
        }
    }

    /// One cell of the value column.
    public enum Cell: Equatable, Sendable {
        case number(Double, Status)
        case missing(Ontbreekt, Status)
    }

    /// What a value's text showed about the decimal sign.
    /// `ambiguous`: `1.250` (1,25 or 1250); `ambiguousComma`: `6,100` (6,1 or 6100, as an English
    /// Excel writes thousands).
    enum Evidence { case none, komma, punt, ambiguous, ambiguousComma }

    /// Reads a value: `12,5`, `12.5`, `1.250,5`, `-1.1`; `.` unknown, empty not applicable, `x`
    /// secret, `-` nihil (zero); `*` provisional, `**` nader voorlopig. With `decimal` nil, a single
    /// dot followed by exactly three digits (`1.250`) is ambiguous: read as a decimal point (as CBS
    /// writes) and reported, so that the caller can read again once the column shows its sign.
    static func cell(_ raw: UnsafeBufferPointer<UInt8>, decimal: Decimaal?) -> (Cell, Evidence)? {
        var start = raw.startIndex, end = raw.endIndex
        while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
        while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
        var status = Status.definitief
        if end > start, raw[end - 1] == UInt8(ascii: "*") {
            status = .voorlopig
            end -= 1
            if end > start, raw[end - 1] == UInt8(ascii: "*") { status = .naderVoorlopig; end -= 1 }
            while end > start, raw[end - 1] == 0x20 { end -= 1 }
        }
        let count = end - start
        if count == 0 { return (.missing(status == .definitief ? .nvt : .onbekend, status), .none) }
        if count == 1 {
            switch raw[start] {
            case UInt8(ascii: "."): return (.missing(.onbekend, status), .none)
            case UInt8(ascii: "x"), UInt8(ascii: "X"): return (.missing(.geheim, status), .none)
            case UInt8(ascii: "-"): return (.number(0, status), .none)
            default: break
            }
        }
        var commas = 0, dots = 0, lastDot = -1
        for i in start..<end {
            switch raw[i] {
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: "."): dots += 1; lastDot = i
            case UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where i == start: break
            case UInt8(ascii: "+") where i == start: break
            default: return nil
            }
        }
        var evidence = Evidence.none
        let mode: Decimaal
        var lastComma = -1
        if commas > 0 { for i in start..<end where raw[i] == UInt8(ascii: ",") { lastComma = i } }
        if commas > 1 || (commas == 1 && dots == 1 && lastComma < lastDot) {
            // `1,234,567` or `6,100.5`: commas group thousands, the dot (if any) is decimal.
            guard decimal != .komma else { return nil }
            mode = .punt
            evidence = .punt
        } else if commas == 1 {
            let after = end - lastComma - 1, before = lastComma - start - (raw[start] == UInt8(ascii: "-") ? 1 : 0)
            if decimal == .punt {
                mode = .punt
            } else {
                mode = .komma
                evidence = decimal == nil && dots == 0 && after == 3 && (1...3).contains(before) ? .ambiguousComma : .komma
            }
        } else if dots > 1 {
            guard decimal != .punt else { return nil }
            mode = .komma
            evidence = .komma
        } else if dots == 1 {
            let after = end - lastDot - 1
            if let decimal {
                mode = decimal
            } else {
                mode = .punt
                evidence = after == 3 ? .ambiguous : .punt
            }
        } else {
            mode = decimal ?? .punt
        }
        // The digits as one integer mantissa with a scale: one correctly rounded division.
        var mantissa: UInt64 = 0, digits = 0, scale = -1, sinceGroup = -1
        var negative = false
        for i in start..<end {
            let byte = raw[i]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if scale >= 0 { scale += 1 }
                if sinceGroup >= 0 { sinceGroup += 1 }
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."):
                if mode == .punt {
                    scale = 0
                } else {
                    // A thousands dot: after one to three digits, then groups of exactly three.
                    guard scale < 0, sinceGroup == -1 ? (1...3).contains(digits) : sinceGroup == 3 else { return nil }
                    sinceGroup = 0
                }
            default: // a comma
                if mode == .punt {
                    // A thousands comma: after one to three digits, then groups of exactly three.
                    guard scale < 0, sinceGroup == -1 ? (1...3).contains(digits) : sinceGroup == 3 else { return nil }
                    sinceGroup = 0
                } else {
                    guard sinceGroup == -1 || sinceGroup == 3 else { return nil }
                    sinceGroup = -1
                    scale = 0
                }
            }
        }
        if sinceGroup >= 0, sinceGroup != 3 { return nil }
        guard digits > 0, scale != 0 else { return nil }
        let number: Double
        if digits <= 15 {
            let value = Double(mantissa) / MeasurementImport.powersOfTen[max(scale, 0)]
            number = negative ? -value : value
        } else {
            var text = String(decoding: UnsafeBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
            if mode == .komma { text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") } else { text = text.replacingOccurrences(of: ",", with: "") }
            guard let parsed = Double(text), parsed.isFinite else { return nil }
            number = parsed
        }
        return (.number(number, status), evidence)
    }

    // MARK: - Columns

    /// The role of every column, from the header. A class: the row loop holds it for every line,
    /// and a struct with arrays would be copied (retained) per row.
    final class Layout {
        let indicator: Int?
        let region: Int?
        let period: Int?
        let value: Int
        /// OData v4: why a value is missing (`Impossible`, `Confidential`, …).
        let valueAttribute: Int?
        /// Columns that are neither region, period nor value: geslacht, leeftijd, Measure, …
        let dimensions: [Int]
        /// StatLine's table layout (`Regio's;Onderwerp;2012;2016;2024*`): a column per period.
        let periodColumns: [(index: Int, periode: String, status: Status)]
        /// The long format `indicator;gebied;periode;waarde`: written by people, whose period without
        /// a star means definitief (a CBS code file cannot say either way).
        var isLong = false
        /// A period written in two columns, `Jaar;Maand` or `Jaar;Kwartaal` (the conjunctuurklok):
        /// the month or quarter column; `period` is then the year column.
        var periodPart: Int?

        init(indicator: Int?, region: Int?, period: Int?, value: Int, valueAttribute: Int?, dimensions: [Int],
             periodColumns: [(index: Int, periode: String, status: Status)] = []) {
            self.indicator = indicator
            self.region = region
            self.period = period
            self.value = value
            self.valueAttribute = valueAttribute
            self.dimensions = dimensions
            self.periodColumns = periodColumns
        }
    }

    /// A header cell that names a period (`2024`, `2024*`, `2024 1e kwartaal`, `2024KW01`).
    static func periodHeader(_ text: String) -> (String, Status)? {
        var name = text.trimmingCharacters(in: .whitespaces)
        var status = Status.definitief
        if name.hasSuffix("**") { status = .naderVoorlopig; name.removeLast(2) } else if name.hasSuffix("*") { status = .voorlopig; name.removeLast() }
        guard let first = name.first, first.isNumber, let periode = Periode.normalize(name.trimmingCharacters(in: .whitespaces)) else { return nil }
        return (periode, status)
    }

    /// A dimension as a user can type it after `waar`: `BurgerlijkeStaat` for `Burgerlijke staat`.
    static func dimensionKey(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func normalizedHeader(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    static let regionNames: Set<String> = ["regios", "regio's", "regio", "regioindelingen", "regions", "region", "wijkenenbuurten",
                                           "wijken en buurten", "gemeenten", "gemeente", "gemeentecode", "gemeentenaam", "gebied",
                                           "gebiedcode", "gebiedscode", "gebiedsnaam", "regiocode", "regionaam", "provincies", "codering_3"]
    static let periodNames: Set<String> = ["perioden", "periods", "periode", "period"]
    /// Columns that are never values or dimensions; `""` is the empty column a trailing separator makes.
    static let ignoredNames: Set<String> = ["id", "stringvalue", "unit", "eenheid", ""]

    /// Whether a line names the columns of a measurement file (a region, a period or the long
    /// format's columns): the header. Above it, StatLine can write a title and topic lines.
    static func looksLikeHeader(_ cells: [String]) -> Bool {
        let names = cells.map(normalizedHeader)
        return names.contains { regionNames.contains($0) || periodNames.contains($0) || $0.hasPrefix("regio") || $0.hasPrefix("wijkenenbuurten") || $0 == "indicator" }
            || names.contains("jaar") && (names.contains("maand") || names.contains("kwartaal"))
    }

    /// Finds the roles. The long format is `indicator;gebied;periode;waarde`; a CBS file has a
    /// region column (RegioS, Regio's, WijkenEnBuurten, …), a period column (Perioden, Periods) and
    /// measures after them; OData v4 has `Measure` and `Value`. Columns before the period that are
    /// not the region are dimensions; so are the columns of an v4 file other than its `Value`.
    static func layout(_ header: [String], indicatorColumn: Bool, valueColumn: String?, fixedPeriod: Bool, fixedRegion: Bool = false, line: Int) throws(MeasurementImport.Failure) -> Layout {
        let names = header.map(normalizedHeader)
        if let i = names.firstIndex(of: "indicator"), let g = names.firstIndex(of: "gebied"), let p = names.firstIndex(of: "periode"),
           let w = names.firstIndex(of: "waarde") {
            let others = names.indices.filter { ![i, g, p, w].contains($0) && !ignoredNames.contains(names[$0]) }
            let layout = Layout(indicator: indicatorColumn ? i : nil, region: g, period: p, value: w, valueAttribute: nil, dimensions: others)
            layout.isLong = true
            return layout
        }
        if names.contains("indicator"), names.contains("gebied"), !names.contains("waarde") {
            throw .init(line: line, message: "kolommen niet herkend: \(header.joined(separator: ", ")); de kolom `waarde` ontbreekt",
                        hint: "de kopregel is indicator;gebied;periode;waarde")
        }
        // A gemeente code column wins over a name column next to it (`Gemeentenaam;Gemeentecode;…`).
        let regionCandidates = names.indices.filter { name in
            let n = names[name]
            return regionNames.contains(n) || n.hasPrefix("regio") || n.hasPrefix("wijkenenbuurten")
        }
        let region = regionCandidates.first { names[$0].hasSuffix("code") || names[$0] == "regios" } ?? regionCandidates.first
        // A period in two columns: the year, and its month or quarter.
        let periodPart = names.firstIndex { periodNames.contains($0) } == nil ? names.firstIndex { $0 == "maand" || $0 == "kwartaal" } : nil
        let period = names.firstIndex { periodNames.contains($0) } ?? (periodPart != nil ? names.firstIndex(of: "jaar") : nil)
        // The table layout: no period column, but columns named after periods.
        if region != nil || fixedRegion, period == nil, !fixedPeriod {
            let periodColumns = header.indices.compactMap { i -> (index: Int, periode: String, status: Status)? in
                guard i != region, let (periode, status) = periodHeader(header[i]) else { return nil }
                return (i, periode, status)
            }
            if !periodColumns.isEmpty {
                guard !indicatorColumn else {
                    throw .init(line: line, message: "in een CBS-bestand staat niet welke indicator het is",
                                hint: "geef die op: importeer metingen \"…\" indicator=ID")
                }
                let taken = Set(periodColumns.map(\.index) + [region].compactMap { $0 })
                let dimensions = names.indices.filter { !taken.contains($0) && !ignoredNames.contains(names[$0]) && !regionCandidates.contains($0) }
                return Layout(indicator: nil, region: region, period: nil, value: -1, valueAttribute: nil, dimensions: dimensions, periodColumns: periodColumns)
            }
        }
        guard region != nil || fixedRegion, period != nil || fixedPeriod else {
            // What is missing that was not given: with gebied= given, it is the period.
            let noRegion = region == nil && !fixedRegion
            let missing = noRegion ? "geen kolom met gebieden (zoals RegioS of Regio's)" : "geen kolom met perioden (zoals Perioden, of Jaar met Maand)"
            throw .init(line: line, message: "kolommen niet herkend: \(header.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")); er is \(missing)",
                        hint: noRegion
                            ? "gebruik indicator;gebied;periode;waarde, of een CBS-bestand met RegioS en Perioden; gaan alle cijfers over één gebied, geef dat dan met gebied=\"Nederland\""
                            : "geef de periode van alle cijfers op met periode=2024, of kies een bestand met een kolom Perioden")
        }
        guard !indicatorColumn else {
            throw .init(line: line, message: "in een CBS-bestand staat niet welke indicator het is",
                        hint: "geef die op: importeer metingen \"…\" indicator=ID (en kolom=\"Kolomnaam\" bij meer kolommen met cijfers)")
        }
        let roles = Set([region, period, period == nil ? nil : periodPart].compactMap { $0 })
        let valueAttribute = names.firstIndex(of: "valueattribute")
        // OData v4 observations: one `Value` column, the topic in `Measure`.
        if let v4 = names.firstIndex(of: "value"), valueColumn == nil || valueColumn.map(normalizedHeader) == "value" {
            let dimensions = names.indices.filter { !roles.contains($0) && $0 != v4 && $0 != valueAttribute && !ignoredNames.contains(names[$0]) }
            let layout = Layout(indicator: nil, region: region, period: period, value: v4, valueAttribute: valueAttribute, dimensions: dimensions)
            layout.periodPart = period == nil ? nil : periodPart
            return layout
        }
        let last = roles.max() ?? 0
        let before = names.indices.filter { $0 < last && !roles.contains($0) && $0 != valueAttribute && !ignoredNames.contains(names[$0]) && !regionCandidates.contains($0) }
        let after = names.indices.filter { $0 > last && $0 != valueAttribute && !ignoredNames.contains(names[$0]) }
        let value: Int
        if let valueColumn {
            let wanted = normalizedHeader(valueColumn)
            guard let index = names.firstIndex(of: wanted) ?? names.firstIndex(where: { $0.hasPrefix(wanted) && after.contains(names.firstIndex(of: $0)!) }) else {
                throw .init(line: line, message: "kolom `\(valueColumn)` staat niet in het bestand",
                            hint: Suggestion.hint(for: valueColumn, in: after.map { header[$0] }) ?? "kolommen met cijfers: " + after.map { header[$0] }.joined(separator: ", "))
            }
            value = index
        } else {
            guard after.count == 1, let only = after.first else {
                throw .init(line: line, message: after.isEmpty ? "het bestand heeft geen kolom met waarden" : "het bestand heeft \(after.count) kolommen met waarden",
                            hint: after.isEmpty ? "na de kolommen met gebied en periode hoort een kolom met cijfers"
                                : "kies er een met kolom=\"…\": " + after.map { header[$0].trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
            }
            value = only
        }
        let layout = Layout(indicator: nil, region: region, period: period, value: value, valueAttribute: valueAttribute,
                            dimensions: before.filter { $0 != value })
        layout.periodPart = period == nil ? nil : periodPart
        return layout
    }

    /// The period of a year and its month or quarter as CBS writes them in two columns: `2024` and
    /// `mei`, `5`, `05`, `1e kwartaal`, `K1` or `kwartaal 1`. Nil when the part is none of those.
    static func period(year: String, part: String) -> String? {
        let text = part.trimmingCharacters(in: .whitespaces).lowercased()
        if let month = DateValue.monthNames.firstIndex(of: text) ?? VoorstelKop.shortMonths.firstIndex(of: text.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
            ?? Int(text).flatMap({ (1...12).contains($0) ? $0 - 1 : nil }) {
            return year + "-" + (month < 9 ? "0" : "") + String(month + 1)
        }
        let digits = text.filter(\.isNumber)
        if text.contains("kwartaal") || text.hasPrefix("k") || text.hasPrefix("q"), digits.count == 1, let quarter = Int(digits), (1...4).contains(quarter) {
            return year + "-K" + digits
        }
        return nil
    }

    /// OData v4 `ValueAttribute`: why a value is missing.
    static func reason(valueAttribute text: String) -> Ontbreekt? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "impossible", "notapplicable", "niet van toepassing": .nvt
        case "confidential", "secret", "geheim": .geheim
        case "missing", "unknown", "notavailable", "onbekend", "": .onbekend
        default: nil
        }
    }

    // MARK: - Metadata

    /// The metadata CBS publishes next to a table (the StatLine "metadata" CSV, or `cbsodata`'s):
    /// sections such as `TableInfos`, `DataProperties`, and one per dimension (`Geslacht`,
    /// `RegioS`, `Perioden`) listing `Key` and `Title` (and for periods a `Status`).
    public struct Metadata: Sendable {
        /// Per dimension (lowercased section name): key → title.
        public var titles: [String: [String: String]] = [:]
        /// Per dimension: the keys in file order.
        public var keys: [String: [String]] = [:]
        /// Perioden whose `Status` is Voorlopig or Nader voorlopig.
        public var periodStatus: [String: Status] = [:]
        public var tableTitle: String?
        /// `DataProperties`: the keys of the table's topics and dimensions, with their titles.
        public var topics: [String: String] = [:]
        /// One section on its own (`…_Periods.csv` of the OData API), without `DataProperties`: it
        /// describes some columns of the table, not all.
        public var partial = false

        /// The key of a value column whose title is `title` (`kolom="Cliënten per 10 000 inwoners"`).
        public func topicKey(title: String) -> String? {
            let wanted = normalizedHeader(title)
            return topics.first { normalizedHeader($0.value) == wanted }?.key
        }

        public func title(_ dimension: String, _ key: String) -> String? {
            titles[normalizedHeader(dimension)]?[key.trimmingCharacters(in: .whitespaces)]
        }

        /// The key whose title is `label` (a user may write `Geslacht=Mannen`).
        public func key(_ dimension: String, title label: String) -> String? {
            let wanted = label.trimmingCharacters(in: .whitespaces).lowercased()
            return titles[normalizedHeader(dimension)]?.first { $0.value.lowercased() == wanted }?.key
        }
    }

    /// Reads a metadata file. A section starts with a line holding only its name; the next line is
    /// its header; its rows follow until an empty line or the next section.
    public static func metadata(path: String) throws(MeasurementImport.Failure) -> Metadata {
        guard ContentFiles.isRegularFile(path), let data = FileManager.default.contents(atPath: path) else {
            throw .init(line: nil, message: "kan het metadatabestand `\(path)` niet lezen", hint: "controleer de naam en je leesrechten")
        }
        guard data.count <= 64 << 20 else {
            throw .init(line: nil, message: "`\(path)` is groter dan 64 MB; dat is geen metadatabestand", hint: "kies het metadatabestand (CSV) van de tabel")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        var result = Metadata()
        var section: String?, header: [String] = []
        // The OData API and cbsodata write each section as its own CSV (`83781NED_Periods.csv`,
        // `…_DataProperties.csv`), without a line naming it: a header with Key and Title starts one,
        // named after what it holds (its keys are periods, or its file name says it).
        let unnamed = "\u{1}onbenoemd"
        var unnamedCount = 0
        var timeDimension: String?
        let fileSection = (((path as NSString).lastPathComponent as NSString).deletingPathExtension).split(separator: "_").last.map { normalizedHeader(String($0)) }
        func nameUnnamed() {
            guard let keys = result.keys[unnamed] else { return }
            let titles = result.titles[unnamed] ?? [:]
            result.keys[unnamed] = nil
            result.titles[unnamed] = nil
            let periods = keys.allSatisfy { Periode.normalize($0) != nil }
            var names = Set<String>()
            if periods { names.formUnion(["perioden", timeDimension ?? "periods"]) }
            if let fileSection, !["metadata", "dataproperties"].contains(fileSection), unnamedCount == 1 || !periods { names.insert(fileSection) }
            for name in names {
                result.keys[name, default: []] += keys
                result.titles[name, default: [:]].merge(titles) { a, _ in a }
            }
        }
        for values in records(text) {
            if values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { nameUnnamed(); section = nil; header = []; continue }
            // A section starts with a line holding only its name.
            if values.count == 1 {
                nameUnnamed()
                section = normalizedHeader(values[0])
                header = []
                continue
            }
            let names = values.map(normalizedHeader)
            if names.contains("key"), names.contains("title"), section == nil || !header.isEmpty && section == unnamed || section == "dataproperties" && header != names && !header.isEmpty {
                nameUnnamed()
                section = names.contains("odata.type") || names.contains("type") && names.contains("position") ? "dataproperties" : unnamed
                if section == unnamed { unnamedCount += 1 }
                header = names
                continue
            }
            guard let current = section else { continue }
            if header.isEmpty { header = names; continue }
            func column(_ name: String) -> String? { header.firstIndex(of: name).flatMap { $0 < values.count ? values[$0] : nil } }
            if current == "dataproperties", column("type")?.trimmingCharacters(in: .whitespaces) == "TimeDimension",
               let key = column("key")?.trimmingCharacters(in: .whitespaces), !key.isEmpty { timeDimension = normalizedHeader(key) }
            if current == "tableinfos", result.tableTitle == nil { result.tableTitle = column("title") }
            guard current != "tableinfos", let key = column("key")?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { continue }
            if current == "dataproperties" {
                // The table's topics (value columns) and dimensions, with their titles.
                result.topics[key] = column("title")?.trimmingCharacters(in: .whitespaces) ?? ""
                continue
            }
            result.titles[current, default: [:]][key] = column("title")?.trimmingCharacters(in: .whitespaces) ?? ""
            result.keys[current, default: []].append(key)
            if let status = column("status")?.lowercased() {
                if status.contains("nader") { result.periodStatus[key] = .naderVoorlopig } else if status.contains("voorlopig") { result.periodStatus[key] = .voorlopig }
            }
        }
        nameUnnamed()
        result.partial = unnamedCount > 0 && result.topics.isEmpty
        guard !result.titles.isEmpty || !result.topics.isEmpty else {
            throw .init(line: nil, message: "`\(path)` is geen metadatabestand van CBS: er staan geen secties met Key en Title in",
                        hint: "download bij de tabel ook de metadata (CSV), of laat metadata= weg")
        }
        return result
    }

    /// The records of a whole CSV text separated by `;`, `,` or tabs (decided per record), with
    /// quoted cells that may hold separators, doubled quotes and line breaks.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], cells: [String] = [], cell = ""
        var quoted = false, wasQuoted = false
        var separator: Character?
        let scalars = Array(text)
        var i = 0
        func endCell() {
            cells.append(wasQuoted ? cell : cell.trimmingCharacters(in: .whitespaces))
            cell = ""
            wasQuoted = false
        }
        func endRecord() {
            endCell()
            records.append(cells)
            cells = []
            separator = nil
        }
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
                wasQuoted = true
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endRecord()
            } else if c == ";" || c == "\t" || c == "," {
                if separator == nil { separator = c }
                if c == separator { endCell() } else { cell.append(c) }
            } else {
                cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }
}
