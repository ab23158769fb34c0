import Foundation
import KompasDSL

/// Reading many raadsvoorstellen at once, for the APK: a folder of files (.txt, .md, .pdf, .docx,
/// also in subfolders), or an export of openbesluitvorming.nl as NDJSON — one `entity.commit`
/// event per line (CloudEvents envelope; `data.op` upsert or delete, `data.entity_type`,
/// `data.entity_id`, `data.content_hash`, `data.payload`). Of the payloads only Documents are
/// voorstellen: `name` is the title, `md_text` or else `text` (a string or a list of pages) the
/// text, `last_discussed_at` the date. Schemas: github.com/ontola/openbesluitvorming, `schemas/`.
///
/// Reading never stores anything; `VoorstelStore.apply` stores the whole batch in one change.
public enum VoorstelBulkImport {
    /// What a batch would store, and what it skipped and why.
    public struct Batch: Sendable {
        public var voorstellen: [Voorstel] = []
        /// Ids of voorstellen the export deletes (`op: delete`).
        public var deletions: [String] = []
        /// A file or line that was not read, and why.
        public var skipped: [(naam: String, reden: String)] = []
        /// Lines about meetings, motions, committees or votes: not voorstellen.
        public var otherEntities = 0
    }

    public enum Failure: Error, Sendable {
        case malformed(line: Int, reason: String)
        case unreadable(String)
        case empty(String)

        public var message: String {
            switch self {
            case .malformed(let line, let reason): "regel \(line) van de export is niet te lezen: \(reason); er is niets opgeslagen"
            case .unreadable(let path): "kan `\(path)` niet lezen"
            case .empty(let path): "`\(path)` bevat geen regels"
            }
        }

        public var hint: String {
            switch self {
            case .malformed: "elke regel moet één JSON-object zijn (een `entity.commit` van openbesluitvorming.nl); herstel of verwijder die regel en lees opnieuw in"
            case .unreadable: "controleer de naam en of je leesrechten hebt"
            case .empty: "kies het NDJSON-bestand dat je downloadde"
            }
        }
    }

    /// Whether `path` names an NDJSON export.
    public static func isExport(_ path: String) -> Bool {
        ["ndjson", "jsonl"].contains((path as NSString).pathExtension.lowercased())
    }

    /// The id a file gets: its name in lowercase with `-` between words ("Raadsvoorstel 2025-041
    /// Jeugdhulp.pdf" → `raadsvoorstel-2025-041-jeugdhulp`), `rv-` before a name that starts with
    /// a digit, at most 60 characters.
    public static func id(forName name: String, prefix: String = "rv-") -> String {
        var slug = ""
        for b in ByteFolding.fold(name) {
            if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { slug.append(Character(UnicodeScalar(b))) } else if !slug.hasSuffix("-"), !slug.isEmpty { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "voorstel" }
        if !(slug.first?.isLetter ?? false) || prefix == "ob-" { slug = prefix + slug }
        return String(slug.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    // MARK: - A folder

    /// Every voorstel in `folder` and its subfolders, sorted by path; files that cannot be read are
    /// named in `skipped` with the reason, the rest is read.
    public static func folder(_ folder: String, title: (String) -> String? = { _ in nil }) -> Batch {
        var batch = Batch()
        let base = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            batch.skipped.append((folder, "de map is niet te lezen"))
            return batch
        }
        var paths: [String] = []
        for case let relative as String in enumerator {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard ["txt", "md", "pdf", "docx"].contains(ext) else { continue }
            if (relative as NSString).lastPathComponent.hasPrefix(".") || (relative as NSString).lastPathComponent.hasPrefix("~$") { continue }
            paths.append(relative)
        }
        var used = Set<String>()
        for relative in paths.sorted() {
            let path = base.appending(path: relative).path
            let imported: TextImport.Imported
            do throws(TextImport.Failure) {
                imported = try TextImport.read(path)
            } catch {
                batch.skipped.append((relative, error.message))
                continue
            }
            var id = VoorstelBulkImport.id(forName: ((relative as NSString).lastPathComponent as NSString).deletingPathExtension)
            // Two files with the same name in different subfolders.
            if used.contains(id) {
                var n = 2
                while used.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            used.insert(id)
            batch.voorstellen.append(voorstel(id: id, text: imported.text, source: path, titel: title(imported.text), datum: nil))
        }
        return batch
    }

    // MARK: - An openbesluitvorming.nl export

    /// The Documents of an NDJSON export. A line that is not a JSON object, or not an
    /// `entity.commit`, fails the whole export with its line number, so nothing half is stored.
    public static func export(_ path: String) throws(Failure) -> Batch {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        var batch = Batch()
        var lineNumber = 0
        var sawLine = false
        var byId: [String: Int] = [:]
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard line.contains(where: { $0 != 32 && $0 != 9 }) else { continue }
            sawLine = true
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line), options: [])
            } catch {
                throw .malformed(line: lineNumber, reason: "dit is geen JSON")
            }
            guard let event = object as? [String: Any] else { throw .malformed(line: lineNumber, reason: "dit is geen JSON-object") }
            // The fields sit in `data` (CloudEvents); a flattened export has them at the top.
            let body = event["data"] as? [String: Any] ?? event
            guard let op = body["op"] as? String, let entityType = body["entity_type"] as? String ?? body["schema_name"] as? String else {
                throw .malformed(line: lineNumber, reason: "`op` of `entity_type` ontbreekt (is dit een export van openbesluitvorming.nl?)")
            }
            guard entityType == "Document" else {
                batch.otherEntities += 1
                continue
            }
            let payload = body["payload"] as? [String: Any]
            guard let entityID = body["entity_id"] as? String ?? payload?["id"] as? String ?? (event["subject"] as? String), !entityID.isEmpty else {
                throw .malformed(line: lineNumber, reason: "`entity_id` ontbreekt")
            }
            let id = VoorstelBulkImport.id(forName: entityID.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? entityID, prefix: "ob-")
            let source = "\(path)#\(entityID)"
            switch op {
            case "delete":
                if let index = byId[id] { batch.voorstellen.remove(at: index); byId = Dictionary(uniqueKeysWithValues: batch.voorstellen.enumerated().map { ($1.id, $0) }) }
                batch.deletions.append(id)
            case "upsert":
                guard let payload else { throw .malformed(line: lineNumber, reason: "`payload` ontbreekt bij `upsert`") }
                let name = (payload["name"] as? String).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
                let text = pages(payload["md_text"]) ?? pages(payload["text"]) ?? ""
                guard !text.allSatisfy(\.isWhitespace) else {
                    batch.skipped.append(("regel \(lineNumber) (\(name.isEmpty ? id : name))", "het document heeft geen tekst (geen `md_text` of `text`)"))
                    continue
                }
                let datum = (payload["last_discussed_at"] as? String).flatMap { VoorstelKop.firstDate(String($0.prefix(10))) }
                let voorstel = voorstel(id: id, text: text, source: source, titel: name.isEmpty ? nil : String(name.prefix(300)), datum: datum)
                batch.deletions.removeAll { $0 == id }
                if let index = byId[id] { batch.voorstellen[index] = voorstel } else {
                    byId[id] = batch.voorstellen.count
                    batch.voorstellen.append(voorstel)
                }
            default:
                throw .malformed(line: lineNumber, reason: "onbekende `op` ‘\(op)’ (verwacht upsert of delete)")
            }
        }
        guard sawLine else { throw .empty(path) }
        return batch
    }

    /// `md_text`/`text`: a string, or a list of strings (pages) joined with blank lines.
    static func pages(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let list = value as? [Any] {
            let texts = list.compactMap { $0 as? String }
            return texts.isEmpty ? nil : texts.joined(separator: "\n\n")
        }
        return nil
    }

    /// A voorstel with what its header says: datum, portefeuille, registratienummer.
    static func voorstel(id: String, text: String, source: String, titel: String?, datum: DateValue?) -> Voorstel {
        let kop = VoorstelKop.read(text)
        var given = VoorstelGegevens()
        given.titel = titel ?? kop.onderwerp.map { String($0.prefix(160)) }
        given.datum = datum ?? kop.datum
        given.portefeuille = kop.portefeuille
        given.registratienummer = kop.registratienummer
        return Voorstel.described(id: id, text: text, source: source, by: given)
    }
}
