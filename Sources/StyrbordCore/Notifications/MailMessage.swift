import Foundation

/// An e-mail as Styrbord sends it (RFC 5322): a UTF-8 plain-text body, quoted-printable, and a subject
/// and display names as RFC 2047 encoded-words, so that å, ä and ö arrive intact through any relay.
/// Pure text in, text out: the SMTP client only adds the envelope and the dot-stuffing.
public struct MailMessage: Sendable, Hashable {
    public struct Address: Sendable, Hashable {
        public var email: String
        public var name: String

        public init(email: String, name: String = "") {
            self.email = email
            self.name = name
        }

        /// `Name <email>`, the name encoded when it is not plain ASCII.
        public var header: String {
            let bare = name.filter { $0 != "\r" && $0 != "\n" }
            guard !bare.isEmpty else { return "<\(email)>" }
            return "\(MailEncoding.phrase(bare)) <\(email)>"
        }
    }

    public var from: Address
    public var to: Address
    public var subject: String
    public var body: String
    /// Without the angle brackets: `notice-…@host`.
    public var messageID: String
    public var date: Date

    public init(from: Address, to: Address, subject: String, body: String, messageID: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// The message as it goes after DATA: header lines, an empty line, the encoded body; CRLF line ends.
    /// Not yet dot-stuffed (see `MailEncoding.dotStuffed`).
    public var rendered: String {
        let headers = [
            "From: " + from.header,
            "To: " + to.header,
            MailEncoding.header("Subject", MailEncoding.encodedWords(subject)),
            "Date: " + MailEncoding.date(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + MailEncoding.quotedPrintable(body) + "\r\n"
    }
}

/// The encodings an e-mail needs, each small enough to check by hand.
public enum MailEncoding {
    /// RFC 2047 B-encoded words for a header value: plain ASCII without specials stays as it is; anything
    /// else becomes `=?UTF-8?B?…?=` words of at most 75 characters, split between characters (never
    /// inside one), separated by a folding space.
    public static func encodedWords(_ text: String) -> String {
        let clean = text.map { $0 == "\r" || $0 == "\n" || $0 == "\t" ? " " : String($0) }.joined()
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !clean.contains("=?") {
            return clean
        }
        // 45 bytes of UTF-8 make 60 base64 characters; with `=?UTF-8?B?` and `?=` a word is 72 long.
        var words: [String] = []
        var chunk = Data()
        for character in clean {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45 && !chunk.isEmpty {
                words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// A display name: as it is when it is plain letters, digits and spaces, otherwise encoded.
    static func phrase(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy {
            ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x41 && $0.value <= 0x5A)
                || ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == " " || $0 == "-" || $0 == "."
        }
        if plain { return name }
        let words = encodedWords(name)
        // Plain ASCII with specials such as a comma: a quoted string.
        if !words.hasPrefix("=?") {
            return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        return words
    }

    static func header(_ name: String, _ value: String) -> String { "\(name): \(value)" }

    /// Quoted-printable (RFC 2045 6.7) of UTF-8 text: line breaks become CRLF, lines are at most 76
    /// characters with soft breaks (`=` at the end), and a space or tab ending a line is encoded.
    public static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var out: [String] = []
            var current = ""
            let bytes = Array(line.utf8)
            for (i, byte) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                var token: String
                switch byte {
                case 0x20, 0x09:
                    token = isLast ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
                case 0x21...0x3C, 0x3E...0x7E:
                    token = String(UnicodeScalar(byte))
                default:
                    token = String(format: "=%02X", byte)
                }
                // Room for the token and, unless this is the line's end, a soft break's `=`.
                if current.count + token.count > (isLast ? 76 : 75) {
                    out.append(current + "=")
                    current = ""
                }
                current += token
            }
            out.append(current)
            return out.joined(separator: "\r\n")
        }.joined(separator: "\r\n")
    }

    /// SMTP's transparency (RFC 5321 4.5.2): a line that starts with a dot gets a second one, so that no
    /// line of the message reads as the end of the data.
    public static func dotStuffed(_ data: String) -> String {
        data.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }

    /// RFC 5322 date-time in UTC: `Mon, 02 Mar 2026 09:00:00 +0000`.
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = String(format: "%02d", c.day ?? 1)
        let time = String(format: "%04d %02d:%02d:%02d", c.year ?? 1970, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        return "\(days[(c.weekday ?? 1) - 1]), \(day) \(months[(c.month ?? 1) - 1]) \(time) +0000"
    }
}

/// When an e-mail that failed is tried again, and when Styrbord gives up (the notice stays in the inbox).
public struct MailDeliveryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The wait after the first failure; doubled after each further one, up to `maxDelay`.
    public var firstDelay: TimeInterval
    public var maxDelay: TimeInterval
    /// A notice older than this when it would first be sent is not e-mailed at all (stale news, e.g.
    /// notices posted while no SMTP server was configured): it stays in the inbox only.
    public var maxAge: TimeInterval

    public init(
        maxAttempts: Int = 5, firstDelay: TimeInterval = 60, maxDelay: TimeInterval = 3600 * 6,
        maxAge: TimeInterval = 3 * 86_400
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.firstDelay = max(0, firstDelay)
        self.maxDelay = max(self.firstDelay, maxDelay)
        self.maxAge = maxAge
    }

    public static let standard = MailDeliveryPolicy()

    /// What to do after attempt number `attempts` (1 for the first) failed.
    public enum AfterFailure: Sendable, Hashable {
        case retry(after: TimeInterval)
        case giveUp
    }

    public func afterFailure(attempts: Int) -> AfterFailure {
        guard attempts < maxAttempts else { return .giveUp }
        let exponent = min(max(0, attempts - 1), 30)
        return .retry(after: min(maxDelay, firstDelay * pow(2, Double(exponent))))
    }

    /// Whether a notice created at `createdAt` is still worth e-mailing at `now`.
    public func isFresh(createdAt: Date, now: Date) -> Bool { now.timeIntervalSince(createdAt) <= maxAge }
}
