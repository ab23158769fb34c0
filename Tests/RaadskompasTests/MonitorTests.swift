import Foundation
import GRDB
import Testing
import KompasDSL
@testable import Raadskompas

/// Reports name the day a file was read: the same report on another day is the same report.
func maskImportDates(_ text: String) -> String {
    text.replacingOccurrences(of: #"\(\d{1,2} [a-z]+ \d{4}"#, with: "(DATUM", options: .regularExpression)
}

/// A small gemeente with an adviesraad, two voorstellen, an advies with a late reactie, measurements
/// in two gebieden, a link, a werkblad resultaat with a target and a duiding.
let monitorSetup = """
    adviesraad asd naam="Adviesraad Sociaal Domein" gemeente="Dommelrade" reactietermijn=6
    voorstel rv-1 { titel "Re-integratie jongeren"; datum 2023-06-20; wetten [participatiewet]; tekst "Het college stelt voor jongeren te helpen." }
    voorstel rv-2 { titel "Beleidsplan Wmo 2024"; datum 2023-11-02; wetten [wmo]; tekst "Een nieuw beleidskader." }
    voorstel rv-3 { titel "Herinrichting van de markt"; datum 2023-09-01; tekst "Het marktplein krijgt nieuwe bestrating." }
    advies adv-1 raad=asd soort=gevraagd onderwerp="Jongeren aan het werk" thema="Werk" uitgebracht=2023-03-10 voorstel=rv-1 {
      aanbeveling 1 "Zet in op leerwerkplekken"
      aanbeveling 2 "Meet de uitstroom"
    }
    advies adv-2 raad=asd soort=ongevraagd onderwerp="Eenzaamheid <onder> ouderen & \\"mantelzorgers\\"" thema="Zorg" uitgebracht=2023-10-01 {
      aanbeveling 1 "=Maak een aanpak"
    }
    reactie adv-1 datum=2023-05-01 { aanbeveling 1 overgenomen "Staat in het plan"; aanbeveling 2 niet "Te duur" }
    koppel aanbeveling adv-1 1 indicator=werkloze-jongeren richting=omlaag horizon=2025
    werkblad "Visie" eigenaar="Sanne" { stap resultaten { zelf { resultaat "Minder werkloze jongeren" } } }
    koppel resultaat "Visie" zelf.1 indicator=werkloze-jongeren doel=2 jaar=2027 gebied="GM0363"
    duiding werkloze-jongeren periode=2023 gebied="GM0363" door="raad" { a "Ja, herkenbaar"; b "Krappe arbeidsmarkt"; c "Goed"; d "Doorgaan" }
    """

let monitorMeasurements = """
    indicator;gebied;periode;waarde
    werkloze-jongeren;GM0363;2021JJ00;3,1
    werkloze-jongeren;GM0363;2022JJ00;2,8
    werkloze-jongeren;GM0363;2023JJ00;2,4
    werkloze-jongeren;GM0363;2024JJ00;2,6*
    werkloze-jongeren;GM0344;2023JJ00;1,9

    """

@Suite struct MonitorTests {
    func session(_ folder: TemporaryFolder, setup: Bool = true) throws -> Session {
        let s = Session(library: bundledLibrary, database: (folder.path("m.sqlite"), false))
        s.today = { DateValue(year: 2024, month: 1, day: 15)! }
        if setup {
            let csv = folder.path("m.csv")
            try monitorMeasurements.write(toFile: csv, atomically: true, encoding: .utf8)
            let result = s.run("importeer metingen \"\(csv)\"\n" + monitorSetup) { _ in }
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
        }
        return s
    }

    /// Real gemeente codes, sorted: imports refuse codes CBS does not know.
    var gemeenteCodes: [String] { Gebieden(library: bundledLibrary).all.filter { $0.soort == .gemeente }.map(\.code).sorted() }

    func golden(_ name: String, _ text: String) throws {
        let actual = maskImportDates(text)
        let url = packageRoot.appending(path: "Tests/RaadskompasTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["RAADSKOMPAS_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) wijkt af van het goldenbestand")
    }

    @Test func valuesInDutchAndPlainNotation() {
        func v(_ text: String) -> Double? { MeasurementImport.value(text).flatMap { $0.0 } }
        #expect(v("12,5") == 12.5)
        #expect(v("12.5") == 12.5)
        #expect(v("1.250,5") == 1250.5)
        #expect(v("1.250.000") == 1_250_000)
        #expect(v("1.250") == 1.25, "één punt is een decimaalteken, zoals CBS schrijft")
        #expect(v("-3,2") == -3.2)
        #expect(MeasurementImport.value("1,2,3") == nil)
        #expect(MeasurementImport.value("12,5.0") == nil)
        #expect(MeasurementImport.value("1.25.0") == nil)
        #expect(MeasurementImport.value("veel") == nil)
        #expect(MeasurementImport.value(" 12,5* ").map { $0.0 == 12.5 && $0.1 } == true)
        #expect(MeasurementImport.value(".").map { $0.0 == nil && !$0.1 } == true)
        #expect(MeasurementImport.value(".*").map { $0.0 == nil && $0.1 } == true)
        #expect(1_234_567.grouped == "1.234.567" && 1000.grouped == "1.000" && 999.grouped == "999" && (-45_000).grouped == "-45.000")
    }

    @Test func periods() {
        #expect(Periode.normalize("2024KW02") == "2024-K2")
        #expect(Periode.normalize("2024-Q3") == "2024-K3")
        #expect(Periode.normalize("2024-13") == nil)
        #expect(Periode.normalize("24") == nil)
        let q = Periode.range("2024-K1")
        #expect(q?.first == DateValue(year: 2024, month: 1, day: 1) && q?.last == DateValue(year: 2024, month: 3, day: 31))
        #expect(Periode.range("2024-02")?.last == DateValue(year: 2024, month: 2, day: 29))
        #expect(Periode.contains("2023", DateValue(year: 2023, month: 12, day: 31)!))
        #expect(!Periode.contains("2023-K4", DateValue(year: 2024, month: 1, day: 1)!))
        let series = ["2021", "2022", "2023", "2024"].enumerated().map { Meting(gebied: "g", periode: $1, waarde: Double($0), voorlopig: false) }
        let around = Periode.beforeAndAfter(series, around: DateValue(year: 2023, month: 3, day: 10)!)
        #expect(around.before?.periode == "2022" && around.after?.periode == "2024")
    }

    @Test func dutchDecimalCommasLongLinesAndBinaryFiles() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder, setup: false)
        let dutch = folder.path("nl.csv")
        try "indicator;gebied;periode;waarde\r\neenzaamheid-75plus;GM0363;2022;\"1.234,5\"\r\neenzaamheid-75plus;GM0363;2023;12,25\r\n"
            .write(toFile: dutch, atomically: true, encoding: .utf8)
        #expect(run(s, "importeer metingen \"\(dutch)\" toch=ja").diagnostics.isEmpty)
        let shown = run(s, "metingen eenzaamheid-75plus").output
        #expect(shown.contains("2022     1234,5") && shown.contains("2023     12,25"))

        let long = folder.path("lang.csv")
        try ("indicator;gebied;periode;waarde\n" + String(repeating: "x", count: 1_200_000)).write(toFile: long, atomically: true, encoding: .utf8)
        #expect(run(s, "importeer metingen \"\(long)\"").diagnostics.first?.summary.contains("regel 2 van") == true)

        // A line that passes the 1 MB mark only in the next chunk is refused too.
        let justOver = folder.path("net-te-lang.csv")
        try ("indicator;gebied;periode;waarde\n" + String(repeating: "x", count: (1 << 20) + 17) + "\neenzaamheid-75plus;GM0363;2024;1\n")
            .write(toFile: justOver, atomically: true, encoding: .utf8)
        let over = run(s, "importeer metingen \"\(justOver)\"").diagnostics.first?.summary ?? ""
        #expect(over.contains("regel 2 van") && over.contains("langer dan 1 MB"))

        let binary = folder.path("data.csv")
        try Data("indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;20\u{0}22;1\n".utf8).write(to: URL(fileURLWithPath: binary))
        #expect(run(s, "importeer metingen \"\(binary)\"").diagnostics.first?.summary.contains("binaire tekens") == true)
    }

    /// Issue 14: StatLine marks provisional periods with a star (`2024*`); the figures of that
    /// period are stored as voorlopig, and a later import without the star makes them definitive.
    @Test func aStarOnThePeriodMarksItProvisional() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder, setup: false)
        let path = folder.path("statline.csv")
        try "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2023;12,5\neenzaamheid-75plus;GM0363;2024*;13,1\neenzaamheid-75plus;GM0363;2025KW01 *;13,4\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let imported = run(s, "importeer metingen \"\(path)\"")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.summary))")
        let store = try Store(path: folder.path("m.sqlite"))
        let rows = try store.read { db in try Row.fetchAll(db, sql: "SELECT periode, voorlopig FROM meting ORDER BY periode") }
        #expect(rows.map { $0["periode"] as String } == ["2023", "2024", "2025-K1"])
        #expect(rows.map { $0["voorlopig"] as Bool } == [false, true, true])
        try "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2024;13,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(run(s, "importeer metingen \"\(path)\"").diagnostics.isEmpty)
        let later = try store.read { db in try Row.fetchOne(db, sql: "SELECT waarde, voorlopig FROM meting WHERE periode = '2024'") }
        #expect(later?["voorlopig"] as Bool? == false)
        #expect(later?["waarde"] as Double? == 13.2)
    }

    /// A file saved by older Excel or StatLine in Windows-1252 is read as such, and the reply says so.
    @Test func windows1252FilesAreReadAndNamed() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder, setup: false)
        let path = folder.path("latin1.csv")
        let text = "indicator;gebied;periode;waarde\neenzaamheid-75plus;Súdwest-Fryslân;2023;12\neenzaamheid-75plus;GM0363;2023;13\n"
        try text.data(using: .windowsCP1252)!.write(to: URL(fileURLWithPath: path))
        let result = run(s, "importeer metingen \"\(path)\"")
        #expect(result.diagnostics.isEmpty)
        #expect(result.output.contains("1 regel was niet in UTF-8") && result.output.contains("Windows-1252"))
        #expect(run(s, "metingen eenzaamheid-75plus").output.contains("Súdwest-Fryslân"))
        // A file in UTF-8 gets no such note.
        let utf8 = folder.path("utf8.csv")
        try text.write(toFile: utf8, atomically: true, encoding: .utf8)
        #expect(!run(s, "importeer metingen \"\(utf8)\"").output.contains("UTF-8"))
        #expect(Array("é €".utf8).withUnsafeBufferPointer { MeasurementImport.isUTF8($0) })
        #expect(![UInt8]([0x65, 0xE9, 0x20]).withUnsafeBufferPointer { MeasurementImport.isUTF8($0) })
    }

    /// A 2 GB file is streamed, not read into memory: a sparse file (no disk space) with good rows
    /// first and then 2 GB of zero bytes stops at the first line that is not text, with nothing stored.
    @Test func aTwoGigabyteFileIsStreamed() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder, setup: false)
        let path = folder.path("groot.csv")
        let header = "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022;12\n"
        try header.write(toFile: path, atomically: true, encoding: .utf8)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()
        #expect(((try FileManager.default.attributesOfItem(atPath: path))[.size] as? Int ?? 0) > 2_000_000_000)
        let before = residentKilobytes()
        let d = run(s, "importeer metingen \"\(path)\"").diagnostics.first
        #expect(d?.summary.contains("regel 3 van") == true, "\(d?.summary ?? "geen fout")")
        #expect(run(s, "metingen eenzaamheid-75plus").output.contains("Nog geen metingen"))
        if let before, let after = residentKilobytes() { #expect(after - before < 200_000, "geheugen groeide \(after - before) KB") }
    }

    func residentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    @Test func duplicateRowsAreFoundWithoutAKeySet() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder, setup: false)
        let path = folder.path("dubbel.csv")
        try "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022JJ00;1\neenzaamheid-75plus;GM0344;2022;1\neenzaamheid-75plus;GM0363;2022;2\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let d = run(s, "importeer metingen \"\(path)\"").diagnostics.first
        #expect(d?.summary == "regel 4 van `\(path)`: dubbele regel voor eenzaamheid-75plus, Amsterdam (GM0363), 2022; er is niets opgeslagen")
        // The same rows in a later import are no duplicates.
        let once = folder.path("een.csv")
        try "indicator;gebied;periode;waarde\neenzaamheid-75plus;GM0363;2022;1\n".write(toFile: once, atomically: true, encoding: .utf8)
        #expect(run(s, "importeer metingen \"\(once)\"\nimporteer metingen \"\(once)\"").diagnostics.isEmpty)
    }

    @Test func duplicatesAcrossBatchesNameTheFirstDuplicateLine() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder, setup: false)
        let codes = gemeenteCodes
        var rows = (0..<200).map { "eenzaamheid-75plus;\(codes[$0]);2022;\($0)" }
        rows[150] = "eenzaamheid-75plus;\(codes[10]);2022;1"      // line 152: the same as line 12, two batches earlier
        rows[151] = "eenzaamheid-75plus;\(codes[151]);2022;1"
        rows[160] = "eenzaamheid-75plus;\(codes[151]);2022;2"      // line 162: a duplicate inside its own batch, later
        let path = folder.path("veel.csv")
        try (["indicator;gebied;periode;waarde"] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let d = run(s, "importeer metingen \"\(path)\"").diagnostics.first
        #expect(d?.summary.hasPrefix("regel 152 van") == true, "\(d?.summary ?? "geen fout")")
        #expect(d?.summary.contains(codes[10]) == true)
        rows[150] = "eenzaamheid-75plus;\(codes[150]);2022;1"
        try (["indicator;gebied;periode;waarde"] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(run(s, "importeer metingen \"\(path)\"").diagnostics.first?.summary.hasPrefix("regel 162 van") == true)
        rows[160] = "eenzaamheid-75plus;\(codes[160]);2022;2"
        try (["indicator;gebied;periode;waarde"] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(run(s, "importeer metingen \"\(path)\" toch=ja").output.contains("200 metingen gelezen"))
        #expect(run(s, "importeer metingen \"\(path)\" toch=ja").output.contains("0 nieuw of gewijzigd"))
    }

    @Test func ownIndicators() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder, setup: false)
        #expect(run(s, "indicator nieuw wachttijd-wmo naam=\"Wachttijd Wmo\" eenheid=\"dagen\" richting=lager-is-beter").diagnostics.isEmpty)
        #expect(run(s, "indicator nieuw werkloze-jongeren naam=\"X\" eenheid=\"%\"").diagnostics.first?.summary.contains("staat al in de catalogus") == true)
        #expect(run(s, "indicator maak x").diagnostics.first?.summary == "onbekende actie `maak` bij `indicator`")
        let csv = folder.path("w.csv")
        try "indicator;gebied;periode;waarde\nwachttijd-wmo;GM0363;2024-K1;42\nwachttijd-wmo;GM0363;2024-K2;35\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(run(s, "importeer metingen \"\(csv)\"").output.contains("2 nieuw"))
        #expect(run(s, "indicator lijst").output.contains("wachttijd-wmo  Wachttijd Wmo (dagen) 2 metingen"))
        #expect(run(s, "metingen wachttijd-wmo").output.contains("42 → 35"))
        #expect(run(s, "indicator verwijder werkloze-jongeren zeker=ja").diagnostics.first?.summary.contains("komt uit de catalogus") == true)
        #expect(run(s, "indicator verwijder wachttijd-wmo").diagnostics.first?.summary == "verwijderen vraagt om bevestiging")
        #expect(run(s, "indicator verwijder wachttijd-wmo zeker=ja").output.contains("met 2 metingen"))
        #expect(run(s, "metingen wachttijd-wmo").diagnostics.first?.summary == "onbekende indicator `wachttijd-wmo`")
    }

    @Test func linksCheckWhatTheyPointAt() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        let typo = run(s, "koppel aanbeveling adv-1 2 indicator=werkloze-jongere richting=omlaag").diagnostics.first
        #expect(typo?.summary == "onbekende indicator `werkloze-jongere`" && typo?.hint == "bedoelde je `werkloze-jongeren`?")
        #expect(run(s, "koppel aanbeveling adv-9 1 indicator=werkloze-jongeren richting=omlaag").diagnostics.first?.summary == "geen advies met id `adv-9`")
        let missing = run(s, "koppel aanbeveling adv-1 3 indicator=werkloze-jongeren richting=omlaag").diagnostics.first
        #expect(missing?.summary == "advies adv-1 heeft geen aanbeveling 3" && missing?.hint == "aanbevelingen: 1, 2")
        #expect(run(s, "koppel aanbeveling adv-1 1 indicator=werkloze-jongeren richting=opwaarts").diagnostics.first?.summary.contains("opwaarts") == true)
        #expect(run(s, "koppel aanbeveling adv-1 1 indicator=werkloze-jongeren richting=omlaag horizon=25").diagnostics.first?.summary == "25 is te klein voor `horizon`")
        #expect(run(s, "koppel resultaat \"Visie\" zelf.4 indicator=werkloze-jongeren doel=2").diagnostics.first?.summary == "‘Visie’ heeft geen resultaat zelf.4")
        #expect(run(s, "koppel resultaat \"Visie\" waarden.zelf.1 indicator=werkloze-jongeren doel=2").diagnostics.first?.summary.contains("geen adres van een resultaat") == true)
        #expect(run(s, "koppel resultaat \"Visi\" zelf.1 indicator=werkloze-jongeren doel=2").diagnostics.first?.hint == "bedoelde je ‘Visie’?")
        #expect(run(s, "koppel resultaat \"Visie\" zelf.1 indicator=werkloze-jongeren doel=\"veel\"").diagnostics.first?.summary == "het doel is geen getal")
        // Declaring the advies again keeps its links.
        _ = run(s, "advies adv-1 raad=asd soort=gevraagd onderwerp=\"Jongeren aan het werk\" uitgebracht=2023-03-10 voorstel=rv-1 { aanbeveling 1 \"Zet in op leerwerkplekken\" }")
        #expect(run(s, "advies toon adv-1").output.contains("◆ Werkloze jongeren — verwacht omlaag in 2025"))
        #expect(run(s, "ontkoppel aanbeveling adv-1 1 indicator=werkloze-jongeren").output.contains("weggehaald"))
        #expect(!run(s, "advies toon adv-1").output.contains("◆"))
        #expect(run(s, "ontkoppel aanbeveling adv-1 1 indicator=werkloze-jongeren").diagnostics.first?.summary.contains("is niet gekoppeld") == true)
    }

    @Test func viewsShowTheTrendWithAdviezenBesluitenAndTargets() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        let trend = run(s, "metingen werkloze-jongeren").output
        #expect(trend.contains("Amsterdam (GM0363)  4 metingen, 2021 – 2024\n  █▅▁▃  3,1 → 2,6\n    * \n"), "A en B vallen allebei in 2023")
        #expect(trend.contains("2023     2,4         ◆ advies adv-1 uitgebracht; besluit over voorstel rv-1"))
        #expect(trend.contains("  A  10 maart 2023: advies adv-1 uitgebracht\n  B  20 juni 2023: besluit over voorstel rv-1"))
        #expect(trend.contains("doel 2 in 2027; van 3,1 (2021) naar 2,6 (2024) — 45% van de weg"))
        #expect(trend.contains("    a. Ja, herkenbaar"))
        let advies = run(s, "advies toon adv-1").output
        #expect(advies.contains("Amsterdam (GM0363): voor het advies 2,8 (2022), erna 2,6 (2024) — de\n         verwachte kant op"))
        #expect(advies.contains("Utrecht (GM0344): voor het advies geen meting, erna nog geen meting"))
        let progress = run(s, "werkblad voortgang \"Visie\"").output
        #expect(progress.contains("█████████░░░░░░░░░░░ 45%"))
        _ = run(s, "koppel aanbeveling adv-1 2 indicator=werkloze-jongeren richting=omhoog")
        #expect(run(s, "advies toon adv-1").output.contains("2,6 (2024) — de\n         andere kant op"))
    }

    @Test func manyGebiedenGetOneLineEach() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        var rows = ["indicator;gebied;periode;waarde"]
        let codes = gemeenteCodes.filter { $0 != "GM0363" && $0 != "GM0344" }
        for g in 1...20 { for year in 2000...2030 { rows.append("werkloze-jongeren;\(codes[g]);\(year);\(g * 100 + (year < 2023 ? 50 : 10))") } }
        let path = folder.path("veel.csv")
        try rows.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        // Counts above 100 in a percentage: stored on purpose.
        #expect(run(s, "importeer metingen \"\(path)\" toch=ja").diagnostics.isEmpty)
        let view = run(s, "metingen werkloze-jongeren").output
        #expect(view.contains("22 gebieden"))
        let names = Gebieden(library: bundledLibrary)
        let lines = view.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  \(names.naam(codes[1])) ") && $0.hasSuffix("  ████████████████▁▁▁▁▁▁▁▁  150 → 110  (2007 – 2030)") }, "\(view)")
        #expect(lines.contains { $0.hasPrefix("  Amsterdam ") && $0.hasSuffix("  █▅▁▃                      3,1 → 2,6  (2021 – 2024)") })
        #expect(view.contains("voor en na het advies: `advies toon adv-1`"))
        #expect(!view.contains("2021     3,1"), "geen tabel per gebied")
        let detail = run(s, "metingen werkloze-jongeren gebied=\"\(codes[1])\"").output
        #expect(detail.contains("\(names.weergave(codes[1]))  31 metingen, 2000 – 2030"))
        // advies toon sums up over the gebieden.
        #expect(run(s, "advies toon adv-1").output.contains("in 21 van de 22 gebieden de verwachte kant op, in 0 de andere kant, 0\n         gelijk, 1 zonder meting voor én na"))
    }

    @Test func duidingIsCheckedAndStored() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        #expect(run(s, "duiding werkloze-jongeren periode=\"2023-13\" { a \"x\" }").diagnostics.first?.summary == "`2023-13` is geen periode")
        #expect(run(s, "duiding werkloze-jongeren periode=2023 { e \"x\" }").diagnostics.first != nil)
        #expect(run(s, "duid werkloze-jongeren periode=2023").diagnostics.first?.summary == "`duid` werkt in de shell, waar Raadskompas vragen kan stellen")
        // Guided: Enter keeps an answer, a new text replaces it, every answer is stored at once.
        let conversation = ScriptedConversation(["", "Minder instroom door de krappe arbeidsmarkt", nil])
        s.conversation = conversation
        #expect(run(s, "duid werkloze-jongeren periode=2023 gebied=\"GM0363\"").diagnostics.isEmpty)
        #expect(conversation.prompts == ["a> ", "b> ", "c> "])
        #expect(conversation.transcript.contains("Herken je de cijfers/resultaten in de praktijk?"))
        #expect(conversation.transcript.contains("nu: Ja, herkenbaar"))
        let stored = run(s, "metingen werkloze-jongeren").output
        #expect(stored.contains("a. Ja, herkenbaar") && stored.contains("b. Minder instroom door de krappe arbeidsmarkt") && stored.contains("c. Goed"))

        // Ctrl-C after a: the next `duid` goes on at b (issue 15), as `beoordeel` does.
        let first = ScriptedConversation(["Herkenbaar in de wijken", nil])
        s.conversation = first
        _ = run(s, "duid werkloze-jongeren periode=2024 gebied=\"GM0363\"")
        let resumed = ScriptedConversation(["Meer jongeren in de bijstand", nil])
        s.conversation = resumed
        _ = run(s, "duid werkloze-jongeren periode=2024 gebied=\"GM0363\"")
        #expect(resumed.prompts == ["b> ", "c> "])
        #expect(resumed.transcript.contains("Je gaat verder bij vraag b (a is al beantwoord)."), "\(resumed.transcript)")
        #expect(run(s, "metingen werkloze-jongeren").output.contains("b. Meer jongeren in de bijstand"))
    }

    @Test func guidedAdviesAndReactie() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        let conversation = ScriptedConversation(["gev", "Armoede en schulden", "", "Armoede", "wgs, foo", "wgs", "1-2-2024", "", "", "rv-2",
                                                 "Vroegsignalering uitbreiden", "Schuldhulp sneller", ""])
        s.conversation = conversation
        #expect(run(s, "advies nieuw").diagnostics.isEmpty)
        #expect(conversation.prompts.contains("id (Enter: adv-2024-01)> "))
        #expect(conversation.transcript.contains("Kies uit: wmo, participatiewet, jeugdwet, wgs, wlz, zvw."))
        let shown = run(s, "advies toon adv-2024-01").output
        #expect(shown.contains("Armoede en schulden") && shown.contains("aangevraagd: 1 februari 2024") && shown.contains("2. Schuldhulp sneller"))
        #expect(!run(s, "advies lijst").output.contains("rv-2  Beleidsplan"), "rv-2 heeft nu een advies")

        // Uitgebracht before aangevraagd: asked again, with the reason.
        let dates = ScriptedConversation(["gev", "Jeugd", "adv-data", "", "", "1-2-2024", "1-1-2024", "5-2-2024", "", "", ""])
        s.conversation = dates
        #expect(run(s, "advies nieuw").diagnostics.isEmpty)
        #expect(dates.transcript.contains("Het advies kan niet zijn uitgebracht vóór het werd aangevraagd (1 februari 2024)."))
        #expect(run(s, "advies toon adv-data").output.contains("uitgebracht: 5 februari 2024"))

        // `?` at the soort explains each soort from the content card, then asks again (issue 15).
        let explained = ScriptedConversation(["?", nil])
        s.conversation = explained
        _ = run(s, "advies nieuw")
        #expect(explained.transcript.contains("Soorten advies (meer: `toon adviesraad`):"), "\(explained.transcript)")
        #expect(explained.transcript.contains("  voorkant — Meedenken aan de voorkant: De adviesraad geeft al vroeg mondeling input op nieuw of te herzien beleid: vóórdat een conceptstuk wordt geschreven of herzien."))
        #expect(explained.transcript.contains("  signaal — Signaleren: "))
        #expect(explained.prompts.count == 2, "asked again after ?")
        let laws = ScriptedConversation(["gev", "Jeugd", "adv-jeugd", "", "?", nil])
        s.conversation = laws
        _ = run(s, "advies nieuw")
        #expect(laws.transcript.contains("  jeugdwet — ") && laws.transcript.contains("  wmo — Wet maatschappelijke ondersteuning"), "\(laws.transcript)")

        // Ctrl-C halfway: what was answered is stored.
        let stop = ScriptedConversation(["ongevraagd", "Wachtlijsten", "adv-x", nil])
        s.conversation = stop
        _ = run(s, "advies nieuw")
        #expect(run(s, "advies toon adv-x").output.contains("Wachtlijsten"))

        let reactie = ScriptedConversation(["3-3-2024", "o", "Doen we", "x", "d", "", nil])
        s.conversation = reactie
        #expect(run(s, "reactie adv-2024-01").diagnostics.isEmpty)
        #expect(reactie.transcript.contains("Typ o (overgenomen), d (deels) of n (niet overgenomen)."))
        let answered = run(s, "advies toon adv-2024-01").output
        #expect(answered.contains("reactie ontvangen: 3 maart 2024") && answered.contains("→ overgenomen: Doen we") && answered.contains("→ deels"))
        #expect(run(s, "reactie adv-404").diagnostics.first?.summary == "geen advies met id `adv-404`")

        // Ctrl-C after the first aanbeveling: the next `reactie` goes on at the second (issue 15).
        let nieuw = ScriptedConversation(["gev", "Minima", "adv-min", "", "", "", "", "", "", "Kwijtschelding", "Bijzondere bijstand", ""])
        s.conversation = nieuw
        #expect(run(s, "advies nieuw").diagnostics.isEmpty)
        let half = ScriptedConversation(["4-4-2024", "o", "Is gedaan", nil])
        s.conversation = half
        _ = run(s, "reactie adv-min")
        let rest = ScriptedConversation(["n", "Geen geld", nil])
        s.conversation = rest
        #expect(run(s, "reactie adv-min").diagnostics.isEmpty)
        #expect(rest.prompts.first == "reactie (o/d/n)> ", "no date question again: \(rest.prompts)")
        #expect(rest.transcript.contains("Je gaat verder bij aanbeveling 2 (datum van de reactie: 4 april 2024; 1 van de 2 aanbevelingen hebben al een reactie)."), "\(rest.transcript)")
        let done = run(s, "advies toon adv-min").output
        #expect(done.contains("→ overgenomen: Is gedaan") && done.contains("→ niet overgenomen: Geen geld"), "\(done)")
        s.conversation = nil
        #expect(run(s, "advies nieuw").diagnostics.first?.summary == "`advies nieuw` werkt in de shell, waar Raadskompas vragen kan stellen")
    }

    @Test func kerndomeinVoorstellenWithoutAdvies() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        let list = run(s, "advies lijst").output
        #expect(list.contains("⚑ Raadsvoorstellen in het kerndomein zonder advies\n  rv-2  Beleidsplan Wmo 2024 (2023-11-02)"))
        #expect(!list.contains("rv-3"), "de markt valt buiten het kerndomein")
        #expect(run(s, "voorstel toon rv-2").output.contains("⚑ Dit voorstel valt in het kerndomein"))
        #expect(!run(s, "voorstel toon rv-1").output.contains("⚑"), "rv-1 heeft een advies")
    }

    @Test func yearReportFiguresAndGoldenFiles() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        let text = run(s, "jaaroverzicht 2023").output
        #expect(text.contains("2 adviezen met 3 aanbevelingen: 1 overgenomen, 0 deels, 1 niet, 1 nog zonder\nreactie."))
        #expect(text.contains("gemiddeld 52 dagen, het langst 52 dagen (adv-1)"))
        #expect(text.contains("Te laat: 2 reacties: adv-1, adv-2."), "adv-2 wacht sinds 12 november 2023")
        #expect(run(s, "jaaroverzicht 2022").output.contains("Geen adviezen uitgebracht in 2022."))
        #expect(run(s, "jaaroverzicht 2023 raad=asx").diagnostics.first?.hint == "bedoelde je `asd`?")
        #expect(run(s, "jaaroverzicht 2023 naar").diagnostics.first?.summary == "na `naar` hoort een bestand")
        #expect(run(s, "jaaroverzicht 2023 naar \"x.pdf\"").diagnostics.first?.summary == "onbekend soort bestand `pdf`")
        for ext in ["md", "csv", "html"] {
            let path = folder.path("jaar.\(ext)")
            #expect(run(s, "jaaroverzicht 2023 naar \"\(path)\"").diagnostics.isEmpty)
            try golden("jaaroverzicht-2023.\(ext)", try String(contentsOfFile: path, encoding: .utf8))
        }
        let html = try String(contentsOfFile: folder.path("jaar.html"), encoding: .utf8)
        #expect(html.contains("Eenzaamheid &lt;onder&gt; ouderen &amp; \"mantelzorgers\"") && !html.contains("<onder>"))
        #expect(try String(contentsOfFile: folder.path("jaar.csv"), encoding: .utf8).contains(";\"Eenzaamheid <onder> ouderen & \"\"mantelzorgers\"\"\";"))
    }

    @Test func indicatorReportGoldenFiles() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        for ext in ["md", "csv", "html"] {
            let path = folder.path("rapport.\(ext)")
            #expect(run(s, "rapport werkloze-jongeren naar \"\(path)\"").diagnostics.isEmpty)
            try golden("rapport-werkloze-jongeren.\(ext)", try String(contentsOfFile: path, encoding: .utf8))
        }
        let html = try String(contentsOfFile: folder.path("rapport.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("stroke-dasharray"))
        #expect(run(s, "rapport werkloze-jongere").diagnostics.first?.hint == "bedoelde je `werkloze-jongeren`?")
    }

    @Test func werkbladTargetsSurviveAKompasRoundTrip() throws {
        let folder = try TemporaryFolder()
        let s = try session(folder)
        let path = folder.path("visie.kompas")
        #expect(run(s, "exporteer werkblad \"Visie\" naar \"\(path)\"").diagnostics.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("resultaat \"Minder werkloze jongeren\" doel=2 richting=omlaag jaar=2027 indicator=werkloze-jongeren gebied=\"GM0363\""), "\(text)")
        let otherFolder = try TemporaryFolder()
        let other = try session(otherFolder, setup: false)
        #expect(run(other, "indicator nieuw eigen-x naam=\"X\" eenheid=\"dagen\"").diagnostics.isEmpty)
        #expect(run(other, try String(contentsOfFile: path, encoding: .utf8)).diagnostics.isEmpty)
        #expect(run(other, "werkblad voortgang \"Visie\"").output.contains("doel 2 in 2027"))
        let unknown = run(other, "werkblad \"Y\" { stap resultaten { zelf { resultaat \"r\" indicator=eigen-y } } }").diagnostics.first
        #expect(unknown?.summary == "onbekende indicator `eigen-y`" && unknown?.hint == "bedoelde je `eigen-x`?")
    }

    /// A file read in again on the same day is named once, with how often it was read (found by a
    /// newcomer: "cijfers.csv …; cijfers.csv …").
    @Test func aFileReadInTwiceIsNamedOnce() throws {
        let db = try DatabaseSession()
        let file = db.folder.path("cijfers.csv")
        try "indicator;gebied;periode;waarde\nwerkloze-jongeren;GM0363;2023;4,5\nwerkloze-jongeren;GM0363;2024;5,1\n".write(toFile: file, atomically: true, encoding: .utf8)
        db.run("importeer metingen \"\(file)\"")
        try "indicator;gebied;periode;waarde\nwerkloze-jongeren;GM0363;2024;5,3\nwerkloze-jongeren;GM0363;2025;6\n".write(toFile: file, atomically: true, encoding: .utf8)
        db.run("importeer metingen \"\(file)\"")
        let report = db.run("rapport werkloze-jongeren")
        let line = try #require(report.split(separator: "\n").first { $0.contains("Cijfers ingelezen uit") })
        #expect(line.components(separatedBy: "cijfers.csv").count == 2, "\(line)")
        #expect(line.contains("2 keer ingelezen): 3 metingen"), "\(line)")
    }
}
