import ArgumentParser
import Foundation

/// The command line in Dutch. swift-argument-parser writes its help headers and its usage errors
/// in English; they are mapped here (the parser itself is not forked). Text that is already Dutch
/// (our own help and validation messages) passes unchanged.
enum DutchCommandLine {
    /// The fixed English parts of a help text, and their Dutch.
    static let helpWords: [(String, String)] = [
        ("OVERVIEW:", "OVERZICHT:"),
        ("USAGE:", "GEBRUIK:"),
        ("ARGUMENTS:", "ARGUMENTEN:"),
        ("OPTIONS:", "OPTIES:"),
        ("SUBCOMMANDS:", "ONDERDELEN:"),
        ("Show the version.", "Toon het versienummer."),
        ("Show help information.", "Toon deze uitleg."),
        ("See 'raadskompas help <subcommand>' for detailed help.", "Typ `raadskompas <onderdeel> --help` voor de uitleg van een onderdeel."),
        ("<subcommand>", "<onderdeel>"),
        ("(default:", "(standaard:"),
        ("(values:", "(keuzes:"),
        ("; default:", "; standaard:"),
    ]

    /// A help text with its headers in Dutch.
    static func help(_ text: String) -> String {
        helpWords.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// A usage error in Dutch: the patterns swift-argument-parser uses, each rewritten; anything
    /// else (our own `ValidationError`s are Dutch) as it is.
    static func error(_ message: String) -> String {
        let rules: [(String, (([String]) -> String))] = [
            (#"^Unknown option '([^']*)'\. Did you mean '([^']*)'\?$"#, { "onbekende optie '\($0[0])'. Bedoel je '\($0[1])'?" }),
            (#"^Unknown option '([^']*)'$"#, { "onbekende optie '\($0[0])'" }),
            (#"^The value '([^']*)' is invalid for '([^' ]*)[^']*'\. Please provide one of (.*)\.$"#, { "'\($0[0])' kan niet bij \($0[1]); kies uit \(choices($0[2]))" }),
            (#"^The value '([^']*)' is invalid for '([^' ]*)[^']*'.*$"#, { "'\($0[0])' kan niet bij \($0[1])" }),
            (#"^Missing value for '([^' ]*)[^']*'$"#, { "na \($0[0]) hoort een waarde" }),
            (#"^Missing expected argument '([^']*)'$"#, { "er ontbreekt een argument: \($0[0])" }),
            (#"^Unexpected argument '([^']*)'$"#, { "onverwacht argument '\($0[0])'" }),
            (#"^\d+ unexpected arguments: (.*)$"#, { "onverwachte argumenten: \($0[0])" }),
            (#"^Duplicate value for '([^' ]*)[^']*'\.?$"#, { "\($0[0]) staat er twee keer" }),
        ]
        for (pattern, rewrite) in rules {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                  let match = expression.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { continue }
            let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: message).map { String(message[$0]) } }
            return rewrite(groups)
        }
        return message
    }

    /// `'auto', 'altijd' or 'nooit'` → `auto, altijd of nooit`.
    private static func choices(_ list: String) -> String {
        list.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " or ", with: " of ")
    }
}
