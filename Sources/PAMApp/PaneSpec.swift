import PAMCore
import PAMScreen

/// A pane described as data: what it needs, where it sits, its title, its rows, its detail
/// fields and what opening a row does. A new pane is one entry in `PaneCatalog` plus its
/// presentation, not edits to switches across the app.
struct PaneSpec: Sendable {
    /// Which column of the screen the pane takes.
    enum Slot: Sendable { case side, main, aside }

    var pane: Pane
    /// The capability a profile needs for the pane to appear; nil: always shown.
    var capability: Capabilities?
    var slot: Slot
    var title: @Sendable (AppState) -> String
    var rowCount: @Sendable (AppState) -> Int
    var rows: @Sendable (AppState, PaneCells) -> PaneView.Content
    var detail: @Sendable (DetailView, AppState, _ width: Int, _ secret: (String) -> String?) -> [KeyValueItem]
    /// Enter on the selected row.
    var open: @Sendable (inout AppState) -> [Effect]
}
