/// A function callable from KompasDSL: `lengte($lijst)`. Hosts add their own (`bestanden`, `kaart`).
public struct Builtin: Sendable {
    public typealias Body = @Sendable (_ call: Call) throws(Diagnostic) -> Value

    /// What a builtin body gets: the argument values with their spans, for precise errors.
    public struct Call: Sendable {
        public let name: String
        public let arguments: [Value]
        public let argumentSpans: [SourceSpan]
        public let span: SourceSpan

        public func error(_ summary: String, hint: String? = nil, argument: Int? = nil) -> Diagnostic {
            let at = argument.flatMap { $0 < argumentSpans.count ? argumentSpans[$0] : nil } ?? span
            return .error(summary, hint: hint, at: at)
        }

        /// The argument as text (a name counts as text).
        public func text(_ i: Int) throws(Diagnostic) -> String {
            guard let s = arguments[i].stringValue else {
                throw error("`\(name)` verwacht hier een tekst, maar kreeg een \(arguments[i].typeName)", argument: i)
            }
            return s
        }

        public func number(_ i: Int) throws(Diagnostic) -> Double {
            switch arguments[i] {
            case .number(let n), .percent(let n): return n
            default: throw error("`\(name)` verwacht hier een getal, maar kreeg een \(arguments[i].typeName)", argument: i)
            }
        }

        public func list(_ i: Int) throws(Diagnostic) -> [Value] {
            guard case .list(let items) = arguments[i] else {
                throw error("`\(name)` verwacht hier een lijst, maar kreeg een \(arguments[i].typeName)", argument: i)
            }
            return items
        }

        public func date(_ i: Int) throws(Diagnostic) -> DateValue {
            guard case .date(let d) = arguments[i] else {
                throw error("`\(name)` verwacht hier een datum, maar kreeg een \(arguments[i].typeName)", argument: i)
            }
            return d
        }
    }

    public let name: String
    /// `lengte(waarde)`: how it is called, for help.
    public let signature: String
    /// One Dutch sentence, for help.
    public let summary: String
    public let arity: ClosedRange<Int>
    public let body: Body

    public init(_ name: String, signature: String, summary: String, arity: ClosedRange<Int>, body: @escaping Body) {
        self.name = name
        self.signature = signature
        self.summary = summary
        self.arity = arity
        self.body = body
    }
}
