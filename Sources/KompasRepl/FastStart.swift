#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The common command lines read without swift-argument-parser: no arguments, `-c OPDRACHTEN`, a
/// script, and the options `--db`, `--content` and `--kleur`. swift-argument-parser reflects over
/// every command and option at each start (protocol-conformance lookups through the whole binary),
/// which cost about as much as everything else `raadskompas -c 'toon wmo'` does.
///
/// Anything else — help, version, the subcommands, an unknown or repeated option, a value that
/// starts with `-`, an empty value, `-c` together with a script — returns nil and goes to
/// swift-argument-parser as before, so that its help and its (Dutch) errors stay the only ones.
/// `RAADSKOMPAS_ARGUMENTPARSER=1` sends every command line there (the tests compare both routes).
enum FastStart {
    /// The launch a command line asks for, or nil when swift-argument-parser must read it.
    static func launch(_ arguments: [String]) -> Launch? {
        var content: String?, db: String?, kleur: Terminal.ColorChoice?, commands: String?, script: String?
        var index = 0
        /// The value of an option: attached with `=` (long options) or the next argument.
        func value(_ argument: String, _ name: String) -> String?? {
            if argument == name {
                guard index + 1 < arguments.count else { return .some(nil) }
                index += 1
                return .some(arguments[index])
            }
            if name.hasPrefix("--"), argument.hasPrefix(name + "=") { return .some(String(argument.dropFirst(name.count + 1))) }
            return nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("-") {
                if let found = value(argument, "-c") {
                    guard let found, isPlain(found) else { return nil }
                    // Every -c runs, in order (as swift-argument-parser collects them).
                    commands = commands.map { $0 + "\n" + found } ?? found
                } else if let found = value(argument, "--db") {
                    guard db == nil, let found, isPlain(found) else { return nil }
                    db = found
                } else if let found = value(argument, "--content") {
                    guard content == nil, let found, isPlain(found) else { return nil }
                    content = found
                } else if let found = value(argument, "--kleur") {
                    guard kleur == nil, let found, let choice = Terminal.ColorChoice(rawValue: found) else { return nil }
                    kleur = choice
                } else {
                    return nil
                }
            } else {
                // A subcommand's name, or a second script, is for swift-argument-parser.
                guard script == nil, isPlain(argument), !["start", "check", "analyseer", "help"].contains(argument) else { return nil }
                script = argument
            }
            index += 1
        }
        guard commands == nil || script == nil else { return nil }
        return Launch(content: content, db: db, kleur: kleur ?? .auto, commands: commands, script: script)
    }

    /// A value swift-argument-parser would take as it is: not empty, not like an option.
    private static func isPlain(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
    }

    /// Whether the fast route may be taken (not when the tests ask for swift-argument-parser).
    static var enabled: Bool {
        guard let forced = getenv("RAADSKOMPAS_ARGUMENTPARSER") else { return true }
        return forced.pointee == 0
    }
}
