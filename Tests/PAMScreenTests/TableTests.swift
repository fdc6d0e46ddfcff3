import PAMScreen
import PAMTestSupport
import Testing

/// Records which rows a table asked for.
final class RowLog {
    var indexes: [Int] = []
}

@Suite struct TableTests {
    let columns = [
        TableColumn("SYSTEM", width: .flexible(weight: 2, min: 8)),
        TableColumn("ACCOUNT", width: .flexible(weight: 2, min: 6)),
        TableColumn("TYPE", width: .fit(min: 4, max: 10)),
        TableColumn("LEASE", width: .fixed(5), alignment: .right),
    ]

    var rows: [TableRow] {
        [
            TableRow(["db-prod-01.corp", "svc_backup", "Linux", ""]),
            TableRow(["db-prod-02.corp", "root", "Linux", "4:59"], role: .leaseExpiring),
            TableRow(["web-01", "administrator", "Windows", ""], matches: [0: [0..<3], 1: [0..<1, 5..<7]]),
            TableRow(["日本-server", "管理者", "Windows", "0:42"], cellRoles: [3: .leaseCritical]),
            TableRow(["fw-edge", "admin", "Cisco", ""], role: .muted),
        ]
    }

    @Test func accountsAt80Columns() {
        var grid = makeGrid(80, 8)
        let table = Table(columns: columns, rows: rows, selected: 1, focused: true)
        #expect(table.render(into: &grid, in: Rect(grid.size)) == 0)
        assertSnapshot(grid, named: "table-accounts-80x8")
    }

    @Test func narrowUnfocusedScrolledToTheSelection() {
        var grid = makeGrid(40, 4)
        let table = Table(columns: columns, rows: rows, selected: 4, offset: 0, focused: false)
        #expect(table.render(into: &grid, in: Rect(grid.size)) == 2)
        assertSnapshot(grid, named: "table-accounts-narrow-40x4")
    }

    @Test func matchesAreDrawnInTheMatchRole() {
        var grid = makeGrid(80, 8)
        Table(columns: columns, rows: rows, selected: 0).render(into: &grid, in: Rect(grid.size))
        let line = String(grid.styles.split(separator: "\n")[3])
        #expect(line.hasPrefix("MMM"))
        #expect(grid.text.split(separator: "\n")[3].hasPrefix("web-01"))
    }

    @Test func selectionHidesMatchesAndRowRoles() {
        var grid = makeGrid(80, 8)
        Table(columns: columns, rows: rows, selected: 2).render(into: &grid, in: Rect(grid.size))
        let line = String(grid.styles.split(separator: "\n")[3])
        #expect(line == String(repeating: "S", count: 80))
    }

    @Test func treeIndentsWithDisclosureMarkers() {
        let tree = [
            TableRow(["Production", "3"], disclosure: .expanded),
            TableRow(["Databases", "2"], indent: 1, disclosure: .expanded),
            TableRow(["db-prod-01", ""], indent: 2, disclosure: .leaf),
            TableRow(["db-prod-02", ""], indent: 2, disclosure: .leaf),
            TableRow(["Web", "9"], indent: 1, disclosure: .collapsed),
            TableRow(["Staging", "12"], disclosure: .collapsed),
        ]
        let treeColumns = [TableColumn("FOLDER"), TableColumn("ITEMS", width: .fit(min: 5), alignment: .right)]
        var grid = makeGrid(40, 7)
        Table(columns: treeColumns, rows: tree, selected: 2).render(into: &grid, in: Rect(grid.size))
        assertSnapshot(grid, named: "table-tree-40x7")
        var ascii = makeGrid(24, 7)
        Table(columns: treeColumns, rows: tree, selected: 4, glyphs: .ascii).render(into: &ascii, in: Rect(ascii.size))
        assertSnapshot(ascii, named: "table-tree-ascii-24x7")
    }

    @Test func emptyStatesAreCentred() {
        var loading = makeGrid(40, 5)
        Table(columns: columns, rows: [], message: .loading).render(into: &loading, in: Rect(loading.size))
        assertSnapshot(loading, named: "table-loading-40x5")
        var failed = makeGrid(40, 5)
        Table(columns: columns, rows: [], message: .error("server error 503: try again")).render(into: &failed, in: Rect(failed.size))
        assertSnapshot(failed, named: "table-error-40x5")
    }

    @Test func onlyVisibleRowsAreBuilt() {
        let log = RowLog()
        let table = Table(columns: columns, count: 100_000, selected: 99_999, offset: 0) { index in
            log.indexes.append(index)
            return TableRow(["system-\(index)", "account-\(index)", "Linux", ""])
        }
        var grid = makeGrid(60, 6)
        #expect(table.render(into: &grid, in: Rect(grid.size)) == 99_995)
        #expect(log.indexes == Array(99_995..<100_000))
        #expect(grid.text.split(separator: "\n").last?.hasPrefix("system-99999") == true)
    }

    @Test func headerCanBeHidden() {
        var grid = makeGrid(30, 2)
        Table(columns: [TableColumn("NAME")], count: 2, showsHeader: false) { TableRow(["row \($0)"]) }
            .render(into: &grid, in: Rect(grid.size))
        #expect(grid.text.split(separator: "\n").map { $0.trimmingSuffixSpaces() } == ["row 0", "row 1"])
    }
}

extension Substring {
    func trimmingSuffixSpaces() -> String {
        var text = String(self)
        while text.last == " " { text.removeLast() }
        return text
    }
}
