import Foundation

/// An automation task a PAM product can run on the operator's behalf.
public struct AutomationTask: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    public var deviceName: String?

    public init(id: String, name: String, description: String? = nil, deviceName: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.deviceName = deviceName
    }
}

/// One run of an automation task.
public struct TaskRun: Sendable, Equatable, Hashable, Identifiable {
    public enum State: String, Sendable, Equatable, Hashable {
        case queued, running, succeeded, failed, cancelled

        /// True once the run can no longer change.
        public var isFinal: Bool { self == .succeeded || self == .failed || self == .cancelled }
    }

    public var id: String
    public var taskID: String
    public var state: State
    public var startedAt: Date?
    public var finishedAt: Date?
    public var output: [String]

    public init(
        id: String, taskID: String, state: State, startedAt: Date? = nil, finishedAt: Date? = nil,
        output: [String] = []
    ) {
        self.id = id
        self.taskID = taskID
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.output = output
    }
}
