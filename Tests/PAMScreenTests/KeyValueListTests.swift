import PAMScreen
import PAMTestSupport
import Testing

@Suite struct KeyValueListTests {
    let items = [
        KeyValueItem.section("Account"),
        KeyValueItem("System", "db-prod-02.corp"),
        KeyValueItem("Account", "root"),
        KeyValueItem.masked("Password"),
        KeyValueItem("SSH key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG…", role: .secret),
        KeyValueItem.section("Lease"),
        KeyValueItem("Expires in", "4:59", role: .leaseExpiring),
        KeyValueItem("Status", "checked out", role: .ok),
    ]

    @Test func detailPaneAt50x8() {
        var grid = makeGrid(50, 8)
        KeyValueList(items: items).render(into: &grid, in: Rect(grid.size))
        assertSnapshot(grid, named: "key-values-50x8")
    }

    @Test func narrowScrolled() {
        var grid = makeGrid(24, 4)
        KeyValueList(items: items, offset: 3).render(into: &grid, in: Rect(grid.size))
        assertSnapshot(grid, named: "key-values-narrow-24x4")
    }
}
