/// A key and what it does, as shown in the status line (`c:checkout`).
public struct KeyHint: Sendable, Equatable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }

    /// Columns of `key:label`.
    var width: Int { TextWidth.of(key) + 1 + TextWidth.of(label) }
}

/// The bottom line: a flash message on the left, key hints on the right. Hints are dropped from
/// the end when space runs out, but the message keeps at least half the line.
public struct StatusLine: Sendable, Equatable {
    public var message: String
    /// `.flash` or `.flashError`.
    public var messageRole: StyleRole
    /// Most important first.
    public var hints: [KeyHint]
    public var glyphs: Glyphs

    public init(message: String = "", messageRole: StyleRole = .flash, hints: [KeyHint] = [], glyphs: Glyphs = .unicode) {
        self.glyphs = glyphs
        self.message = message
        self.messageRole = messageRole
        self.hints = hints
    }

    /// Draws on the first line of `rect`.
    public func render(into grid: inout CellGrid, in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(line, with: Cell(" ", role: .status))
        // One blank column on each side.
        let inner = line.width - 2
        guard inner > 0 else { return }
        let messageWidth = TextWidth.of(message)
        let reserved = message.isEmpty ? 0 : min(messageWidth + 2, inner / 2)
        let shown = fittingHints(in: inner - reserved)
        let hintsWidth = shown.isEmpty ? 0 : shown.reduce(0) { $0 + $1.width } + 2 * (shown.count - 1)
        var x = line.maxX - 1 - hintsWidth
        for (index, hint) in shown.enumerated() {
            if index > 0 { x += 2 }
            x += grid.put(hint.key, x: x, y: line.y, role: .statusKey)
            x += grid.put(":" + hint.label, x: x, y: line.y, role: .status)
        }
        let messageSpace = inner - hintsWidth - (shown.isEmpty ? 0 : 2)
        if !message.isEmpty, messageSpace > 0 {
            grid.put(message, x: line.x + 1, y: line.y, width: messageSpace, alignment: .left, role: messageRole, ellipsis: glyphs.ellipsis)
        }
    }

    private func fittingHints(in width: Int) -> [KeyHint] {
        var used = 0
        var result: [KeyHint] = []
        for hint in hints {
            let needed = hint.width + (result.isEmpty ? 0 : 2)
            if used + needed > width { break }
            used += needed
            result.append(hint)
        }
        return result
    }
}
