#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Facts about the terminal, read once. The only place that decides about colour and width.
struct Terminal {
    enum ColorChoice: String, CaseIterable {
        case auto, altijd, nooit
    }

    static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns of the terminal on stdout, or 80 when it is not a terminal.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = variable("COLUMNS").flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }

    /// Rows of the terminal on stdout, or 24.
    static var height: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            return Int(size.ws_row)
        }
        return 24
    }

    /// One environment variable. (`ProcessInfo.environment` copies all of them into a dictionary,
    /// a measurable part of a short run such as `raadskompas -c 'toon wmo'`.)
    static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Colour only on a terminal, never with `NO_COLOR` or `TERM=dumb`, unless forced with `--kleur altijd`.
    static func useColor(_ choice: ColorChoice, isTTY: Bool) -> Bool {
        switch choice {
        case .altijd: return true
        case .nooit: return false
        case .auto:
            if let noColor = variable("NO_COLOR"), !noColor.isEmpty { return false }
            if variable("TERM") == "dumb" { return false }
            return isTTY
        }
    }
}

/// Writing to the standard streams without buffering surprises between them.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
