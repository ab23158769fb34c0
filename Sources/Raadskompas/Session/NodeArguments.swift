import KompasDSL

/// Typed reads of a node that its schema has already validated: a statement's `run` uses these to
/// turn the node into the typed values the domain layer takes.
extension Node {
    /// Argument `index` as text (a name or a string); "" when absent.
    func text(_ index: Int) -> String {
        CardBuilder.argumentText(self, index)
    }

    /// Argument `index` as a whole number; 0 when absent.
    func int(_ index: Int) -> Int {
        CardBuilder.argumentInt(self, index)
    }

    /// A field, given as `veld=waarde` or as a `veld waarde` child.
    func field(_ name: String) -> Value? {
        CardBuilder.value(self, name)
    }

    /// A field as text; "" when absent.
    func fieldText(_ name: String) -> String {
        CardBuilder.text(self, name)
    }

    /// A field as text; nil when absent.
    func optionalText(_ name: String) -> String? {
        field(name)?.stringValue
    }

    /// A date field; nil when absent.
    func date(_ name: String) -> DateValue? {
        if case .date(let date)? = field(name) { return date }
        return nil
    }

    /// A whole-number field; nil when absent.
    func wholeNumber(_ name: String) -> Int? {
        if case .number(let n)? = field(name), n.isFinite, abs(n) < 1e9 { return Int(n) }
        return nil
    }

    /// `ja`/`nee` field; false when absent.
    func flag(_ name: String) -> Bool {
        CardBuilder.bool(self, name)
    }

    /// A list field as texts; [] when absent.
    func texts(_ name: String) -> [String] {
        if case .list(let items)? = field(name) { return items.compactMap(\.stringValue) }
        return []
    }

    /// Where a field's value is written, for an error about it; the statement's name otherwise.
    func span(of field: String) -> SourceSpan {
        property(field)?.valueSpan ?? nameSpan
    }
}
