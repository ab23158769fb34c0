import Foundation
import GRDB

/// `zoek` in the user's own records: raadsvoorstellen, adviezen (with their aanbevelingen and
/// reacties), werkbladen (with their answers) and duidingen. Matched as the cards are: every word
/// of the query must occur, ignoring capitals and accents. Read-only; never creates a database.
public struct OwnRecordsSearch: Sendable {
    public struct Hit: Sendable, Equatable {
        /// `voorstel`, `advies`, `werkblad`, `duiding`.
        public let kind: String
        public let title: String
        /// The statement that shows the record: `voorstel toon rv-1`.
        public let open: String
        /// A piece of the text around the first match.
        public let snippet: String
    }

    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The records that contain every word of `query`, voorstellen first; at most `limit`, and the
    /// number found in all.
    public func search(_ query: String, limit: Int = 10) throws -> (hits: [Hit], total: Int) {
        let words = query.split(whereSeparator: \.isWhitespace).map { String(Folding.fold(String($0))) }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return ([], 0) }
        let records: [(kind: String, title: String, open: String, text: String)] = try store.read { db in
            var found: [(String, String, String, String)] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, titel, onderwerp, tekst FROM voorstel ORDER BY id") {
                let id: String = row["id"]
                found.append(("voorstel", "\(row["titel"] as String) [\(id)]", "voorstel toon \(id)",
                              [row["titel"], row["onderwerp"], row["tekst"]].compactMap { $0 as String? }.joined(separator: "\n")))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT a.id, a.onderwerp, a.thema, group_concat(b.tekst || ' ' || b.motivering, char(10)) AS aanbevelingen
                FROM advies a LEFT JOIN aanbeveling b ON b.adviesId = a.id GROUP BY a.id ORDER BY a.id
                """) {
                let id: String = row["id"]
                found.append(("advies", "\(row["onderwerp"] as String) [\(id)]", "advies toon \(id)",
                              [row["onderwerp"], row["thema"], row["aanbevelingen"]].compactMap { $0 as String? }.joined(separator: "\n")))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT w.naam, group_concat(i.tekst || ' ' || i.toelichting, char(10)) AS antwoorden
                FROM werkblad w LEFT JOIN item i ON i.werkbladId = w.id GROUP BY w.id ORDER BY w.naam COLLATE NOCASE
                """) {
                let naam: String = row["naam"]
                found.append(("werkblad", naam, "werkblad toon \"\(naam.replacingOccurrences(of: "\"", with: "\\\""))\"",
                              [row["naam"], row["antwoorden"]].compactMap { $0 as String? }.joined(separator: "\n")))
            }
            for row in try Row.fetchAll(db, sql: "SELECT indicator, gebied, periode, a, b, c, d FROM duiding ORDER BY indicator, periode") {
                let indicator: String = row["indicator"]
                let periode: String = row["periode"]
                found.append(("duiding", "\(indicator), \(periode)", "metingen \(indicator)",
                              ["a", "b", "c", "d"].compactMap { row[$0] as String? }.joined(separator: "\n")))
            }
            return found
        }
        var hits: [Hit] = []
        var total = 0
        for record in records {
            let folded = Folding.fold(record.text)
            guard let first = words.compactMap({ OwnRecordsSearch.position(of: Array($0), in: folded) }).min(),
                  words.allSatisfy({ OwnRecordsSearch.position(of: Array($0), in: folded) != nil }) else { continue }
            total += 1
            guard hits.count < limit else { continue }
            hits.append(Hit(kind: record.kind, title: record.title, open: record.open, snippet: OwnRecordsSearch.snippet(Array(record.text), around: first)))
        }
        return (hits, total)
    }

    /// Where `needle` first occurs in `haystack`, in characters.
    static func position(of needle: [Character], in haystack: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// About 100 characters on one line around `position`, with `…` where text was left out.
    static func snippet(_ text: [Character], around position: Int) -> String {
        var start = max(0, position - 40), end = min(text.count, position + 60)
        // Whole words at both ends.
        while start > 0, start < position, !text[start - 1].isWhitespace { start += 1 }
        while end < text.count, end > position, !text[end].isWhitespace { end -= 1 }
        let piece = String(text[start..<end]).split(whereSeparator: \.isNewline).joined(separator: " ")
        return (start > 0 ? "…" : "") + piece + (end < text.count ? "…" : "")
    }
}
