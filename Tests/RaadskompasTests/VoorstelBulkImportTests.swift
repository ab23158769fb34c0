import Foundation
import Testing
@testable import Raadskompas

/// Issue 13: `voorstel importeer` reads a folder, and an openbesluitvorming.nl NDJSON export
/// (`entity.commit` events), in one change.
@Suite struct VoorstelBulkImportTests {
    func session(_ folder: TemporaryFolder) -> Session {
        Session(library: bundledLibrary, database: (folder.path("a.sqlite"), false))
    }

    func run(_ s: Session, _ text: String) -> (ok: Bool, output: String) {
        var output = ""
        let result = s.run(text) { output += $0 }
        return (result.succeeded, output + result.diagnostics.map { $0.summary + " — " + ($0.hint ?? "") }.joined(separator: "\n"))
    }

    /// One `entity.commit` line as openbesluitvorming.nl writes it.
    static func commit(_ op: String, type: String = "Document", id: String, name: String = "", text: Any? = nil, hash: String = "h1", date: String? = nil) -> String {
        var payload: [String: Any] = ["id": id, "type": type, "name": name]
        if let text { payload["md_text"] = text }
        if let date { payload["last_discussed_at"] = date }
        var data: [String: Any] = ["entity_type": type, "entity_id": id, "commit_id": "c-\(id)-\(hash)", "op": op, "mode": "replace",
                                   "schema_name": type, "schema_version": "1", "content_hash": hash, "source": ["supplier": "notubiz"]]
        if op == "upsert" { data["payload"] = payload }
        let event: [String: Any] = ["specversion": "1.0", "type": "entity.commit", "source": "ori", "id": "e-\(id)-\(hash)",
                                    "time": "2025-06-01T10:00:00Z", "subject": id, "datacontenttype": "application/json", "data": data]
        let json = try! JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])
        return String(decoding: json, as: UTF8.self)
    }

    @Test func aFolderIsReadWithUnreadableFilesNamed() throws {
        let folder = try TemporaryFolder()
        let stukken = folder.path("stukken")
        try FileManager.default.createDirectory(atPath: stukken + "/2025", withIntermediateDirectories: true)
        let source = AnalysisTests.folder
        for name in ["09-beschermd-wonen.txt", "02-wmo-verordening.txt"] {
            try FileManager.default.copyItem(atPath: source.appending(path: name).path, toPath: stukken + "/2025/" + name)
        }
        try "Raadsvoorstel\nOnderwerp: Krediet\n\nHet college stelt voor.\n".write(toFile: stukken + "/Raadsvoorstel 2025-041 Krediet.md", atomically: true, encoding: .utf8)
        try "   \n".write(toFile: stukken + "/leeg.txt", atomically: true, encoding: .utf8)
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00]).write(to: URL(fileURLWithPath: stukken + "/kapot.docx"))
        try "geen voorstel".write(toFile: stukken + "/notities.odt", atomically: true, encoding: .utf8)
        let s = session(folder)
        let first = run(s, "voorstel importeer \"\(stukken)\"")
        #expect(first.ok, "\(first.output)")
        #expect(first.output.contains("3 nieuw"), "\(first.output)")
        #expect(first.output.contains("leeg.txt") && first.output.contains("kapot.docx"), "each unreadable file is named: \(first.output)")
        #expect(!first.output.contains("notities.odt"))
        let list = run(s, "voorstel lijst").output
        #expect(list.contains("raadsvoorstel-2025-041-krediet") && list.contains("rv-09-beschermd-wonen"), "\(list)")
        // The same folder again changes nothing.
        let again = run(s, "voorstel importeer \"\(stukken)\"")
        #expect(again.output.contains("3 ongewijzigd"), "\(again.output)")
        #expect(!again.output.contains("nieuw"))
        // One `ongedaan` takes the whole first import back.
        let undo = run(s, "ongedaan")
        #expect(undo.ok, "\(undo.output)")
        #expect(run(s, "voorstel lijst").output.contains("Er zijn nog geen") || !run(s, "voorstel lijst").output.contains("krediet"))
    }

    @Test func anExportIsReadAndReadAgainWithoutChange() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOf: AnalysisTests.folder.appending(path: "09-beschermd-wonen.txt"), encoding: .utf8)
        let lines = [
            VoorstelBulkImportTests.commit("upsert", type: "Meeting", id: "m-1", name: "Raadsvergadering"),
            VoorstelBulkImportTests.commit("upsert", id: "https://id.openraadsinformatie.nl/doc/4411", name: "Regionaal beleidskader Beschermd Wonen", text: [text], date: "2025-05-22T19:30:00+02:00"),
            VoorstelBulkImportTests.commit("upsert", id: "doc-4412", name: "Bijlage zonder tekst"),
            VoorstelBulkImportTests.commit("upsert", id: "doc-4413", name: "Krediet sportpark", text: "Raadsvoorstel\nHet college stelt voor een krediet van € 865.000 beschikbaar te stellen."),
        ]
        let export = folder.path("export.ndjson")
        try (lines.joined(separator: "\n") + "\n").write(toFile: export, atomically: true, encoding: .utf8)
        let s = session(folder)
        let first = run(s, "voorstel importeer \"\(export)\"")
        #expect(first.ok, "\(first.output)")
        #expect(first.output.contains("2 nieuw"), "\(first.output)")
        #expect(first.output.contains("regel 3 (Bijlage zonder tekst)"), "a document without text is named: \(first.output)")
        #expect(first.output.contains("1 regel gaat over vergaderingen"), "\(first.output)")
        let shown = run(s, "voorstel toon ob-4411").output
        #expect(shown.contains("Regionaal beleidskader Beschermd Wonen") && shown.contains("22 mei 2025"), "\(shown)")
        let again = run(s, "voorstel importeer \"\(export)\"")
        #expect(again.output.contains("2 ongewijzigd") && !again.output.contains("nieuw"), "\(again.output)")
        // A later export deletes one.
        let later = folder.path("later.ndjson")
        try (lines + [VoorstelBulkImportTests.commit("delete", id: "doc-4413", hash: "h2")]).joined(separator: "\n").write(toFile: later, atomically: true, encoding: .utf8)
        // Deletions only touch voorstellen from the same export file.
        #expect(!run(s, "voorstel importeer \"\(later)\"").output.contains("verwijderd volgens"))
        try FileManager.default.removeItem(atPath: export)
        try FileManager.default.moveItem(atPath: later, toPath: export)
        let deleting = run(s, "voorstel importeer \"\(export)\"")
        #expect(deleting.output.contains("1 verwijderd volgens de export") && deleting.output.contains("ob-doc-4413"), "\(deleting.output)")
        #expect(!run(s, "voorstel lijst").output.contains("ob-doc-4413"))
    }

    @Test func aMalformedLineStoresNothing() throws {
        let folder = try TemporaryFolder()
        let export = folder.path("kapot.ndjson")
        try [VoorstelBulkImportTests.commit("upsert", id: "doc-1", name: "Een", text: "Raadsvoorstel een met genoeg tekst."),
             "{\"specversion\": \"1.0\", \"data\": {\"op\": \"upsert\", ",
             VoorstelBulkImportTests.commit("upsert", id: "doc-2", name: "Twee", text: "Raadsvoorstel twee.")].joined(separator: "\n")
            .write(toFile: export, atomically: true, encoding: .utf8)
        let s = session(folder)
        let result = run(s, "voorstel importeer \"\(export)\"")
        #expect(!result.ok)
        #expect(result.output.contains("regel 2 van de export is niet te lezen") && result.output.contains("er is niets opgeslagen"), "\(result.output)")
        #expect(!run(s, "voorstel lijst").output.contains("ob-doc-1"))
        for bad in ["[1, 2]", "{\"type\": \"iets anders\"}", "{\"data\": {\"op\": \"herschrijf\", \"entity_type\": \"Document\", \"entity_id\": \"x\"}}"] {
            try bad.write(toFile: export, atomically: true, encoding: .utf8)
            let r = run(s, "voorstel importeer \"\(export)\"")
            #expect(!r.ok && r.output.contains("regel 1"), "\(bad): \(r.output)")
        }
        try "\n\n".write(toFile: export, atomically: true, encoding: .utf8)
        #expect(run(s, "voorstel importeer \"\(export)\"").output.contains("bevat geen regels"))
    }

    @Test func idsFromNames() {
        #expect(VoorstelBulkImport.id(forName: "Raadsvoorstel 2025-041 Jeugdhulp") == "raadsvoorstel-2025-041-jeugdhulp")
        #expect(VoorstelBulkImport.id(forName: "2025_041 Zienswijze GGD") == "rv-2025-041-zienswijze-ggd")
        #expect(VoorstelBulkImport.id(forName: "Coöperatie ‘Één’") == "cooperatie-een")
        #expect(VoorstelBulkImport.id(forName: "4411", prefix: "ob-") == "ob-4411")
        #expect(VoorstelBulkImport.id(forName: String(repeating: "a", count: 200)).count == 60)
        #expect(VoorstelBulkImport.id(forName: "…") == "voorstel")
    }
}
