import Foundation

/// Where the user's database lives: `--db`, else `RAADSKOMPAS_DB`, else
/// `$XDG_DATA_HOME/raadskompas/raadskompas.sqlite`, else `~/.local/share/raadskompas/raadskompas.sqlite`.
public enum DatabaseLocation {
    public static let fileName = "raadskompas.sqlite"

    /// The path, and whether it is the default location (whose folder Raadskompas may create; a
    /// path the user names must be in an existing folder).
    public static func resolve(option: String?, environment: [String: String] = variables()) -> (path: String, isDefault: Bool)? {
        if let option, !option.isEmpty { return (option, false) }
        if let variable = environment["RAADSKOMPAS_DB"], !variable.isEmpty { return (variable, false) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data + "/raadskompas/" + fileName, true)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return (home + "/.local/share/raadskompas/" + fileName, true)
        }
        return nil
    }

    /// The three variables `resolve` reads, through `getenv`: `ProcessInfo.environment` copies the
    /// whole environment into a dictionary, a measurable part of a short run.
    public static func variables() -> [String: String] {
        var found: [String: String] = [:]
        for name in ["RAADSKOMPAS_DB", "XDG_DATA_HOME", "HOME"] {
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        return found
    }
}
