/// Word wrapping by terminal columns.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns at spaces; words longer than a line
    /// are cut. Existing newlines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = TextWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { result.append(line) }
                while wordWidth > width {
                    let (head, tail) = split(word, at: width)
                    result.append(head)
                    word = tail
                    wordWidth = TextWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            result.append(line)
        }
        return result
    }

    private static func split(_ word: String, at width: Int) -> (String, String) {
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let next = TextWidth.of(word[index])
            if used + next > width { break }
            used += next
            index = word.index(after: index)
        }
        // Always make progress, even when one character is wider than the line.
        if index == word.startIndex { index = word.index(after: index) }
        return (String(word[..<index]), String(word[index...]))
    }
}
