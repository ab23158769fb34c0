/// Case- and accent-folding to bytes, for matching phrases in long texts without building
/// `Character` arrays: `Financiële` → `financiele`, `’` → `'`, `–` → `-`, a no-break space → a space.
/// Letters outside the table keep their UTF-8 bytes (lowercased).
enum ByteFolding {
    static func fold<S: StringProtocol>(_ text: S) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(text, into: &out)
        return out
    }

    static func fold<S: StringProtocol>(_ text: S, into out: inout [UInt8]) {
        // The common case, ASCII in contiguous storage: one pass over a buffer.
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            out.reserveCapacity(out.count + bytes.count)
            for byte in bytes { out.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte) }
            return true
        }
        if done == true { return }
        for scalar in text.unicodeScalars { fold(scalar, into: &out) }
    }

    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
            return
        }
        if let mapped = table[value] {
            out.append(contentsOf: mapped)
            return
        }
        for unit in String(scalar.properties.lowercaseMapping).utf8 { out.append(unit) }
    }

    /// A letter or digit (bytes of non-ASCII letters count as letters).
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || b >= 0x80
    }

    private static let table: [UInt32: [UInt8]] = {
        // The letters of `Folding`, plus what only a byte form can say: ß → ss, ĳ → ij, spaces, ligatures, soft hyphens.
        var groups: [(String, String)] = Folding.groups.filter { $0.1 != "ĳ" }.map { ($0.0, String($0.1)) }
        groups += [("ĳĲ", "ij"), ("ß", "ss"), ("æÆ", "ae"), ("œŒ", "oe"), ("`´", "'"), ("«»", "\""), ("‐‑−", "-"),
                   ("\u{00A0}\u{2007}\u{202F}\u{2009}", " "), ("…", "..."), ("\u{FB01}", "fi"), ("\u{FB02}", "fl"), ("\u{AD}\u{200B}", "")]
        var table: [UInt32: [UInt8]] = [:]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = Array(base.utf8) }
        }
        return table
    }()
}

/// Finds many phrases in one pass over a folded text (Aho–Corasick over bytes). Each phrase
/// matches only where it starts a word (when it starts with a letter or digit), so `risico`
/// finds "risico's" but not "serisico".
struct PhraseMatcher: Sendable {
    /// `transitions[state * 256 + byte]`: the next state (a complete automaton).
    private let transitions: [Int32]
    /// Per state: the phrases that end here.
    private let outputs: [[Int32]]
    let phrases: [[UInt8]]

    init(phrases: [[UInt8]]) {
        self.phrases = phrases
        var gotoTable: [[Int32]] = [Array(repeating: -1, count: 256)]
        var outs: [[Int32]] = [[]]
        for (id, phrase) in phrases.enumerated() where !phrase.isEmpty {
            var state = 0
            for byte in phrase {
                let next = gotoTable[state][Int(byte)]
                if next >= 0 {
                    state = Int(next)
                } else {
                    gotoTable.append(Array(repeating: -1, count: 256))
                    outs.append([])
                    gotoTable[state][Int(byte)] = Int32(gotoTable.count - 1)
                    state = gotoTable.count - 1
                }
            }
            outs[state].append(Int32(id))
        }
        // Breadth first: failure links, and missing transitions filled in from them.
        var fail = Array(repeating: 0, count: gotoTable.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = gotoTable[0][byte]
            if next < 0 { gotoTable[0][byte] = 0 } else { fail[Int(next)] = 0; queue.append(Int(next)) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outs[state] += outs[fail[state]]
            for byte in 0..<256 {
                let next = gotoTable[state][byte]
                if next < 0 {
                    gotoTable[state][byte] = gotoTable[fail[state]][byte]
                } else {
                    fail[Int(next)] = Int(gotoTable[fail[state]][byte])
                    queue.append(Int(next))
                }
            }
        }
        transitions = gotoTable.flatMap { $0 }
        outputs = outs
    }

    /// Calls `found(phrase, start)` for every occurrence that starts a word, in order of its end.
    func scan(_ text: [UInt8], _ found: (Int, Int) -> Void) {
        text.withUnsafeBufferPointer { bytes in
            transitions.withUnsafeBufferPointer { table in
                var state = 0
                for i in 0..<bytes.count {
                    state = Int(table[state &* 256 &+ Int(bytes[i])])
                    let ends = outputs[state]
                    if ends.isEmpty { continue }
                    for id in ends {
                        let phrase = phrases[Int(id)]
                        let start = i - phrase.count + 1
                        if ByteFolding.isWordByte(phrase[0]), start > 0, ByteFolding.isWordByte(bytes[start - 1]) { continue }
                        found(Int(id), start)
                    }
                }
            }
        }
    }
}

extension String {
    /// The index just after the first occurrence of `needle` (compared on bytes), or nil.
    func endOfFirst(_ needle: String) -> String.Index? {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count else { return nil }
        outer: for i in 0...(h.count - n.count) where h[i] == n[0] {
            for j in 1..<n.count where h[i + j] != n[j] { continue outer }
            return utf8.index(utf8.startIndex, offsetBy: i + n.count)
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without white space (ASCII white space and no-break spaces) at either end, and
    /// without the given ASCII characters at the ends: trimming on bytes, not through `NSString`.
    func trimmedFast(also extra: String = "") -> String {
        let extraBytes = Array(extra.utf8)
        let bytes = Array(self.utf8)
        func trimmable(_ i: Int) -> Int {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 11 || b == 12 || extraBytes.contains(b) { return 1 }
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
            return 0
        }
        var start = 0
        while start < bytes.count {
            let n = trimmable(start)
            if n == 0 { break }
            start += n
        }
        var end = bytes.count
        while end > start {
            let b = bytes[end - 1]
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 11 || b == 12 || extraBytes.contains(b) { end -= 1; continue }
            if b == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { end -= 2; continue }
            break
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `needle` occurs in this text, compared byte for byte (no Foundation, no locale):
    /// the analysis asks this of every sentence, and `contains(_:)` on strings goes through
    /// `NSString.range(of:)`. Both sides are expected to be folded already where that matters.
    func has(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard let first = n.first else { return true }
            let search = { (h: UnsafeBufferPointer<UInt8>) -> Bool in
                guard h.count >= n.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
            if let found = self.utf8.withContiguousStorageIfAvailable(search) { return found }
            return Array(self.utf8).withUnsafeBufferPointer(search)
        }
    }
}
