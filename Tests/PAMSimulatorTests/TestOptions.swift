import Foundation
import PAMSimulator

/// A fixed instant for manual clocks, so dates in answers are the same every run.
let testStart = Date(timeIntervalSince1970: 1_790_000_000)

/// Plain-HTTP Password Safe simulator options for tests.
func beyondTrustOptions(
    clock: ManualSimulatorClock = ManualSimulatorClock(testStart), seed: UInt64 = 1, scale: Int = 0,
    faults: FaultPlan = .none
) -> SimulatorOptions {
    var options = SimulatorOptions(vendors: [.beyondtrust])
    options.clock = clock
    options.seed = seed
    options.scale = scale
    options.faults = faults
    return options
}
