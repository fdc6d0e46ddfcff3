extension TextWidth {
    /// The longest prefix of `text` that fits in `columns`, ending with `ellipsis` when cut
    /// (`~` suits ASCII terminals); cut without a mark when even the mark does not fit.
    public static func truncate(_ text: String, to columns: Int, ellipsis: String) -> String {
        guard columns > 0 else { return "" }
        guard of(text) > columns else { return text }
        let markWidth = of(ellipsis)
        let room = markWidth <= columns ? columns - markWidth : columns
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > room { break }
            result.append(character)
            used += width
        }
        return markWidth <= columns ? result + ellipsis : result
    }
}
