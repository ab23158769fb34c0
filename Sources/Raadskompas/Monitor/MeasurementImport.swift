import Foundation
import GRDB
import GRDBSQLite
import KompasDSL

/// `importeer metingen "PAD.csv"`: measurements from a CBS StatLine/OData CSV or the simple long
/// format `indicator;gebied;periode;waarde`. The file is read in chunks, never whole; everything is
/// stored in one transaction, so a bad line stores nothing; the same file again changes nothing; a
/// provisional value (`12,5*`) is replaced by the final one.
public enum MeasurementImport {
    public struct Measurement: Equatable, Sendable {
        public let indicator: String
        public let gebied: String
        public let periode: String
        public let waarde: Double?
        public let voorlopig: Bool
    }

    public struct Failure: Error, Sendable, Equatable {
        public let line: Int?
        public let message: String
        public let hint: String
    }

    /// `2023JJ00` → `2023`, `2023KW02` → `2023-K2`, `2023MM05` → `2023-05`.
    public static func period(_ code: String) -> String? {
        let chars = Array(code.uppercased())
        guard chars.count == 8, let year = Int(String(chars[0..<4])), let number = Int(String(chars[6..<8])) else { return nil }
        switch String(chars[4..<6]) {
        case "JJ" where number == 0: return "\(year)"
        case "KW" where (1...4).contains(number): return "\(year)-K\(number)"
        case "MM" where (1...12).contains(number): return String(format: "%d-%02d", year, number)
        default: return nil
        }
    }

    /// A value read without knowing the column's decimal sign (see `MeasurementFile.cell`):
    /// the number (nil when missing) and whether it is provisional.
    static func value(_ raw: String) -> (Double?, Bool)? {
        var bytes = Array(raw.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (Double?, Bool)? in
            guard let (cell, _) = MeasurementFile.cell(UnsafeBufferPointer(buffer), decimal: nil) else { return nil }
            switch cell {
            case .number(let n, let status): return (n, status != .definitief)
            case .missing(_, let status): return (nil, status != .definitief)
            }
        }
    }

    static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// `-123.45` as an integer mantissa divided by a power of ten: one correctly rounded division,
    /// so the same Double as `Double(text)`, without its string handling. nil beyond 15 digits.
    @inline(__always) static func decimal(_ text: String) -> Double? {
        var mantissa: UInt64 = 0, digits = 0, scale = -1
        var negative = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if scale >= 0 { scale += 1 }
            case UInt8(ascii: "."): scale = 0
            case UInt8(ascii: "-"): negative = true
            default: return nil
            }
        }
        // Up to 15 digits the mantissa and the power of ten are exact doubles.
        guard digits > 0, digits <= 15, scale != 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[max(scale, 0)]
        return negative ? -value : value
    }

    /// The cells of a line without quotes: ranges into the line itself, trimmed.
    static func splitPlain(_ line: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ";"), cells: inout [Range<Int>]) {
        cells.removeAll(keepingCapacity: true)
        var start = 0
        func finish(_ end: Int) {
            var s = start, e = end
            while s < e, line[s] == 0x20 || line[s] == 0x09 { s += 1 }
            while e > s, line[e - 1] == 0x20 || line[e - 1] == 0x09 { e -= 1 }
            cells.append(s..<e)
        }
        for i in 0..<line.count where line[i] == separator {
            finish(i)
            start = i + 1
        }
        finish(line.count)
    }

    /// Splits one CSV line on `;`, honouring double quotes (`""` inside quotes is a quote).
    static func fields(_ line: String, separator: UInt8 = UInt8(ascii: ";")) -> [String] {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { fields(UnsafeBufferPointer($0), separator: separator) }
    }

    static func fields(_ line: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ";")) -> [String] {
        var scratch: [UInt8] = [], cells: [Range<Int>] = []
        split(line, separator: separator, into: &scratch, cells: &cells)
        return cells.map { String(decoding: scratch[$0], as: UTF8.self) }
    }

    /// The longest line accepted; a longer one means the file is not a CSV of measurements.
    static let maximumLineLength = 1 << 20

    /// Windows-1252 code points for the bytes 0x80–0x9F (0xA0–0xFF are the same as in Latin-1);
    /// the five unused bytes become U+FFFD.
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Re-encodes a line of Windows-1252 (the superset of Latin-1 that older Excel and StatLine
    /// downloads use) as UTF-8 into `output`.
    static func transcodeWindows1252(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        for byte in line {
            if byte < 0x80 { output.append(byte); continue }
            let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            output.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
    }

    /// Whether a line is valid UTF-8; a line of plain ASCII is checked in one pass without decoding.
    static func isUTF8(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return true }
        // Eight bytes at a time: an import reads millions of lines, nearly all ASCII.
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0, i = 0
        while i + 8 <= line.count { high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < line.count { high |= UInt64(base[i]); i += 1 }
        if high & 0x8080_8080_8080_8080 == 0 { return true }
        // Validated in place, without making a string.
        var bytes = line.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Reads the file line by line in 1 MB chunks: memory stays the same for a file of any size.
    /// A line that is not valid UTF-8 is read as Windows-1252 (Latin-1); returns how many were.
    @discardableResult
    static func lines(of path: String, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        // A FIFO would block the open; a device never ends.
        guard ContentFiles.isRegularFile(path) else {
            throw Failure(line: nil, message: "`\(path)` is geen gewoon bestand", hint: "geef een CSV-bestand; een apparaat of pijp kan Raadskompas niet inlezen")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(line: nil, message: "kan `\(path)` niet lezen", hint: "controleer de naam en je leesrechten")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = [], transcoded: [UInt8] = []
        var number = 0, windows1252Lines = 0
        func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
            number += 1
            var line = line
            if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            // The check after every chunk sees only the part of a line read so far.
            if line.count > maximumLineLength {
                throw Failure(line: number, message: "deze regel is langer dan 1 MB; dit lijkt geen CSV met metingen",
                              hint: "kies het CSV-bestand zelf (indicator;gebied;periode;waarde of een CBS StatLine-bestand)")
            }
            if number == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
                line = UnsafeBufferPointer(rebasing: line.dropFirst(3))
            }
            if line.contains(0) {
                throw Failure(line: number, message: "deze regel bevat binaire tekens; dit is geen CSV-tekstbestand",
                              hint: "exporteer de cijfers als CSV (tekst, gescheiden door puntkomma's)")
            }
            if isUTF8(line) { return try body(number, line) }
            windows1252Lines += 1
            transcodeWindows1252(line, into: &transcoded)
            try transcoded.withUnsafeBufferPointer { try body(number, $0) }
        }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw Failure(line: nil, message: "kan `\(path)` niet verder lezen na regel \(number)", hint: "controleer of het bestand nog bestaat en leesbaar is")
            }
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var lineStart = 0
                var index = 0
                while index < bytes.count {
                    guard let newline = memchr(bytes.baseAddress! + index, 0x0A, bytes.count - index) else { break }
                    let position = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
                    if pending.isEmpty {
                        try emit(UnsafeBufferPointer(rebasing: bytes[lineStart..<position]))
                    } else {
                        pending.append(contentsOf: bytes[lineStart..<position])
                        try pending.withUnsafeBufferPointer { try emit($0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    lineStart = position + 1
                    index = lineStart
                }
                pending.append(contentsOf: bytes[lineStart..<bytes.count])
            }
            if pending.count > maximumLineLength {
                throw Failure(line: number + 1, message: "deze regel is langer dan 1 MB; dit lijkt geen CSV met metingen",
                              hint: "kies het CSV-bestand zelf (indicator;gebied;periode;waarde of een CBS StatLine-bestand)")
            }
        }
        if !pending.isEmpty { try pending.withUnsafeBufferPointer { try emit($0) } }
        return windows1252Lines
    }

    /// Splits a line into `scratch` (quotes removed) and the trimmed range of every cell, without
    /// making a string per cell: the rows of a large file are bound to SQLite as bytes.
    static func split(_ line: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ";"), into scratch: inout [UInt8], cells: inout [Range<Int>]) {
        scratch.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        var cellStart = 0
        var quoted = false
        var i = line.startIndex
        func finish() {
            var s = cellStart, e = scratch.count
            while s < e, scratch[s] == 0x20 || scratch[s] == 0x09 { s += 1 }
            while e > s, scratch[e - 1] == 0x20 || scratch[e - 1] == 0x09 { e -= 1 }
            cells.append(s..<e)
            cellStart = scratch.count
        }
        while i < line.endIndex {
            let c = line[i]
            if c == UInt8(ascii: "\"") {
                if quoted, i + 1 < line.endIndex, line[i + 1] == UInt8(ascii: "\"") {
                    scratch.append(c)
                    i += 1
                } else {
                    quoted.toggle()
                }
            } else if c == separator, !quoted {
                finish()
            } else {
                scratch.append(c)
            }
            i += 1
        }
        finish()
    }

}
