/// Text from servers, configs and users made safe to print on a terminal: every scalar that a
/// terminal would act on or that reorders what is shown becomes a visible escape.
///
/// Escaped (``isControl(_:)``): C0 controls U+0000–U+001F, DEL U+007F, C1 controls
/// U+0080–U+009F, and the bidirectional embeddings and overrides U+202A–U+202E and isolates
/// U+2066–U+2069. The escapes:
///
/// | Scalar | Written as |
/// |---|---|
/// | ESC U+001B | `\e` |
/// | LF, CR, TAB | `\n`, `\r`, `\t` |
/// | other C0, DEL | `\xNN`, two lowercase hex digits (`\x07`, `\x7f`) |
/// | C1, bidi | `\uNNNN`, four uppercase hex digits (`\u009B`, `\u202E`) |
///
/// The backslash itself is left alone: the output is for people, not to be parsed back, and
/// sanitising twice changes nothing. JSON output does not come through here (`JSONWriter`
/// escapes the same scalars as `\uXXXX`), nor do secrets printed on purpose.
public enum TerminalText {
    /// Whether `scalar` is one that is escaped.
    @inlinable
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control escaped, line breaks included, so it stays on one line: for a
    /// single field (a table cell, a name in a message). Returns `text` itself, without
    /// allocating, when there is nothing to escape.
    public static func sanitized(_ text: String) -> String {
        sanitized(text, keepingLineBreaks: false)
    }

    /// `text` with every control escaped; with `keepingLineBreaks`, LF stays a line break (for
    /// messages composed over several lines; CR is still escaped).
    public static func sanitized(_ text: String, keepingLineBreaks: Bool) -> String {
        guard mayNeedEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        let escapes: (Unicode.Scalar) -> Bool = { scalar in
            isControl(scalar) && !(keepingLineBreaks && scalar == "\n")
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `text` holds any scalar that ``sanitized(_:)`` escapes.
    public static func containsControl(_ text: String) -> Bool {
        mayNeedEscaping(text, keepingLineBreaks: false) && text.unicodeScalars.contains(where: isControl)
    }

    /// The first escaped scalar of `text` in its escaped form (`\e`), for messages that refuse it.
    public static func firstControl(in text: String) -> String? {
        text.unicodeScalars.first(where: isControl).map(escape)
    }

    /// The visible form of one scalar (which need not be a control).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F: return "\\x" + hex(scalar.value, digits: 2, uppercase: false)
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\\u" + hex(scalar.value, digits: 4, uppercase: true)
        default: return String(scalar)
        }
    }

    /// Whether bytes may be written to a terminal as they are: valid UTF-8 without controls,
    /// except TAB, LF and CR directly before LF (an SSH key or a multi-line note). For secrets:
    /// the bytes are checked where they lie, never copied into a `String`.
    public static func isSafeToDisplay(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var carriageReturn = false
        while true {
            switch decoder.decode(&iterator) {
            case .emptyInput:
                return !carriageReturn
            case .error:
                return false
            case .scalarValue(let scalar):
                if carriageReturn && scalar != "\n" { return false }
                carriageReturn = scalar == "\r"
                if isControl(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r" { return false }
            }
        }
    }

    /// Whether a secret may be written to a terminal as it is (see the raw-bytes form).
    public static func isSafeToDisplay(_ secret: SecretBytes) -> Bool {
        secret.withUnsafeBytes { isSafeToDisplay($0) }
    }

    /// A cheap test on the UTF-8 bytes: false when no byte can start an escaped scalar (C0 and
    /// DEL are single bytes, C1 starts with 0xC2, the bidi controls with 0xE2).
    private static func mayNeedEscaping(_ text: String, keepingLineBreaks: Bool) -> Bool {
        let trigger: (UInt8) -> Bool = { byte in
            (byte < 0x20 && !(keepingLineBreaks && byte == 0x0A)) || byte == 0x7F || byte == 0xC2 || byte == 0xE2
        }
        if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: trigger) }) { return found }
        return text.utf8.contains(where: trigger)
    }

    private static func hex(_ value: UInt32, digits: Int, uppercase: Bool) -> String {
        let text = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
