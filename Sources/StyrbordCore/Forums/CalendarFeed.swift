import Foundation

/// An iCalendar (RFC 5545) feed: a forum's meetings, or a person's meetings and deadlines, for any
/// calendar program to subscribe to. Times are written in UTC, so the feed needs no time-zone
/// definitions and every program shows them in its own zone.
public struct CalendarFeed: Sendable, Hashable {
    public struct Event: Sendable, Hashable {
        /// Stable across renderings, so that a subscribed calendar updates the event instead of adding one.
        public var uid: String
        public var summary: String
        public var start: Date
        public var end: Date
        /// A whole-day event (a deadline): `start`'s calendar day in Stockholm; `end` is ignored.
        public var isAllDay: Bool
        public var location: String
        public var description: String
        public var url: String?
        /// Bumped when the event changes, so that programs take the new version.
        public var sequence: Int
        public var isCancelled: Bool

        public init(
            uid: String, summary: String, start: Date, end: Date, isAllDay: Bool = false, location: String = "",
            description: String = "", url: String? = nil, sequence: Int = 0, isCancelled: Bool = false
        ) {
            self.uid = uid
            self.summary = summary
            self.start = start
            self.end = end
            self.isAllDay = isAllDay
            self.location = location
            self.description = description
            self.url = url
            self.sequence = sequence
            self.isCancelled = isCancelled
        }
    }

    /// The calendar's name as programs show it (X-WR-CALNAME).
    public var name: String
    public var events: [Event]
    /// DTSTAMP of every event: when the feed was made.
    public var generatedAt: Date

    public init(name: String, events: [Event], generatedAt: Date) {
        self.name = name
        self.events = events
        self.generatedAt = generatedAt
    }

    /// The feed as text/calendar: CRLF line ends, lines folded at 75 octets.
    public var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Styrbord//Styrbord//SV", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
        ]
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + Self.escape(event.uid))
            lines.append("DTSTAMP:" + Self.utc(generatedAt))
            if event.isAllDay {
                let day = CalendarDay(event.start)  // the day in Sweden
                lines.append("DTSTART;VALUE=DATE:" + day.compact)
                lines.append("DTEND;VALUE=DATE:" + day.adding(days: 1).compact)
            } else {
                lines.append("DTSTART:" + Self.utc(event.start))
                lines.append("DTEND:" + Self.utc(max(event.end, event.start)))
            }
            lines.append("SUMMARY:" + Self.escape(event.summary))
            if !event.location.isEmpty { lines.append("LOCATION:" + Self.escape(event.location)) }
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            if let url = event.url { lines.append("URL:" + Self.escape(url)) }
            lines.append("SEQUENCE:\(event.sequence)")
            lines.append("STATUS:" + (event.isCancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11); other
    /// control characters have no place in a calendar and are dropped.
    static func escape(_ value: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var current = 0
        var limit = 75
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if current + size > limit {
                result += "\r\n "
                current = 0
                limit = 74  // the leading space counts
            }
            result.unicodeScalars.append(character)
            current += size
        }
        return result
    }

    static func utc(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

}

extension Calendar {
    fileprivate static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}

extension CalendarDay {
    /// 20261201, as iCalendar's DATE values are written.
    fileprivate var compact: String { iso.replacingOccurrences(of: "-", with: "") }
}
