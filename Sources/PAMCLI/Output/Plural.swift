/// Counted nouns in messages: "1 lease", "2 leases".
enum Plural {
    static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
