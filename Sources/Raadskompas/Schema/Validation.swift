import Foundation
import KompasDSL

/// Checks evaluated nodes against their schemas and collects diagnostics and references.
public struct Validation: Sendable {
    public struct PendingReference: Sendable {
        public let target: String
        public let kinds: [String]
        public let span: SourceSpan
    }

    public var diagnostics: [Diagnostic] = []
    /// References to check once every card is known.
    public var references: [PendingReference] = []

    public init() {}

    public mutating func error(_ summary: String, hint: String? = nil, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(summary, hint: hint, at: span, notes: notes))
    }

    public mutating func warning(_ summary: String, hint: String? = nil, at span: SourceSpan) {
        diagnostics.append(.warning(summary, hint: hint, at: span))
    }

    /// Validates `node` (and everything under it) against `schema`. Returns whether it had no errors.
    @discardableResult
    public mutating func validate(_ node: Node, against schema: NodeSchema) -> Bool {
        // Only the diagnostics this node adds are looked at: counting all errors at every node
        // would make a file with many warnings quadratic.
        let before = diagnostics.count
        checkArguments(node, schema)
        if !node.properties.isEmpty { checkProperties(node, schema) }
        if node.hasBlock || !node.children.isEmpty || !node.properties.isEmpty || schema.requiresContent { checkChildren(node, schema) }
        schema.check?(node, &self)
        return !diagnostics[before...].contains { $0.severity == .error }
    }

    /// Every node of a content file passes here: arguments and slots are read in place, by index,
    /// so that checking copies (and retains) nothing.
    private mutating func checkArguments(_ node: Node, _ schema: NodeSchema) {
        let count = node.argumentCount, slots = schema.arguments.count
        var i = 0
        while i < count {
            guard let value = node.argumentValue(i) else { break }
            if i < slots {
                // `werkblad wijzig Visie sociaal domein eigenaar=…`: words where one text goes.
                if case .symbol = value, case .text = schema.arguments[i].type, let words = Validation.bareWords(node, from: i) {
                    error("een tekst met spaties hoort tussen aanhalingstekens", hint: "zet de tekst tussen aanhalingstekens: \"\(words.span.text)\"", at: words.span)
                    return
                }
                checkValue(value, at: node.argumentSpan(i), slot: schema.arguments[i], owner: node.name)
            } else if schema.repeatsLastArgument, slots > 0 {
                checkValue(value, at: node.argumentSpan(i), slot: schema.arguments[slots - 1], owner: node.name)
            } else {
                if let (summary, hint, span) = Validation.wordsAfterANumber(node, from: i) ?? Validation.wordsAfterAWord(node, from: i, schema) {
                    error(summary, hint: hint, at: span)
                } else {
                    error("te veel argumenten voor `\(node.name)`", hint: "gebruik: \(schema.usage(as: node.name))", at: node.argumentSpan(i))
                }
                break
            }
            i += 1
        }
        if count < slots {
            for slot in schema.arguments[count...] where slot.required {
                // `herstel #12`: the number as `geschiedenis` shows it, but `#` starts a comment.
                let rest = node.span.file.bytes[node.span.end...].prefix { $0 != 10 }
                let commentedNumber = rest.firstIndex(of: UInt8(ascii: "#")).map { rest[($0 + 1)...].first.map { $0 >= 48 && $0 <= 57 } ?? false } ?? false
                error("`\(node.name)` mist \(slot.name == "id" ? "een id" : "het argument `\(slot.name)`")",
                      hint: commentedNumber ? "schrijf het nummer zonder #, bijvoorbeeld `\(node.name) \(String(decoding: rest.drop { $0 != UInt8(ascii: "#") }.dropFirst().prefix { $0 >= 48 && $0 <= 57 }, as: UTF8.self))`: met # begint een opmerking"
                          : "gebruik: \(schema.usage(as: node.name))", at: node.nameSpan)
                break
            }
        }
    }

    private mutating func checkProperties(_ node: Node, _ schema: NodeSchema) {
        let open = schema.openFieldsAfter.map { word in node.arguments.contains { $0.value.stringValue == word } } ?? false
        for property in node.properties {
            guard let slot = schema.field(property.key) else {
                if open { continue }
                let known = schema.fields.map(\.name)
                error("onbekend veld `\(property.key)` bij `\(node.name)`",
                      hint: Suggestion.hint(for: property.key, in: known) ?? hintForKnownFields(schema),
                      at: property.keySpan)
                continue
            }
            checkValue(property.value, at: property.valueSpan, slot: slot, owner: node.name)
        }
    }

    private func hintForKnownFields(_ schema: NodeSchema) -> String {
        schema.fields.isEmpty ? "`\(schema.name)` heeft geen velden" : "bekende velden: " + schema.fields.map(\.name).joined(separator: ", ")
    }

    private mutating func checkChildren(_ node: Node, _ schema: NodeSchema) {
        if node.hasBlock, schema.children.isEmpty, schema.fields.isEmpty {
            let blockStart = node.children.first?.span ?? node.span
            error("`\(node.name)` heeft geen blok `{ … }`", hint: "gebruik: \(schema.usage(as: node.name))", at: blockStart)
            return
        }
        // Which fields were given (and where) and how often each child rule occurred, in one
        // buffer on the stack: every node of a content file passes here.
        let fieldCount = schema.fields.count, ruleCount = schema.children.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount + ruleCount) { buffer in
            // A field's entry: `unseen`, a child's index, or -1 - a property's index.
            let unseen = Int.min
            buffer.initialize(repeating: 0)
            for position in 0..<fieldCount { buffer[position] = unseen }
            func givenAt(_ entry: Int) -> SourceSpan { entry >= 0 ? node.children[entry].nameSpan : node.properties[-1 - entry].keySpan }
            for (index, property) in node.properties.enumerated() {
                if let position = schema.fieldPosition(property.key) { buffer[position] = -1 - index }
            }
            let children = node.children
            for index in children.indices {
                let child = children[index]
                if let position = schema.fieldPosition(child.name) {
                    if buffer[position] != unseen {
                        error("veld `\(child.name)` staat er twee keer", hint: "laat er één staan", at: child.nameSpan,
                              notes: [.init("eerder gegeven", span: givenAt(buffer[position]))])
                        continue
                    }
                    buffer[position] = index
                    guard child.argumentCount == 1, child.properties.isEmpty, !child.hasBlock, let value = child.argumentValue(0) else {
                        error("veld `\(child.name)` heeft precies één waarde", hint: "schrijf `\(child.name) \(schema.fields[position].type.placeholder("…"))`",
                              at: child.arguments.count > 1 ? child.arguments[1].span : child.span)
                        continue
                    }
                    checkValue(value, at: child.argumentSpan(0), slot: schema.fields[position], owner: node.name)
                    continue
                }
                guard let position = schema.childPosition(child.name) else {
                    let known = schema.fields.map(\.name) + schema.children.map(\.name)
                    let hint = Suggestion.hint(for: child.name, in: known)
                        ?? (known.isEmpty ? "`\(node.name)` heeft geen onderdelen" : "hier kan: " + known.joined(separator: ", "))
                    let what = schema.children.isEmpty ? "veld" : "onderdeel"
                    error("onbekend \(what) `\(child.name)` in `\(node.name)`", hint: hint, at: child.nameSpan)
                    continue
                }
                buffer[fieldCount + position] += 1
                if let maximum = schema.children[position].maximum, buffer[fieldCount + position] > maximum {
                    error(maximum == 1 ? "`\(child.name)` mag maar één keer in `\(node.name)`" : "te veel `\(child.name)` in `\(node.name)` (hoogstens \(maximum))",
                          hint: "voeg ze samen of haal er een weg", at: child.nameSpan)
                }
                validate(child, against: schema.children[position].schema)
            }
            for (position, slot) in schema.fields.enumerated() where slot.required && buffer[position] == unseen {
                error("`\(describe(node))` mist het veld `\(slot.name)`", hint: "voeg toe: \(slot.name) \(slot.type.placeholder("…")) — \(slot.help)", at: node.nameSpan)
            }
            for (position, rule) in schema.children.enumerated() where rule.minimum > buffer[fieldCount + position] {
                let usage = rule.schema.usage
                error(rule.minimum == 1 ? "`\(describe(node))` mist een `\(rule.name)`" : "`\(describe(node))` heeft minstens \(rule.minimum) keer `\(rule.name)` nodig",
                      hint: "voeg toe: \(usage)", at: node.nameSpan)
            }
        }
    }

    private func describe(_ node: Node) -> String {
        if let first = node.arguments.first { return "\(node.name) \(first.value.sourceText)" }
        return node.name
    }

    /// Children named `child` must differ in their first argument (criterium letters, steps).
    public mutating func requireUnique(_ node: Node, child: String, hint: String, describe: (String) -> String) {
        var seen: [String: SourceSpan] = [:]
        for item in node.children where item.name == child {
            guard let argument = item.arguments.first else { continue }
            let key = argument.value.stringValue ?? argument.value.displayText
            if let first = seen[key] {
                error("\(describe(key)) staat er twee keer", hint: hint, at: argument.span, notes: [.init("eerder hier", span: first)])
            }
            seen[key] = argument.span
        }
    }

    /// A number within the range its slot allows ("99999999999999999999 is te groot voor een jaartal").
    mutating func checkRange(_ n: Double, _ range: ClosedRange<Double>, slot: Slot, at span: SourceSpan) {
        guard !range.contains(n) else { return }
        // As typed: 99999999999999999999 would print as the Double it became.
        let shown = span.text.isEmpty || span.text.count > 40 ? Value.format(n) : span.text
        let bounds = "van \(Value.format(range.lowerBound)) tot en met \(Value.format(range.upperBound))"
        error(n > range.upperBound ? "\(shown) is te groot voor `\(slot.name)`" : "\(shown) is te klein voor `\(slot.name)`",
              hint: "`\(slot.name)` ligt \(bounds): \(slot.help)", at: span)
    }

    /// Type-checks one value against its slot.
    public mutating func checkValue(_ value: Value, at span: SourceSpan, slot: Slot, owner: String) {
        func mismatch() {
            var hint = "`\(slot.name)` is \(slot.type.dutchName)"
            if case .symbol(let s) = value, case .text = slot.type { hint = "zet de tekst tussen aanhalingstekens: \"\(s)\"" }
            error("verkeerd soort waarde voor `\(slot.name)`: \(Validation.described(value)), verwacht \(slot.type.dutchName)", hint: hint, at: span)
        }
        switch slot.type {
        case .text:
            guard case .text(let s) = value else { return mismatch() }
            if Validation.isBlank(s) {
                error("`\(slot.name)` is leeg", hint: "vul een tekst in: \(slot.help)", at: span)
            }
        case .word:
            guard value.stringValue != nil else { return mismatch() }
        case .any:
            break
        case .url:
            guard case .text(let s) = value else { return mismatch() }
            if !(s.hasPrefix("https://") || s.hasPrefix("http://")) || s.contains(" ") {
                error("`\(s.prefix(60))` is geen webadres", hint: "een webadres begint met https:// en bevat geen spaties (schrijf %20)", at: span)
            }
        case .number:
            guard case .number(let n) = value else { return mismatch() }
            if let range = slot.range { checkRange(n, range, slot: slot, at: span) }
        case .percent:
            guard case .percent = value else { return mismatch() }
        case .date:
            guard case .date = value else { return mismatch() }
        case .wholeNumber:
            guard case .number(let n) = value else { return mismatch() }
            if n != n.rounded() || n < 0 {
                error("`\(slot.name)` moet een heel getal zijn", hint: "bijvoorbeeld 1, 2 of 3", at: span)
            } else {
                checkRange(n, slot.range ?? 0...1_000_000_000, slot: slot, at: span)
            }
        case .bool:
            guard case .bool = value else { return mismatch() }
        case .identifier:
            // A text works too, so scripts can make ids: kaart "k-${nummer}" { … }
            guard let s = value.stringValue else { return mismatch() }
            if !Validation.isIdentifier(s) {
                let suggestion = Validation.identifier(from: s)
                error("ongeldige id `\(s)`", hint: "een id bestaat uit kleine letters, cijfers en `-`, en begint met een letter"
                          + (suggestion.map { ", bijvoorbeeld `\($0)`" } ?? ""), at: span)
            }
        case .letter:
            guard case .symbol(let s) = value else { return mismatch() }
            if s.count != 1 || !(s.first?.isUppercase ?? false) {
                error("`\(s)` is geen letter", hint: "gebruik één hoofdletter, bijvoorbeeld A", at: span)
            }
        case .reference(let kinds):
            guard case .symbol(let s) = value else { return mismatch() }
            references.append(PendingReference(target: s, kinds: kinds, span: span))
        case .choice(let options):
            guard let s = value.stringValue else { return mismatch() }
            if !options.contains(s) {
                error("onbekende waarde `\(s)` voor `\(slot.name)`",
                      hint: Suggestion.hint(for: s, in: options) ?? "kies uit: " + options.joined(separator: ", "), at: span)
            }
        case .list(let item):
            guard case .list(let items) = value else { return mismatch() }
            for element in items {
                switch (item, element) {
                case (.text, .text): break
                case (.reference(let kinds), .symbol(let s)):
                    references.append(PendingReference(target: s, kinds: kinds, span: span))
                default:
                    error("element `\(element.displayText)` in `\(slot.name)` is een \(element.typeName)",
                          hint: "`\(slot.name)` is \(slot.type.dutchName)", at: span)
                }
            }
        }
    }

    /// Words left over after a field's number, as people write them: `datum=12 maart 2026` (a date
    /// the Dutch way) and `reactietermijn=6 weken` (a unit). Returns the error to give instead of
    /// "te veel argumenten", with the value rewritten, or nil for anything else.
    /// Two or more bare words in a row from argument `index` on (`Visie sociaal domein`), each
    /// only letters, digits and hyphens and apart by spaces alone: a text without quotes. Nil for
    /// one word, or when a word has a dot or slash (`waarden.zelf.1`, a path).
    static func bareWords(_ node: Node, from index: Int) -> (count: Int, span: SourceSpan)? {
        func plain(_ value: Value) -> Bool {
            guard case .symbol(let word) = value else { return false }
            return word.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) || $0 == "-" }
        }
        guard plain(node.arguments[index].value) else { return nil }
        var last = index
        while last + 1 < node.arguments.count, plain(node.arguments[last + 1].value) {
            let gap = node.arguments[last].span.end..<node.arguments[last + 1].span.start
            guard node.arguments[last].span.file === node.arguments[last + 1].span.file, !gap.isEmpty,
                  node.arguments[last].span.file.bytes[gap].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { break }
            last += 1
        }
        guard last > index else { return nil }
        return (last - index + 1, node.arguments[index].span.to(node.arguments[last].span))
    }

    /// `onderwerp=Toegankelijkheid loketten`: the words after a property's bare word, where the
    /// property takes a text.
    static func wordsAfterAWord(_ node: Node, from index: Int, _ schema: NodeSchema) -> (String, String, SourceSpan)? {
        let argument = node.arguments[index]
        guard let property = node.properties.last(where: { $0.valueSpan.end <= argument.span.start }),
              case .symbol = property.value, let slot = schema.field(property.key), case .text = slot.type,
              property.valueSpan.file === argument.span.file,
              argument.span.file.bytes[property.valueSpan.end..<argument.span.start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        var last = index
        while last + 1 < node.arguments.count, case .symbol = node.arguments[last + 1].value,
              argument.span.file.bytes[node.arguments[last].span.end..<node.arguments[last + 1].span.start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            last += 1
        }
        let span = property.valueSpan.to(node.arguments[last].span)
        return ("een tekst met spaties hoort tussen aanhalingstekens", "schrijf \(property.key)=\"\(span.text)\"", span)
    }

    static func wordsAfterANumber(_ node: Node, from index: Int) -> (String, String, SourceSpan)? {
        let argument = node.arguments[index]
        guard let property = node.properties.last(where: { $0.valueSpan.end <= argument.span.start }),
              case .number(let number) = property.value,
              property.valueSpan.file === argument.span.file,
              argument.span.file.text(property.valueSpan.end..<argument.span.start).allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        let word = argument.value.stringValue?.lowercased() ?? ""
        if let month = DateValue.monthNames.firstIndex(of: word), index + 1 < node.arguments.count,
           case .number(let year) = node.arguments[index + 1].value, number == number.rounded(), year == year.rounded(),
           let date = DateValue(year: Int(year), month: month + 1, day: Int(number)) {
            let span = property.valueSpan.to(node.arguments[index + 1].span)
            return ("een datum schrijf je hier als jaar-maand-dag", "schrijf `\(property.key)=\(date.description)` (of \(property.key)=\(date.day)-\(date.month)-\(date.year))", span)
        }
        let units = ["weken", "week", "dagen", "dag", "maanden", "maand", "jaar", "jaren", "keer", "procent", "euro", "uur", "minuten"]
        if units.contains(word) {
            let shown = property.valueSpan.text
            let percent = word == "procent" ? " (of \(property.key)=\(shown)% bij een percentage)" : ""
            return ("`\(shown) \(word)`: hier hoort alleen een getal", "schrijf alleen het getal: \(property.key)=\(shown)\(percent)",
                    property.valueSpan.to(argument.span))
        }
        return nil
    }

    /// A value as a person recognises it in an error: `het woord Visie`, `het getal 3`, `een lijst`.
    static func described(_ value: Value) -> String {
        func short(_ text: String) -> String { text.count > 30 ? String(text.prefix(29)) + "…" : text }
        switch value {
        case .symbol(let word): return "het woord `\(short(word))`"
        case .number, .percent: return "het getal \(short(value.displayText))"
        case .text(let text): return "de tekst \"\(short(text))\""
        case .date: return "de datum \(value.displayText)"
        case .bool: return "`\(value.displayText)`"
        case .list: return "een lijst"
        case .record: return "gegevens"
        }
    }

    /// Whether a text is empty or only white space; the ASCII case is decided without Unicode tables.
    static func isBlank(_ s: String) -> Bool {
        for byte in s.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case ..<0x80: return false
            default: return s.unicodeScalars.allSatisfy(\.properties.isWhitespace)
            }
        }
        return true
    }

    /// An id made from what was typed: lowercase, without accents, other characters as `-`
    /// (`Bekendheid-Cliëntondersteuning` → `bekendheid-clientondersteuning`); nil when none can be made.
    static func identifier(from text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-"), !out.isEmpty { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while let first = out.first, !first.isLetter { out.removeFirst() }
        return !out.isEmpty && isIdentifier(out) ? out : nil
    }

    public static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
