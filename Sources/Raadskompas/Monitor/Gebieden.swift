import Foundation
import KompasDSL

/// One area measurements are about: Nederland, a provincie, a gemeente (current or merged away), a
/// wijk, a buurt or another region, with its CBS code (`GM0034`) and name (`Almere`).
public struct Gebied: Sendable, Equatable {
    public enum Soort: String, Sendable, CaseIterable {
        case land, provincie, gemeente, opgeheven, wijk, buurt, regio

        /// The Dutch word, for replies.
        public var woord: String {
            switch self {
            case .land: "land"
            case .provincie: "provincie"
            case .gemeente: "gemeente"
            case .opgeheven: "opgeheven gemeente"
            case .wijk: "wijk"
            case .buurt: "buurt"
            case .regio: "regio"
            }
        }
    }

    public let code: String
    public let naam: String
    public let soort: Soort
    /// The StatLine label when it differs from the name (`Groningen (gemeente)`).
    public let label: String?
    /// The provincie of a gemeente, the gemeente of a wijk or buurt.
    public let binnen: String?
    /// For a gemeente that merged away: the year of the change and its successors.
    public let opgeheven: (jaar: Int, in: [String])?
    /// Other names people use (`Den Haag` for 's-Gravenhage).
    public var ook: [String] = []

    public init(code: String, naam: String, soort: Soort, label: String?, binnen: String?, opgeheven: (jaar: Int, in: [String])?, ook: [String] = []) {
        self.code = code
        self.naam = naam
        self.soort = soort
        self.label = label
        self.binnen = binnen
        self.opgeheven = opgeheven
        self.ook = ook
    }

    public static func == (a: Gebied, b: Gebied) -> Bool {
        a.code == b.code && a.naam == b.naam && a.soort == b.soort && a.label == b.label && a.binnen == b.binnen
            && a.opgeheven?.jaar == b.opgeheven?.jaar && a.opgeheven?.in == b.opgeheven?.in
    }

    /// `Almere (GM0034)`.
    public var weergave: String { "\(naam) (\(code))" }
}

/// Every gebied the content knows (`gebieden` cards: the bundled CBS list plus the user's own), found
/// by code or by name. Names match without regard to case and accents; StatLine labels
/// (`Groningen (gemeente)`, `Fryslân (PV)`) match too.
public struct Gebieden: Sendable {
    public let all: [Gebied]
    private let byCode: [String: Int]
    private let byName: [String: [Int]]
    /// Where the list comes from: the `bron` of every `gebieden` card.
    public let bronnen: [String]

    public init(_ gebieden: [Gebied], bronnen: [String] = []) {
        var all: [Gebied] = [], byCode: [String: Int] = [:]
        for gebied in gebieden {
            // A later card (the user's own content) replaces an entry with the same code.
            if let at = byCode[gebied.code] { all[at] = gebied } else { byCode[gebied.code] = all.count; all.append(gebied) }
        }
        var byName: [String: [Int]] = [:]
        for (i, gebied) in all.enumerated() {
            for name in Set(([gebied.naam, gebied.label].compactMap { $0 } + gebied.ook).map(Gebieden.key)) {
                byName[name, default: []].append(i)
            }
        }
        self.all = all
        self.byCode = byCode
        self.byName = byName
        self.bronnen = bronnen
    }

    public init(library: ContentLibrary) {
        var gebieden: [Gebied] = [], bronnen: [String] = []
        for card in library.cards(ofKind: "gebieden") {
            guard case .gebieden(let list) = card.kind else { continue }
            gebieden += list
            if !card.source.isEmpty { bronnen.append(card.source) }
        }
        self.init(gebieden, bronnen: bronnen)
    }

    /// The comparison key of a name: case and accents folded, spaces collapsed.
    static func key(_ name: String) -> String {
        String(Folding.fold(name.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
    }

    /// A code as CBS writes it, padded or not (`GM0363    `, `pv20`): trimmed and in capitals.
    public static func normalizedCode(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).uppercased()
    }

    /// Whether `text` has the shape of a CBS region code: two capitals and digits (`GM0034`,
    /// `PV24`, `NL01`, `WK003400`, `BU00340101`, `JZ01`, …).
    public static func looksLikeCode(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count >= 4, chars.count <= 10 else { return false }
        return chars[0..<2].allSatisfy { (0x41...0x5A).contains($0) } && chars[2...].allSatisfy { (0x30...0x39).contains($0) }
    }

    public func gebied(code: String) -> Gebied? { byCode[code].map { all[$0] } }

    /// The gebieden whose name or label is `name`.
    public func gebieden(named name: String) -> [Gebied] { (byName[Gebieden.key(name)] ?? []).map { all[$0] } }

    public enum Lookup: Sendable, Equatable {
        case found(Gebied)
        /// A code of a known shape that the list does not hold (a wijk, a regio).
        case unlisted(code: String, soort: Gebied.Soort)
        case ambiguous([Gebied])
        case unknown(suggestions: [String])
    }

    /// A code or a name as it stands in a file or as a user typed it.
    public func lookup(_ text: String) -> Lookup {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let code = Gebieden.normalizedCode(trimmed)
        if let gebied = gebied(code: code) { return .found(gebied) }
        if Gebieden.looksLikeCode(code) {
            // Wijken and buurten are many; they are kept by code when the content does not name them.
            let prefix = String(code.prefix(2)), digits = code.count - 2
            switch prefix {
            case "WK" where digits == 6: return .unlisted(code: code, soort: .wijk)
            case "BU" where digits == 8: return .unlisted(code: code, soort: .buurt)
            case "LD", "CR", "GG", "JZ", "AM", "RE", "VR", "ZK", "ZR", "WR", "PP", "RB", "GR" where digits == 2 || digits == 4:
                return .unlisted(code: code, soort: .regio)
            default: break
            }
        }
        let named = gebieden(named: trimmed)
        if named.count == 1 { return .found(named[0]) }
        if named.count > 1 {
            // A gemeente and the provincie of the same name: the gemeente, as in a gemeente table.
            let current = named.filter { $0.soort == .gemeente }
            if current.count == 1, named.allSatisfy({ $0.soort != .gemeente || $0 == current[0] }), named.count == 2,
               named.contains(where: { $0.soort == .provincie }) {
                return .found(current[0])
            }
            return .ambiguous(named)
        }
        // `Bergen` matches `Bergen (L.)` and `Bergen (NH.)`: a name without its qualifier.
        let key = Gebieden.key(trimmed)
        let qualified = all.filter { gebied in
            [gebied.naam, gebied.label].compactMap { $0 }.contains { name in
                let k = Gebieden.key(name)
                return k.hasPrefix(key + " (") && k.hasSuffix(")")
            }
        }
        if qualified.count == 1 { return .found(qualified[0]) }
        if qualified.count > 1 { return .ambiguous(qualified) }
        let names = all.filter { $0.soort != .opgeheven }.map(\.naam)
        return .unknown(suggestions: Suggestion.nearest(to: trimmed, in: names).map { [$0] } ?? [])
    }

    /// `Almere (GM0034)`, or the code alone when the list does not name it.
    public func weergave(_ code: String) -> String {
        gebied(code: code)?.weergave ?? code
    }

    /// The name alone (for narrow columns), or the code.
    public func naam(_ code: String) -> String {
        gebied(code: code)?.naam ?? code
    }
}
