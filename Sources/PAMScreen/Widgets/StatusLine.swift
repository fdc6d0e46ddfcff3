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

/// The bottom line: a message on the left, key hints on the right. The hints keep their room:
/// a long message is cut to what is left and ends with `(M: more)`, where the whole of it is.
public struct StatusLine: Sendable, Equatable {
    public var message: String
    /// `.flash` or `.flashError`.
    public var messageRole: StyleRole
    /// Most important first; dropped from the end only when they alone overflow.
    public var hints: [KeyHint]
    /// Where a cut message can be read in full, drawn `(M: more)` after it.
    public var more: KeyHint?
    public var glyphs: Glyphs

    /// Columns a message always keeps beside the hints.
    public static let minimumMessage = 24

    public init(
        message: String = "", messageRole: StyleRole = .flash, hints: [KeyHint] = [], more: KeyHint? = nil, glyphs: Glyphs = .unicode
    ) {
        self.glyphs = glyphs
        self.message = message
        self.messageRole = messageRole
        self.hints = hints
        self.more = more
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
        let reserved = message.isEmpty ? 0 : min(messageWidth, Self.minimumMessage) + 2
        let shown = fittingHints(in: inner - reserved)
        let hintsWidth = shown.isEmpty ? 0 : shown.reduce(0) { $0 + $1.width } + 2 * (shown.count - 1)
        var x = line.maxX - 1 - hintsWidth
        for (index, hint) in shown.enumerated() {
            if index > 0 { x += 2 }
            x += grid.put(hint.key, x: x, y: line.y, role: .statusKey)
            x += grid.put(":" + hint.label, x: x, y: line.y, role: .status)
        }
        let space = inner - hintsWidth - (shown.isEmpty ? 0 : 2)
        guard !message.isEmpty, space > 0 else { return }
        // `(M: more)` and the blank before it.
        let moreWidth = more.map { TextWidth.of($0.key) + TextWidth.of($0.label) + 5 } ?? 0
        guard messageWidth > space, let more, space >= moreWidth + Self.minimumMessage / 2 else {
            grid.put(message, x: line.x + 1, y: line.y, width: space, alignment: .left, role: messageRole, ellipsis: glyphs.ellipsis)
            return
        }
        let used = grid.put(message, x: line.x + 1, y: line.y, width: space - moreWidth, alignment: .left, role: messageRole, ellipsis: glyphs.ellipsis)
        var at = line.x + 1 + used + 1
        at += grid.put("(", x: at, y: line.y, role: .status)
        at += grid.put(more.key, x: at, y: line.y, role: .statusKey)
        grid.put(": \(more.label))", x: at, y: line.y, role: .status)
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
