/// The builtin functions every KompasDSL program has. They are pure: no files, no clock, no database.
public enum StandardLibrary {
    /// `bereik` refuses to build lists longer than this, so a typo cannot exhaust memory.
    public static let maxRange = 1_000_000

    public static let builtins: [Builtin] = [
        Builtin("lengte", signature: "lengte(waarde)", summary: "Het aantal tekens van een tekst of elementen van een lijst.", arity: 1...1) { call throws(Diagnostic) in
            switch call.arguments[0] {
            case .text(let s), .symbol(let s): return .number(Double(s.count))
            case .list(let items): return .number(Double(items.count))
            case .record(let r): return .number(Double(r.fields.count))
            default: throw call.error("`lengte` werkt op een tekst of een lijst, niet op een \(call.arguments[0].typeName)", argument: 0)
            }
        },
        Builtin("tekst", signature: "tekst(waarde)", summary: "De waarde als tekst.", arity: 1...1) { call in
            .text(call.arguments[0].displayText)
        },
        Builtin("getal", signature: "getal(tekst)", summary: "Een tekst als getal (\"3,5\" of \"3.5\").", arity: 1...1) { call throws(Diagnostic) in
            switch call.arguments[0] {
            case .number, .percent: return call.arguments[0]
            default:
                let original = try call.text(0)
                guard let n = parseDutchNumber(original) else {
                    throw call.error("\"\(original)\" is geen getal", hint: "schrijf bijvoorbeeld \"12\", \"3,5\" of \"1.250,75\"", argument: 0)
                }
                return .number(n)
            }
        },
        Builtin("som", signature: "som(lijst)", summary: "De som van de getallen in een lijst.", arity: 1...1) { call throws(Diagnostic) in
            try aggregate(call) { $0.reduce(0, +) }
        },
        Builtin("gemiddelde", signature: "gemiddelde(lijst)", summary: "Het gemiddelde van de getallen in een lijst.", arity: 1...1) { call throws(Diagnostic) in
            guard !(try call.list(0)).isEmpty else { throw call.error("het gemiddelde van een lege lijst bestaat niet", argument: 0) }
            return try aggregate(call) { $0.reduce(0, +) / Double($0.count) }
        },
        Builtin("min", signature: "min(lijst)", summary: "Het kleinste getal in een lijst.", arity: 1...1) { call throws(Diagnostic) in
            guard !(try call.list(0)).isEmpty else { throw call.error("een lege lijst heeft geen kleinste waarde", argument: 0) }
            return try aggregate(call) { $0.min() ?? 0 }
        },
        Builtin("max", signature: "max(lijst)", summary: "Het grootste getal in een lijst.", arity: 1...1) { call throws(Diagnostic) in
            guard !(try call.list(0)).isEmpty else { throw call.error("een lege lijst heeft geen grootste waarde", argument: 0) }
            return try aggregate(call) { $0.max() ?? 0 }
        },
        Builtin("afronden", signature: "afronden(getal, decimalen)", summary: "Rondt af op een aantal decimalen (standaard 0).", arity: 1...2) { call throws(Diagnostic) in
            let n = try call.number(0)
            let places = call.arguments.count > 1 ? try call.number(1) : 0
            guard places >= 0, places <= 10, places == places.rounded() else {
                throw call.error("aantal decimalen moet een heel getal van 0 tot 10 zijn", argument: 1)
            }
            var factor = 1.0
            for _ in 0..<Int(places) { factor *= 10 }
            let rounded = (n * factor).rounded() / factor
            if case .percent = call.arguments[0] { return .percent(rounded) }
            return .number(rounded)
        },
        Builtin("hoofdletters", signature: "hoofdletters(tekst)", summary: "De tekst in hoofdletters.", arity: 1...1) { call throws(Diagnostic) in
            .text(try call.text(0).uppercased())
        },
        Builtin("kleine_letters", signature: "kleine_letters(tekst)", summary: "De tekst in kleine letters.", arity: 1...1) { call throws(Diagnostic) in
            .text(try call.text(0).lowercased())
        },
        Builtin("bevat", signature: "bevat(lijst of tekst, waarde)", summary: "Of een lijst de waarde bevat, of een tekst het stuk tekst.", arity: 2...2) { call throws(Diagnostic) in
            switch call.arguments[0] {
            case .list(let items): return .bool(items.contains(call.arguments[1]))
            case .text(let s), .symbol(let s): return .bool(s.contains(try call.text(1)))
            default: throw call.error("`bevat` werkt op een lijst of een tekst, niet op een \(call.arguments[0].typeName)", argument: 0)
            }
        },
        Builtin("samenvoegen", signature: "samenvoegen(lijst, scheiding)", summary: "Voegt de elementen samen tot één tekst (standaard met \", \").", arity: 1...2) { call throws(Diagnostic) in
            let items = try call.list(0)
            let separator = call.arguments.count > 1 ? try call.text(1) : ", "
            return .text(items.map(\.displayText).joined(separator: separator))
        },
        Builtin("splits", signature: "splits(tekst, scheiding)", summary: "Splitst een tekst in een lijst van stukken.", arity: 2...2) { call throws(Diagnostic) in
            let text = try call.text(0)
            let separator = try call.text(1)
            guard !separator.isEmpty else { throw call.error("de scheiding mag niet leeg zijn", argument: 1) }
            return .list(text.split(separatorString: separator).map { .text($0) })
        },
        Builtin("bereik", signature: "bereik(van, tot)", summary: "De hele getallen van `van` tot en met `tot`.", arity: 2...2) { call throws(Diagnostic) in
            let from = try call.number(0), to = try call.number(1)
            guard from == from.rounded(), to == to.rounded(), abs(from) < 1e15, abs(to) < 1e15 else {
                throw call.error("`bereik` werkt met hele getallen (kleiner dan een biljard)")
            }
            guard to >= from else { return .list([]) }
            guard to - from < Double(maxRange) else {
                throw call.error("`bereik` is te groot (meer dan \(maxRange) getallen)", hint: "kies een kleiner bereik")
            }
            return .list((Int(from)...Int(to)).map { .number(Double($0)) })
        },
        Builtin("jaar", signature: "jaar(datum)", summary: "Het jaar van een datum.", arity: 1...1) { call throws(Diagnostic) in
            .number(Double(try call.date(0).year))
        },
        Builtin("maand", signature: "maand(datum)", summary: "De maand (1–12) van een datum.", arity: 1...1) { call throws(Diagnostic) in
            .number(Double(try call.date(0).month))
        },
        Builtin("dag", signature: "dag(datum)", summary: "De dag van de maand van een datum.", arity: 1...1) { call throws(Diagnostic) in
            .number(Double(try call.date(0).day))
        },
        Builtin("dagen_tussen", signature: "dagen_tussen(datum, datum)", summary: "Het aantal dagen van de eerste tot de tweede datum.", arity: 2...2) { call throws(Diagnostic) in
            .number(Double(try call.date(1).dayNumber - call.date(0).dayNumber))
        },
    ]

    /// "12", "-3,5", "3.5", "1.250,75": Dutch notation (a comma for decimals, dots between
    /// thousands) and the language's own (a dot for decimals). Nothing else: no hex, no exponents.
    public static func parseDutchNumber(_ raw: String) -> Double? {
        var text = raw.trimmingSpaces
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }) else { return nil }
        if text.contains(",") {
            text = String(text.filter { $0 != "." }).replacingComma
        } else if isDutchThousands(text) {
            // "1.250" and "1.250.000": dots between groups of three digits, as Dutch writes them.
            text = String(text.filter { $0 != "." })
        }
        guard text.filter({ $0 == "." }).count <= 1, text.dropFirst().allSatisfy({ $0 != "-" }), let n = Double(text), n.isFinite else { return nil }
        return n
    }

    private static func isDutchThousands(_ text: String) -> Bool {
        let groups = text.drop(while: { $0 == "-" }).split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func aggregate(_ call: Builtin.Call, _ combine: ([Double]) -> Double) throws(Diagnostic) -> Value {
        let items = try call.list(0)
        var numbers: [Double] = []
        var percents = 0
        for (i, item) in items.enumerated() {
            switch item {
            case .number(let n): numbers.append(n)
            case .percent(let n): numbers.append(n); percents += 1
            default:
                throw call.error("element \(i + 1) van de lijst is een \(item.typeName), geen getal", argument: 0)
            }
        }
        if percents > 0, percents < items.count {
            throw call.error("de lijst mengt percentages en getallen", hint: "reken met alleen percentages of alleen getallen", argument: 0)
        }
        let result = combine(numbers)
        return percents > 0 ? .percent(result) : .number(result)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }

    var replacingComma: String {
        String(map { $0 == "," ? "." : $0 })
    }

    func split(separatorString separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

extension Substring {
    /// A minimal `range(of:)` so KompasDSL needs no Foundation.
    func range(of needle: String) -> Range<Substring.Index>? {
        guard let first = needle.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(needle) {
                return i..<index(i, offsetBy: needle.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
