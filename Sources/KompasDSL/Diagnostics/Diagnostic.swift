/// A finding about a source text: what is wrong (`summary`), what to do (`hint`), and exactly where
/// (`span`). Modelled on HCL's diagnostics; rendered in one place, `DiagnosticRenderer`.
public struct Diagnostic: Error, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error = "fout"
        case warning = "waarschuwing"
        case note = "opmerking"

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .note: 0
            }
        }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public struct Note: Sendable {
        public let message: String
        public let span: SourceSpan?
        public init(_ message: String, span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    public var severity: Severity
    /// Terse statement of the problem, in Dutch.
    public var summary: String
    /// What the user can do about it, in Dutch.
    public var hint: String?
    /// The tight span the marker goes under. `nil` only for problems that belong to no text
    /// (for example a file that cannot be read).
    public var span: SourceSpan?
    /// File name used when there is no span.
    public var fileName: String?
    public var notes: [Note]

    public init(
        _ severity: Severity = .error, _ summary: String, hint: String? = nil,
        at span: SourceSpan?, notes: [Note] = [], fileName: String? = nil
    ) {
        self.severity = severity
        self.summary = summary
        self.hint = hint
        self.span = span
        self.notes = notes
        self.fileName = fileName ?? span?.file.name
    }

    public static func error(_ summary: String, hint: String? = nil, at span: SourceSpan?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, summary, hint: hint, at: span, notes: notes)
    }

    public static func warning(_ summary: String, hint: String? = nil, at span: SourceSpan?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, summary, hint: hint, at: span, notes: notes)
    }

    /// `pad:regel:kolom` of the start of the span.
    public var locationText: String {
        guard let span else { return fileName ?? "" }
        let loc = span.location
        return "\(span.file.name):\(loc.line):\(loc.column)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
}

extension Array where Element == Diagnostic {
    /// In reading order: by file (in order of first appearance), then by position. Stable.
    public func sortedBySource() -> [Diagnostic] {
        var fileOrder: [String: Int] = [:]
        for d in self where fileOrder[d.span?.file.name ?? d.fileName ?? ""] == nil {
            fileOrder[d.span?.file.name ?? d.fileName ?? ""] = fileOrder.count
        }
        return enumerated().sorted { a, b in
            let fa = fileOrder[a.element.span?.file.name ?? a.element.fileName ?? ""] ?? 0
            let fb = fileOrder[b.element.span?.file.name ?? b.element.fileName ?? ""] ?? 0
            if fa != fb { return fa < fb }
            let sa = a.element.span?.start ?? -1, sb = b.element.span?.start ?? -1
            if sa != sb { return sa < sb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
