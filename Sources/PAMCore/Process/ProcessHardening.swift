#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the secrets in this process's memory from leaving it through a core dump or a
/// same-user debugger: `PR_SET_DUMPABLE` 0 (no core file, not even one piped to a crash
/// collector; no ptrace attach without CAP_SYS_PTRACE; /proc/PID files owned by root) and a core
/// size limit of 0. `PamtuiMain` applies it before anything else.
///
/// SIGQUIT also goes back to its default action (end the process; no core, as it is
/// undumpable). The Swift runtime's backtracer takes SIGQUIT to print every register together
/// with the 16 bytes of memory each one points at, and then lets the process run on: a secret
/// being written would be printed to stderr by anyone who can send the process a signal.
public enum ProcessHardening {
    /// Makes the process undumpable, sets `RLIMIT_CORE` to 0 (soft and hard) and SIGQUIT to its
    /// default action. True when the first two took effect.
    @discardableResult
    public static func apply() -> Bool {
        signal(SIGQUIT, SIG_DFL)
        var limit = rlimit(rlim_cur: 0, rlim_max: 0)
        let coreLimited = setrlimit(coreResource, &limit) == 0
        #if os(Linux)
        let undumpable = prctl(Self.setDumpable, 0) == 0
        #else
        let undumpable = true
        #endif
        return coreLimited && undumpable
    }

    /// `prctl(PR_GET_DUMPABLE)`: false once ``apply()`` ran; nil when it cannot be asked.
    public static var isDumpable: Bool? {
        #if os(Linux)
        let value = prctl(getDumpable, 0)
        return value < 0 ? nil : value != 0
        #else
        return nil
        #endif
    }

    /// The soft `RLIMIT_CORE` in bytes (`UInt64.max` for unlimited); nil when it cannot be read.
    public static var coreLimit: UInt64? {
        var limit = rlimit()
        guard getrlimit(coreResource, &limit) == 0 else { return nil }
        return UInt64(limit.rlim_cur)
    }

    #if os(Linux)
    private static let coreResource = __rlimit_resource_t(RLIMIT_CORE.rawValue)
    // <linux/prctl.h>, which the Glibc module does not export.
    private static let getDumpable: Int32 = 3
    private static let setDumpable: Int32 = 4

    private typealias PrctlFunction = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    /// glibc's `prctl` is variadic, which Swift does not import; it is called through its
    /// address with the four further arguments the kernel reads (all zero but the first).
    private static func prctl(_ option: Int32, _ argument: UInt) -> Int32 {
        guard let symbol = dlsym(nil, "prctl") else { return -1 }
        let function = unsafeBitCast(symbol, to: PrctlFunction.self)
        return function(option, argument, 0, 0, 0)
    }
    #else
    private static let coreResource = RLIMIT_CORE
    #endif
}
