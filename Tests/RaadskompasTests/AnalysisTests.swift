import Foundation
import Testing
@testable import Raadskompas

/// The analysis against the fixture set of raadsvoorstellen with the judgements a griffier expects.
@Suite struct AnalysisTests {
    static let folder = packageRoot.appending(path: "Tests/Fixtures/voorstellen")

    struct Expectation: Decodable {
        let A: String, B: String, C: String, D: String, E: String, F: String
        let adviesraad: Bool?
        let sociaal_domein: Bool?
        let leeg: Bool?

        subscript(letter: String) -> String {
            switch letter {
            case "A": A
            case "B": B
            case "C": C
            case "D": D
            case "E": E
            default: F
            }
        }
    }

    @Test func agreesWithTheGriffierOnAtLeast80Percent() throws {
        let analyzer = try #require(Analyzer(library: bundledLibrary))
        let data = try Data(contentsOf: AnalysisTests.folder.appending(path: "verwachting.json"))
        let expected = try JSONDecoder().decode([String: Expectation].self, from: data)
        var agree = 0, total = 0
        var report: [String] = []
        for (file, expectation) in expected.sorted(by: { $0.key < $1.key }) where expectation.leeg != true {
            let imported = try TextImport.read(AnalysisTests.folder.appending(path: file).path)
            let result = analyzer.analyze(imported.text, name: file)
            var line = file.padding(toLength: 34, withPad: " ", startingAt: 0)
            for letter in Analyzer.letters {
                let got = result.criteria[letter]?.oordeel.rawValue ?? "?"
                total += 1
                if got == expectation[letter] {
                    agree += 1
                    line += " \(letter)✓"
                } else {
                    line += " \(letter):\(got.prefix(3))≠\(expectation[letter].prefix(3))"
                }
            }
            if let adviesraad = expectation.adviesraad, expectation.sociaal_domein == true {
                let flagged = result.signalen.contains { $0.contains("advies van de adviesraad wordt niet genoemd") }
                line += adviesraad ? (flagged ? " advies:onterecht" : " advies✓") : ""
            }
            report.append(line)
        }
        let agreement = Double(agree) / Double(max(1, total))
        print("Analyse tegen \(report.count) voorstellen: \(agree) van \(total) oordelen gelijk (\(Int((agreement * 100).rounded()))%)")
        report.forEach { print("  " + $0) }
        #expect(agreement >= 0.8, "overeenstemming \(agreement)")
    }
}
