import Foundation

/// An automation task definition a PAM product can run on the operator's behalf (an Osirium
/// image). Starting it makes a `TaskRun`.
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
    public enum State: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Delayed: waits for `scheduledFor`.
        case scheduled
        case queued, running, succeeded, failed, cancelled
        case timedOut

        /// True once the run can no longer change.
        public var isFinal: Bool { [.succeeded, .failed, .cancelled, .timedOut].contains(self) }
    }

    public var id: String
    public var taskID: String
    public var state: State
    /// The vendor's own word for the state, kept because Osirium's list is open-ended.
    public var vendorState: String?
    /// When a delayed run will start.
    public var scheduledFor: Date?
    public var startedAt: Date?
    public var finishedAt: Date?
    public var exitCode: Int?
    public var output: [String]

    public init(
        id: String, taskID: String, state: State, vendorState: String? = nil, scheduledFor: Date? = nil,
        startedAt: Date? = nil, finishedAt: Date? = nil, exitCode: Int? = nil, output: [String] = []
    ) {
        self.id = id
        self.taskID = taskID
        self.state = state
        self.vendorState = vendorState
        self.scheduledFor = scheduledFor
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.exitCode = exitCode
        self.output = output
    }
}

/// What a finished run produced.
public struct TaskResult: Sendable {
    public var run: TaskRun
    /// The vendor's result document (JSON), which may hold secrets.
    public var document: SecretBytes?

    public init(run: TaskRun, document: SecretBytes?) {
        self.run = run
        self.document = document
    }
}
