import PAMScreen
import PAMTestSupport
import Testing

/// Widgets put together the way the app lays out its main screen, at a normal and a narrow size.
@Suite struct ScreenCompositionTests {
    func screen(_ size: Size, glyphs: Glyphs) -> CellGrid {
        var grid = CellGrid(size)
        let (body, statusRect) = Rect(size).splitBottom(1)
        let panes = body.columns(size.width >= 60 ? [3, 2] : [1, 1])
        let accounts = (0..<40).map { index in
            TableRow(
                ["db-\(index).corp", index % 3 == 0 ? "root" : "svc_\(index)", index == 2 ? "4:59" : ""],
                role: index == 2 ? .leaseExpiring : nil, matches: [0: [0..<2]]
            )
        }
        let tableRect = Frame(title: "Accounts", badge: "3/40", focused: true, glyphs: glyphs).render(into: &grid, in: panes[0])
        Table(
            columns: [
                TableColumn("SYSTEM", width: .flexible(min: 6)), TableColumn("ACCOUNT", width: .fit(min: 4, max: 12)),
                TableColumn("LEASE", width: .fixed(4), alignment: .right),
            ],
            rows: accounts, selected: 2, glyphs: glyphs
        ).render(into: &grid, in: tableRect)
        let detailRect = Frame(title: "db-2.corp", glyphs: glyphs).render(into: &grid, in: panes[1])
        let (listRect, barRect) = detailRect.splitBottom(1)
        KeyValueList(items: [
            KeyValueItem("Account", "svc_2"), KeyValueItem.masked("Password", glyphs: glyphs),
            KeyValueItem("Status", "checked out", role: .ok),
        ], glyphs: glyphs).render(into: &grid, in: listRect)
        Countdown.render(into: &grid, in: barRect, remaining: 299, total: 600, role: .leaseExpiring, glyphs: glyphs)
        StatusLine(message: "/db", hints: [KeyHint("?", "help"), KeyHint("c", "checkout"), KeyHint("q", "quit")], glyphs: glyphs)
            .render(into: &grid, in: statusRect)
        return grid
    }

    @Test func mainScreenAt80x24() {
        assertSnapshot(screen(Size(width: 80, height: 24), glyphs: .unicode), named: "screen-main-80x24")
    }

    @Test func mainScreenNarrowASCII() {
        assertSnapshot(screen(Size(width: 40, height: 12), glyphs: .ascii), named: "screen-main-ascii-40x12")
    }
}
