import Foundation
import Testing

@testable import StyrbordCore

@Suite("E-mail composition and delivery policy")
struct MailMessageTests {
    /// Decodes `=?UTF-8?B?…?=` words the way a mail program does.
    static func decodeWords(_ value: String) -> String {
        value.replacingOccurrences(of: "\r\n ", with: " ").split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let b64 = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(b64)) ?? Data(), as: UTF8.self)
        }.joined()
    }

    /// Decodes quoted-printable (soft breaks and `=XX`).
    static func decodeQP(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        let utf8 = Array(joined.utf8)
        var k = 0
        while k < utf8.count {
            if utf8[k] == UInt8(ascii: "="), k + 2 < utf8.count,
                let b = UInt8(String(decoding: utf8[(k + 1)...(k + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(b)
                k += 3
            } else {
                bytes.append(utf8[k])
                k += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test("A Swedish subject becomes RFC 2047 words of at most 75 characters that decode back whole")
    func subject() {
        let subject = "Påminnelse: Informationssäkerhetspolicyn för Sjövik ändrad – läs och bekräfta före årsskiftet"
        let encoded = MailEncoding.encodedWords(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        #expect(Self.decodeWords(encoded) == subject)
        #expect(MailEncoding.encodedWords("Plain ASCII") == "Plain ASCII")
        // A header can't be split by a line break in the text.
        #expect(!MailEncoding.encodedWords("Rad ett\r\nBcc: x@y.se").contains("\n"))
    }

    @Test("The body is quoted-printable UTF-8: lines of at most 76, trailing space encoded, decodes back")
    func body() {
        let body =
            "Hej Åsa!\nPlanen för ärendehanteringssystemet ska revideras senast 2026-03-31. "
            + String(
                repeating: "ö", count: 60) + " \n= lika med"
        let qp = MailEncoding.quotedPrintable(body)
        #expect(qp.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(qp.contains("Hej =C3=85sa!"))
        #expect(qp.contains("=20\r\n"))  // the space before a line end
        #expect(qp.contains("=3D lika med"))
        #expect(Self.decodeQP(qp) == body)
    }

    @Test("Lines starting with a dot are doubled so that none ends the DATA")
    func dotStuffing() {
        #expect(MailEncoding.dotStuffed(".\r\ntext\r\n..två\r\n. x") == "..\r\ntext\r\n...två\r\n.. x")
    }

    @Test("The message has the headers a mail program needs, in CRLF, with an RFC 5322 date")
    func message() {
        let message = MailMessage(
            from: .init(email: "styrbord@sjovik.se", name: "Styrbord"),
            to: .init(email: "asa.oberg@sjovik.se", name: "Åsa Öberg"), subject: "Ny notis: Avtal ändrat",
            body: "Läs mer.", messageID: "notice-1@sjovik.se", date: Date(timeIntervalSince1970: 1_772_442_000))
        let text = message.rendered
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headers.contains("From: Styrbord <styrbord@sjovik.se>"))
        #expect(headers.contains { $0.hasPrefix("To: =?UTF-8?B?") && $0.hasSuffix("<asa.oberg@sjovik.se>") })
        #expect(headers.contains("Date: Mon, 02 Mar 2026 09:00:00 +0000"))
        #expect(headers.contains("Message-ID: <notice-1@sjovik.se>"))
        #expect(headers.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(headers.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(text.hasSuffix("L=C3=A4s mer.\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("A failed e-mail is retried after a doubling wait and given up after the last attempt")
    func backoff() {
        let policy = MailDeliveryPolicy(maxAttempts: 4, firstDelay: 60, maxDelay: 200)
        #expect(policy.afterFailure(attempts: 1) == .retry(after: 60))
        #expect(policy.afterFailure(attempts: 2) == .retry(after: 120))
        #expect(policy.afterFailure(attempts: 3) == .retry(after: 200))
        #expect(policy.afterFailure(attempts: 4) == .giveUp)
        let now = Date(timeIntervalSince1970: 1_772_442_000)
        #expect(MailDeliveryPolicy.standard.isFresh(createdAt: now.addingTimeInterval(-86_400), now: now))
        #expect(!MailDeliveryPolicy.standard.isFresh(createdAt: now.addingTimeInterval(-4 * 86_400), now: now))
    }

    @Test("Deadlines are shown from a day on, by date, each uid once, as all-day events with their link")
    func deadlines() throws {
        let d = { (y: Int, m: Int, day: Int) in CalendarDay(year: y, month: m, day: day)! }
        let list = PersonalDeadline.window(
            [
                .init(uid: "b", date: d(2026, 5, 1), title: "B"), .init(uid: "a", date: d(2026, 4, 1), title: "A"),
                .init(uid: "old", date: d(2025, 1, 1), title: "Gammal"),
                .init(uid: "a", date: d(2026, 4, 1), title: "A"),
            ], from: d(2026, 1, 1))
        #expect(list.map(\.uid) == ["a", "b"])
        let event = PersonalDeadline(
            uid: "plan-1@styrbord", date: d(2026, 4, 1), title: "Revidera planen", link: "/t/sjovik/plans/1"
        ).event(baseURL: "https://styrbord.sjovik.se")
        #expect(event.isAllDay)
        #expect(event.url == "https://styrbord.sjovik.se/t/sjovik/plans/1")
        let text = CalendarFeed(name: "x", events: [event], generatedAt: Date()).text
        #expect(text.contains("DTSTART;VALUE=DATE:20260401\r\n"))
        #expect(text.contains("DTEND;VALUE=DATE:20260402\r\n"))
    }
}
