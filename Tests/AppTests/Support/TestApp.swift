import Fluent
import Foundation
import NIOCore
import SQLKit
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The instant every test runs at: Monday 2 March 2026, 10:00 in Stockholm.
let testNow = Date(timeIntervalSince1970: 1_772_442_000)
let testToday = CalendarDay(testNow)

/// Gives the test a fresh, fully migrated app with the clock and ids pinned. By default the database is
/// a private in-memory SQLite; with `TEST_POSTGRES_URL` set, a new schema in that PostgreSQL server,
/// dropped afterwards. Tests therefore run in parallel on either engine.
func withTestApp(_ test: (Application) async throws -> Void) async throws {
    let postgresURL = ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    if postgresURL != nil { await PostgresGate.shared.enter() }
    defer { if postgresURL != nil { Task { await PostgresGate.shared.leave() } } }
    let app = try await Application.make(.testing)
    app.dependencies = .pinned(at: testNow)
    var schema: String?
    do {
        if let url = postgresURL {
            try refuseRemote(url)
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            schema = name
            try await configure(
                app,
                AppConfiguration(
                    database: .postgres(url: url, searchPath: name), autoMigrate: false,
                    postgresConnectionsPerEventLoop: 1, passwordCost: 4))
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: name)").run()
            try await app.autoMigrate()
        } else {
            try await configure(app, AppConfiguration(database: .sqliteMemory, passwordCost: 4))
        }
        try await test(app)
    } catch {
        await cleanUp(app, schema: schema)
        throw error
    }
    await cleanUp(app, schema: schema)
}

/// Swift Testing starts every test at once; each app holds connections, and a PostgreSQL server
/// accepts about a hundred. This lets a fixed number of test apps use the server at a time.
actor PostgresGate {
    static let shared = PostgresGate(limit: 12)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// Only a local server may be used: the tests drop schemas.
private func refuseRemote(_ url: String) throws {
    let host = URLComponents(string: url)?.host ?? ""
    guard ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) else {
        throw TestSetupError("TEST_POSTGRES_URL must point at localhost, not \(host)")
    }
}

private func cleanUp(_ app: Application, schema: String?) async {
    if let schema, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// A fixed CSRF token the helpers send as both cookie and form field, like a browser would.
let testCSRF = String(repeating: "c", count: 43)

/// Who a test request is sent as.
enum TestUser: Sendable {
    /// The administrator of the municipality named in the path (made by `Fixtures.tenant`), or nobody
    /// for paths outside a municipality. Most tests are about something else than permissions.
    case automatic
    case anonymous
    /// A signed-in browser: the session cookie's secret.
    case session(String)
    /// An API token.
    case token(String)
}

extension Application {
    /// The session cookie of each fixture tenant's administrator, by slug.
    final class TestSessions: @unchecked Sendable {
        var adminCookies: [String: String] = [:]
    }

    private struct TestSessionsKey: StorageKey { typealias Value = TestSessions }

    var testSessions: TestSessions {
        if let existing = storage[TestSessionsKey.self] { return existing }
        let made = TestSessions()
        storage[TestSessionsKey.self] = made
        return made
    }

    /// The slug in `/t/<slug>/…` or `/api/v1/tenants/<slug>/…`.
    static func tenantSlug(in path: String) -> String? {
        let parts = path.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
        if parts.count >= 2, parts[0] == "t" { return parts[1] }
        if parts.count >= 4, parts[0] == "api", parts[2] == "tenants" { return parts[3] }
        return nil
    }

    /// Adds the credentials of `user` for a request to `path`; `cookies` are other cookies to send.
    func credentials(_ user: TestUser, path: String, headers: inout HTTPHeaders, cookies: [String] = []) {
        var all = headers[.cookie] + cookies
        switch user {
        case .anonymous: break
        case .automatic:
            // The path's municipality's administrator; elsewhere, the only fixture municipality's.
            let cookies = testSessions.adminCookies
            let slug = Self.tenantSlug(in: path)
            if let cookie = slug.flatMap({ cookies[$0] }) ?? (cookies.count == 1 ? cookies.first?.value : nil) {
                all.append("\(SessionPolicy.cookieName)=\(cookie)")
            }
        case .session(let secret): all.append("\(SessionPolicy.cookieName)=\(secret)")
        case .token(let token): headers.bearerAuthorization = BearerAuthorization(token: token)
        }
        if !all.isEmpty { headers.replaceOrAdd(name: .cookie, value: all.joined(separator: "; ")) }
    }

    /// Any request, sent as `user`.
    func send(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil,
        as user: TestUser = .automatic
    ) async throws -> TestingHTTPResponse {
        var h = headers
        credentials(user, path: path, headers: &h)
        return try await testing().sendRequest(method, path, headers: h, body: body)
    }

    func get(
        _ path: String, headers: HTTPHeaders = [:], as user: TestUser = .automatic
    ) async throws
        -> TestingHTTPResponse
    {
        try await send(.GET, path, headers: headers, as: user)
    }

    /// Sends a JSON body (for the API).
    func sendJSON<T: Encodable>(
        _ method: HTTPMethod, _ path: String, _ body: T, headers: HTTPHeaders = [:], as user: TestUser = .automatic
    ) async throws -> TestingHTTPResponse {
        var h = headers
        h.contentType = .json
        let data = try JSONEncoder().encode(body)
        return try await send(method, path, headers: h, body: ByteBuffer(bytes: data), as: user)
    }

    /// Sends raw JSON text (for malformed bodies).
    func sendRaw(
        _ method: HTTPMethod, _ path: String, _ text: String, contentType: HTTPMediaType = .json,
        as user: TestUser = .automatic
    ) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.contentType = contentType
        return try await send(method, path, headers: h, body: ByteBuffer(string: text), as: user)
    }

    func delete(_ path: String, as user: TestUser = .automatic) async throws -> TestingHTTPResponse {
        try await send(.DELETE, path, as: user)
    }

    /// Posts a form as a browser would, with the CSRF cookie and field unless `csrf` is false.
    func sendForm(
        _ path: String, _ fields: [(String, String)], csrf: Bool = true, as user: TestUser = .automatic
    ) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        var all = fields
        var cookies: [String] = []
        if csrf {
            cookies.append("\(CSRFMiddleware.cookieName)=\(testCSRF)")
            all.append((CSRFMiddleware.fieldName, testCSRF))
        }
        credentials(user, path: path, headers: &h, cookies: cookies)
        let body = all.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return try await testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file, as a browser's upload form does, with the CSRF cookie and field.
    func sendUpload(
        _ path: String, fileName: String, _ bytes: [UInt8], field: String = "file", as user: TestUser = .automatic
    ) async throws -> TestingHTTPResponse {
        let boundary = "styrbord-test-boundary-7f3a"
        var body = ByteBuffer()
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(CSRFMiddleware.fieldName)\"\r\n\r\n\(testCSRF)\r\n"
        )
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        credentials(user, path: path, headers: &h, cookies: ["\(CSRFMiddleware.cookieName)=\(testCSRF)"])
        return try await testing().sendRequest(.POST, path, headers: h, body: body)
    }

    func sendForm(
        _ path: String, _ fields: [String: String], csrf: Bool = true, as user: TestUser = .automatic
    ) async throws -> TestingHTTPResponse {
        try await sendForm(path, fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, csrf: csrf, as: user)
    }
}

private func formEncode(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._*")
    return (s.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%20", with: "+")
}

extension TestingHTTPResponse {
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(buffer: body))
    }

    var text: String { body.string }

    /// The `Location` header of a redirect.
    var location: String? { headers.first(name: .location) }
}
