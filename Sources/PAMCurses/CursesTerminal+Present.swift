import CNCurses
import Glibc
import PAMScreen

extension CursesTerminal {
    /// Draws `grid`, sending only the cells that changed since the last present; a resize or a
    /// new theme redraws everything. One `doupdate` per call.
    public func present(_ grid: CellGrid, theme: Theme) {
        guard !isShutDown, !isSuspended else { return }
        if lastTheme != theme {
            pairTable.forgetRoles()
            lastTheme = theme
            needsFullRedraw = true
        }
        let full = needsFullRedraw || lastGrid?.size != grid.size
        if full { werase(window) }
        let terminalSize = size
        for position in GridDiff.changedCells(from: full ? nil : lastGrid, to: grid)
        where position.x < terminalSize.width && position.y < terminalSize.height {
            draw(grid, at: position, theme: theme, columns: terminalSize.width)
        }
        lastGrid = grid
        needsFullRedraw = false
        wnoutrefresh(window)
        if options.synchronizedOutput {
            fflush(outputFile)
            Self.writeAll(outputDescriptor, Array("\u{1B}[?2026h".utf8))
        }
        doupdate()
        if options.synchronizedOutput {
            fflush(outputFile)
            Self.writeAll(outputDescriptor, Array("\u{1B}[?2026l".utf8))
        }
    }

    /// Draws everything again on the next present, repainting the whole terminal (after another
    /// program wrote over it).
    public func redrawAll() {
        guard !isShutDown else { return }
        needsFullRedraw = true
        clearok(window, true)
    }

    private func draw(_ grid: CellGrid, at position: CellPosition, theme: Theme, columns: Int) {
        let cell = grid[position.x, position.y]
        var text = cell.text
        if text.isEmpty {
            // The right half of a wide character is covered by its left half; a stray one is blank.
            let left = grid[position.x - 1, position.y]
            if isUTF8, position.x > 0, TextWidth.of(left.text) == 2 { return }
            text = isUTF8 ? " " : "?"
        } else if !isUTF8 {
            text = ASCIIFallback.map(text)
        } else if TextWidth.of(text) == 2, position.x == columns - 1 {
            text = " "
        }
        let (style, newPair) = pairTable.style(for: cell.role, theme: theme)
        if let newPair { init_extended_pair(newPair.number, newPair.spec.foreground, newPair.spec.background) }

        characterBuffer.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars.prefix(Int(CCHARW_MAX) - 1) {
            characterBuffer.append(wchar_t(bitPattern: scalar.value))
        }
        characterBuffer.append(0)
        var pair = style.pair
        var character = cchar_t()
        setcchar(&character, characterBuffer, attributes(of: style), 0, &pair)
        mvwadd_wch(window, Int32(position.y), Int32(position.x), &character)
    }

    private func attributes(of style: CellStyle) -> attr_t {
        var attributes = cn_a_normal()
        if style.bold { attributes |= cn_a_bold() }
        if style.dim { attributes |= cn_a_dim() }
        if style.reverse { attributes |= cn_a_reverse() }
        if style.underline { attributes |= cn_a_underline() }
        return attributes
    }
}
