/// The screen shown instead of the app when the terminal is too small for it.
public enum MinimumSize {
    /// Whether `size` is at least `minimum` in both directions.
    public static func fits(_ size: Size, minimum: Size) -> Bool {
        size.width >= minimum.width && size.height >= minimum.height
    }

    /// nil when `size` fits `minimum`; otherwise a grid of `size` with a centred
    /// "terminal too small — need W×H" message, shortened to what fits.
    public static func screen(for size: Size, minimum: Size, role: StyleRole = .warn) -> CellGrid? {
        if fits(size, minimum: minimum) { return nil }
        var grid = CellGrid(size)
        let need = "\(minimum.width)×\(minimum.height)"
        let have = "\(size.width)×\(size.height)"
        let candidates: [[String]] = [
            ["terminal too small — need \(need)", "(now \(have))"],
            ["terminal too small — need \(need)"],
            ["terminal too small", "need \(need)"],
            ["too small", "need \(need)"],
            ["need \(need)"],
            [need],
        ]
        let lines = candidates.first { lines in
            lines.count <= size.height && lines.allSatisfy { TextWidth.of($0) <= size.width }
        } ?? [need]
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.width - TextWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + offset, role: role)
        }
        return grid
    }
}
