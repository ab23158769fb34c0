import Foundation
import GRDB
import GRDBSQLite
import KompasDSL

/// `importeer metingen "PAD.csv"`: measurements from a CBS StatLine/OData CSV or the simple long
/// format `indicator;gebied;periode;waarde`. The file is read in chunks, never whole; everything is
/// stored in one transaction, so a bad line stores nothing; the same file again changes nothing; a
/// provisional value (`12,5*`) is replaced by the final one.
public enum MeasurementImport {
    public struct Measurement: Equatable, Sendable {
        public let indicator: String
        public let gebied: String
        public let periode: String
        public let waarde: Double?
        public let voorlopig: Bool
    }

    public struct Failure: Error, Sendable, Equatable {
        public let line: Int?
        public let message: String
        public let hint: String
    }

    /// `2023JJ00` → `2023`, `2023KW02` → `2023-K2`, `2023MM05` → `2023-05`.
    public static func period(_ code: String) -> String? {
        let chars = Array(code.uppercased())
        guard chars.count == 8, let year = Int(String(chars[0..<4])), let number = Int(String(chars[6..<8])) else { return nil }
        switch String(chars[4..<6]) {
        case "JJ" where number == 0: return "\(year)"
        case "KW" where (1...4).contains(number): return "\(year)-K\(number)"
        case "MM" where (1...12).contains(number): return String(format: "%d-%02d", year, number)
        default: return nil
        }
    }

    /// A value: `12,5`, `12.5`, `1.250,5`, `1.250.000`; `.` for unknown; a trailing `*` for
    /// provisional. A single dot is a decimal point (as CBS writes), a comma is a Dutch decimal
    /// comma; with a comma, or with more than one dot, dots group thousands.
    static func value(_ raw: String) -> (Double?, Bool)? {
        var bytes = Array(raw.utf8)
        return bytes.withUnsafeMutableBufferPointer { value(UnsafeBufferPointer($0)) }
    }

    static func value(_ raw: UnsafeBufferPointer<UInt8>) -> (Double?, Bool)? {
        var start = raw.startIndex, end = raw.endIndex
        while start < end, raw[start] == 0x20 { start += 1 }
        while end > start, raw[end - 1] == 0x20 { end -= 1 }
        var provisional = false
        if end > start, raw[end - 1] == UInt8(ascii: "*") {
            provisional = true
            end -= 1
            while end > start, raw[end - 1] == 0x20 { end -= 1 }
        }
        if end == start || (end - start == 1 && raw[start] == UInt8(ascii: ".")) { return (nil, provisional) }
        var commas = 0, dots = 0
        for i in start..<end {
            switch raw[i] {
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where i == start: break
            default: return nil
            }
        }
        guard commas <= 1 else { return nil }
        let groupsThousands = commas == 1 || dots > 1
        var text = ""
        text.reserveCapacity(end - start)
        var digitsSinceDot = -1
        var afterComma = false
        for i in start..<end {
            let byte = raw[i]
            if byte == UInt8(ascii: ".") {
                guard !afterComma, !groupsThousands || digitsSinceDot == -1 || digitsSinceDot == 3 else { return nil }
                if groupsThousands { digitsSinceDot = 0; continue }
                text.append(".")
            } else if byte == UInt8(ascii: ",") {
                guard digitsSinceDot == -1 || digitsSinceDot == 3 else { return nil }
                digitsSinceDot = -1
                afterComma = true
                text.append(".")
            } else {
                if digitsSinceDot >= 0 { digitsSinceDot += 1 }
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        if groupsThousands, commas == 0, digitsSinceDot != 3 { return nil }
        guard let number = decimal(text) ?? Double(text), number.isFinite else { return nil }
        return (number, provisional)
    }

    static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// `-123.45` as an integer mantissa divided by a power of ten: one correctly rounded division,
    /// so the same Double as `Double(text)`, without its string handling. nil beyond 15 digits.
    @inline(__always) static func decimal(_ text: String) -> Double? {
        var mantissa: UInt64 = 0, digits = 0, scale = -1
        var negative = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if scale >= 0 { scale += 1 }
            case UInt8(ascii: "."): scale = 0
            case UInt8(ascii: "-"): negative = true
            default: return nil
            }
        }
        // Up to 15 digits the mantissa and the power of ten are exact doubles.
        guard digits > 0, digits <= 15, scale != 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[max(scale, 0)]
        return negative ? -value : value
    }

    /// The cells of a line without quotes: ranges into the line itself, trimmed.
    static func splitPlain(_ line: UnsafeBufferPointer<UInt8>, cells: inout [Range<Int>]) {
        cells.removeAll(keepingCapacity: true)
        var start = 0
        func finish(_ end: Int) {
            var s = start, e = end
            while s < e, line[s] == 0x20 || line[s] == 0x09 { s += 1 }
            while e > s, line[e - 1] == 0x20 || line[e - 1] == 0x09 { e -= 1 }
            cells.append(s..<e)
        }
        for i in 0..<line.count where line[i] == UInt8(ascii: ";") {
            finish(i)
            start = i + 1
        }
        finish(line.count)
    }

    /// Splits one CSV line on `;`, honouring double quotes (`""` inside quotes is a quote).
    static func fields(_ line: String) -> [String] {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { fields(UnsafeBufferPointer($0)) }
    }

    static func fields(_ line: UnsafeBufferPointer<UInt8>) -> [String] {
        var scratch: [UInt8] = [], cells: [Range<Int>] = []
        split(line, into: &scratch, cells: &cells)
        return cells.map { String(decoding: scratch[$0], as: UTF8.self) }
    }

    /// The longest line accepted; a longer one means the file is not a CSV of measurements.
    static let maximumLineLength = 1 << 20

    /// Windows-1252 code points for the bytes 0x80–0x9F (0xA0–0xFF are the same as in Latin-1);
    /// the five unused bytes become U+FFFD.
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Re-encodes a line of Windows-1252 (the superset of Latin-1 that older Excel and StatLine
    /// downloads use) as UTF-8 into `output`.
    static func transcodeWindows1252(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        for byte in line {
            if byte < 0x80 { output.append(byte); continue }
            let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            output.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
    }

    /// Whether a line is valid UTF-8; a line of plain ASCII is checked in one pass without decoding.
    static func isUTF8(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return true }
        // Eight bytes at a time: an import reads millions of lines, nearly all ASCII.
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0, i = 0
        while i + 8 <= line.count { high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < line.count { high |= UInt64(base[i]); i += 1 }
        if high & 0x8080_8080_8080_8080 == 0 { return true }
        // Validated in place, without making a string.
        var bytes = line.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Reads the file line by line in 1 MB chunks: memory stays the same for a file of any size.
    /// A line that is not valid UTF-8 is read as Windows-1252 (Latin-1); returns how many were.
    @discardableResult
    static func lines(of path: String, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        // A FIFO would block the open; a device never ends.
        guard ContentFiles.isRegularFile(path) else {
            throw Failure(line: nil, message: "`\(path)` is geen gewoon bestand", hint: "geef een CSV-bestand; een apparaat of pijp kan Raadskompas niet inlezen")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(line: nil, message: "kan `\(path)` niet lezen", hint: "controleer de naam en je leesrechten")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = [], transcoded: [UInt8] = []
        var number = 0, windows1252Lines = 0
        func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
            number += 1
            var line = line
            if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            // The check after every chunk sees only the part of a line read so far.
            if line.count > maximumLineLength {
                throw Failure(line: number, message: "deze regel is langer dan 1 MB; dit lijkt geen CSV met metingen",
                              hint: "kies het CSV-bestand zelf (indicator;gebied;periode;waarde of een CBS StatLine-bestand)")
            }
            if number == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
                line = UnsafeBufferPointer(rebasing: line.dropFirst(3))
            }
            if line.contains(0) {
                throw Failure(line: number, message: "deze regel bevat binaire tekens; dit is geen CSV-tekstbestand",
                              hint: "exporteer de cijfers als CSV (tekst, gescheiden door puntkomma's)")
            }
            if isUTF8(line) { return try body(number, line) }
            windows1252Lines += 1
            transcodeWindows1252(line, into: &transcoded)
            try transcoded.withUnsafeBufferPointer { try body(number, $0) }
        }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw Failure(line: nil, message: "kan `\(path)` niet verder lezen na regel \(number)", hint: "controleer of het bestand nog bestaat en leesbaar is")
            }
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var lineStart = 0
                var index = 0
                while index < bytes.count {
                    guard let newline = memchr(bytes.baseAddress! + index, 0x0A, bytes.count - index) else { break }
                    let position = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
                    if pending.isEmpty {
                        try emit(UnsafeBufferPointer(rebasing: bytes[lineStart..<position]))
                    } else {
                        pending.append(contentsOf: bytes[lineStart..<position])
                        try pending.withUnsafeBufferPointer { try emit($0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    lineStart = position + 1
                    index = lineStart
                }
                pending.append(contentsOf: bytes[lineStart..<bytes.count])
            }
            if pending.count > maximumLineLength {
                throw Failure(line: number + 1, message: "deze regel is langer dan 1 MB; dit lijkt geen CSV met metingen",
                              hint: "kies het CSV-bestand zelf (indicator;gebied;periode;waarde of een CBS StatLine-bestand)")
            }
        }
        if !pending.isEmpty { try pending.withUnsafeBufferPointer { try emit($0) } }
        return windows1252Lines
    }

    /// Splits a line into `scratch` (quotes removed) and the trimmed range of every cell, without
    /// making a string per cell: the rows of a large file are bound to SQLite as bytes.
    static func split(_ line: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8], cells: inout [Range<Int>]) {
        scratch.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        var cellStart = 0
        var quoted = false
        var i = line.startIndex
        func finish() {
            var s = cellStart, e = scratch.count
            while s < e, scratch[s] == 0x20 || scratch[s] == 0x09 { s += 1 }
            while e > s, scratch[e - 1] == 0x20 || scratch[e - 1] == 0x09 { e -= 1 }
            cells.append(s..<e)
            cellStart = scratch.count
        }
        while i < line.endIndex {
            let c = line[i]
            if c == UInt8(ascii: "\"") {
                if quoted, i + 1 < line.endIndex, line[i + 1] == UInt8(ascii: "\"") {
                    scratch.append(c)
                    i += 1
                } else {
                    quoted.toggle()
                }
            } else if c == UInt8(ascii: ";"), !quoted {
                finish()
            } else {
                scratch.append(c)
            }
            i += 1
        }
        finish()
    }

    /// Parses and stores in one transaction while reading; returns how many rows were read, how
    /// many measurements were new or changed, and how many lines were not UTF-8 and were read as
    /// Windows-1252. Every run is numbered: a row that was already written
    /// in this run is a duplicate line, found by the upsert itself, without keeping keys in memory.
    public static func run(path: String, indicator fixedIndicator: String?, column: String?, knownIndicators: Set<String>,
                           store: Store, progress: ((Int) -> Void)? = nil) throws(Failure) -> (read: Int, changed: Int, windows1252: Int) {
        do {
            return try store.write { db -> (Int, Int, Int) in
                var header: [String] = []
                var layout: (indicator: Int?, region: Int, period: Int, value: Int)?
                var read = 0
                var scratch: [UInt8] = [], cells: [Range<Int>] = []
                var lastIndicator: [UInt8] = [], lastIndicatorText = ""
                var periods: [UInt64: String] = [:]
                // A large import fits in the page cache instead of spilling halfway.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -65536")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
                try db.execute(sql: "INSERT INTO metingimport (pad, datum) VALUES (?, ?)", arguments: [path, Date()])
                let run = db.lastInsertedRowID
                // Rows go to SQLite in batches of 64 per statement, inside a savepoint. A row that
                // changes nothing was already written in this run: a duplicate line. Then the batch
                // is rolled back to its savepoint and checked row by row to name the line.
                // (No RETURNING clause: SQLite buffers its rows in a temporary table per execution.)
                func upsert(rows: Int) throws -> GRDB.Statement {
                    let values = (0..<rows).map { i in "(?\(i * 5 + 1), ?\(i * 5 + 2), ?\(i * 5 + 3), ?\(i * 5 + 4), ?\(i * 5 + 5), ?\(rows * 5 + 1), ?\(rows * 5 + 1))" }
                    return try db.makeStatement(sql: """
                        INSERT INTO meting (indicator, gebied, periode, waarde, voorlopig, import, wijziging) VALUES \(values.joined(separator: ", "))
                        ON CONFLICT(indicator, gebied, periode) DO UPDATE SET
                            wijziging = CASE WHEN meting.waarde IS NOT excluded.waarde OR meting.voorlopig != excluded.voorlopig
                                             THEN excluded.import ELSE meting.wijziging END,
                            waarde = excluded.waarde, voorlopig = excluded.voorlopig, import = excluded.import
                        WHERE meting.import IS NOT excluded.import
                        """)
                }
                let batchSize = 64
                let full = try upsert(rows: batchSize)
                let savepoint = try db.makeStatement(sql: "SAVEPOINT metingen"), release = try db.makeStatement(sql: "RELEASE metingen")
                let rollback = try db.makeStatement(sql: "ROLLBACK TO metingen")
                let seenBefore = try db.makeStatement(sql: "SELECT 1 FROM meting WHERE indicator = ? AND gebied = ? AND periode = ? AND import = ?")
                struct Pending { let line: Int; let indicator: String; let gebied: String; let periode: String; let waarde: Double?; let voorlopig: Bool }
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
                        let at = Int32(i * 5)
                        sqlite3_bind_text(pointer, at + 1, row.indicator, -1, transient)
                        sqlite3_bind_text(pointer, at + 2, row.gebied, -1, transient)
                        sqlite3_bind_text(pointer, at + 3, row.periode, -1, transient)
                        if let waarde = row.waarde { sqlite3_bind_double(pointer, at + 4, waarde) } else { sqlite3_bind_null(pointer, at + 4) }
                        sqlite3_bind_int(pointer, at + 5, row.voorlopig ? 1 : 0)
                    }
                    sqlite3_bind_int64(pointer, Int32(pending.count * 5 + 1), run)
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
                            throw Failure(line: row.line, message: "dubbele regel voor \(row.indicator), \(row.gebied), \(row.periode)", hint: "haal een van de twee regels weg")
                        }
                    }
                    throw Failure(line: pending.first?.line, message: "deze metingen konden niet worden opgeslagen", hint: "probeer het opnieuw")
                }
                /// Checks one row (its cells are ranges into `base`) and writes it.
                func store(row base: UnsafeBufferPointer<UInt8>, number: Int, layout: (indicator: Int?, region: Int, period: Int, value: Int)) throws {
                    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self) }
                    guard cells.count == header.count else {
                        throw Failure(line: number, message: "regel heeft \(cells.count) \(cells.count == 1 ? "kolom" : "kolommen"), de kopregel \(header.count)",
                                      hint: "controleer de scheidingstekens en aanhalingstekens op deze regel")
                    }
                    var indicator = fixedIndicator ?? ""
                    if let column = layout.indicator {
                        let bytes = UnsafeBufferPointer(rebasing: base[cells[column]])
                        if !bytes.elementsEqual(lastIndicator) {
                            let candidate = text(cells[column])
                            guard knownIndicators.contains(candidate) else {
                                throw Failure(line: number, message: "onbekende indicator `\(candidate)`",
                                              hint: Suggestion.hint(for: candidate, in: knownIndicators) ?? "typ `indicator lijst` voor de indicatoren")
                            }
                            lastIndicator = Array(bytes)
                            lastIndicatorText = candidate
                        }
                        indicator = lastIndicatorText
                    }
                    // Periods are cached by their bytes packed in a UInt64 (lines hold no zero bytes).
                    // StatLine marks a provisional period with a star: `2024*` (and `2024KW02*`).
                    var periodRange = cells[layout.period]
                    var periodProvisional = false
                    while let last = periodRange.last, base[last] == 0x20 { periodRange = periodRange.dropLast() }
                    if let last = periodRange.last, base[last] == UInt8(ascii: "*") {
                        periodProvisional = true
                        periodRange = periodRange.dropLast()
                    }
                    var key: UInt64 = 0
                    if periodRange.count <= 8 {
                        for i in periodRange { key = key << 8 | UInt64(base[i]) }
                    }
                    let periode: String
                    if key != 0, let known = periods[key] {
                        periode = known
                    } else {
                        let rawPeriod = text(periodRange)
                        guard let parsed = Periode.normalize(rawPeriod) else {
                            throw Failure(line: number, message: "onbekende periodecode `\(rawPeriod)`",
                                          hint: "schrijf een jaar (2023), kwartaal (2023-K2) of maand (2023-05), of een CBS-code als 2023JJ00, 2023KW02 of 2023MM05")
                        }
                        if key != 0, periods.count < 10_000 { periods[key] = parsed }
                        periode = parsed
                    }
                    guard let (waarde, voorlopig) = value(UnsafeBufferPointer(rebasing: base[cells[layout.value]])) else {
                        throw Failure(line: number, message: "`\(text(cells[layout.value]))` is geen getal",
                                      hint: "schrijf een getal (12,5 of 12.5), een punt voor ‘onbekend’, of een * voor ‘voorlopig’")
                    }
                    let region = cells[layout.region]
                    guard !region.isEmpty else {
                        throw Failure(line: number, message: "het gebied ontbreekt", hint: "schrijf een gebiedscode, bijvoorbeeld GM0363")
                    }
                    pending.append(Pending(line: number, indicator: indicator, gebied: text(region), periode: periode, waarde: waarde,
                                           voorlopig: voorlopig || periodProvisional))
                    if pending.count == batchSize { try flush() }
                }
                let windows1252 = try lines(of: path) { number, line in
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                    guard let layout else {
                        header = fields(line).map { $0.lowercased() }
                        guard header.count >= 3 else {
                            throw Failure(line: number, message: "de kopregel heeft geen kolommen gescheiden door `;`",
                                          hint: line.contains(UInt8(ascii: ",")) || line.contains(0x09)
                                            ? "dit bestand gebruikt komma's of tabs; sla het op met puntkomma's als scheidingsteken (zoals CBS StatLine doet)"
                                            : "de eerste regel noemt de kolommen, gescheiden door `;`")
                        }
                        layout = try detect(header, indicatorColumn: fixedIndicator == nil, valueColumn: column?.lowercased(), line: number)
                        return
                    }
                    if line.contains(UInt8(ascii: "\"")) {
                        split(line, into: &scratch, cells: &cells)
                        try scratch.withUnsafeBufferPointer { try store(row: $0, number: number, layout: layout) }
                    } else {
                        splitPlain(line, cells: &cells)
                        try store(row: line, number: number, layout: layout)
                    }
                    read += 1
                    if read % 250_000 == 0 { progress?(read) }
                }
                try flush()
                guard read > 0 else {
                    throw Failure(line: nil, message: "`\(path)` bevat geen metingen", hint: "de eerste regel noemt de kolommen, daarna één meting per regel")
                }
                try db.execute(sql: "UPDATE metingimport SET regels = ? WHERE id = ?", arguments: [read, run])
                let changed = try Int.fetchOne(db, sql: "SELECT count(*) FROM meting WHERE wijziging = ?", arguments: [run]) ?? 0
                return (read, changed, windows1252)
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

    static func detect(_ header: [String], indicatorColumn: Bool, valueColumn: String?, line: Int) throws -> (Int?, Int, Int, Int) {
        if let i = header.firstIndex(of: "indicator"), let g = header.firstIndex(of: "gebied"), let p = header.firstIndex(of: "periode"), let w = header.firstIndex(of: "waarde") {
            return (indicatorColumn ? i : nil, g, p, w)
        }
        // CBS StatLine/OData: RegioS / WijkenEnBuurten, Perioden, and a measure column.
        guard let region = header.firstIndex(where: { $0.hasPrefix("regio") || $0 == "wijkenenbuurten" || $0 == "gemeenten" }),
              let period = header.firstIndex(of: "perioden") else {
            throw Failure(line: line, message: "kolommen niet herkend: \(header.joined(separator: ", "))",
                          hint: "gebruik indicator;gebied;periode;waarde, of een CBS-bestand met RegioS en Perioden")
        }
        guard !indicatorColumn else {
            throw Failure(line: line, message: "in een CBS-bestand staat niet welke indicator het is", hint: "geef die op: importeer metingen \"…\" indicator=ID kolom=\"Kolomnaam\"")
        }
        let candidates = header.indices.filter { $0 != region && $0 != period && header[$0] != "id" }
        if let valueColumn {
            guard let index = header.firstIndex(of: valueColumn) else {
                throw Failure(line: line, message: "kolom `\(valueColumn)` staat niet in het bestand",
                              hint: Suggestion.hint(for: valueColumn, in: header) ?? "kolommen: " + header.joined(separator: ", "))
            }
            return (nil, region, period, index)
        }
        guard candidates.count == 1, let only = candidates.first else {
            throw Failure(line: line, message: "het bestand heeft meer kolommen met waarden", hint: "kies er een met kolom=\"…\": " + candidates.map { header[$0] }.joined(separator: ", "))
        }
        return (nil, region, period, only)
    }
}
