import ArgumentParser

/// Options every mode shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Map met extra of vervangende inhoud (.kompas-bestanden).", valueName: "MAP"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("De database voor werkbladen (of zet RAADSKOMPAS_DB).", valueName: "PAD"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Kleur gebruiken: auto, altijd of nooit.", valueName: "KEUZE"))
    var kleur: Terminal.ColorChoice = .auto
}

extension Terminal.ColorChoice: ExpressibleByArgument {}
