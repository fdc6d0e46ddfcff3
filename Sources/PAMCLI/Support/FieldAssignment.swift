import Foundation
import PAMCore

/// One `--field` of `secret create|update`: `slug=value` for a plain value, `slug=-` for a
/// value read from stdin, `slug@FILE` for one read from a file; or one `--field-command
/// slug=COMMAND`, whose output is the value (as a profile's `password_command`). A secret
/// field's value never comes from the command line (argv is visible to other users).
struct FieldAssignment {
    enum Source: Equatable {
        case inline(String)
        case stdin
        case file(String)
        case command(String)
    }

    var slug: String
    var source: Source

    init(parsing text: String) throws {
        let equals = text.firstIndex(of: "="), at = text.firstIndex(of: "@")
        if let at, equals.map({ at < $0 }) ?? true {
            slug = String(text[..<at])
            source = .file(String(text[text.index(after: at)...]))
        } else if let equals {
            slug = String(text[..<equals])
            let value = String(text[text.index(after: equals)...])
            source = value == "-" ? .stdin : .inline(value)
        } else {
            throw PAMError(.usage, "--field \(text): expected SLUG=VALUE, SLUG=- (stdin) or SLUG@FILE")
        }
        guard !slug.isEmpty else { throw PAMError(.usage, "--field \(text): the field's slug is missing") }
    }

    /// `--field-command SLUG=COMMAND`.
    init(command text: String) throws {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
            throw PAMError(.usage, "--field-command \(text): expected SLUG=COMMAND, for example password='pass show db/admin'")
        }
        slug = String(text[..<equals])
        source = .command(String(text[text.index(after: equals)...]))
    }

    /// The `--field` and `--field-command` options as assignments.
    static func parse(_ texts: [String], commands: [String]) throws -> [FieldAssignment] {
        try texts.map(FieldAssignment.init(parsing:)) + commands.map(FieldAssignment.init(command:))
    }

    /// The values by slug, checked against `fields` (secret ones must not be inline); stdin is
    /// read once, for at most one field, without its final newline.
    static func resolve(_ texts: [String], commands: [String] = [], fields: [SecretField]) throws -> [String: SecretBytes] {
        let assignments = try parse(texts, commands: commands)
        if assignments.filter({ $0.source == .stdin }).count > 1 {
            throw PAMError(.usage, "only one --field can be read from stdin (SLUG=-)")
        }
        var values: [String: SecretBytes] = [:]
        do {
            for assignment in assignments {
                let field = assignment.field(in: fields)
                let slug = field?.slug ?? assignment.slug
                guard values[slug] == nil else { throw PAMError(.usage, "--field \(slug) is given twice") }
                switch assignment.source {
                case .inline(let value):
                    if field?.isSecret ?? true {
                        throw PAMError(.usage, "--field \(slug) is secret: give it as \(slug)=- (stdin) or \(slug)@FILE, never on the command line")
                    }
                    values[slug] = SecretBytes(utf8: value)
                case .stdin:
                    values[slug] = try SecretFile.read("/dev/stdin").trimmingFinalNewline()
                case .file(let path):
                    let read = try SecretFile.read(path)
                    values[slug] = field?.kind.isFileLike == true ? read : read.trimmingFinalNewline()
                case .command(let command):
                    let outcome = try ChildProcess.shell(command)
                    guard outcome.status == 0 else {
                        outcome.output.wipe()
                        throw PAMError(.usage, "--field-command \(slug): the command exited with status \(outcome.status)")
                    }
                    let value = outcome.output.trimmingFinalNewline()
                    guard !value.isEmpty else { throw PAMError(.usage, "--field-command \(slug): the command printed nothing") }
                    values[slug] = value
                }
            }
        } catch {
            values.values.forEach { $0.wipe() }
            throw error
        }
        return values
    }

    /// The file name each `slug@FILE` gives its file field: the file's own name.
    static func fileNames(_ texts: [String], fields: [SecretField]) throws -> [String: String] {
        var names: [String: String] = [:]
        for assignment in try parse(texts, commands: []) {
            guard case .file(let path) = assignment.source, let field = assignment.field(in: fields), field.kind.isFileLike else { continue }
            names[field.slug] = (path as NSString).lastPathComponent
        }
        return names
    }

    /// The field this assignment names: by slug, else by kind (`password` for `password-1`).
    private func field(in fields: [SecretField]) -> SecretField? {
        fields.first { $0.slug == slug } ?? fields.field(named: slug)
    }
}

extension SecretBytes {
    /// The bytes without one final `\n` (or `\r\n`), as a line typed or echoed ends; wipes self.
    func trimmingFinalNewline() -> SecretBytes {
        var end = count
        withUnsafeBytes { bytes in
            if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        guard end < count else { return self }
        let trimmed = SecretBytes(capacity: end)
        withUnsafeBytes { trimmed.append(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
        wipe()
        return trimmed
    }
}
