import ArgumentParser
import Foundation
import KompasDSL
import Raadskompas

/// `raadskompas analyseer FILE… [--json]`: the analysis of raadsvoorstellen in batches.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyseer",
        abstract: "Legt raadsvoorstellen (.txt, .md, .pdf, .docx) langs de criteria A–F; met --json voor verdere verwerking."
    )

    @Argument(help: ArgumentHelp("De voorstellen.", valueName: "BESTAND"))
    var files: [String] = []

    @Flag(name: .long, help: "Schrijf JSON in plaats van tekst.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Map met extra of vervangende inhoud, zoals eigen analyseregels.", valueName: "MAP"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("Kleur gebruiken: auto, altijd of nooit.", valueName: "KEUZE"))
    var kleur: Terminal.ColorChoice = .auto

    func validate() throws {
        if files.isEmpty { throw ValidationError("Geef minstens één voorstel om te analyseren.") }
    }

    func run() throws {
        let library = ContentLibrary.standard(extraDirectory: content)
        let renderer = DiagnosticRenderer(useColor: Terminal.useColor(kleur, isTTY: Terminal.stderrIsTTY))
        if library.diagnostics.hasErrors {
            Output.err(renderer.render(library.diagnostics))
            throw ExitCode.failure
        }
        guard let analyzer = Analyzer(library: library) else {
            Output.err("fout: er zijn geen analyseregels in de inhoud\n")
            throw ExitCode.failure
        }
        let style = TextStyle(width: Terminal.stdoutIsTTY ? Terminal.width : 80, color: Terminal.useColor(kleur, isTTY: Terminal.stdoutIsTTY))
        let criteria = GuidedReviewCriteria.load(library)
        var results: [Analyzer.Result] = []
        var failed = false
        for path in files {
            do {
                let imported = try TextImport.read(path)
                let result = analyzer.analyze(imported.text, name: path)
                results.append(result)
                if !json { Output.out(AnalysisRenderer.text(result, criteria: criteria, style: style) + "\n") }
            } catch {
                failed = true
                Output.err("\(path): fout: \(error.message)\n  = hint: \(error.hint)\n")
            }
        }
        if json { Output.out(AnalysisRenderer.json(results)) }
        if failed { throw ExitCode.failure }
    }
}
