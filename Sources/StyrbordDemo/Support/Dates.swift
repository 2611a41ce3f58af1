import Foundation
import StyrbordCore

extension CalendarDay {
    /// The first day of the month `months` away from this day's month.
    func monthStart(_ months: Int) -> CalendarDay {
        let total = year * 12 + (month - 1) + months
        return CalendarDay(year: total / 12, month: total % 12 + 1, day: 1)!
    }
}
