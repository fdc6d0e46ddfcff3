import ArgumentParser
import Foundation
import PAMCore
import PAMModules

/// A short answer to a command line that does not parse: what is wrong (with "did you mean"
/// for an unknown command or option), one usage line, and which `--help` to read. The command
/// tree comes from ArgumentParser's own description of it, so it cannot drift from the parser.
enum UsageHint {
    /// The message for `error`, or nil to fall back to ArgumentParser's. `typed` is the command
    /// line as the user wrote it (vendor flags not yet rewritten).
    static func message(for error: any Error, typed: [String], vendorFlags: [String]) -> String? {
        guard let root = tree else { return nil }
        let problem = PamtuiCommand.message(for: error)
        let located = locate(typed, in: root, vendorFlags: vendorFlags)
        let node = located.path.last ?? root
        let name = (["pamtui"] + located.path.map(\.commandName)).joined(separator: " ")
        // Only where ArgumentParser refused the same word, so a misreading here cannot mislead.
        if let word = located.unknownCommand, problem.contains("'\(word)'") {
            let commands = node.visibleSubcommands
            let near = Suggestion.nearest(to: word, in: commands.flatMap { [$0.commandName] + ($0.aliases ?? []) }, limit: 1)
            if let first = near.first, let suggested = commands.first(where: { $0.commandName == first || $0.aliases?.contains(first) == true }) {
                return lines(
                    "unknown command '\(word)'; did you mean '\(first)'?",
                    usage(suggested, name: "\(name) \(suggested.commandName)"), "\(name) \(suggested.commandName)")
            }
            return lines("unknown command '\(word)'", usage(node, name: name), name)
        }
        // An unknown option is named even when ArgumentParser complained first about something
        // it swallowed (`show --profle x REF` reads x as the reference).
        if let option = located.unknownOption {
            let flags = node.longNames + (node.takesVendorOptions ? vendorFlags : [])
            let near = Suggestion.nearest(to: option, in: flags, limit: 1)
            let hint = near.first.map { "; did you mean '\($0)'?" } ?? ""
            return lines("unknown option '\(option)' for '\(name)'\(hint)", usage(node, name: name), name)
        }
        guard !problem.isEmpty else { return nil }
        return lines(problem.prefix(1).lowercased() + problem.dropFirst(), usage(node, name: name), name)
    }

    private static func lines(_ problem: String, _ usage: String, _ name: String) -> String {
        "pamtui: \(problem)\nUsage: \(usage)\nSee '\(name) --help'."
    }

    /// `pamtui checkout <reference> [<options>]`: the positionals by name, options summed up.
    private static func usage(_ node: Node, name: String) -> String {
        var words = [name]
        if !node.visibleSubcommands.isEmpty { words.append("<command>") }
        for argument in node.arguments ?? [] where argument.kind == "positional" && argument.shouldDisplay != false {
            let value = "<\(argument.valueName ?? "value")>"
            words.append(argument.isOptional == true ? "[\(value)]" : value)
        }
        if node.longNames.contains(where: { $0 != "--help" }) { words.append("[<options>]") }
        if !node.visibleSubcommands.isEmpty {
            words.append("(commands: \(node.visibleSubcommands.map(\.commandName).joined(separator: ", ")))")
        }
        return words.joined(separator: " ")
    }

    /// The subcommands named in `typed`, and the first word that is neither a known command, an
    /// option, an option's value nor a positional argument, or the first unknown option.
    static func locate(_ typed: [String], in root: Node, vendorFlags: [String]) -> (path: [Node], unknownCommand: String?, unknownOption: String?) {
        var path: [Node] = []
        var node = root
        var positionals = 0
        var index = typed.startIndex
        var unknownOption: String?
        while index < typed.endIndex {
            let word = typed[index]
            index += 1
            if word == "--" { break }
            if word.hasPrefix("-"), word.count > 1 {
                let flag = String(word.split(separator: "=", maxSplits: 1)[0])
                if let argument = node.argument(named: flag) {
                    if argument.kind == "option", !word.contains("=") { index += 1 }
                } else if node.takesVendorOptions, vendorFlags.contains(flag) {
                    if !word.contains("=") { index += 1 }
                } else if !builtIn.contains(flag), Double(word) == nil, unknownOption == nil {
                    unknownOption = flag
                }
                continue
            }
            if let next = node.visibleSubcommands.first(where: { $0.commandName == word || $0.aliases?.contains(word) == true })
                ?? node.subcommands?.first(where: { $0.commandName == word }), positionals == 0
            {
                path.append(next)
                node = next
                continue
            }
            positionals += 1
            let accepted = (node.arguments ?? []).filter { $0.kind == "positional" }
            if positionals > accepted.count, !(accepted.last?.isRepeating ?? false), !node.visibleSubcommands.isEmpty {
                return (path, word, nil)
            }
        }
        return (path, nil, unknownOption)
    }

    /// Names every command takes from ArgumentParser itself.
    private static let builtIn: Set<String> = ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"]

    /// The command tree, from ArgumentParser's JSON description (nil if it cannot be read).
    static let tree: Node? = {
        struct Tool: Decodable { var command: Node }
        return (try? JSONDecoder().decode(Tool.self, from: Data(PamtuiCommand._dumpHelp().utf8)))?.command
    }()

    /// One command as ArgumentParser describes it (`ToolInfoV0`, the fields used here).
    struct Node: Decodable {
        var commandName: String
        var aliases: [String]?
        var shouldDisplay: Bool?
        var subcommands: [Node]?
        var arguments: [Argument]?

        var visibleSubcommands: [Node] { (subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" } }

        var longNames: [String] {
            (arguments ?? []).filter { $0.shouldDisplay != false }.flatMap { $0.names ?? [] }.filter { $0.kind == "long" }.map { "--\($0.name)" }
        }

        /// Check-out commands take the vendors' flags too (rewritten to `--option` before parsing).
        var takesVendorOptions: Bool { longNames.contains("--option") }

        func argument(named flag: String) -> Argument? {
            (arguments ?? []).first { argument in
                (argument.names ?? []).contains { name in
                    switch name.kind {
                    case "long": flag == "--\(name.name)"
                    case "short": flag == "-\(name.name)"
                    default: flag == "-\(name.name)"
                    }
                }
            }
        }
    }

    struct Argument: Decodable {
        var kind: String
        var names: [Name]?
        var valueName: String?
        var shouldDisplay: Bool?
        var isOptional: Bool?
        var isRepeating: Bool?
    }

    struct Name: Decodable {
        var kind: String
        var name: String
    }
}
