/// The `?version=` a client asks for (`3.0` … `3.5`); absent means the 3.1 shapes.
struct APIVersion: Comparable, Sendable {
    var major: Int
    var minor: Int

    init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Reads `3.2`; anything unreadable falls back to 3.1, since the server ignores unknown values.
    init(query: String?) {
        let parts = (query ?? "").split(separator: ".").compactMap { Int($0) }
        if parts.count == 2 {
            self.init(parts[0], parts[1])
        } else {
            self.init(3, 1)
        }
    }

    static func < (lhs: APIVersion, rhs: APIVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
