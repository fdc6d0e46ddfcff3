import Foundation

/// The `XDG_STATE_HOME` of every pamtui the tests start, so their lease journals never land in
/// the user's own `~/.local/state`. One folder per test process; a test that reads its journal
/// passes a folder of its own.
public enum TestStateHome {
    public static let path: String = {
        let path = NSTemporaryDirectory() + "pamtui-test-state-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
}
