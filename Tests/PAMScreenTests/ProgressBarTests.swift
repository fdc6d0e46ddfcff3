import PAMScreen
import PAMTestSupport
import Testing

@Suite struct ProgressBarTests {
    @Test func barText() {
        #expect(ProgressBar(fraction: 0.6).text(width: 10) == "██████░░░░")
        #expect(ProgressBar(fraction: 0.55).text(width: 10) == "█████▌░░░░")
        #expect(ProgressBar(fraction: 1.5).text(width: 4) == "████")
        #expect(ProgressBar(fraction: -1).text(width: 4) == "░░░░")
        #expect(ProgressBar(fraction: 0.5, glyphs: .ascii).text(width: 6) == "###...")
        #expect(ProgressBar(fraction: .nan).text(width: 2) == "░░")
    }

    @Test func countdownFormat() {
        #expect(Countdown.format(seconds: 299) == "4:59")
        #expect(Countdown.format(seconds: 5) == "0:05")
        #expect(Countdown.format(seconds: 3723) == "1:02:03")
        #expect(Countdown.format(seconds: -3) == "0:00")
    }

    @Test func countdownText() {
        #expect(Countdown.text(remaining: 180, total: 300, width: 15) == "██████░░░░ 3:00")
        #expect(Countdown.text(remaining: 180, total: 300, width: 6) == "3:00")
        #expect(Countdown.text(remaining: 10, total: 0, width: 9) == "░░░░ 0:10")
    }

    @Test func renderedCountdowns() {
        var grid = makeGrid(20, 3)
        Countdown.render(into: &grid, in: Rect(x: 0, y: 0, width: 20, height: 1), remaining: 299, total: 300, role: .ok)
        Countdown.render(into: &grid, in: Rect(x: 0, y: 1, width: 20, height: 1), remaining: 95, total: 300, role: .leaseExpiring)
        Countdown.render(into: &grid, in: Rect(x: 0, y: 2, width: 12, height: 1), remaining: 12, total: 300, role: .leaseCritical, glyphs: .ascii)
        assertSnapshot(grid, named: "countdown-20x3")
    }
}
