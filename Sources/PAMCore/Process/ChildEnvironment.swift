#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The environment every child of `ChildProcess` gets: ours without the variables that hold
/// secrets. Withheld are the variables the loaded config names as secret sources (`*_env`,
/// registered with ``withhold(_:)`` as the config is read) and every `PAMTUI_` variable except
/// `PAMTUI_CONFIG`. Secret-source commands and clipboard helpers alike start this way.
public enum ChildEnvironment {
    /// Names that are not passed on, beside the `PAMTUI_` rule.
    private static let names = Locked<Set<String>>([])

    /// The one `PAMTUI_` variable children keep: where the config is.
    public static let kept: Set<String> = ["PAMTUI_CONFIG"]

    /// Keeps the variable `name` out of every child started from now on.
    public static func withhold(_ name: String) {
        guard !name.isEmpty else { return }
        _ = names.withLock { $0.insert(name) }
    }

    /// The names registered with ``withhold(_:)``.
    public static var withheldNames: Set<String> { names.withLock { $0 } }

    /// Whether a child is not given the variable `name`.
    public static func isWithheld(_ name: String) -> Bool {
        isWithheld(name, registered: withheldNames)
    }

    private static func isWithheld(_ name: String, registered: Set<String>) -> Bool {
        (name.hasPrefix("PAMTUI_") && !kept.contains(name)) || registered.contains(name)
    }

    /// `environment` without the withheld variables.
    public static func filtered(_ environment: [String: String]) -> [String: String] {
        let registered = withheldNames
        return environment.filter { name, _ in !isWithheld(name, registered: registered) }
    }

    /// `NAME=value` entries for `posix_spawn`, as C strings the caller frees: `environment`
    /// when given, else this process's own, read from `environ` so that the values of the
    /// withheld variables never become Swift strings.
    static func entries(_ environment: [String: String]?) -> [UnsafeMutablePointer<CChar>?] {
        if let environment {
            return filtered(environment).map { strdup("\($0.key)=\($0.value)") }
        }
        let registered = withheldNames
        var entries: [UnsafeMutablePointer<CChar>?] = []
        guard var cursor = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else { return entries }
        while let entry = cursor.pointee {
            defer { cursor += 1 }
            let nameLength = strchr(entry, Int32(UInt8(ascii: "="))).map { $0 - entry } ?? strlen(entry)
            let name = String(decoding: UnsafeRawBufferPointer(start: entry, count: nameLength), as: UTF8.self)
            if isWithheld(name, registered: registered) { continue }
            entries.append(strdup(entry))
        }
        return entries
    }
}
