import Foundation

/// Readability of a publieksvriendelijke samenvatting: the Flesch-Douma score (the Dutch
/// adaptation of Flesch reading ease), long sentences, jargon and unexplained abbreviations.
struct Readability {
    let score: Double
    let longSentences: Int
    let jargon: [String]
    let abbreviations: [String]

    init?(sentences: [String], jargon list: [String], fullText: String) {
        let words = sentences.flatMap { Readability.words($0) }
        guard !sentences.isEmpty, !words.isEmpty else { return nil }
        let syllables = words.reduce(0) { $0 + Readability.syllables($1) }
        score = 206.835 - 0.93 * (Double(words.count) / Double(sentences.count)) - 77 * (Double(syllables) / Double(words.count))
        longSentences = sentences.filter { Readability.words($0).count > 25 }.count
        let folded = Set(words.map { String(decoding: ByteFolding.fold($0), as: UTF8.self) })
        jargon = list.filter { folded.contains(String(decoding: ByteFolding.fold($0), as: UTF8.self)) }
        // An abbreviation is explained when it appears in parentheses somewhere: "Adviesraad (ASD)".
        let explained = Leeswijzer.explainedAbbreviations(fullText)
        var seen: [String] = []
        for word in sentences.flatMap({ Readability.rawWords($0) }) where word.count >= 2 && word.count <= 6
            && word.allSatisfy({ $0.isUppercase && $0.isLetter }) && !explained.contains(word) && !seen.contains(word) {
            seen.append(word)
        }
        abbreviations = seen
    }

    /// Plain enough for inwoners: Flesch-Douma 60 or more, at most one long sentence, little jargon.
    var isPlain: Bool {
        score >= 60 && longSentences <= 1 && jargon.count <= 1 && abbreviations.count <= 1
    }

    var findings: [String] {
        var out = [String(format: "Flesch-Douma van de samenvatting: %.0f (%@)", score, score >= 60 ? "goed leesbaar" : score >= 50 ? "redelijk" : "moeilijk")]
        if longSentences > 0 { out.append("\(longSentences) \(longSentences == 1 ? "zin" : "zinnen") van meer dan 25 woorden in de samenvatting") }
        if !jargon.isEmpty { out.append("jargon in de samenvatting: " + jargon.joined(separator: ", ")) }
        if !abbreviations.isEmpty { out.append("onverklaarde afkortingen in de samenvatting: " + abbreviations.joined(separator: ", ")) }
        return out
    }

    static func words(_ text: String) -> [String] {
        // On bytes: letters and digits (and the bytes of accented letters) make a word.
        Array(text.utf8).split { !ByteFolding.isWordByte($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    static func rawWords(_ text: String) -> [String] {
        text.split { !$0.isLetter }.map(String.init)
    }

    /// Dutch syllables, counted as groups of vowels (ij, ei, ou, au, ui, oe, eu, ie and doubles are one).
    static func syllables(_ word: String) -> Int {
        var count = 0
        var previousVowel = false
        for b in ByteFolding.fold(word) {
            // a e i o u y (ĳ folds to "ij": i is the vowel)
            let isVowel = b == 97 || b == 101 || b == 105 || b == 111 || b == 117 || b == 121
            if isVowel, !previousVowel { count += 1 }
            previousVowel = isVowel
        }
        return max(1, count)
    }
}
