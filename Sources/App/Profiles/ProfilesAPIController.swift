import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The profile as JSON: the version in force (parsed, in the shape of profile.schema.json), every
/// version, and uploading a new one.
struct ProfilesAPIController {
    /// `GET …/profile`: the version in force, with the profile as JSON.
    @Sendable func current(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let (version, _) = try await ProfileRules.current(tenant, on: req.db)
        guard let tree = ProfileParser.parse(version.sourceYAML).tree else {
            throw ProfileError.invalid([])
        }
        let summary = ProfileVersionResponse(version, current: tenant.profileVersion)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var object = try JSONSerialization.jsonObject(with: encoder.encode(summary)) as? [String: Any] ?? [:]
        object["profile"] = tree.jsonObject
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// `GET …/profile/versions`: newest first.
    @Sendable func versions(req: Request) async throws -> [ProfileVersionResponse] {
        let tenant = try await req.tenant()
        return try await ProfileRules.versions(of: tenant, on: req.db).map {
            ProfileVersionResponse($0, current: tenant.profileVersion)
        }
    }

    /// `POST …/profile/versions`: 201 with the new version, in force at once; 422 `profile.invalid`
    /// with every problem (`field` is "line:column") and nothing stored.
    @Sendable func upload(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let (yaml, message) = try Self.body(req)
        let version = try await ProfileRules.install(
            yaml: yaml, message: message, tenant: tenant, actor: AuditActor.from(req), on: req.db)
        let response = try await ProfileVersionResponse(version, current: version.version)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: ProfileRoutes.apiCurrent(tenant.slug))
        return response
    }

    /// The YAML from an `application/yaml` (or `text/yaml`) body, or from a JSON wrapper.
    static func body(_ req: Request) throws -> (String, String) {
        guard let media = req.headers.contentType else { throw Abort(.unsupportedMediaType) }
        let sub = media.subType.lowercased()
        if sub == "yaml" || sub == "x-yaml" {
            guard let buffer = req.body.data, buffer.readableBytes > 0 else { throw ProfileError.missingYAML }
            guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes) else {
                throw ProfileError.missingYAML
            }
            return (text, req.query[String.self, at: "message"] ?? "")
        }
        let body = try req.jsonBody(CreateProfileVersionRequest.self)
        guard !body.yaml.trimmed.isEmpty else { throw ProfileError.missingYAML }
        return (body.yaml, body.message ?? "")
    }
}
