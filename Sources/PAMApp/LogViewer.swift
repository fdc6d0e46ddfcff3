/// A scrolling log overlay (the messages view, the audit log): a `/` filter, the first line or
/// row shown, and how far it is scrolled sideways.
public struct LogViewer: Sendable, Equatable {
    public var query = ""
    /// True while the filter is being typed.
    public var editing = false
    /// The first line shown (newest first: 0 is the newest).
    public var top = 0
    /// Columns scrolled to the right (the audit log's long paths).
    public var column = 0

    public init(query: String = "", editing: Bool = false, top: Int = 0, column: Int = 0) {
        self.query = query
        self.editing = editing
        self.top = top
        self.column = column
    }

    /// Columns one Left/Right press scrolls.
    static let columnStep = 8
}
