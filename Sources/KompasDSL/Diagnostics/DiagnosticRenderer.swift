/// Turns diagnostics into text, in the one format every part of Raadskompas uses:
///
///     pad:3:7: fout: onbekend veld `finansiering`
///        |
///      3 |   finansiering "Rijksbijdrage"
///        |   ^~~~~~~~~~~~
///        = hint: bedoelde je `financiering`?
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool
    /// Longest stretch of a source line shown; longer lines are cut around the span.
    public var maxLineWidth: Int

    /// The terminal's width, when the message and hint lines should wrap between words (in the
    /// shell); nil leaves them on one line (files, pipes, tests).
    public var wrapWidth: Int?

    public init(useColor: Bool = false, maxLineWidth: Int = 100, wrapWidth: Int? = nil) {
        self.useColor = useColor
        self.maxLineWidth = maxLineWidth
        self.wrapWidth = wrapWidth
    }

    /// `text` broken between words so that no line (after `lead` on the first, `indent` on the
    /// others) is longer than `wrapWidth`; a word longer than a line stays whole.
    func wrapped(_ text: String, lead: Int, indent: String) -> String {
        guard let width = wrapWidth, lead + text.count > width else { return text }
        var lines: [String] = []
        var line = ""
        var room = width - lead
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= room {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
                room = width - indent.count
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n" + indent)
    }

    /// At most this many diagnostics are shown in full; the rest are counted. Rendering one walks
    /// its source line, so thousands on one long line would take seconds.
    public static let shown = 100

    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard diagnostics.count > DiagnosticRenderer.shown else { return diagnostics.map(render).joined() }
        let rest = diagnostics.dropFirst(DiagnosticRenderer.shown)
        let errors = rest.filter { $0.severity == .error }.count
        return diagnostics.prefix(DiagnosticRenderer.shown).map(render).joined()
            + "… en nog \(rest.count) \(rest.count == 1 ? "melding" : "meldingen")" + (errors > 0 ? " (\(errors) \(errors == 1 ? "fout" : "fouten"))" : "")
            + "; herstel eerst de eerste hierboven.\n"
    }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let label = d.severity.rawValue
        let location = d.locationText
        let head = location.isEmpty ? "" : "\(location): "
        out += bold(head) + color(label + ":", for: d.severity) + " " + bold(wrapped(d.summary, lead: head.count + label.count + 2, indent: "  ")) + "\n"
        if let span = d.span {
            out += excerpt(span, severity: d.severity)
        }
        let gutter = d.span.map { String(repeating: " ", count: String($0.location.line).count + 1) } ?? ""
        if let hint = d.hint {
            out += "\(gutter)\(dim("="))\(" ")\(color("hint:", for: .note)) \(wrapped(hint, lead: gutter.count + 8, indent: gutter + "        "))\n"
        }
        for note in d.notes {
            var line = "\(gutter)\(dim("=")) opmerking: \(note.message)"
            if let span = note.span {
                let loc = span.location
                line += " (\(span.file.name):\(loc.line):\(loc.column))"
            }
            out += line + "\n"
        }
        return out
    }

    private func excerpt(_ span: SourceSpan, severity: Diagnostic.Severity) -> String {
        let file = span.file
        let line = file.line(of: span.start)
        let range = file.lineRange(line)
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count + 1)

        // Work in characters of the line; cut long lines to a window around the span.
        let spanStart = min(max(span.start, range.lowerBound), range.upperBound)
        let spanEnd = min(max(span.end, spanStart), range.upperBound)
        let before = displayText(file.bytes[range.lowerBound..<spanStart])
        var marked = displayText(file.bytes[spanStart..<spanEnd])
        var after = displayText(file.bytes[spanEnd..<range.upperBound])
        var prefix = before
        var lead = ""
        if prefix.count > maxLineWidth / 2 {
            prefix = String(prefix.suffix(maxLineWidth / 2 - 1))
            lead = "…"
        }
        if marked.count > maxLineWidth / 2 {
            marked = String(marked.prefix(maxLineWidth / 2 - 1)) + "…"
            after = ""
        }
        let room = max(0, maxLineWidth - prefix.count - marked.count - lead.count)
        if after.count > room {
            after = String(after.prefix(max(0, room - 1))) + "…"
        }
        let shown = lead + prefix + marked + after
        let markerWidth = max(1, marked.count)
        let marker = "^" + String(repeating: "~", count: markerWidth - 1)
        let pad = String(repeating: " ", count: lead.count + prefix.count)
        return "\(gutter)\(dim("|"))\n"
            + "\(dim(number)) \(dim("|")) \(shown)\n"
            + "\(gutter)\(dim("|")) \(pad)\(color(marker, for: severity))\n"
    }

    /// Source bytes as shown on one terminal line: tabs and control characters become spaces.
    private func displayText(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out.unicodeScalars.append(" ")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func color(_ text: String, for severity: Diagnostic.Severity) -> String {
        guard useColor else { return text }
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        useColor && !text.isEmpty ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private func dim(_ text: String) -> String {
        useColor ? "\u{1B}[34m\(text)\u{1B}[0m" : text
    }
}
