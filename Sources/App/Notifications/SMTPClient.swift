import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import StyrbordCore

/// Where e-mail goes, from the environment: `STYRBORD_SMTP_HOST` (none: notices stay in the inbox),
/// `STYRBORD_SMTP_PORT` (default 25, 587 with STARTTLS, 465 with TLS), `STYRBORD_SMTP_FROM`,
/// `STYRBORD_SMTP_USERNAME` and `STYRBORD_SMTP_PASSWORD` (AUTH only when both are set), and
/// `STYRBORD_SMTP_TLS`: `none`, `starttls` or `tls`. `STYRBORD_PUBLIC_URL` makes the links absolute.
struct SMTPSettings: Sendable, Equatable {
    enum Security: String, Sendable, CaseIterable {
        case none, starttls, tls
    }

    var host: String
    var port: Int
    var from: MailMessage.Address
    var username: String?
    var password: String?
    var security: Security
    /// The address the mails' links start with, e.g. `https://styrbord.sjovik.se`.
    var publicURL: String
    /// How long to wait for the server's each reply.
    var timeout: TimeAmount = .seconds(30)

    enum SettingsError: Error, CustomStringConvertible {
        case invalid(variable: String, value: String, expected: String)

        var description: String {
            switch self {
            case .invalid(let variable, let value, let expected): "\(variable)=\"\(value)\": expected \(expected)"
            }
        }
    }

    /// Nil when no SMTP host is configured; an error for a value that can't be meant.
    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> SMTPSettings? {
        func value(_ key: String) -> String? {
            guard let v = env[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        guard let host = value("STYRBORD_SMTP_HOST") else { return nil }
        let tls = value("STYRBORD_SMTP_TLS") ?? "none"
        guard let security = Security(rawValue: tls.lowercased()) else {
            throw SettingsError.invalid(variable: "STYRBORD_SMTP_TLS", value: tls, expected: "none, starttls or tls")
        }
        var port = security == .tls ? 465 : security == .starttls ? 587 : 25
        if let raw = value("STYRBORD_SMTP_PORT") {
            guard let p = Int(raw), (1...65_535).contains(p) else {
                throw SettingsError.invalid(variable: "STYRBORD_SMTP_PORT", value: raw, expected: "a port 1–65535")
            }
            port = p
        }
        let fromRaw = value("STYRBORD_SMTP_FROM") ?? "styrbord@\(host)"
        guard let from = Self.address(fromRaw) else {
            throw SettingsError.invalid(
                variable: "STYRBORD_SMTP_FROM", value: fromRaw, expected: "an address, or Name <address>")
        }
        let user = value("STYRBORD_SMTP_USERNAME")
        let password = env["STYRBORD_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let publicURL = (value("STYRBORD_PUBLIC_URL") ?? "http://localhost:8080")
        return SMTPSettings(
            host: host, port: port, from: from, username: user, password: user == nil ? nil : password,
            security: security, publicURL: publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL)
    }

    /// `a@b.se` or `Styrbord <a@b.se>`.
    static func address(_ text: String) -> MailMessage.Address? {
        var name = ""
        var email = text
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            name = text[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { return nil }
        return MailMessage.Address(email: email, name: name)
    }

    /// The domain of the sender, for Message-ID and EHLO.
    var domain: String { from.email.split(separator: "@").last.map(String.init) ?? "styrbord.local" }
}

/// Sends one message; the SMTP client, or a fake in tests.
protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws
}

enum SMTPError: Error, CustomStringConvertible {
    case unexpectedReply(command: String, code: Int, text: String)
    case timeout(waitingFor: String)
    case connectionClosed
    case malformedReply(String)
    case startTLSNotOffered

    var description: String {
        switch self {
        case .unexpectedReply(let command, let code, let text): "\(command) answered \(code) \(text)"
        case .timeout(let what): "no reply to \(what) in time"
        case .connectionClosed: "the server closed the connection"
        case .malformedReply(let line): "not an SMTP reply: \(line.prefix(80))"
        case .startTLSNotOffered: "STYRBORD_SMTP_TLS=starttls, but the server does not offer STARTTLS"
        }
    }
}

/// An SMTP client (RFC 5321) on SwiftNIO: one connection per message; EHLO, STARTTLS when configured,
/// AUTH PLAIN (or LOGIN, when that is all the server offers) when credentials are configured, then
/// MAIL FROM, RCPT TO and DATA with dot-stuffing, and QUIT.
struct SMTPClient: MailTransport {
    let settings: SMTPSettings
    let group: any EventLoopGroup
    let logger: Logger

    func send(_ message: MailMessage) async throws {
        let collector = SMTPReplyCollector(timeout: settings.timeout)
        let implicitTLS = settings.security == .tls
        let host = settings.host
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture(withResultOf: {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(host: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(collector)
                })
            }
        let channel = try await bootstrap.connect(host: settings.host, port: settings.port).get()
        do {
            try await Conversation(channel: channel, collector: collector, settings: settings).run(message)
            try? await channel.close()
        } catch {
            try? await channel.close()
            throw error
        }
    }

    static func tlsHandler(host: String) throws -> NIOSSLClientHandler {
        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
        // Server Name Indication takes a name, never an address.
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }

    /// One message's exchange with the server.
    private struct Conversation {
        let channel: any Channel
        let collector: SMTPReplyCollector
        let settings: SMTPSettings

        func run(_ message: MailMessage) async throws {
            try await expect([220], after: "the greeting")
            var capabilities = try await command("EHLO \(settings.domain)", expect: [250]).lines
            if settings.security == .starttls {
                guard capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                    throw SMTPError.startTLSNotOffered
                }
                try await command("STARTTLS", expect: [220])
                let host = settings.host
                try await channel.eventLoop.submit { [channel] in
                    try channel.pipeline.syncOperations.addHandler(
                        try SMTPClient.tlsHandler(host: host), position: .first)
                }.get()
                capabilities = try await command("EHLO \(settings.domain)", expect: [250]).lines
            }
            if let user = settings.username, let password = settings.password {
                let auth = capabilities.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased() ?? ""
                let mechanisms = auth.split(separator: " ").dropFirst().map(String.init)
                if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
                    let token = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
                    try await command("AUTH PLAIN \(token)", expect: [235], shown: "AUTH PLAIN")
                } else {
                    try await command("AUTH LOGIN", expect: [334])
                    try await command(Data(user.utf8).base64EncodedString(), expect: [334], shown: "AUTH LOGIN user")
                    try await command(
                        Data(password.utf8).base64EncodedString(), expect: [235], shown: "AUTH LOGIN password")
                }
            }
            try await command("MAIL FROM:<\(message.from.email)>", expect: [250])
            try await command("RCPT TO:<\(message.to.email)>", expect: [250, 251])
            try await command("DATA", expect: [354])
            try await write(MailEncoding.dotStuffed(message.rendered) + ".\r\n")
            try await expect([250], after: "the message")
            // The message is accepted; a server that hangs up instead of answering QUIT changes nothing.
            _ = try? await command("QUIT", expect: [221])
        }

        @discardableResult
        func command(_ line: String, expect codes: Set<Int>, shown: String? = nil) async throws -> SMTPReply {
            try await write(line + "\r\n")
            return try await expect(codes, after: shown ?? line)
        }

        @discardableResult
        func expect(_ codes: Set<Int>, after what: String) async throws -> SMTPReply {
            let collector = self.collector
            let loop = channel.eventLoop
            let reply = try await loop.flatSubmit { collector.next(on: loop, waitingFor: what) }.get()
            guard codes.contains(reply.code) else {
                throw SMTPError.unexpectedReply(
                    command: what, code: reply.code, text: reply.lines.joined(separator: " "))
            }
            return reply
        }

        func write(_ text: String) async throws {
            try await channel.writeAndFlush(ByteBuffer(string: text))
        }
    }
}

/// One reply: its code and its lines' texts (a multi-line reply has several).
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]
}

/// Splits the server's bytes into replies: `250-…` lines continue, `250 …` ends one.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4_096 { throw SMTPError.malformedReply("a line longer than 4096 bytes") }
            return .needMoreData
        }
        let bytes = buffer.readBytes(length: newline - buffer.readerIndex + 1) ?? []
        var line = String(decoding: bytes, as: UTF8.self)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        guard line.utf8.count >= 3, let code = Int(line.prefix(3)), (200...599).contains(code) else {
            throw SMTPError.malformedReply(line)
        }
        let rest = line.dropFirst(3)
        lines.append(String(rest.dropFirst()))
        if rest.first == "-" { return .continue }
        context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: lines)))
        lines = []
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// Hands replies to the conversation one at a time. Its state is only touched on the channel's event loop
/// (handler callbacks, and `next` through `flatSubmit`), hence `@unchecked Sendable`.
final class SMTPReplyCollector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = SMTPReply

    private let timeout: TimeAmount
    private var replies: [SMTPReply] = []
    private var waiting: EventLoopPromise<SMTPReply>?
    private var failure: (any Error)?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if let promise = waiting {
            waiting = nil
            promise.succeed(reply)
        } else {
            replies.append(reply)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError.connectionClosed)
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        waiting?.fail(error)
        waiting = nil
    }

    /// The next reply, or the connection's failure, or a timeout. Call on the event loop.
    func next(on loop: any EventLoop, waitingFor what: String) -> EventLoopFuture<SMTPReply> {
        loop.preconditionInEventLoop()
        if !replies.isEmpty { return loop.makeSucceededFuture(replies.removeFirst()) }
        if let failure { return loop.makeFailedFuture(failure) }
        let promise = loop.makePromise(of: SMTPReply.self)
        waiting = promise
        let timer = loop.scheduleTask(in: timeout) { [self] in
            self.fail(SMTPError.timeout(waitingFor: what))
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise.futureResult
    }
}
