import Foundation
import GRDB
import GRDBSQLite
import KompasDSL

extension MeasurementImport {
    /// What to read and how: the file, the indicator, and the choices the user made.
    public struct Request: Sendable {
        public var path: String
        /// The indicator of every value (a CBS file does not say); nil for the long format.
        public var indicator: String?
        /// The column with the values, when a CBS file has more than one.
        public var column: String?
        /// The period of every value, for a file without a period column (stored form: `2024`).
        public var periode: String?
        /// The gebied of every value (a code), for a file without a region column (a national table).
        public var gebied: String?
        /// One value per extra dimension: `Geslacht=T001038` (code, or title with metadata).
        public var selectie: [(dimensie: String, waarde: String)] = []
        public var metadata: MeasurementFile.Metadata?
        /// The decimal sign, when the user states it; otherwise the column shows it.
        public var decimal: MeasurementFile.Decimaal?
        /// Store values outside the unit's range, and region names the list does not know.
        public var toch = false
        /// The values the indicator's unit allows (0…100 for a percentage); nil when it says nothing.
        public var bereik: ClosedRange<Double>?
        public var eenheid = ""
        /// The unit of every indicator, for the long format (which names its indicator per row).
        public var eenheden: [String: String] = [:]
        public var gebieden: Gebieden
        public var knownIndicators: Set<String>

        public init(path: String, indicator: String?, gebieden: Gebieden, knownIndicators: Set<String>) {
            self.path = path
            self.indicator = indicator
            self.gebieden = gebieden
            self.knownIndicators = knownIndicators
        }
    }

    /// What an import did, for the reply.
    public struct Outcome: Sendable {
        public var read = 0
        /// Measurements stored: rows kept, times the period columns of a table layout.
        public var measurements = 0
        public var changed = 0
        public var windows1252 = 0
        /// Rows left out because another value of a dimension was chosen.
        public var skipped = 0
        public var separator = UInt8(ascii: ";")
        public var decimal: MeasurementFile.Decimaal?
        /// A `1.250` was read as 1.25 because nothing in the column showed the decimal sign.
        public var ambiguousLine: Int?
        /// A `6,100` was read by the separator's convention (thousands in a comma file, else a decimal comma).
        public var ambiguousCommaLine: Int?
        /// The file was read again with commas as thousands separators, decided by this line.
        public var thousandsCommaLine: Int?
        public var status: [MeasurementFile.Status: Int] = [:]
        public var missing: [MeasurementFile.Ontbreekt: Int] = [:]
        /// Region names (`Almere`) turned into codes (`GM0034`).
        public var namesMapped = 0
        public var gebieden = 0
        public var soorten: [Gebied.Soort: Int] = [:]
        /// Names kept as they are with `toch=ja`.
        public var ownNames: [String] = []
        public var preamble = 0
        public var footer = 0
        /// Dimensions with one value only: nothing to choose.
        public var singleDimensions: [(String, String)] = []
        /// Values outside the unit's range, stored with `toch=ja`.
        public var outOfRange = 0
        /// Values whose provisional mark was kept: the file does not say they became definitief.
        public var keptProvisional = 0
        public var outOfRangeUnit = ""
        public var outOfRangeBereik: ClosedRange<Double>?
        public var periodKinds: Set<String> = []
    }

    /// The column's decimal sign turned out to be a comma after a `1.250` was read as 1.25: read again.
    struct ReadAgain: Error {
        let decimal: MeasurementFile.Decimaal
        /// A `6,100` in a comma-separated file, read again with commas as thousands.
        var commaLine: Int? = nil
    }

    /// Parses and stores in one transaction while reading: a bad line stores nothing, the same
    /// file again changes nothing, a later import replaces provisional values. Memory stays flat:
    /// rows are bound to SQLite in batches of 64; a duplicate line is found by the upsert itself.
    public static func run(_ request: Request, store: Store, progress: ((Int) -> Void)? = nil) throws(Failure) -> Outcome {
        do {
            do {
                return try attempt(request, store: store, progress: progress)
            } catch let again as ReadAgain {
                var request = request
                request.decimal = again.decimal
                var outcome = try attempt(request, store: store, progress: progress)
                outcome.decimal = again.decimal
                outcome.thousandsCommaLine = again.commaLine
                return outcome
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as StoreError {
            throw Failure(line: nil, message: error.message, hint: error.hint)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw Failure(line: nil, message: "de schijf is vol; er is niets opgeslagen", hint: "maak ruimte vrij en lees het bestand opnieuw in")
        } catch {
            throw Failure(line: nil, message: "de metingen konden niet worden opgeslagen (\(error))", hint: "probeer het opnieuw")
        }
    }

    /// The old entry point: the long format or a CBS file with one value column.
    public static func run(path: String, indicator: String?, column: String?, knownIndicators: Set<String>, gebieden: Gebieden,
                           store: Store, progress: ((Int) -> Void)? = nil) throws(Failure) -> (read: Int, changed: Int, windows1252: Int) {
        var request = Request(path: path, indicator: indicator, gebieden: gebieden, knownIndicators: knownIndicators)
        request.column = column
        let outcome = try run(request, store: store, progress: progress)
        return (outcome.read, outcome.changed, outcome.windows1252)
    }

    static let footerWords = ["bron", "centraal bureau", "©", "(c)", "cbs", "bijgewerkt", "toelichting", "verklaring", "gegevens ", "copyright", "status"]

    private static func attempt(_ request: Request, store: Store, progress: ((Int) -> Void)?) throws -> Outcome {
        try store.write { db -> Outcome in
            var outcome = Outcome()
            var header: [String] = []
            var layout: MeasurementFile.Layout?
            var separator = UInt8(ascii: ";")
            var scratch: [UInt8] = [], cells: [Range<Int>] = []
            var lastIndicator: [UInt8] = [], lastIndicatorText = ""
            var bereik = request.bereik, eenheid = request.eenheid
            var lastRegion: [UInt8] = [], lastRegionCode = ""
            var regions: [String: String] = [:]
            var countedCodes = Set<String>()
            var seenRegions = Set<String>()
            var periods: [UInt64: (periode: String, code: Bool)] = [:]
            var decimal = request.decimal
            var footerLine: Int?
            var unitsLineSkipped = false
            var headerLine = 1
            /// The first line that could have been the header, for the error when none is found.
            var firstCandidate: (line: Int, cells: [String])?
            var topicLines: [[String]] = []
            // Dimensions: the chosen value (lowercased, code and title), the values seen.
            var chosen: [Int: Set<String>] = [:]
            var chosenNames: [Int: String] = [:]
            var firstValue: [Int: String] = [:]
            var seenValues: [Int: [String]] = [:]
            var surveying = false
            var outOfRangeExamples: [String] = []
            var firstOutOfRange: Int?

            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            // The provisional marks already stored (few: the latest periods), to keep them when a file
            // cannot say a figure became definitief.
            var provisional: [String: MeasurementFile.Status] = [:]
            let marks = try Row.fetchCursor(db, sql: "SELECT indicator, gebied, periode, voorlopig FROM meting WHERE voorlopig != 0" + (request.indicator == nil ? "" : " AND indicator = ?"),
                                            arguments: request.indicator.map { [$0] } ?? [])
            while let row = try marks.next(), provisional.count < 500_000 {
                provisional["\(row["indicator"] as String)\u{0}\(row["gebied"] as String)\u{0}\(row["periode"] as String)"] = MeasurementFile.Status(rawValue: row["voorlopig"]) ?? .voorlopig
            }
            // What was chosen from the file: another choice later must not replace these values unnoticed.
            let selectie = ((request.column.map { ["kolom=\(Value.quote($0))"] } ?? []) + request.selectie.map { "\($0.dimensie)=\($0.waarde)" }).joined(separator: " ")
            try db.execute(sql: "INSERT INTO metingimport (pad, datum, selectie) VALUES (?, ?, ?)", arguments: [request.path, Date(), selectie])
            let run = db.lastInsertedRowID
            let columnsPerRow = 6
            func upsert(rows: Int) throws -> GRDB.Statement {
                let values = (0..<rows).map { i in
                    "(" + (1...columnsPerRow).map { "?\(i * columnsPerRow + $0)" }.joined(separator: ", ") + ", ?\(rows * columnsPerRow + 1), ?\(rows * columnsPerRow + 1))"
                }
                return try db.makeStatement(sql: """
                    INSERT INTO meting (indicator, gebied, periode, waarde, voorlopig, ontbreekt, import, wijziging) VALUES \(values.joined(separator: ", "))
                    ON CONFLICT(indicator, gebied, periode) DO UPDATE SET
                        wijziging = CASE WHEN meting.waarde IS NOT excluded.waarde OR meting.voorlopig != excluded.voorlopig
                                              OR meting.ontbreekt IS NOT excluded.ontbreekt
                                         THEN excluded.import ELSE meting.wijziging END,
                        waarde = excluded.waarde, voorlopig = excluded.voorlopig, ontbreekt = excluded.ontbreekt, import = excluded.import
                    WHERE meting.import IS NOT excluded.import
                    """)
            }
            let batchSize = 64
            let full = try upsert(rows: batchSize)
            let savepoint = try db.makeStatement(sql: "SAVEPOINT metingen"), release = try db.makeStatement(sql: "RELEASE metingen")
            let rollback = try db.makeStatement(sql: "ROLLBACK TO metingen")
            let seenBefore = try db.makeStatement(sql: "SELECT 1 FROM meting WHERE indicator = ? AND gebied = ? AND periode = ? AND import = ?")
            struct Pending { let line: Int; let indicator: String; let gebied: String; let periode: String; let waarde: Double?; let status: Int32; let ontbreekt: MeasurementFile.Ontbreekt? }
            var pending: [Pending] = []
            pending.reserveCapacity(batchSize)
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            func step(_ statement: GRDB.Statement) throws {
                let pointer = statement.sqliteStatement
                sqlite3_reset(pointer)
                var code = sqlite3_step(pointer)
                while code == SQLITE_ROW { code = sqlite3_step(pointer) }
                guard code == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
            }
            func flush() throws {
                guard !pending.isEmpty else { return }
                let statement = pending.count == batchSize ? full : try upsert(rows: pending.count)
                let pointer = statement.sqliteStatement
                sqlite3_reset(pointer)
                for (i, row) in pending.enumerated() {
                    let at = Int32(i * columnsPerRow)
                    sqlite3_bind_text(pointer, at + 1, row.indicator, -1, transient)
                    sqlite3_bind_text(pointer, at + 2, row.gebied, -1, transient)
                    sqlite3_bind_text(pointer, at + 3, row.periode, -1, transient)
                    if let waarde = row.waarde { sqlite3_bind_double(pointer, at + 4, waarde) } else { sqlite3_bind_null(pointer, at + 4) }
                    sqlite3_bind_int(pointer, at + 5, row.status)
                    if let ontbreekt = row.ontbreekt { sqlite3_bind_text(pointer, at + 6, ontbreekt.rawValue, -1, transient) } else { sqlite3_bind_null(pointer, at + 6) }
                }
                sqlite3_bind_int64(pointer, Int32(pending.count * columnsPerRow + 1), run)
                try step(savepoint)
                let code = sqlite3_step(pointer)
                guard code == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                if Int(sqlite3_changes(db.sqliteConnection)) == pending.count {
                    try step(release)
                    pending.removeAll(keepingCapacity: true)
                    return
                }
                try step(rollback)
                try step(release)
                var inBatch = Set<String>()
                for row in pending {
                    let key = "\(row.indicator)\u{0}\(row.gebied)\u{0}\(row.periode)"
                    let earlier = try Bool.fetchOne(seenBefore, arguments: [row.indicator, row.gebied, row.periode, run]) ?? false
                    if !inBatch.insert(key).inserted || earlier {
                        let more = request.selectie.isEmpty && !(layout?.dimensions.isEmpty ?? true) ? "; kies met `waar` één waarde per dimensie" : ""
                        throw Failure(line: row.line, message: "dubbele regel voor \(row.indicator), \(request.gebieden.weergave(row.gebied)), \(row.periode)",
                                      hint: "haal een van de twee regels weg" + more)
                    }
                }
                throw Failure(line: pending.first?.line, message: "deze metingen konden niet worden opgeslagen", hint: "probeer het opnieuw")
            }

            /// The code of the region in a cell: a code as it is (trimmed), a name as its code.
            func region(_ raw: String, line: Int) throws -> String {
                if let known = regions[raw] { return known }
                let code: String
                var kind = Gebied.Soort.regio
                switch request.gebieden.lookup(raw) {
                case .found(let gebied):
                    code = gebied.code
                    kind = gebied.soort
                    if Gebieden.normalizedCode(raw) != gebied.code { outcome.namesMapped += 1 }
                case .unlisted(let unlisted, let soort):
                    code = unlisted
                    kind = soort
                case .ambiguous(let options):
                    throw Failure(line: line, message: "`\(raw)` kan meer gebieden zijn: " + options.map { "\($0.label ?? $0.naam) (\($0.code), \($0.soort.woord))" }.joined(separator: ", "),
                                  hint: "gebruik een download met gebiedscodes (in StatLine: ‘Codes’ bij Regio's), of zet de code in het bestand")
                case .unknown(let suggestions):
                    let trimmed = raw.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.isEmpty else {
                        throw Failure(line: line, message: "het gebied ontbreekt", hint: "schrijf een gebiedscode, bijvoorbeeld GM0363")
                    }
                    let codeShaped = Gebieden.looksLikeCode(Gebieden.normalizedCode(trimmed))
                    if request.toch, !codeShaped {
                        code = trimmed
                        outcome.ownNames.append(trimmed)
                        kind = .regio
                        break
                    }
                    let what = codeShaped
                        ? (trimmed.uppercased().hasPrefix("GM") ? "`\(trimmed)` is geen gemeentecode van CBS (indeling \(request.gebieden.bronnen.isEmpty ? "onbekend" : "2023–2025"), met de herindelingen sinds 2018)"
                                                                : "`\(trimmed)` is geen gebiedscode die Raadskompas kent (geen gemeente, provincie, wijk, buurt of Nederland)")
                        : "gebied `\(trimmed)` is onbekend"
                    let hint = suggestions.first.map { "bedoelde je `\($0)`?" }
                        ?? (codeShaped ? "controleer de code; eigen gebieden voeg je toe als inhoud (zie docs/inhoud.md)"
                                       : "Raadskompas kent de gemeenten van nu en die sinds 2018 zijn opgegaan in een andere; gebruik de CBS-code of de naam van een gemeente, of lees in met toch=ja om `\(trimmed)` als eigen gebied te bewaren")
                    throw Failure(line: line, message: what, hint: hint)
                }
                if regions.count < 100_000 { regions[raw] = code }
                if countedCodes.insert(code).inserted { outcome.soorten[kind, default: 0] += 1 }
                return code
            }

            /// The period, its status, and whether the file says the status at all: a CBS code
            /// (`2024JJ00`) without a star and without metadata does not say whether it is definitief.
            func periodOf(_ base: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int) throws -> (String, MeasurementFile.Status, Bool) {
                var periodRange = range
                var status = MeasurementFile.Status.definitief
                while let last = periodRange.last, base[last] == 0x20 { periodRange = periodRange.dropLast() }
                if let last = periodRange.last, base[last] == UInt8(ascii: "*") {
                    status = .voorlopig
                    periodRange = periodRange.dropLast()
                    if let last = periodRange.last, base[last] == UInt8(ascii: "*") { status = .naderVoorlopig; periodRange = periodRange.dropLast() }
                    while let last = periodRange.last, base[last] == 0x20 { periodRange = periodRange.dropLast() }
                }
                var key: UInt64 = 0
                if periodRange.count <= 8 { for i in periodRange { key = key << 8 | UInt64(base[i]) } }
                let metadataPeriods = request.metadata?.keys["perioden"] != nil
                if key != 0, let known = periods[key] {
                    if let metadata = request.metadata, !metadata.periodStatus.isEmpty {
                        status = max(status, metadata.periodStatus[String(decoding: UnsafeBufferPointer(rebasing: base[periodRange]), as: UTF8.self)] ?? .definitief)
                    }
                    return (known.periode, status, status != .definitief || !known.code || metadataPeriods)
                }
                let raw = String(decoding: UnsafeBufferPointer(rebasing: base[periodRange]), as: UTF8.self)
                guard let parsed = Periode.normalize(raw) else {
                    throw Failure(line: line, message: Periode.unknownMessage(raw), hint: "Raadskompas kent jaren (2023 of 2023JJ00), kwartalen (2023-K2 of 2023KW02) en maanden (2023-05 of 2023MM05); kies in StatLine die perioden")
                }
                if let metadata = request.metadata {
                    if let keys = metadata.keys["perioden"], !keys.contains(raw) {
                        throw Failure(line: line, message: "periode `\(raw)` staat niet in de metadata", hint: "controleer of data en metadata van dezelfde tabel zijn")
                    }
                    status = max(status, metadata.periodStatus[raw] ?? .definitief)
                }
                let code = MeasurementImport.period(raw) != nil
                if key != 0, periods.count < 10_000 { periods[key] = (parsed, code) }
                outcome.periodKinds.insert(Periode.soort(parsed))
                return (parsed, status, status != .definitief || !code || metadataPeriods)
            }

            /// A dimension value that the table's metadata does not list.
            func checkMetadata(_ column: Int, _ value: String, line: Int) throws {
                guard let metadata = request.metadata, let keys = metadata.keys[MeasurementFile.normalizedHeader(header[column])], !keys.contains(value) else { return }
                throw Failure(line: line, message: "`\(value)` in kolom \(header[column]) staat niet in de metadata",
                              hint: "de codes van \(header[column]) in de metadata: " + keys.prefix(8).joined(separator: ", ") + (keys.count > 8 ? ", …" : "")
                                + "; controleer of data en metadata van dezelfde tabel zijn")
            }

            /// Checks one row (its cells are ranges into `base`) and writes it.
            func store(row base: UnsafeBufferPointer<UInt8>, number: Int, layout: MeasurementFile.Layout) throws {
                func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self) }
                // Dimensions first: a row of another value is left out.
                if !layout.dimensions.isEmpty {
                    var keep = true
                    for column in layout.dimensions {
                        let value = text(cells[column])
                        try checkMetadata(column, value, line: number)
                        var seen = seenValues[column, default: []]
                        if seen.count < 60, !seen.contains(value) { seen.append(value); seenValues[column] = seen }
                        if let wanted = chosen[column] {
                            if !wanted.contains(value.lowercased()) { keep = false }
                        } else if let first = firstValue[column] {
                            if first != value { surveying = true }
                        } else {
                            firstValue[column] = value
                        }
                    }
                    if surveying { pending.removeAll(); return }
                    if !keep { outcome.skipped += 1; return }
                }
                // A `let` for the nested function below: a captured `var` would be boxed on the heap per row.
                var rowIndicator = request.indicator ?? ""
                if let column = layout.indicator {
                    let bytes = UnsafeBufferPointer(rebasing: base[cells[column]])
                    if !MeasurementImport.same(bytes, lastIndicator) {
                        let candidate = text(cells[column])
                        guard request.knownIndicators.contains(candidate) else {
                            throw Failure(line: number, message: "onbekende indicator `\(candidate)`",
                                          hint: Suggestion.hint(for: candidate, in: request.knownIndicators) ?? "typ `indicator lijst` voor de indicatoren")
                        }
                        lastIndicator = Array(bytes)
                        lastIndicatorText = candidate
                        eenheid = request.eenheden[candidate] ?? ""
                        bereik = Bereik.voor(eenheid: eenheid)
                    }
                    rowIndicator = lastIndicatorText
                }
                if layout.region == nil, let fixed = request.gebied, lastRegionCode != fixed {
                    lastRegionCode = fixed
                    seenRegions.insert(fixed)
                    if let soort = request.gebieden.gebied(code: fixed)?.soort { outcome.soorten[soort, default: 0] += 1 }
                }
                if let regionColumn = layout.region {
                let regionBytes = UnsafeBufferPointer(rebasing: base[cells[regionColumn]])
                if !MeasurementImport.same(regionBytes, lastRegion) || lastRegion.isEmpty {
                    let raw = text(cells[regionColumn])
                    if let metadata = request.metadata, let keys = metadata.keys["regios"] ?? metadata.keys["wijkenenbuurten"],
                       !keys.contains(raw.trimmingCharacters(in: .whitespaces)) {
                        throw Failure(line: number, message: "gebied `\(raw.trimmingCharacters(in: .whitespaces))` staat niet in de metadata", hint: "controleer of data en metadata van dezelfde tabel zijn")
                    }
                    lastRegionCode = try region(raw, line: number)
                    lastRegion = Array(regionBytes)
                    if seenRegions.count < 1_000_000 { seenRegions.insert(lastRegionCode) }
                }
                }
                let indicator = rowIndicator
                func measurement(_ valueRange: Range<Int>, periode: String, periodStatus: MeasurementFile.Status, statusKnown: Bool) throws {
                guard let (cell, evidence) = MeasurementFile.cell(UnsafeBufferPointer(rebasing: base[valueRange]), decimal: decimal) else {
                    let raw = text(valueRange)
                    if let stated = request.decimal {
                        throw Failure(line: number, message: "`\(raw)` past niet bij decimaal=\(stated.rawValue)" + (stated == .punt ? " (een komma groepeert dan duizendtallen per drie cijfers)" : " (een punt groepeert dan duizendtallen per drie cijfers)"),
                                      hint: "kijk welk decimaalteken het bestand gebruikt, of laat decimaal= weg")
                    }
                    if decimal != nil, raw.contains(",") || raw.contains(".") {
                        throw Failure(line: number, message: "`\(raw)` past niet bij het decimaalteken van deze kolom (\(decimal == .punt ? "punt" : "komma"), zo gelezen uit eerdere regels)",
                                      hint: "één kolom gebruikt één decimaalteken; geef het op met decimaal=komma of decimaal=punt")
                    }
                    throw Failure(line: number, message: "`\(raw)` is geen getal",
                                  hint: "schrijf een getal (12,5 of 12.5), een punt voor ‘onbekend’, een x voor ‘geheim’, of een * voor ‘voorlopig’")
                }
                switch evidence {
                case .komma:
                    if decimal == nil {
                        if outcome.ambiguousLine != nil { throw ReadAgain(decimal: .komma) }
                        decimal = .komma
                    }
                case .punt:
                    if decimal == nil {
                        if outcome.ambiguousCommaLine != nil { throw ReadAgain(decimal: .punt) }
                        decimal = .punt
                    }
                case .ambiguous: if outcome.ambiguousLine == nil { outcome.ambiguousLine = number }
                case .ambiguousComma: if outcome.ambiguousCommaLine == nil { outcome.ambiguousCommaLine = number }
                case .none: break
                }
                var waarde: Double?, ontbreekt: MeasurementFile.Ontbreekt?, status: MeasurementFile.Status
                switch cell {
                case .number(let n, let s):
                    waarde = n
                    status = max(s, periodStatus)
                    if let bereik, !bereik.contains(n) {
                        outcome.outOfRange += 1
                        if outcome.outOfRangeUnit.isEmpty { outcome.outOfRangeUnit = eenheid; outcome.outOfRangeBereik = bereik }
                        if firstOutOfRange == nil { firstOutOfRange = number }
                        if outOfRangeExamples.count < 3 { outOfRangeExamples.append("regel \(number): \(Value.format(n))") }
                    }
                case .missing(let reason, let s):
                    ontbreekt = reason
                    status = max(s, periodStatus)
                    if let column = layout.valueAttribute, let attribute = MeasurementFile.reason(valueAttribute: text(cells[column])) { ontbreekt = attribute }
                }
                // A file that does not say whether a figure is definitief keeps a provisional mark
                // an earlier download gave it.
                if !statusKnown, status == .definitief, !provisional.isEmpty,
                   let earlier = provisional["\(indicator)\u{0}\(lastRegionCode)\u{0}\(periode)"] {
                    status = earlier
                    outcome.keptProvisional += 1
                }
                if let ontbreekt { outcome.missing[ontbreekt, default: 0] += 1 }
                if status != .definitief { outcome.status[status, default: 0] += 1 }
                pending.append(Pending(line: number, indicator: indicator, gebied: lastRegionCode, periode: periode, waarde: waarde,
                                       status: Int32(status.rawValue), ontbreekt: ontbreekt))
                if pending.count == batchSize { try flush() }
                outcome.measurements += 1
                }
                if layout.periodColumns.isEmpty {
                    let periode: String, periodStatus: MeasurementFile.Status, statusKnown: Bool
                    if let column = layout.period, let part = layout.periodPart {
                        // `Jaar;Maand`: the year (with its star) and the month or quarter beside it.
                        let (year, status, known) = try periodOf(base, cells[column], line: number)
                        let partText = String(decoding: UnsafeBufferPointer(rebasing: base[cells[part]]), as: UTF8.self)
                        guard let composed = MeasurementFile.period(year: year, part: partText) else {
                            throw Failure(line: number, message: "`\(partText.trimmingCharacters(in: .whitespaces))` is geen maand of kwartaal",
                                          hint: "schrijf de maand als naam (mei) of getal (5), het kwartaal als 1e kwartaal of K1")
                        }
                        (periode, periodStatus, statusKnown) = (composed, status, known)
                    } else if let column = layout.period {
                        (periode, periodStatus, statusKnown) = try periodOf(base, cells[column], line: number)
                    } else {
                        periode = request.periode ?? ""
                        periodStatus = .definitief
                        statusKnown = true
                    }
                    try measurement(cells[layout.value], periode: periode, periodStatus: periodStatus, statusKnown: statusKnown || layout.isLong)
                } else {
                    // StatLine's table layout: one column per period.
                    for column in layout.periodColumns {
                        try measurement(cells[column.index], periode: column.periode, periodStatus: column.status, statusKnown: true)
                    }
                }
            }

            outcome.windows1252 = try lines(of: request.path) { number, line in
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                guard let current = layout else {
                    // A web page saved instead of the CSV behind its download button.
                    if let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }), first == UInt8(ascii: "<") {
                        throw Failure(line: number, message: "dit is een webpagina (HTML) of XML, geen CSV-bestand",
                                      hint: "kies in StatLine ‘Downloaden’ en dan CSV, en lees dat bestand in")
                    }
                    // Title lines above the header (StatLine writes the table's name there).
                    let lineSeparator = MeasurementFile.separator(of: line)
                    let cellsHere = lineSeparator.map { fields(line, separator: $0) } ?? [String(decoding: line, as: UTF8.self)]
                    // Old StatLine downloads put topic lines ("Onderwerpen";"Bevolkingsgroei";…) above the
                    // header; they are skipped like a title, as long as a header follows within 25 lines.
                    let filled = cellsHere.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
                    if filled < 2 || !MeasurementFile.looksLikeHeader(cellsHere) {
                        if filled >= 2, firstCandidate == nil { firstCandidate = (number, cellsHere.map { $0.trimmingCharacters(in: .whitespaces) }) }
                        if filled >= 2 { topicLines.append(cellsHere.map { $0.trimmingCharacters(in: .whitespaces) }) }
                        if outcome.preamble < 20, number < 25 {
                            outcome.preamble += 1
                            return
                        }
                        if let candidate = firstCandidate {
                            // No header: what is wrong with the first line that could have been one.
                            _ = try MeasurementFile.layout(candidate.cells, indicatorColumn: request.indicator == nil, valueColumn: request.column,
                                                           fixedPeriod: request.periode != nil, fixedRegion: request.gebied != nil, line: candidate.line)
                        }
                        throw Failure(line: number, message: "er is geen kopregel gevonden: de eerste regels hebben maar één kolom",
                                      hint: "de kopregel noemt de kolommen, gescheiden door `;`, `,` of een tab")
                    }
                    separator = lineSeparator ?? UInt8(ascii: ";")
                    outcome.separator = separator
                    headerLine = number
                    header = cellsHere.map { $0.trimmingCharacters(in: .whitespaces) }
                    // Topic lines above a header of the same width name its value columns together:
                    // "Bevolking / Totaal / aantal" instead of two columns called "aantal".
                    let topics = topicLines.filter { $0.count == header.count }
                    if !topics.isEmpty {
                        header = header.indices.map { i in
                            guard !MeasurementFile.looksLikeHeader([header[i]]) else { return header[i] }
                            var parts = topics.map { $0[i] }.filter { !$0.isEmpty } + [header[i]].filter { !$0.isEmpty }
                            parts = parts.enumerated().filter { $0.offset == 0 || parts[$0.offset - 1] != $0.element }.map(\.element)
                            return parts.joined(separator: " / ")
                        }
                    }
                    // A column named by its title in the metadata (`kolom="Cliënten per 10 000 inwoners"`).
                    var column = request.column
                    if let wanted = column, !header.contains(where: { MeasurementFile.normalizedHeader($0) == MeasurementFile.normalizedHeader(wanted) }),
                       let key = request.metadata?.topicKey(title: wanted) {
                        column = key
                    }
                    let found = try MeasurementFile.layout(header, indicatorColumn: request.indicator == nil, valueColumn: column,
                                                           fixedPeriod: request.periode != nil, fixedRegion: request.gebied != nil, line: number)
                    // Metadata of another table would check nothing and give wrong titles and statuses.
                    if let metadata = request.metadata {
                        let described = Set(metadata.keys.keys).union(metadata.topics.keys.map(MeasurementFile.normalizedHeader))
                        let columns = found.dimensions + [found.region, found.period].compactMap { $0 } + (found.value >= 0 ? [found.value] : [])
                        // A section on its own describes some columns: at least one must be the file's.
                        let notDescribed = columns.filter { !described.contains(MeasurementFile.normalizedHeader(header[$0])) }
                        if !described.isEmpty, let missing = notDescribed.first, !metadata.partial || notDescribed.count == columns.count {
                            throw Failure(line: number, message: "de metadata hoort niet bij dit bestand: kolom \(header[missing]) staat er niet in" + (metadata.tableTitle.map { " (de metadata is van ‘\($0)’)" } ?? ""),
                                          hint: "download de metadata van dezelfde tabel, of laat metadata= weg")
                        }
                    }
                    // A fixed gebied or periode is for a file without that column; with one, it would be ignored.
                    if request.gebied != nil, let column = found.region {
                        throw Failure(line: number, message: "het bestand heeft zelf een kolom met gebieden (\(header[column])); gebied= is alleen voor een bestand zonder",
                                      hint: "laat gebied= weg; met instelling gemeente=… of metingen … gebied=… kies je wat je ziet")
                    }
                    if request.periode != nil, found.period != nil || !found.periodColumns.isEmpty {
                        throw Failure(line: number, message: "het bestand heeft zelf perioden; periode= is alleen voor een bestand zonder", hint: "laat periode= weg")
                    }
                    // The chosen value of each dimension, matched by code or title.
                    var unknownNames: [String] = []
                    for (name, value) in request.selectie {
                        guard let column = found.dimensions.first(where: { MeasurementFile.dimensionKey(header[$0]) == MeasurementFile.dimensionKey(name) }) else {
                            unknownNames.append(name)
                            continue
                        }
                        var wanted: Set<String> = [value.lowercased()]
                        if let key = request.metadata?.key(header[column], title: value) { wanted.insert(key.lowercased()) }
                        chosen[column] = wanted
                        chosenNames[column] = value
                    }
                    if let name = unknownNames.first {
                        let dimensions = found.dimensions.map { header[$0] }
                        throw Failure(line: number, message: "`\(name)` is geen dimensie van dit bestand",
                                      hint: Suggestion.hint(for: name, in: dimensions)
                                        ?? (dimensions.isEmpty ? "dit bestand heeft geen dimensies naast gebied en periode; laat `waar …` weg"
                                                               : "de dimensies: " + dimensions.joined(separator: ", ")))
                    }
                    layout = found
                    return
                }
                if surveying {
                    // Only the values of the dimensions are still of interest.
                    split(line, separator: separator, into: &scratch, cells: &cells)
                    guard cells.count == header.count else { return }
                    for column in current.dimensions {
                        let value = String(decoding: scratch[cells[column]], as: UTF8.self)
                        try checkMetadata(column, value, line: number)
                        var seen = seenValues[column, default: []]
                        if seen.count < 60, !seen.contains(value) { seen.append(value); seenValues[column] = seen }
                    }
                    return
                }
                let quoted = line.contains(UInt8(ascii: "\""))
                if quoted { split(line, separator: separator, into: &scratch, cells: &cells) } else { splitPlain(line, separator: separator, cells: &cells) }
                func cellText(_ range: Range<Int>) -> String {
                    quoted ? String(decoding: scratch[range], as: UTF8.self) : String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
                }
                if cells.count != header.count, let other = MeasurementFile.separators.first(where: { $0 != separator && MeasurementFile.cellCount(line, separator: $0) == header.count }) {
                    throw Failure(line: number, message: "deze regel gebruikt de \(MeasurementFile.separatorName(other)) als scheidingsteken, de kopregel de \(MeasurementFile.separatorName(separator))",
                                  hint: "sla het bestand opnieuw op met één scheidingsteken, of download het opnieuw bij CBS")
                }
                // Cells after the first all empty: a footer (`Bron: CBS`), or the units line under a StatLine header.
                let restEmpty = cells.count == 1 || cells.dropFirst().allSatisfy { $0.isEmpty }
                if restEmpty || cells.count < header.count {
                    let first = cells.first.map { cellText($0).lowercased() } ?? ""
                    // A gebied with no figures at all (a merged gemeente in StatLine's table layout) is a row, not a footer.
                    let gebiedRow: Bool = {
                        guard current.region == 0, !first.isEmpty else { return false }
                        switch request.gebieden.lookup(first) { case .found, .unlisted: return true; default: return false }
                    }()
                    if restEmpty, !gebiedRow, outcome.read > 0 || footerWords.contains(where: { first.hasPrefix($0) }) {
                        footerLine = footerLine ?? number
                        outcome.footer += 1
                        return
                    }
                }
                if let footerLine {
                    throw Failure(line: number, message: "na de voetregel op regel \(footerLine) staan weer cijfers", hint: "haal de regels onder de tabel weg, of lees het bestand in zoals CBS het gaf")
                }
                guard cells.count == header.count else {
                    throw Failure(line: number, message: "regel heeft \(cells.count) \(cells.count == 1 ? "kolom" : "kolommen"), de kopregel \(header.count)",
                                  hint: "controleer de scheidingstekens en aanhalingstekens op deze regel")
                }
                // StatLine's units line under the header: no region and no period.
                if outcome.read == 0, !unitsLineSkipped, let r = current.region, cells[r].isEmpty, current.period.map({ cells[$0].isEmpty }) ?? true,
                   current.periodColumns.isEmpty || current.dimensions.allSatisfy({ cells[$0].isEmpty }) {
                    unitsLineSkipped = true
                    outcome.preamble += 1
                    return
                }
                if quoted {
                    try scratch.withUnsafeBufferPointer { try store(row: $0, number: number, layout: current) }
                } else {
                    try store(row: line, number: number, layout: current)
                }
                outcome.read += 1
                if outcome.read % 250_000 == 0 { progress?(outcome.read) }
            }
            if surveying, let current = layout {
                let open = current.dimensions.filter { chosen[$0] == nil && (seenValues[$0]?.count ?? 0) > 1 }
                let listing = open.map { column -> String in
                    let values = (seenValues[column] ?? []).prefix(12).map { value -> String in
                        let title = request.metadata?.title(header[column], value)
                        return title.map { "\(value) (\($0))" } ?? value
                    }
                    return "\(header[column]): " + values.joined(separator: ", ") + ((seenValues[column]?.count ?? 0) > 12 ? ", …" : "")
                }
                // A dimension name as it can be typed: letters and digits only (`Soort maatwerkvoorziening` → `Soortmaatwerkvoorziening`).
                func typeable(_ name: String) -> String { String(name.filter { $0.isLetter || $0.isNumber }) }
                func quoted(_ value: String) -> String { value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && value.first?.isLetter == true ? value : Value.quote(value) }
                let chosenSoFar = chosen.keys.sorted().map { "\(typeable(header[$0]))=\(quoted(chosenNames[$0] ?? ""))" }
                let example = chosenSoFar + open.compactMap { column in seenValues[column]?.first.map { "\(typeable(header[column]))=\(quoted($0))" } }
                var options = ["indicator=\(request.indicator ?? "…")"]
                if let column = request.column { options.append("kolom=\(Value.quote(column))") }
                if request.metadata != nil { options.append("metadata=\"…\"") }
                throw Failure(line: nil, message: "dit bestand heeft meer waarden voor \(open.map { header[$0] }.joined(separator: " en ")); er is niets opgeslagen. " + listing.joined(separator: "; "),
                              hint: "kies één waarde per dimensie, bijvoorbeeld: importeer metingen \"…\" \(options.joined(separator: " ")) waar \(example.joined(separator: " "))")
            }
            try flush()
            if let current = layout {
                for (column, wanted) in chosen where !(seenValues[column] ?? []).contains(where: { wanted.contains($0.lowercased()) }) {
                    let values = (seenValues[column] ?? []).prefix(12).map { value in request.metadata?.title(header[column], value).map { "\(value) (\($0))" } ?? value }
                    throw Failure(line: nil, message: "\(header[column])=\(chosenNames[column] ?? "") komt niet voor in het bestand; er is niets opgeslagen",
                                  hint: "de waarden van \(header[column]): " + values.joined(separator: ", "))
                }
                outcome.singleDimensions = current.dimensions.compactMap { column in
                    guard chosen[column] == nil, let value = firstValue[column] else { return nil }
                    return (header[column], request.metadata?.title(header[column], value).map { "\(value) (\($0))" } ?? value)
                }
            }
            if layout == nil, let candidate = firstCandidate {
                // No header anywhere: say what is wrong with the first line that could have been one.
                _ = try MeasurementFile.layout(candidate.cells, indicatorColumn: request.indicator == nil, valueColumn: request.column,
                                               fixedPeriod: request.periode != nil, fixedRegion: request.gebied != nil, line: candidate.line)
            }
            guard outcome.read > 0 else {
                throw Failure(line: layout == nil ? nil : headerLine, message: layout == nil ? "`\(request.path)` is leeg" : "`\(request.path)` heeft alleen een kopregel en geen metingen; er is niets opgeslagen",
                              hint: "de eerste regel noemt de kolommen, daarna één meting per regel")
            }
            guard outcome.read > outcome.skipped else {
                throw Failure(line: nil, message: "geen enkele regel past bij de keuze met `waar`; er is niets opgeslagen", hint: "controleer de gekozen waarden")
            }
            if outcome.outOfRange > 0, !request.toch, let bereik = outcome.outOfRangeBereik {
                let range = bereik.upperBound.isFinite ? "\(Value.format(bereik.lowerBound)) tot \(Value.format(bereik.upperBound))" : "niet negatief"
                throw Failure(line: firstOutOfRange, message: "\(outcome.outOfRange.grouped) \(outcome.outOfRange == 1 ? "waarde past" : "waarden passen") niet bij de eenheid ‘\(outcome.outOfRangeUnit)’ (\(range)): "
                                + outOfRangeExamples.joined(separator: "; ") + "; er is niets opgeslagen",
                              hint: "kies de kolom of indicator die bij deze cijfers hoort; kloppen ze toch, lees dan in met toch=ja")
            }
            // Values that came from another choice (kolom, waar) of an earlier import are not replaced unnoticed.
            if !request.toch {
                let change = try Journal.upcoming(db)
                let replaced = try Row.fetchAll(db, sql: """
                    SELECT i.selectie AS selectie, i.pad AS pad, count(*) AS n FROM metingvoor v JOIN metingimport i ON i.id = v.import
                    WHERE v.wijziging = ? AND i.selectie != ? GROUP BY i.id ORDER BY n DESC
                    """, arguments: [change, selectie])
                if !replaced.isEmpty {
                    let count = replaced.reduce(0) { $0 + ($1["n"] as Int) }
                    let earlier = replaced.prefix(2).map { row -> String in
                        let choice = row["selectie"] as String
                        return (choice.isEmpty ? "zonder keuze" : choice) + " uit " + URL(fileURLWithPath: row["pad"] as String).lastPathComponent
                    }.joined(separator: "; ")
                    throw Failure(line: nil, message: "deze import zou \(count.grouped) \(count == 1 ? "waarde" : "waarden") vervangen die eerder met een andere keuze zijn ingelezen (\(earlier)); er is niets opgeslagen",
                                  hint: "bewaar je beide, maak dan een eigen indicator voor deze keuze (indicator nieuw …); wil je ze vervangen, lees dan in met toch=ja")
                }
            }
            if decimal == nil, outcome.ambiguousCommaLine != nil {
                // Only `6,100`-like values: a comma-separated file (English Excel, OData) groups
                // thousands with it; a semicolon file (Dutch) writes a decimal comma.
                if separator == UInt8(ascii: ",") || outcome.ambiguousLine != nil { throw ReadAgain(decimal: .punt, commaLine: outcome.ambiguousCommaLine) }
                decimal = .komma
            }
            outcome.decimal = decimal ?? (outcome.ambiguousLine != nil ? .punt : nil)
            outcome.gebieden = seenRegions.count
            try db.execute(sql: "UPDATE metingimport SET regels = ? WHERE id = ?", arguments: [outcome.measurements, run])
            outcome.changed = try Int.fetchOne(db, sql: "SELECT count(*) FROM meting WHERE wijziging = ?", arguments: [run]) ?? 0
            return outcome
        }
    }
}

/// The values a unit allows: a percentage lies between 0 and 100, a count or a rate is not negative.
public enum Bereik {
    public static func voor(eenheid: String) -> ClosedRange<Double>? {
        let unit = eenheid.lowercased()
        if unit.hasPrefix("%") || unit.contains("procent") || unit.contains("percentage") { return 0...100 }
        if unit.hasPrefix("aantal") || unit.hasPrefix("per ") || unit.contains(" per 1.000") || unit.contains(" per 10.000") { return 0...Double.infinity }
        return nil
    }
}

extension MeasurementImport {
    /// Whether a cell holds the same bytes as the last one (one `memcmp`: most files repeat the
    /// indicator and gebied row after row).
    @inline(__always) static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let base = a.baseAddress else { return true }
        return b.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, a.count) == 0 }
    }

    /// The reply to an import: what was read, and every choice made on the user's behalf.
    public static func reply(_ outcome: Outcome, request: Request) -> String {
        let stored = outcome.measurements
        var lines = ["\(stored.grouped) \(stored == 1 ? "meting" : "metingen") gelezen uit \(request.path); \(outcome.changed.grouped) nieuw of gewijzigd."]
        var format = "Bestand: gescheiden door \(MeasurementFile.separatorPlural(outcome.separator))"
        switch outcome.decimal {
        case .komma?: format += outcome.ambiguousCommaLine.map { ", decimaalteken komma (aangenomen: niets in de kolom liet het zien; regel \($0) is gelezen met een decimale komma; waren het duizendtallen, lees dan in met decimaal=punt)" } ?? ", decimaalteken komma"
        case .punt? where outcome.thousandsCommaLine != nil:
            format += ", decimaalteken punt (aangenomen: komma's zijn duizendtallen, zoals in een Engelse Excel; regel \(outcome.thousandsCommaLine ?? 0) is zo gelezen; was het een decimale komma, lees dan in met decimaal=komma)"
        case .punt?: format += outcome.ambiguousLine.map { ", decimaalteken punt (aangenomen: niets in de kolom liet het zien; regel \($0) is gelezen als decimaal getal; waren het duizendtallen, lees dan in met decimaal=komma)" } ?? ", decimaalteken punt"
        case nil: format += ", alleen hele getallen"
        }
        if outcome.preamble > 0 || outcome.footer > 0 {
            var skipped: [String] = []
            if outcome.preamble > 0 { skipped.append("\(outcome.preamble) \(outcome.preamble == 1 ? "regel" : "regels") boven de cijfers (titel of eenheden)") }
            if outcome.footer > 0 { skipped.append("\(outcome.footer) \(outcome.footer == 1 ? "voetregel" : "voetregels") (bron)") }
            format += "; overgeslagen: " + skipped.joined(separator: " en ")
        }
        lines.append(format + ".")
        let kinds = Gebied.Soort.allCases.compactMap { soort -> String? in
            guard let n = outcome.soorten[soort], n > 0 else { return nil }
            return "\(n.grouped) \(n == 1 ? soort.woord : meervoud(soort))"
        }
        var areas = "Gebieden: \(outcome.gebieden.grouped)" + (kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")")
        if outcome.namesMapped > 0 { areas += "; \(outcome.namesMapped.grouped) \(outcome.namesMapped == 1 ? "naam" : "namen") omgezet naar de CBS-code" }
        lines.append(areas + ".")
        if !outcome.ownNames.isEmpty {
            lines.append("Eigen gebieden (toch=ja), bewaard onder hun naam: " + outcome.ownNames.prefix(5).joined(separator: ", ") + (outcome.ownNames.count > 5 ? ", …" : "") + ".")
        }
        var dimensions = request.selectie.map { "\($0.dimensie) = \($0.waarde)" }
        dimensions += outcome.singleDimensions.map { "\($0.0) = \($0.1) (enige waarde)" }
        if !dimensions.isEmpty {
            lines.append("Dimensies: " + dimensions.joined(separator: "; ") + (outcome.skipped > 0 ? "; \(outcome.skipped.grouped) regels met andere waarden overgeslagen" : "") + ".")
        }
        var status: [String] = []
        if let n = outcome.status[.voorlopig] { status.append("\(n.grouped) voorlopig") }
        if let n = outcome.status[.naderVoorlopig] { status.append("\(n.grouped) nader voorlopig") }
        for reason in MeasurementFile.Ontbreekt.allCases { if let n = outcome.missing[reason] { status.append("\(n.grouped) \(reason.uitleg)") } }
        if !status.isEmpty {
            let provisional = outcome.status.values.reduce(0, +) > 0
            lines.append("Waarden: " + status.joined(separator: ", ") + (provisional ? "; een latere import met definitieve cijfers vervangt de voorlopige." : "."))
        }
        if outcome.periodKinds.count > 1 {
            let order = ["jaar": "jaren", "kwartaal": "kwartalen", "maand": "maanden"]
            lines.append("Perioden: " + ["jaar", "kwartaal", "maand"].filter(outcome.periodKinds.contains).compactMap { order[$0] }.joined(separator: " en ")
                         + "; die blijven aparte reeksen in metingen, rapport en grafiek.")
        }
        if outcome.keptProvisional > 0 {
            lines.append("Let op: \(outcome.keptProvisional.grouped) \(outcome.keptProvisional == 1 ? "waarde blijft" : "waarden blijven") voorlopig: dit bestand zegt niet of \(outcome.keptProvisional == 1 ? "die" : "ze") nu definitief \(outcome.keptProvisional == 1 ? "is" : "zijn") (perioden als 2024JJ00, zonder metadata). Lees de metadata mee in (metadata=\"…\") of een download met labels.")
        }
        if outcome.outOfRange > 0 {
            lines.append("Let op: \(outcome.outOfRange.grouped) \(outcome.outOfRange == 1 ? "waarde past" : "waarden passen") niet bij de eenheid ‘\(outcome.outOfRangeUnit)’; opgeslagen omdat je toch=ja gaf.")
        }
        if outcome.windows1252 > 0 {
            // Without this note, a file in the old Windows encoding would silently show odd letters.
            lines.append("Let op: \(outcome.windows1252.grouped) \(outcome.windows1252 == 1 ? "regel was" : "regels waren") niet in UTF-8. Raadskompas heeft "
                + "\(outcome.windows1252 == 1 ? "die" : "ze") gelezen als Windows-1252 (Latin-1). Kijk met `metingen` en de id van de "
                + "indicator of namen met ë of é goed staan.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func meervoud(_ soort: Gebied.Soort) -> String {
        switch soort {
        case .land: "landen"
        case .provincie: "provincies"
        case .gemeente: "gemeenten"
        case .opgeheven: "opgeheven gemeenten"
        case .wijk: "wijken"
        case .buurt: "buurten"
        case .regio: "regio's"
        }
    }
}

extension CommandContext {
    /// The gebieden of the content (CBS codes and names plus the user's own), built once.
    var gebieden: Gebieden { memoized("gebieden") { Gebieden(library: library) } }
}
