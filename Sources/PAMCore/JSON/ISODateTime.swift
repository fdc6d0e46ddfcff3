import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ISO-8601 date-times as vendor APIs send them, converted with `timegm`/`gmtime_r` rather than
/// `Calendar`, which was the slowest step of listing 100,000 accounts.
public enum ISODateTime {
    /// Parses `YYYY-MM-DDTHH:MM:SS` with an optional fraction and an optional `Z` or `±HH[:]MM`.
    /// A date without an offset is taken as UTC (docs/DECISIONS.md).
    public static func parse(_ text: String?) -> Date? {
        guard let text, text.utf8.count >= 19 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { parse(bytes: UnsafeRawBufferPointer($0)) }
            ?? parse(bytes: Array(text.utf8))
    }

    /// `YYYY-MM-DDTHH:MM:SS`, followed by `Z` when `zone` is true.
    public static func format(_ date: Date, zone: Bool = true) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        func append(_ value: Int32, digits: Int) {
            var divisor: Int32 = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        append(parts.tm_year + 1900, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        append(parts.tm_mon + 1, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        append(parts.tm_mday, digits: 2)
        bytes.append(UInt8(ascii: "T"))
        append(parts.tm_hour, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(parts.tm_min, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(parts.tm_sec, digits: 2)
        if zone { bytes.append(UInt8(ascii: "Z")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func parse<Bytes: RandomAccessCollection>(bytes: Bytes) -> Date? where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = bytes.startIndex
        func number(_ offsets: Range<Int>) -> Int? {
            var value = 0
            for offset in offsets {
                guard start + offset < bytes.endIndex else { return nil }
                let byte = bytes[start + offset]
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ offset: Int) -> UInt8? { start + offset < bytes.endIndex ? bytes[start + offset] : nil }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              byte(4) == UInt8(ascii: "-"), byte(7) == UInt8(ascii: "-"),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var offset = 19
        var fraction = 0.0
        if byte(offset) == UInt8(ascii: ".") {
            offset += 1
            var scale = 0.1
            while let digit = byte(offset), (48...57).contains(digit) {
                fraction += Double(digit - 48) * scale
                scale /= 10
                offset += 1
            }
        }
        var zoneSeconds = 0
        switch byte(offset) {
        case nil, UInt8(ascii: "Z"), UInt8(ascii: "z"):
            break
        case let sign? where sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"):
            guard let hours = number(offset + 1..<offset + 3) else { return nil }
            let minutesStart = byte(offset + 3) == UInt8(ascii: ":") ? offset + 4 : offset + 3
            let minutes = number(minutesStart..<minutesStart + 2) ?? 0
            zoneSeconds = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds - zoneSeconds) + fraction)
    }
}
