import Foundation
import Testing

/// A real SMTP server for the tests: Tests/support/smtp_sink.py (Python's aiosmtpd) as a subprocess on a
/// free local port, saving every message it accepts, parsed by Python's own e-mail package.
final class SMTPSink: @unchecked Sendable {
    /// What the sink received and how Python's e-mail parser read it.
    struct Received: Decodable {
        var mailFrom: String
        var rcptTos: [String]
        var authenticated: Bool
        var from: String
        var to: String
        var subject: String
        var date: String
        var messageId: String
        var contentType: String
        var charset: String?
        var body: String
        var defects: [String]
    }

    let process: Process
    let directory: URL
    let port: Int

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("support/smtp_sink.py")

    /// Whether python3 with aiosmtpd is here (CI installs it; see .ci/run).
    static let isAvailable: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import aiosmtpd"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus == 0
        } catch { return false }
    }()

    static let unavailableReason: Comment =
        "needs python3 with aiosmtpd (pip install aiosmtpd); .ci/run installs it"

    private init(process: Process, directory: URL, port: Int) {
        self.process = process
        self.directory = directory
        self.port = port
    }

    static func start(user: String? = nil, password: String? = nil) async throws -> SMTPSink {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments =
            ["python3", script.path, "--dir", dir.path]
            + (user.map { ["--user", $0, "--password", password ?? ""] } ?? [])
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let ready = dir.appendingPathComponent("ready")
        for _ in 0..<200 {
            if let text = try? String(contentsOf: ready, encoding: .utf8), let port = Int(text) {
                return SMTPSink(process: p, directory: dir, port: port)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(p.processIdentifier, SIGKILL)
        throw SinkError.notReady
    }

    enum SinkError: Error { case notReady }

    /// While failing, the server answers every recipient 451 (try again later).
    func setFailing(_ failing: Bool) throws {
        let flag = directory.appendingPathComponent("fail")
        if failing {
            try Data().write(to: flag)
        } else {
            try? FileManager.default.removeItem(at: flag)
        }
    }

    /// Everything received so far, in order.
    func received() throws -> [Received] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
            .sorted { Int($0.dropFirst(8).dropLast(5)) ?? 0 < Int($1.dropFirst(8).dropLast(5)) ?? 0 }
        return try files.map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }

    /// The raw bytes of message `n` (1-based) as received.
    func raw(_ n: Int) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("message-\(n).eml"), encoding: .utf8)
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: a child may inherit a blocked SIGTERM from the test process.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
