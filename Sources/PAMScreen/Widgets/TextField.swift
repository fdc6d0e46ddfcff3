import PAMCore

/// One line of editable text with readline keys: the filter, the palette, every dialog field.
/// A value type edited by `handle`, so the app's reducer stays pure; `TextFieldView` draws it.
/// A secret field (OTP, passphrase) holds its value as `SecretBytes`, never as a `String`.
public struct TextField: Sendable, Equatable {
    /// Shown muted while the field is empty (never under the cursor).
    public var placeholder: String
    public let isSecret: Bool
    /// Names the history Up/Down recall (`reason`, `filter`); nil for none, always nil when secret.
    public let historyKey: String?
    /// The cursor's character index, `0...count`.
    public private(set) var cursor = 0
    private var characters: [Character] = []
    /// A secret's UTF-8 and the byte length of each of its Unicode scalars (its "characters").
    private var secret: SecretBytes?
    private var scalarLengths: [Int] = []
    /// While Up/Down browse the history: the entry shown (0 = latest) and the text typed before.
    private var recall: Recall?

    private struct Recall: Sendable, Equatable {
        var index: Int
        var draft: [Character]
    }

    public init(_ text: String = "", placeholder: String = "", history: String? = nil) {
        self.placeholder = placeholder
        self.isSecret = false
        self.historyKey = history
        self.characters = Array(text)
        self.cursor = characters.count
    }

    private init(secretPlaceholder placeholder: String) {
        self.placeholder = placeholder
        self.isSecret = true
        self.historyKey = nil
        self.secret = SecretBytes()
    }

    /// An empty secret field: drawn as bullets, kept out of every history.
    public static func secret(placeholder: String = "") -> TextField { TextField(secretPlaceholder: placeholder) }

    /// A secret field holding `value` (copied), the cursor at its end.
    public static func secret(_ value: SecretBytes, placeholder: String = "") -> TextField {
        var field = TextField(secretPlaceholder: placeholder)
        value.withUnsafeBytes { field.replaceSecret(with: $0, cursorAtEnd: true) }
        return field
    }

    public var count: Int { isSecret ? scalarLengths.count : characters.count }
    public var isEmpty: Bool { count == 0 }

    /// The typed text. Empty for a secret field, whose value only `secretValue()` gives.
    public var text: String { isSecret ? "" : String(characters) }

    /// A copy of a secret field's bytes (the caller owns and wipes it); nil for a plain field.
    public func secretValue() -> SecretBytes? { secret?.copy() }

    /// The characters as drawn: the text, or one mask per secret character.
    public func displayed(mask: Character) -> [Character] {
        isSecret ? Array(repeating: mask, count: count) : characters
    }

    /// Replaces the text and puts the cursor at its end (ignored by a secret field).
    public mutating func setText(_ text: String) {
        guard !isSecret else { return }
        characters = Array(text)
        cursor = characters.count
        recall = nil
    }

    public static func == (lhs: TextField, rhs: TextField) -> Bool {
        guard lhs.placeholder == rhs.placeholder, lhs.isSecret == rhs.isSecret, lhs.historyKey == rhs.historyKey,
              lhs.cursor == rhs.cursor, lhs.characters == rhs.characters, lhs.recall == rhs.recall,
              lhs.scalarLengths == rhs.scalarLengths
        else { return false }
        guard let left = lhs.secret, let right = rhs.secret else { return lhs.secret == nil && rhs.secret == nil }
        return left === right || left.withUnsafeBytes { a in right.withUnsafeBytes { b in a.elementsEqual(b) } }
    }

    /// What a key did to the field.
    public enum Edit: Sendable, Equatable {
        /// The text changed.
        case changed
        /// Only the cursor moved.
        case moved
        /// Not a key for text editing (Enter, Tab, Esc, F-keys): the caller handles it.
        case ignored
    }

    /// Applies one readline key. `history` lists earlier values, most recent first, for Up/Down.
    @discardableResult
    public mutating func handle(_ key: KeyEvent, history: [String] = []) -> Edit {
        switch key {
        case .character(let character):
            guard !character.isNewline else { return .ignored }
            insert(character)
        case .backspace, .control("h"):
            guard cursor > 0 else { return .moved }
            remove(cursor - 1..<cursor)
        case .delete, .control("d"):
            guard cursor < count else { return .moved }
            remove(cursor..<cursor + 1)
        case .left, .control("b"): return move(to: cursor - 1)
        case .right, .control("f"): return move(to: cursor + 1)
        case .home, .control("a"): return move(to: 0)
        case .end, .control("e"): return move(to: count)
        case .alt("b"): return move(to: wordStart(before: cursor))
        case .alt("f"): return move(to: wordEnd(after: cursor))
        case .alt("d"): remove(cursor..<wordEnd(after: cursor))
        case .control("u"): remove(0..<cursor)
        case .control("k"): remove(cursor..<count)
        case .control("w"): remove(spaceWordStart(before: cursor)..<cursor)
        case .up, .down:
            guard historyKey != nil, !history.isEmpty else { return .ignored }
            return browse(history, older: key == .up)
        default:
            return .ignored
        }
        recall = nil
        return .changed
    }

    /// Puts the cursor at `position`, clamped to the text.
    public mutating func moveCursor(to position: Int) { _ = move(to: position) }

    // MARK: Editing

    private mutating func move(to position: Int) -> Edit {
        cursor = min(max(0, position), count)
        return .moved
    }

    private mutating func insert(_ character: Character) {
        guard isSecret else {
            characters.insert(character, at: cursor)
            cursor += 1
            return
        }
        var offset = byteOffset(cursor)
        for scalar in character.unicodeScalars {
            var bytes: [UInt8] = []
            UTF8.encode(scalar) { bytes.append($0) }
            editSecret { old, new in
                new.append(UnsafeRawBufferPointer(rebasing: old[..<offset]))
                bytes.withUnsafeBytes { new.append($0) }
                new.append(UnsafeRawBufferPointer(rebasing: old[offset...]))
            }
            scalarLengths.insert(bytes.count, at: cursor)
            cursor += 1
            offset += bytes.count
            SecretBytes.wipe(&bytes)
        }
    }

    private mutating func remove(_ range: Range<Int>) {
        let range = max(0, range.lowerBound)..<min(count, range.upperBound)
        guard !range.isEmpty else { return }
        if isSecret {
            let start = byteOffset(range.lowerBound)
            let end = byteOffset(range.upperBound)
            editSecret { old, new in
                new.append(UnsafeRawBufferPointer(rebasing: old[..<start]))
                new.append(UnsafeRawBufferPointer(rebasing: old[end...]))
            }
            scalarLengths.removeSubrange(range)
        } else {
            characters.removeSubrange(range)
        }
        if cursor > range.upperBound { cursor -= range.count } else if cursor > range.lowerBound { cursor = range.lowerBound }
    }

    /// Builds the edited secret in a new buffer (the old one is wiped when released), so copies
    /// of the state never share bytes that change under them.
    private mutating func editSecret(_ build: (UnsafeRawBufferPointer, SecretBytes) -> Void) {
        let old = secret ?? SecretBytes()
        let new = SecretBytes(capacity: old.count + 8)
        old.withUnsafeBytes { build($0, new) }
        secret = new
    }

    private mutating func replaceSecret(with bytes: UnsafeRawBufferPointer, cursorAtEnd: Bool) {
        secret = SecretBytes(copying: bytes)
        // A scalar starts at every byte that is not a continuation byte (10xxxxxx).
        scalarLengths = []
        for byte in bytes {
            if byte & 0xC0 == 0x80, !scalarLengths.isEmpty { scalarLengths[scalarLengths.count - 1] += 1 } else { scalarLengths.append(1) }
        }
        cursor = cursorAtEnd ? scalarLengths.count : 0
    }

    private func byteOffset(_ position: Int) -> Int { scalarLengths[..<position].reduce(0, +) }

    // MARK: Words

    /// Letters and digits make words for Alt-B/F; a secret is one word (its shape stays hidden).
    private func isWord(_ index: Int) -> Bool {
        isSecret || characters[index].isLetter || characters[index].isNumber
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !isWord(index - 1) { index -= 1 }
        while index > 0, isWord(index - 1) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < count, !isWord(index) { index += 1 }
        while index < count, isWord(index) { index += 1 }
        return index
    }

    /// Ctrl-W deletes back to the previous whitespace, as readline's unix-word-rubout does.
    private func spaceWordStart(before position: Int) -> Int {
        guard !isSecret else { return 0 }
        var index = position
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    // MARK: History

    private mutating func browse(_ history: [String], older: Bool) -> Edit {
        let index = (recall?.index ?? -1) + (older ? 1 : -1)
        if index < 0 {
            guard let draft = recall?.draft else { return .moved }
            characters = draft
            recall = nil
        } else {
            let shown = min(index, history.count - 1)
            if recall == nil { recall = Recall(index: shown, draft: characters) } else { recall?.index = shown }
            characters = Array(history[shown])
        }
        cursor = characters.count
        return .changed
    }
}

/// `"theme "` where a field is expected: a plain field holding it, cursor at the end.
extension TextField: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
