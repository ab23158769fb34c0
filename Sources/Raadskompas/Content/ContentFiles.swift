import Foundation
import KompasDSL

/// Reading `.kompas` files from disk, with Dutch diagnostics for everything that can go wrong.
public enum ContentFiles {
    /// Files larger than this are refused: no content or script is anywhere near it.
    public static let maxFileSize = 64 * 1024 * 1024

    /// Reads one file.
    public static func read(_ path: String, layer: ContentSource.Layer = .extra) -> Result<ContentSource, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(problem(path, "bestand `\(path)` bestaat niet", hint: "controleer de naam en de map"))
        }
        if isDirectory.boolValue {
            return .failure(problem(path, "`\(path)` is een map, geen bestand", hint: "geef een .kompas-bestand, of gebruik `--content \(path)` voor een hele map"))
        }
        // A device or a pipe has no end to read up to (/dev/zero) or may never send one (a FIFO).
        guard isRegularFile(path) else {
            return .failure(problem(path, "`\(path)` is geen gewoon bestand", hint: "geef een .kompas-bestand; een apparaat of pijp kan Raadskompas niet lezen"))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxFileSize {
            return .failure(problem(path, "`\(path)` is te groot (\(size / 1_048_576) MB)", hint: "een .kompas-bestand is hoogstens \(maxFileSize / 1_048_576) MB"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(problem(path, "kan `\(path)` niet lezen", hint: "controleer of je leesrechten hebt"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return .success(ContentSource(name: path, bytes: [UInt8](data), layer: layer))
        } catch {
            return .failure(problem(path, "kan `\(path)` niet lezen", hint: "controleer of het een gewoon bestand is"))
        }
    }

    /// All `.kompas` files under a directory, sorted by path.
    public static func directory(_ path: String) -> Result<[ContentSource], Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(problem(path, "inhoudsmap `\(path)` bestaat niet", hint: "geef bij --content een map met .kompas-bestanden"))
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            return .failure(problem(path, "kan de map `\(path)` niet lezen", hint: "controleer of je leesrechten hebt"))
        }
        var paths: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix(".kompas") {
            paths.append((path as NSString).appendingPathComponent(relative))
        }
        var sources: [ContentSource] = []
        for file in paths.sorted() {
            switch read(file) {
            case .success(let source): sources.append(source)
            case .failure(let diagnostic): return .failure(diagnostic)
            }
        }
        return .success(sources)
    }

    /// Whether `path` is (or links to) a regular file, not a device, pipe or socket. Checked before
    /// opening: opening a FIFO waits for a writer.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    static func problem(_ path: String, _ summary: String, hint: String) -> Diagnostic {
        Diagnostic(.error, summary, hint: hint, at: nil, fileName: path)
    }
}
