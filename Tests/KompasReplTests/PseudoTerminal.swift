import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a pseudo-terminal, as a person at a terminal would: it types bytes and reads
/// what appears. The program gets the terminal as its controlling terminal (through `setsid -c`),
/// so Ctrl-C sends it SIGINT exactly as in a real terminal.
final class PseudoTerminal {
    enum Failure: Error, CustomStringConvertible {
        case openpty
        case spawn(Int32)
        case timeout(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .openpty: "openpty failed"
            case .spawn(let code): "spawn failed: \(code)"
            case .timeout(let text, let screen): "timed out waiting for \(text.debugDescription); output so far:\n\(screen)"
            }
        }
    }

    private let master: Int32
    let pid: pid_t
    /// Everything the program wrote, raw.
    private(set) var output: [UInt8] = []

    init(_ executable: String, arguments: [String] = [], environment: [String: String], columns: UInt16 = 100, rows: UInt16 = 30) throws {
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure.openpty }
        self.master = master
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_adddup2(&actions, slave, fd)
        }
        posix_spawn_file_actions_addclose(&actions, master)
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/setsid", "-c", executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runner may block or ignore signals; the program starts as from a login shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/usr/bin/setsid", &actions, &attributes, argv, envp)
        close(slave)
        guard result == 0 else { throw Failure.spawn(result) }
        self.pid = pid
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Resizes the window, as dragging its corner does: the program gets SIGWINCH.
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// The output as text with terminal control sequences removed.
    var screen: String {
        PseudoTerminal.stripControlSequences(String(decoding: output, as: UTF8.self))
    }

    /// Reads until `text` has appeared `occurrences` times in the cleaned output.
    @discardableResult
    func waitFor(_ text: String, occurrences: Int = 1, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(milliseconds: 50)
            if screen.components(separatedBy: text).count - 1 >= occurrences { return screen }
        }
        throw Failure.timeout(waitingFor: text, screen: screen)
    }

    /// Waits until `text` appears somewhere after the last `marker`: for example the prompt after a
    /// command's output, which means the shell is reading again and typed keys will not be lost.
    @discardableResult
    func waitFor(_ text: String, after marker: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(milliseconds: 50)
            let current = screen
            if let range = current.range(of: marker, options: .backwards), current[range.upperBound...].contains(text) {
                // libedit prints the prompt a moment before it puts the terminal in raw mode; a key
                // typed in that instant (no person is that fast) would be read in the old mode.
                Thread.sleep(forTimeInterval: 0.2)
                return current
            }
        }
        throw Failure.timeout(waitingFor: "\(text) na \(marker)", screen: screen)
    }

    /// Waits for the program to exit and returns its exit status.
    func waitForExit(timeout: TimeInterval = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(milliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pump(milliseconds: 50)
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
            }
        }
        return nil
    }

    private func pump(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            output += buffer[0..<n]
        }
    }

    /// Removes ANSI escape sequences and carriage returns, and applies backspaces.
    static func stripControlSequences(_ text: String) -> String {
        var result: [Character] = []
        var iterator = Array(text)[...]
        while let c = iterator.popFirst() {
            switch c {
            case "\u{1B}":
                if iterator.first == "[" {
                    iterator = iterator.dropFirst()
                    while let next = iterator.popFirst(), !(next.isLetter || next == "~" || next == "@") {}
                } else {
                    _ = iterator.popFirst()
                }
            case "\r\n":
                // One Character in Swift: a line break.
                result.append("\n")
            case "\r", "\u{07}":
                continue
            case "\u{08}":
                if !result.isEmpty { result.removeLast() }
            default:
                result.append(c)
            }
        }
        return String(result)
    }
}
