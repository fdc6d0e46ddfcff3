import Foundation

/// Finds the config file: `--config`, then `PAMTUI_CONFIG`, then the XDG location.
public enum ConfigLocation {
    /// The path to use, and whether the user named it explicitly.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, explicit: Bool) {
        if let flag, !flag.isEmpty { return (expand(flag), true) }
        if let env = environment["PAMTUI_CONFIG"], !env.isEmpty { return (expand(env), true) }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return ("\(base)/pamtui/config.toml", false)
    }

    /// The folder for the user's own themes.
    public static func userThemesDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return "\(base)/pamtui/themes"
    }

    private static func expand(_ path: String) -> String { (path as NSString).expandingTildeInPath }
}
