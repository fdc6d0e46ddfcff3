import Foundation
import PAMCore

/// One error, warning or notice of the session, kept in full (the status line shows it cut).
public struct Message: Sendable, Equatable {
    public enum Level: String, Sendable, Equatable, CaseIterable { case error, warning, notice }

    public var at: Date
    public var level: Level
    /// What was being done: `check-out`, `list accounts`, `lease`.
    public var operation: String
    public var profile: String?
    /// The message without its profile and operation (they are shown beside it); sanitised.
    public var text: String

    public init(at: Date, level: Level, operation: String, profile: String? = nil, text: String) {
        self.at = at
        self.level = level
        self.operation = operation
        self.profile = profile
        self.text = text
    }

    /// `12:03:04  error  bt · check-out`: the heading line of the messages view.
    public var heading: String {
        let time = ISODateTime.format(at, zone: false).suffix(8)
        return "\(time)  \(level.rawValue)  " + ([profile, operation].compactMap { $0 }.joined(separator: " · "))
    }
}

/// The session's messages, oldest first, bounded so a long session cannot grow it forever.
public struct MessageLog: Sendable, Equatable {
    public private(set) var entries: [Message] = []
    public static let capacity = 1000

    public init() {}

    public var newestFirst: [Message] { entries.reversed() }
    public var newest: Message? { entries.last }

    mutating func append(_ message: Message) {
        entries.append(message)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
