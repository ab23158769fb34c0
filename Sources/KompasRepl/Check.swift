import ArgumentParser
import Foundation
import KompasDSL
import Raadskompas

/// `raadskompas check FILE…`: validate `.kompas` files against the content schemas.
struct Check: ParsableCommand {
    // An explicit name: derived from the type, ArgumentParser would reflect on it at every start.
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleer .kompas-bestanden: fouten op stderr, exitcode 1 bij fouten."
    )

    @Argument(help: ArgumentHelp("De bestanden om te controleren: inhoud (kaarten) of scripts.", valueName: "BESTAND"))
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("Kleur gebruiken: auto, altijd of nooit.", valueName: "KEUZE"))
    var kleur: Terminal.ColorChoice = .auto

    func validate() throws {
        if files.isEmpty { throw ValidationError("Geef minstens één bestand om te controleren.") }
    }

    func run() throws {
        let renderer = DiagnosticRenderer(useColor: Terminal.useColor(kleur, isTTY: Terminal.stderrIsTTY))
        var sources: [ContentSource] = []
        var problems: [Diagnostic] = []
        var scripts = 0
        for path in files {
            switch ContentFiles.read(path) {
            case .success(let source):
                // A script is checked on its own; content is checked together, over the bundled cards.
                let (program, parseDiagnostics) = Parser.parse(SourceFile(name: source.name, bytes: source.bytes))
                if ScriptCheck.isContent(program) || program.statements.isEmpty {
                    sources.append(source)
                } else {
                    scripts += 1
                    problems += (parseDiagnostics + ScriptCheck.check(program)).sortedBySource()
                }
            case .failure(let diagnostic):
                problems.append(diagnostic)
            }
        }
        let library = ContentLibrary.load(ContentSource.bundled + sources)
        let names = Set(sources.map(\.name))
        problems += library.diagnostics.filter { names.contains($0.span?.file.name ?? $0.fileName ?? "") }
        Output.err(renderer.render(problems))
        let errors = problems.errorCount
        let warnings = problems.filter { $0.severity == .warning }.count
        let cards = library.cards.filter { names.contains($0.span.file.name) }.count
        var summary = "\(files.count) \(files.count == 1 ? "bestand" : "bestanden") gecontroleerd, \(cards) \(cards == 1 ? "kaart" : "kaarten")"
        if scripts > 0 { summary += ", \(scripts) \(scripts == 1 ? "script" : "scripts")" }
        summary += ": "
        summary += errors == 0 ? "geen fouten" : "\(errors) \(errors == 1 ? "fout" : "fouten")"
        if warnings > 0 { summary += ", \(warnings) \(warnings == 1 ? "waarschuwing" : "waarschuwingen")" }
        Output.err(summary + "\n")
        if errors > 0 { throw ExitCode.failure }
    }
}
