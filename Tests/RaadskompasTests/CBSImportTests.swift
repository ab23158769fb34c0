import Foundation
import GRDB
import Testing
import KompasDSL
@testable import Raadskompas

/// The CBS, StatLine and OData shapes of `Tests/Fixtures/cbs-blind/`: written and labelled from the
/// published formats by someone who had not seen the importer (see that folder's README and
/// SOURCES). Every expected row must be stored exactly, every bad file refused at its line.
@Suite struct CBSImportTests {
    struct Expectation: Decodable {
        struct Row: Decodable {
            let gebied: String
            let periode: String
            let waarde: Double?
            let status: String
            let missing: String?
        }
        struct Failure: Decodable { let line: Int? }
        let value_column: String?
        let select: [String: String]?
        let rows: [Row]?
        let error: Failure?
    }

    static let folder = packageRoot.appending(path: "Tests/Fixtures/cbs-blind").path

    static func expectations() throws -> [String: Expectation] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json"))
        return try JSONDecoder().decode([String: Expectation].self, from: data)
    }

    static var names: [String] { ((try? expectations()) ?? [:]).keys.filter { $0 != "metadata.csv" }.sorted() }

    func session(_ folder: TemporaryFolder) -> Session {
        let s = Session(library: bundledLibrary, database: (folder.path("c.sqlite"), false))
        _ = s.run("indicator nieuw x naam=\"X\" eenheid=\"aantal\"") { _ in }
        return s
    }

    func statement(_ name: String, _ expectation: Expectation) -> String {
        var text = "importeer metingen \"\(CBSImportTests.folder)/\(name)\" indicator=x"
        if let column = expectation.value_column { text += " kolom=\(Value.quote(column))" }
        if name.contains("dimensie") { text += " metadata=\"\(CBSImportTests.folder)/metadata.csv\"" }
        if let select = expectation.select, !select.isEmpty {
            text += " waar " + select.sorted { $0.key < $1.key }.map { "\($0.key.filter { $0 != " " })=\(Value.quote($0.value))" }.joined(separator: " ")
        }
        return text
    }

    @Test(arguments: CBSImportTests.names)
    func blindFixture(_ name: String) throws {
        let expectation = try #require(try CBSImportTests.expectations()[name])
        let folder = try TemporaryFolder()
        let s = session(folder)
        var output = ""
        let result = s.run(statement(name, expectation)) { output += $0 }
        let stored = try Store(path: folder.path("c.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT gebied, periode, waarde, voorlopig, ontbreekt FROM meting ORDER BY gebied, periode")
        }
        if let failure = expectation.error {
            let message = result.diagnostics.first.map { $0.summary } ?? ""
            #expect(!result.diagnostics.isEmpty, "\(name) had geweigerd moeten worden")
            if let line = failure.line { #expect(message.contains("regel \(line) "), "\(name): \(message)") }
            #expect(stored.isEmpty, "\(name): er is toch iets opgeslagen")
            return
        }
        #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.summary))")
        let status = [0: "definitief", 1: "voorlopig", 2: "nader voorlopig"]
        let got = stored.map { row in
            "\(row["gebied"] as String) \(row["periode"] as String) \((row["waarde"] as Double?).map { "\($0)" } ?? "-") \(status[row["voorlopig"] as Int] ?? "?") \((row["ontbreekt"] as String?) ?? "")"
        }.sorted()
        let want = (expectation.rows ?? []).map { row in
            "\(row.gebied) \(row.periode) \(row.waarde.map { "\($0)" } ?? "-") \(row.status) \(row.missing ?? "")"
        }.sorted()
        #expect(got == want, "\(name)\n\(output)")
    }

    /// The excerpts of real downloads in `Tests/Fixtures/cbs/` (see their `.source.txt`).
    @Test func realDownloads() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let real = packageRoot.appending(path: "Tests/Fixtures/cbs").path
        func imported(_ text: String) -> (String, [Diagnostic]) {
            var output = ""
            let result = s.run(text) { output += $0 }
            return (output, result.diagnostics)
        }
        // StatLine's table layout: a column per period, names of gemeenten (some merged away, some
        // merged before 2018 and unknown: kept as own gebieden with toch=ja).
        let wide = imported("importeer metingen \"\(real)/statline_83625NED_verkoopprijzen_excerpt.csv\" indicator=x")
        #expect(wide.1.first?.summary.contains("regel 6 van") == true && wide.1.first?.summary.contains("gebied `Ter Aar` is onbekend") == true)
        let kept = imported("importeer metingen \"\(real)/statline_83625NED_verkoopprijzen_excerpt.csv\" indicator=x toch=ja")
        #expect(kept.1.isEmpty && kept.0.contains("156 metingen gelezen") && kept.0.contains("Dimensies: Onderwerp = Gemiddelde verkoopprijs (enige waarde)."), "\(kept.0)")
        // A title line, a table without periods, footers.
        let cars = imported("importeer metingen \"\(real)/cbs_maatwerk_autobezit_gemeente_2023.csv\" indicator=x periode=2023")
        #expect(cars.1.isEmpty && cars.0.contains("342 metingen gelezen") && cars.0.contains("Gebieden: 342 (342 gemeenten)."), "\(cars.0)")
        // A national OData table with a dimension: one gebied for all, one value chosen.
        let national = imported("importeer metingen \"\(real)/cbsodata_typeddataset_koopkracht_excerpt.csv\" indicator=x kolom=\"MedianDevelopmentPurchasingPower_1\" gebied=\"Nederland\" toch=ja waar HouseholdCharacteristics=T009002")
        #expect(national.1.isEmpty && national.0.contains("11 metingen gelezen") && national.0.contains("28 regels met andere waarden overgeslagen"), "\(national.0)")
        // Another table into the same indicator would replace the prices of the first: refused, unless toch=ja.
        let other = imported("importeer metingen \"\(real)/statline_81955NED_voorraad_woningen_excerpt.csv\" indicator=x kolom=\"Nieuwbouw\"")
        #expect(other.1.first?.summary.contains("vervangen die eerder met een andere keuze zijn ingelezen (zonder keuze uit statline_83625NED_verkoopprijzen_excerpt.csv") == true, "\(other.1.map(\.summary))")
        let labels = imported("importeer metingen \"\(real)/statline_81955NED_voorraad_woningen_excerpt.csv\" indicator=x kolom=\"Nieuwbouw\" toch=ja")
        #expect(labels.1.isEmpty && labels.0.contains("opgeheven gemeenten"), "\(labels.0)")
    }
}

/// A period in two columns (`Jaar;Maand`, as CBS's conjunctuurklok downloads write it), and what
/// the reply says when a file has no period at all while gebied= was given.
@Suite struct TwoColumnPeriodTests {
    func file(_ folder: TemporaryFolder, _ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func yearAndMonthOrQuarterMakeOnePeriod() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("p.sqlite"), false))
        _ = run(s, "indicator nieuw cyclus naam=\"Cyclus\" eenheid=\"index\"")
        let months = try file(folder, "klok.csv", "Jaar;Maand;Cyclus\n2001;januari;1,17\n2001;februari;1,13\n2002;augustus;-0,04\n2024*;2;0,5\n")
        let imported = run(s, "importeer metingen \"\(months)\" indicator=cyclus gebied=\"Nederland\" kolom=\"Cyclus\"")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.summary))")
        #expect(imported.output.contains("4 metingen gelezen"))
        let stored = try Store(path: folder.path("p.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT periode, waarde, voorlopig FROM meting ORDER BY periode").map { "\($0[0] as String) \($0[1] as Double) \($0[2] as Int)" }
        }
        #expect(stored == ["2001-01 1.17 0", "2001-02 1.13 0", "2002-08 -0.04 0", "2024-02 0.5 1"])
        #expect(MeasurementFile.period(year: "2024", part: "1e kwartaal") == "2024-K1")
        #expect(MeasurementFile.period(year: "2024", part: "K4") == "2024-K4")
        #expect(MeasurementFile.period(year: "2024", part: "mei") == "2024-05")
        #expect(MeasurementFile.period(year: "2024", part: "13") == nil)
        let wrong = try file(folder, "fout.csv", "Jaar;Maand;Cyclus\n2001;januari;1\n2001;lente;2\n")
        let refused = run(s, "importeer metingen \"\(wrong)\" indicator=cyclus gebied=\"Nederland\" kolom=\"Cyclus\"")
        #expect(refused.diagnostics.first?.summary.contains("regel 3") == true && refused.diagnostics.first?.summary.contains("`lente` is geen maand of kwartaal") == true,
                "\(refused.diagnostics.map(\.summary))")
        // No period anywhere, gebied given: the reply names the period, not the gebied.
        let noPeriod = try file(folder, "geen.csv", "Soort;Waarde\na;1\n")
        let message = run(s, "importeer metingen \"\(noPeriod)\" indicator=cyclus gebied=\"Nederland\"").diagnostics.first?.summary ?? ""
        #expect(message.contains("geen kolom met perioden") || message.contains("kopregel"), "\(message)")
        #expect(!message.contains("geen kolom met gebieden"))
    }
}

/// Metadata as the OData API and `cbsodata` write it: one CSV per section, without a line naming
/// the section (`83781ENG_Periods.csv`, `…_DataProperties.csv`), alone or joined into one file.
@Suite struct ODataMetadataTests {
    func file(_ folder: TemporaryFolder, _ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let data = "ID,HouseholdCharacteristics,Periods,MedianDevelopmentPurchasingPower_1\n0,T009002,2021JJ00,    -1.1\n1,T009002,2022JJ00,     2.3\n2,1050010,2021JJ00,     0.5\n"
    static let periods = "Key,Title,Description,Status\n2021JJ00,2021,,Definitief\n2022JJ00,2022,,Voorlopig\n"
    static let properties = """
        odata.type,ID,Position,ParentID,Type,Key,Title,Description,ReleasePolicy,Datatype,Unit,Decimals,Default
        Cbs.OData.Dimension,0,0.0,,Dimension,HouseholdCharacteristics,Household characteristics,,,,,,
        Cbs.OData.TimeDimension,1,1.0,,TimeDimension,Periods,Periods,,True,,,,
        Cbs.OData.Topic,2,2.0,,Topic,MedianDevelopmentPurchasingPower_1,Median development purchasing power,,,Double,%,1,Impossible

        """

    @Test(arguments: ["periods", "joined"])
    func sectionFilesGiveTitlesAndStatus(_ shape: String) throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("o.sqlite"), false))
        _ = run(s, "indicator nieuw koop naam=\"Koopkracht\" eenheid=\"index\"")
        let data = try file(folder, "83781ENG_UntypedDataSet.csv", ODataMetadataTests.data)
        let metadata = shape == "periods" ? try file(folder, "83781ENG_Periods.csv", ODataMetadataTests.periods)
            : try file(folder, "83781ENG_metadata.csv", ODataMetadataTests.properties + ODataMetadataTests.periods)
        let result = run(s, "importeer metingen \"\(data)\" indicator=koop gebied=\"Nederland\" kolom=\"MedianDevelopmentPurchasingPower_1\" metadata=\"\(metadata)\" waar HouseholdCharacteristics=T009002")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
        #expect(result.output.contains("2 metingen gelezen") && result.output.contains("1 voorlopig"), "\(result.output)")
        let status = try Store(path: folder.path("o.sqlite")).read { db in try Int.fetchAll(db, sql: "SELECT voorlopig FROM meting ORDER BY periode") }
        #expect(status == [0, 1])
    }

    @Test func aSectionOfAnotherTableIsRefused() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("o.sqlite"), false))
        _ = run(s, "indicator nieuw koop naam=\"Koopkracht\" eenheid=\"index\"")
        let data = try file(folder, "83781ENG_UntypedDataSet.csv", ODataMetadataTests.data)
        let other = try file(folder, "99999NED_Geslacht.csv", "Key,Title,Description\nT001038,Totaal mannen en vrouwen,\n")
        let result = run(s, "importeer metingen \"\(data)\" indicator=koop gebied=\"Nederland\" kolom=\"MedianDevelopmentPurchasingPower_1\" metadata=\"\(other)\" waar HouseholdCharacteristics=T009002")
        #expect(result.diagnostics.first?.summary.contains("de metadata hoort niet bij dit bestand") == true, "\(result.diagnostics.map(\.summary))")
    }
}
