/// Names of people and werkbladen as people compare them.
enum Names {
    /// `name` with the apostrophes a word processor makes (`’`, `‘`) and a backtick written as
    /// the typed `'`, so that "’s-Hertogenbosch" pasted from Word and "'s-Hertogenbosch" typed
    /// are one name. Case is left to the comparison (SQLite's NOCASE, or `lowercased()`).
    static func key(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { $0 == "’" || $0 == "‘" || $0 == "`" }) else { return name }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { $0 == "’" || $0 == "‘" || $0 == "`" ? "'" : $0 }))
    }
}
