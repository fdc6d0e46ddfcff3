import PAMCore
import Testing

/// `apply()` itself is checked on the real binary (`CLIHardeningTests`): the test runner stays dumpable.
@Suite struct ProcessHardeningTests {
    @Test func theStateCanBeQueried() {
        #expect(ProcessHardening.isDumpable != nil)
        #expect(ProcessHardening.coreLimit != nil)
    }
}
