import ArgumentParser
import Foundation
import KompasDSL
import Raadskompas

@main
struct RaadskompasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raadskompas",
        abstract: "Raadskompas — kennis en werkbladen over het sociaal domein voor raadsleden, griffie en fracties.",
        discussion: """
        Zonder argumenten start de interactieve shell (als je in een terminal werkt).
        Voorbeelden:
          raadskompas                        de shell starten
          raadskompas -c 'toon wmo'          één opdracht uitvoeren
          raadskompas script.kompas          een script uitvoeren
          raadskompas check bestand.kompas   een bestand controleren
          raadskompas analyseer voorstellen/ een map voorstellen analyseren

        Opties (voor de shell, -c en scripts):
          -c OPDRACHTEN              voer deze opdrachten uit en stop
          --db PAD                   de database met je werkbladen en voorstellen
                                     (of zet RAADSKOMPAS_DB; anders in je thuismap)
          --content MAP              extra of vervangende kaarten uit een map
          --kleur auto|altijd|nooit  kleur in de uitvoer (standaard: auto;
                                     met NO_COLOR: geen kleur)

        Exitcodes: 0 goed, 1 fout in een opdracht of script, 2 verkeerd gebruik.
        Shell-aanvulling: raadskompas --generate-completion-script bash|zsh|fish
        """,
        version: "raadskompas 0.1.0",
        subcommands: [Start.self, Check.self, Analyze.self],
        defaultSubcommand: Start.self
    )

    /// Usage errors exit with 2 (ArgumentParser's default is 64), script errors with 1.
    static func main() {
        if FastStart.enabled, let launch = FastStart.launch(Array(CommandLine.arguments.dropFirst())) {
            do {
                try launch.run()
                Foundation.exit(0)
            } catch let error as ExitCode {
                Foundation.exit(error.rawValue)
            } catch {
                Foundation.exit(1)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            exit(withError: error)
        } catch {
            switch exitCode(for: error) {
            case .success:
                // `--help`, `check --help`, `--version`: swift-argument-parser's text, in Dutch.
                Output.out(DutchCommandLine.help(fullMessage(for: error)) + "\n")
                Foundation.exit(0)
            case .validationFailure:
                Output.err("fout: " + DutchCommandLine.error(message(for: error)) + "\n")
                Output.err("Typ `raadskompas --help` voor het gebruik.\n")
                Foundation.exit(2)
            default:
                exit(withError: error)
            }
        }
    }
}
