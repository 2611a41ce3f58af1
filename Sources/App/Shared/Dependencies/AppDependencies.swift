import Foundation
import NIOConcurrencyHelpers
import StyrbordCore
import Vapor

/// The outside world the app reads: the clock and new ids. Production uses the real ones; tests pin
/// both so that histories, dates and snapshots are reproducible.
struct AppDependencies: Sendable {
    var now: @Sendable () -> Date
    var uuid: @Sendable () -> UUID

    static let live = AppDependencies(now: { Date() }, uuid: { UUID() })

    /// A clock that starts at `date` and moves one millisecond per reading (so events keep their
    /// order), and ids counting up from 00000000-0000-4000-8000-000000000001.
    static func pinned(at date: Date) -> AppDependencies {
        let counter = NIOLockedValueBox<UInt64>(0)
        let ticks = NIOLockedValueBox<Double>(0)
        return AppDependencies(
            now: {
                let n = ticks.withLockedValue { value -> Double in
                    value += 1
                    return value
                }
                return date.addingTimeInterval(n / 1000)
            },
            uuid: {
                let n = counter.withLockedValue { value -> UInt64 in
                    value += 1
                    return value
                }
                return UUID(uuidString: String(format: "00000000-0000-4000-8000-%012llx", n))!
            })
    }

    /// Today in Sweden.
    var today: CalendarDay { CalendarDay(now()) }
}

extension Application {
    private struct DependenciesKey: StorageKey { typealias Value = AppDependencies }

    var dependencies: AppDependencies {
        get { storage[DependenciesKey.self] ?? .live }
        set { storage[DependenciesKey.self] = newValue }
    }
}

extension Request {
    var dependencies: AppDependencies { application.dependencies }
}
