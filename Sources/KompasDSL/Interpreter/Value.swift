/// A value in KompasDSL.
public enum Value: Sendable {
    case text(String)
    case number(Double)
    /// `40%` is `.percent(40)`.
    case percent(Double)
    case date(DateValue)
    case bool(Bool)
    /// A bare identifier: `wmo`, `rv-2026-014`, `gmsd.jeugdhulp`.
    case symbol(String)
    case list([Value])
    case record(Record)

    /// The Dutch name of the value's type, for diagnostics and help.
    public var typeName: String { kind.dutchName }

    public var kind: ValueKind {
        switch self {
        case .text: .text
        case .number: .number
        case .percent: .percent
        case .date: .date
        case .bool: .bool
        case .symbol: .symbol
        case .list: .list
        case .record: .record
        }
    }

    /// Text or symbol as a plain string.
    public var stringValue: String? {
        switch self {
        case .text(let s), .symbol(let s): s
        default: nil
        }
    }

    /// How the value reads for a person (Dutch number formatting, long dates).
    public var displayText: String {
        switch self {
        case .text(let s), .symbol(let s): s
        case .number(let n): Value.format(n)
        case .percent(let n): Value.format(n) + "%"
        case .date(let d): d.dutch
        case .bool(let b): b ? "ja" : "nee"
        case .list(let items): items.map(\.displayText).joined(separator: ", ")
        case .record(let r):
            if let id = r["id"] { r.kind + " " + id.displayText }
            else { r.fields.map { "\($0.key): \($0.value.displayText)" }.joined(separator: ", ") }
        }
    }

    /// How the value is written in KompasDSL source, so that it reads back as the same value.
    public var sourceText: String {
        switch self {
        case .text(let s): Value.quote(s)
        case .symbol(let s): s
        case .number(let n): Value.format(n, decimalSeparator: ".")
        case .percent(let n): Value.format(n, decimalSeparator: ".") + "%"
        case .date(let d): d.description
        case .bool(let b): b ? "ja" : "nee"
        case .list(let items): "[" + items.map(\.sourceText).joined(separator: ", ") + "]"
        case .record(let r): "[" + r.fields.map { Value.quote($0.key) + ", " + $0.value.sourceText }.joined(separator: ", ") + "]"
        }
    }

    /// A number without a needless `.0`; Dutch decimal comma by default.
    public static func format(_ n: Double, decimalSeparator: String = ",") -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 {
            return String(Int64(n))
        }
        var s = plain(n)
        if decimalSeparator != "." { s = s.replacingOccurrences(of: ".", with: decimalSeparator) }
        return s
    }

    /// The shortest digits that read back as `n`, without an exponent (the language reads no
    /// `1e-05`): `0.00001`, `123456789012345680000`.
    static func plain(_ n: Double) -> String {
        let shortest = String(n)
        guard n.isFinite, let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: e)...]) else {
            return shortest
        }
        var mantissa = String(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integer = String(digits.prefix(point)), decimals = String(digits.dropFirst(point))
        while decimals.hasSuffix("0") { decimals.removeLast() }
        while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
        return (negative ? "-" : "") + integer + (decimals.isEmpty ? "" : "." + decimals)
    }

    /// A string literal with the escapes the lexer understands.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "$": out += "\\$"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\u{D}"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

public enum ValueKind: String, Sendable, CaseIterable {
    case text, number, percent, date, bool, symbol, list, record

    public var dutchName: String {
        switch self {
        case .text: "tekst"
        case .number: "getal"
        case .percent: "percentage"
        case .date: "datum"
        case .bool: "ja/nee"
        case .symbol: "naam"
        case .list: "lijst"
        case .record: "gegevens"
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Named fields in order: what a host hands to scripts (a card, a werkblad) for `$x.veld` access.
public struct Record: Sendable {
    public var kind: String
    public var fields: [(key: String, value: Value)]

    public init(kind: String, fields: [(key: String, value: Value)]) {
        self.kind = kind
        self.fields = fields
    }

    public subscript(key: String) -> Value? {
        fields.first { $0.key == key }?.value
    }
}

extension Value: Equatable {
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)), (.symbol(let x), .symbol(let y)): x == y
        case (.text(let x), .symbol(let y)), (.symbol(let x), .text(let y)): x == y
        case (.number(let x), .number(let y)), (.percent(let x), .percent(let y)): x == y
        case (.date(let x), .date(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.record(let x), .record(let y)):
            x.kind == y.kind && x.fields.count == y.fields.count
                && zip(x.fields, y.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}
