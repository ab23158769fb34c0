import Foundation
import GRDB
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

    /// A value: Dutch or plain decimals, `.` for unknown, a trailing `*` for provisional.
    static func value(_ raw: String) -> (Double?, Bool)? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        var provisional = false
        if text.hasSuffix("*") {
            provisional = true
            text.removeLast()
            text = text.trimmingCharacters(in: .whitespaces)
        }
        if text == "." || text.isEmpty { return (nil, provisional) }
        guard let number = StandardLibrary.parseDutchNumber(text) else { return nil }
        return (number, provisional)
    }

    /// Splits one CSV line on `;`, honouring double quotes.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        while let c = iterator.next() {
            if c == "\"" {
                if quoted, let next = iterator.next() {
                    if next == "\"" { current.append("\"") } else {
                        quoted = false
                        if next == ";" { fields.append(current); current = "" } else { current.append(next) }
                    }
                } else {
                    quoted.toggle()
                }
            } else if c == ";", !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Reads the file line by line in 64 KB chunks.
    static func lines(of path: String, _ body: (Int, String) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(line: nil, message: "kan `\(path)` niet lezen", hint: "controleer de naam en je leesrechten")
        }
        defer { try? handle.close() }
        var pending = Data()
        var number = 0
        while true {
            let chunk = (try? handle.read(upToCount: 65_536)) ?? Data()
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let lineData = pending[pending.startIndex..<newline]
                pending.removeSubrange(pending.startIndex...newline)
                number += 1
                var line = String(decoding: lineData, as: UTF8.self)
                if line.hasSuffix("\r") { line.removeLast() }
                if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
                try body(number, line)
            }
            if chunk.isEmpty { break }
        }
        if !pending.isEmpty {
            number += 1
            try body(number, String(decoding: pending, as: UTF8.self))
        }
    }

    /// Parses and stores in one transaction while reading; returns how many rows were read and how
    /// many measurements were new or changed.
    public static func run(path: String, indicator fixedIndicator: String?, column: String?, knownIndicators: Set<String>,
                           store: Store) throws(Failure) -> (read: Int, changed: Int) {
        do {
            return try store.write { db -> (Int, Int) in
                var header: [String] = []
                var layout: (indicator: Int?, region: Int, period: Int, value: Int)?
                var seen = Set<String>()
                var read = 0, changed = 0
                let insert = try db.makeStatement(sql: """
                    INSERT INTO meting (indicator, gebied, periode, waarde, voorlopig, bron) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(indicator, gebied, periode) DO UPDATE SET waarde = excluded.waarde, voorlopig = excluded.voorlopig, bron = excluded.bron
                    WHERE meting.waarde IS NOT excluded.waarde OR meting.voorlopig != excluded.voorlopig
                    """)
                try lines(of: path) { number, line in
                    if line.trimmingCharacters(in: .whitespaces).isEmpty { return }
                    let cells = fields(line)
                    if header.isEmpty {
                        header = cells.map { $0.lowercased() }
                        guard header.count >= 3 else {
                            throw Failure(line: number, message: "de kopregel heeft geen kolommen gescheiden door `;`",
                                          hint: line.contains(",") ? "dit bestand gebruikt komma's; sla het op met puntkomma's als scheidingsteken (zoals CBS StatLine doet)"
                                                                   : "de eerste regel noemt de kolommen, gescheiden door `;`")
                        }
                        layout = try detect(header, indicatorColumn: fixedIndicator == nil, valueColumn: column?.lowercased(), line: number)
                        return
                    }
                    guard let layout else { return }
                    guard cells.count == header.count else {
                        throw Failure(line: number, message: "regel heeft \(cells.count) kolommen, de kopregel \(header.count)",
                                      hint: "controleer de scheidingstekens en aanhalingstekens op deze regel")
                    }
                    let indicator = layout.indicator.map { cells[$0] } ?? fixedIndicator ?? ""
                    guard knownIndicators.contains(indicator) else {
                        throw Failure(line: number, message: "onbekende indicator `\(indicator)`",
                                      hint: Suggestion.hint(for: indicator, in: knownIndicators) ?? "typ `lijst indicatoren` voor de indicatoren")
                    }
                    let rawPeriod = cells[layout.period]
                    guard let periode = period(rawPeriod) ?? (rawPeriod.count == 4 && Int(rawPeriod) != nil ? rawPeriod : nil) else {
                        throw Failure(line: number, message: "onbekende periodecode `\(rawPeriod)`",
                                      hint: "CBS-codes zijn bijvoorbeeld 2023JJ00 (jaar), 2023KW02 (kwartaal) en 2023MM05 (maand)")
                    }
                    guard let (waarde, voorlopig) = value(cells[layout.value]) else {
                        throw Failure(line: number, message: "`\(cells[layout.value])` is geen getal",
                                      hint: "schrijf een getal (12,5 of 12.5), een punt voor ‘onbekend’, of een * voor ‘voorlopig’")
                    }
                    let gebied = cells[layout.region]
                    guard seen.insert("\(indicator)|\(gebied)|\(periode)").inserted else {
                        throw Failure(line: number, message: "dubbele regel voor \(indicator), \(gebied), \(periode)", hint: "haal een van de twee regels weg")
                    }
                    let before = db.totalChangesCount
                    try insert.execute(arguments: [indicator, gebied, periode, waarde, voorlopig, path])
                    if db.totalChangesCount > before { changed += 1 }
                    read += 1
                }
                guard read > 0 else {
                    throw Failure(line: nil, message: "`\(path)` bevat geen metingen", hint: "de eerste regel noemt de kolommen, daarna één meting per regel")
                }
                return (read, changed)
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as StoreError {
            throw Failure(line: nil, message: error.message, hint: error.hint)
        } catch {
            throw Failure(line: nil, message: "de metingen konden niet worden opgeslagen", hint: "probeer het opnieuw")
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
