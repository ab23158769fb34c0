import Foundation

/// Shows long output through a pager (`$PAGER`, else `less`) when it does not fit the terminal.
/// Short output, output that is not going to a terminal, and `PAGER=cat` go straight to stdout.
enum Pager {
    static let lessCommand = "less -R -F -E -X -K"

    static func show(_ text: String) {
        guard Terminal.stdoutIsTTY, text.utf8.reduce(0, { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }) >= Terminal.height - 1,
              Terminal.variable("TERM") != "dumb" else {
            Output.out(text)
            return
        }
        let configured = Terminal.variable("PAGER")?.trimmingCharacters(in: .whitespaces)
        if configured == "" || configured == "cat" {
            Output.out(text)
            return
        }
        // -R keeps colours, -F quits at once when the text fits after all, -E quits at the end (so
        // the next command typed never lands in the pager), -X leaves it on screen, -K lets Ctrl-C
        // leave the pager.
        let command = configured ?? Pager.lessCommand
        if !page(text, through: command) {
            Output.out(text)
        }
    }

    /// Runs `command` through /bin/sh with the text on its stdin. The pager must stay in the
    /// shell's process group to read keys from the terminal, so it is spawned directly rather than
    /// through Foundation's `Process` (which gives the child a process group of its own).
    private static func page(_ text: String, through command: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var environment = ProcessInfo.processInfo.environment
        if environment["LESSCHARSET"] == nil { environment["LESSCHARSET"] = "utf-8" }
        // Keys typed into less by mistake never run a shell command or write a file (`!`, `s`, `v`).
        environment["LESSSECURE"] = "1"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let shellArguments = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = shellArguments.map { strdup($0) } + [nil]
        defer {
            envp.forEach { free($0) }
            argv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp) == 0
        close(fds[0])
        guard spawned else {
            close(fds[1])
            return false
        }
        // The reader may quit before the end (q in less): ignore SIGPIPE while writing.
        let previous = signal(SIGPIPE, SIG_IGN)
        // Ctrl-C is for the pager now; the shell must not treat it as an interrupt of its own.
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let data = Array(text.utf8)
        var written = 0
        while written < data.count {
            let n = data[written...].withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        signal(SIGINT, previousInterrupt)
        signal(SIGPIPE, previous)
        // 127: the shell could not find the pager; show the text ourselves.
        return !(status & 0x7f == 0 && (status >> 8) & 0xff == 127)
    }
}
