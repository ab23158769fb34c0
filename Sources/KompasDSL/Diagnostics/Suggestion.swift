/// Suggests the nearest known name for a misspelt one ("bedoelde je …?").
public enum Suggestion {
    /// The candidate closest to `name` by Damerau–Levenshtein distance, if it is close enough to be a
    /// plausible typo: at most one edit for short names, two for longer ones, a third of the length at most.
    public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        guard !target.isEmpty else { return nil }
        let limit = max(1, min(3, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c)
            if d <= limit, d < (best?.distance ?? Int.max) {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prevPrev = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, prevPrev[j - 2] + 1)
                }
                current[j] = value
            }
            (prevPrev, prev, current) = (prev, current, prevPrev)
        }
        return prev[b.count]
    }

    /// "bedoelde je `x`?" or nil.
    public static func hint(for name: String, in candidates: some Sequence<String>, quote: (String) -> String = { "`\($0)`" }) -> String? {
        nearest(to: name, in: candidates).map { "bedoelde je \(quote($0))?" }
    }
}
