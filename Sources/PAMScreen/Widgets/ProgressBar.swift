/// A horizontal bar such as `██████░░░░`; the caller picks the role (ok, warn, lease critical).
public struct ProgressBar: Sendable, Equatable {
    /// How full, from 0 to 1.
    public var fraction: Double
    public var glyphs: Glyphs

    public init(fraction: Double, glyphs: Glyphs = .unicode) {
        self.fraction = fraction.isNaN ? 0 : min(1, max(0, fraction))
        self.glyphs = glyphs
    }

    /// The filled part and the empty part, together `width` columns, with eighths where the glyph
    /// set has them.
    public func parts(width: Int) -> (filled: String, empty: String) {
        guard width > 0 else { return ("", "") }
        let steps = glyphs.barPartials.count + 1
        let total = Int((fraction * Double(width * steps)).rounded())
        let full = total / steps
        let remainder = total % steps
        var filled = String(repeating: glyphs.barFilled, count: full)
        if remainder > 0 { filled.append(glyphs.barPartials[remainder - 1]) }
        let emptyCount = width - full - (remainder > 0 ? 1 : 0)
        return (filled, String(repeating: glyphs.barEmpty, count: max(0, emptyCount)))
    }

    /// The bar as one string.
    public func text(width: Int) -> String {
        let (filled, empty) = parts(width: width)
        return filled + empty
    }

    /// Draws the bar on the first line of `rect`: filled cells in `role`, empty ones in `emptyRole`.
    public func render(into grid: inout CellGrid, in rect: Rect, role: StyleRole, emptyRole: StyleRole = .muted) {
        guard rect.height > 0 else { return }
        let (filled, empty) = parts(width: rect.width)
        let used = grid.put(filled, x: rect.x, y: rect.y, role: role, limit: rect.width)
        grid.put(empty, x: rect.x + used, y: rect.y, role: emptyRole, limit: rect.width - used)
    }
}

/// Time left, as text and as a bar: `██████░░░░ 4:59`.
public enum Countdown {
    /// `m:ss` below an hour, `h:mm:ss` above; negative times show `0:00`.
    public static func format(seconds: Int) -> String {
        let value = max(0, seconds)
        let hours = value / 3600, minutes = value / 60 % 60, secs = value % 60
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(value / 60):\(two(secs))"
    }

    /// A bar of the time left out of `total`, then the time, in `width` columns; just the time
    /// when there is no room for a bar of at least three cells.
    public static func text(remaining: Int, total: Int, width: Int, glyphs: Glyphs = .unicode) -> String {
        let time = format(seconds: remaining)
        let barWidth = width - TextWidth.of(time) - 1
        guard barWidth >= 3 else { return time }
        let fraction = total > 0 ? Double(max(0, remaining)) / Double(total) : 0
        return ProgressBar(fraction: fraction, glyphs: glyphs).text(width: barWidth) + " " + time
    }

    /// Draws the bar and time on the first line of `rect`, the bar in `role`, the time in `role` too.
    public static func render(
        into grid: inout CellGrid, in rect: Rect, remaining: Int, total: Int, role: StyleRole, glyphs: Glyphs = .unicode
    ) {
        guard rect.height > 0, rect.width > 0 else { return }
        let time = format(seconds: remaining)
        let timeWidth = TextWidth.of(time)
        let barWidth = rect.width - timeWidth - 1
        if barWidth >= 3 {
            let fraction = total > 0 ? Double(max(0, remaining)) / Double(total) : 0
            let bar = Rect(x: rect.x, y: rect.y, width: barWidth, height: 1)
            ProgressBar(fraction: fraction, glyphs: glyphs).render(into: &grid, in: bar, role: role)
            grid.put(time, x: rect.x + barWidth + 1, y: rect.y, role: role)
        } else {
            grid.put(time, x: rect.x, y: rect.y, width: rect.width, alignment: .left, role: role, ellipsis: glyphs.ellipsis)
        }
    }
}
