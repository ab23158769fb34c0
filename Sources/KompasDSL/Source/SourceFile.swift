import Synchronization

/// A source text as the lexer sees it: UTF-8 bytes with a table of line starts.
///
/// Positions are byte offsets; lines and columns are computed on demand (1-based, columns counted in
/// characters as the user sees them), so the hot path never pays for them.
public final class SourceFile: Sendable {
    public let name: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts. Line breaks are `\n`, `\r\n` and a lone `\r`.
    /// Built on first use: only diagnostics and locations need it, not parsing.
    public var lineStarts: [Int] {
        lineTable.withLock { table in
            if let table { return table }
            let built = SourceFile.lineStarts(of: bytes)
            table = built
            return built
        }
    }
    private let lineTable = Mutex<[Int]?>(nil)

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        // A UTF-8 byte order mark is accepted and ignored; positions after it stay exact because
        // we blank it out instead of shifting the text.
        var bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes[0] = 0x20; bytes[1] = 0x20; bytes[2] = 0x20
        }
        self.bytes = bytes
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts = [0]
            starts.reserveCapacity(buffer.count / 40 + 1)
            var i = 0
            let n = buffer.count
            while i < n {
                let b = buffer[i]
                if b <= 0x0D {
                    if b == 0x0A {
                        starts.append(i + 1)
                    } else if b == 0x0D {
                        if i + 1 < n, buffer[i + 1] == 0x0A { i += 1 }
                        starts.append(i + 1)
                    }
                }
                i += 1
            }
            return starts
        }
    }

    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The number of lines (a final line break starts an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line that holds `offset`.
    public func line(of offset: Int) -> Int {
        let starts = lineStarts
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Byte range of a 1-based line, without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        let starts = lineStarts
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(of: clamped)
        let start = lineStarts[line - 1]
        let column = String(decoding: bytes[start..<clamped], as: UTF8.self).count + 1
        return SourceLocation(line: line, column: column)
    }

    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// A byte range in a source file. Every token, node, value and diagnostic carries one.
public struct SourceSpan: Sendable {
    public let file: SourceFile
    public let start: Int
    public let end: Int

    public init(file: SourceFile, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    public var range: Range<Int> { start..<end }
    public var location: SourceLocation { file.location(of: start) }
    public var text: String { file.text(range) }

    /// The smallest span that covers both.
    public func to(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}
