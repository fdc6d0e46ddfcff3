import Foundation
import PAMCore

/// Dates the way Secret Server writes them: local-less ISO 8601 without an offset, with up to
/// seven fraction digits (.NET ticks), trailing zeros dropped; "never" is `0001-01-01T00:00:00`.
enum SecretServerDate {
    static let never = "0001-01-01T00:00:00"

    static func format(_ date: Date) -> String {
        let (whole, ticks) = split(date)
        var text = ISODateTime.format(whole, zone: false)
        if ticks > 0 {
            var digits = String(format: "%07d", ticks)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// Seven tick digits and a `Z`, as a fresh .NET `DateTime.UtcNow` prints.
    static func formatTicks(_ date: Date) -> String {
        let (whole, ticks) = split(date)
        return ISODateTime.format(whole, zone: false) + "." + String(format: "%07d", ticks) + "Z"
    }

    /// The whole second and the fraction in ticks. A `Date` near today holds about 0.2 µs, so the
    /// fraction is rounded to the microsecond: `.18` reads back as `.18`, not `.1799999`.
    private static func split(_ date: Date) -> (Date, Int) {
        var seconds = date.timeIntervalSince1970.rounded(.down)
        var microseconds = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded())
        if microseconds >= 1_000_000 {
            seconds += 1
            microseconds -= 1_000_000
        }
        return (Date(timeIntervalSince1970: seconds), microseconds * 10)
    }

    /// Reads `2021-05-18T06:57:38.433` (fraction and a `Z` optional) as UTC.
    static func parse(_ text: String) -> Date? {
        ISODateTime.parse(text)
    }
}
