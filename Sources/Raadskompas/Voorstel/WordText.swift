import Foundation

/// The text of a WordprocessingML document (`word/document.xml` inside a `.docx`): the `w:t` runs,
/// a tab for `w:tab`, a line break for `w:br` and `w:cr`, and one line per paragraph (`w:p`).
///
/// A small reader of well-formed XML, written for this one purpose: Foundation's `XMLParser`
/// (FoundationXML) links libxml2 and ICU into the program, which costs about 2 ms at *every* start
/// of `raadskompas`, also when no Word file is read. The tests compare this reader with `XMLParser`
/// on Word files and on generated and broken XML.
///
/// Checked as XML requires: one root element, every element closed in order, attribute values
/// quoted, only the five predefined entities and character references (`&#233;`, `&#xE9;`), no
/// control characters; comments, processing instructions, CDATA sections and a DOCTYPE without an
/// internal subset are read. Line ends in text become `\n`, as XML prescribes.
enum WordText {
    /// The text, or nil when `xml` is not well-formed XML.
    static func extract(_ xml: [UInt8]) -> String? {
        var bytes = xml
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: Data(bytes), encoding: .utf16) else { return nil }
            bytes = Array(text.utf8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var reader = Reader(bytes: bytes)
        return reader.read()
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var text: [UInt8] = []
        var scratch: [UInt8] = []
        var open: [ArraySlice<UInt8>] = []
        var inRun = false
        var sawRoot = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func read() -> String? {
            let count = bytes.count
            while index < count {
                if bytes[index] != lt {
                    let start = index
                    while index < count, bytes[index] != lt { index += 1 }
                    let data = bytes[start..<index]
                    if open.isEmpty {
                        // Outside the root element only white space may stand.
                        guard data.allSatisfy(isSpace) else { return nil }
                    } else if inRun {
                        guard decode(data, into: &text) else { return nil }
                    } else {
                        scratch.removeAll(keepingCapacity: true)
                        guard decode(data, into: &scratch) else { return nil }
                    }
                    continue
                }
                guard markup() else { return nil }
            }
            guard sawRoot, open.isEmpty else { return nil }
            return String(decoding: text, as: UTF8.self)
        }

        /// One piece of markup at `index` (which is at `<`).
        mutating func markup() -> Bool {
            if has("<!--") {
                guard let end = find("-->", from: index + 4) else { return false }
                index = end + 3
            } else if has("<![CDATA[") {
                guard !open.isEmpty, let end = find("]]>", from: index + 9) else { return false }
                if inRun { appendNormalized(bytes[(index + 9)..<end], into: &text) }
                index = end + 3
            } else if has("<?") {
                guard let end = find("?>", from: index + 2) else { return false }
                index = end + 2
            } else if has("<!DOCTYPE") {
                // Without an internal subset (`[ … ]`): a Word document has none, and entities
                // declared there would go unread.
                guard !sawRoot, let end = find(">", from: index), !bytes[index..<end].contains(UInt8(ascii: "[")) else { return false }
                index = end + 1
            } else if has("</") {
                index += 2
                let start = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != gt { index += 1 }
                let name = bytes[start..<index]
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == gt, let last = open.last, last.elementsEqual(name) else { return false }
                index += 1
                open.removeLast()
                end(name)
            } else {
                return startTag()
            }
            return true
        }

        /// A start tag or an empty-element tag, with its attributes checked.
        mutating func startTag() -> Bool {
            index += 1
            let start = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != gt, bytes[index] != slash { index += 1 }
            let name = bytes[start..<index]
            guard !name.isEmpty, isNameStart(name.first!), !(open.isEmpty && sawRoot) else { return false }
            var empty = false
            while true {
                let hadSpace = index < bytes.count && isSpace(bytes[index])
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { return false }
                if bytes[index] == gt { index += 1; break }
                if bytes[index] == slash {
                    guard index + 1 < bytes.count, bytes[index + 1] == gt else { return false }
                    index += 2
                    empty = true
                    break
                }
                // An attribute: name = "value" or 'value', after white space.
                guard hadSpace, isNameStart(bytes[index]) else { return false }
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != equals, bytes[index] != gt, bytes[index] != slash { index += 1 }
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == equals else { return false }
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == quote || bytes[index] == apostrophe else { return false }
                let delimiter = bytes[index]
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != delimiter {
                    guard bytes[index] != lt else { return false }
                    index += 1
                }
                guard index < bytes.count else { return false }
                scratch.removeAll(keepingCapacity: true)
                guard decode(bytes[valueStart..<index], into: &scratch) else { return false }
                index += 1
            }
            sawRoot = true
            self.start(name)
            if empty {
                end(name)
            } else {
                open.append(name)
            }
            return true
        }

        mutating func start(_ name: ArraySlice<UInt8>) {
            if name.elementsEqual("w:t".utf8) {
                inRun = true
            } else if name.elementsEqual("w:tab".utf8) {
                text.append(UInt8(ascii: "\t"))
            } else if name.elementsEqual("w:br".utf8) || name.elementsEqual("w:cr".utf8) {
                text.append(UInt8(ascii: "\n"))
            }
        }

        mutating func end(_ name: ArraySlice<UInt8>) {
            if name.elementsEqual("w:t".utf8) {
                inRun = false
            } else if name.elementsEqual("w:p".utf8) {
                text.append(UInt8(ascii: "\n"))
            }
        }

        /// Character data with its references resolved and its line ends as `\n`; false at an
        /// unknown entity, a bad character reference or a control character.
        func decode(_ data: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
            var i = data.startIndex
            while i < data.endIndex {
                let b = data[i]
                if b == amp {
                    guard let semicolon = data[i...].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 12 else { return false }
                    let name = data[(i + 1)..<semicolon]
                    switch String(decoding: name, as: UTF8.self) {
                    case "amp": out.append(amp)
                    case "lt": out.append(lt)
                    case "gt": out.append(gt)
                    case "quot": out.append(quote)
                    case "apos": out.append(apostrophe)
                    case let reference where reference.hasPrefix("#"):
                        let digits = reference.dropFirst()
                        let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                        guard let value, !digits.isEmpty, !digits.hasPrefix("+"), !digits.hasPrefix("-"),
                              let scalar = Unicode.Scalar(value), isXMLCharacter(value) else { return false }
                        out.append(contentsOf: String(Character(scalar)).utf8)
                    default:
                        return false
                    }
                    i = semicolon + 1
                } else if b == cr {
                    out.append(UInt8(ascii: "\n"))
                    i += 1
                    if i < data.endIndex, data[i] == UInt8(ascii: "\n") { i += 1 }
                } else {
                    guard b >= 0x20 || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") else { return false }
                    out.append(b)
                    i += 1
                }
            }
            return true
        }

        func appendNormalized(_ data: ArraySlice<UInt8>, into out: inout [UInt8]) {
            var i = data.startIndex
            while i < data.endIndex {
                if data[i] == cr {
                    out.append(UInt8(ascii: "\n"))
                    i += 1
                    if i < data.endIndex, data[i] == UInt8(ascii: "\n") { i += 1 }
                } else {
                    out.append(data[i])
                    i += 1
                }
            }
        }

        func has(_ prefix: String) -> Bool {
            var i = index
            for b in prefix.utf8 {
                guard i < bytes.count, bytes[i] == b else { return false }
                i += 1
            }
            return true
        }

        func find(_ needle: String, from: Int) -> Int? {
            let pattern = Array(needle.utf8)
            guard pattern.count <= bytes.count else { return nil }
            var i = from
            while i + pattern.count <= bytes.count {
                if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
                i += 1
            }
            return nil
        }

        func isXMLCharacter(_ value: UInt32) -> Bool {
            value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        }

        func isNameStart(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
        }
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&"), slash = UInt8(ascii: "/")
    private static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), equals = UInt8(ascii: "="), cr = UInt8(ascii: "\r")
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
