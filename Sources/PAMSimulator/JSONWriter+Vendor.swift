import Foundation
import PAMCore

extension JSONWriter {
    /// A date as the vendors write it (`YYYY-MM-DDTHH:MM:SS`, UTC, no zone suffix), or null.
    mutating func field(_ name: StaticString, date: Date?) {
        field(name, date.map { ISODateTime.format($0, zone: false) })
    }
}
