import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The profile as readable pages, its versions, uploading a new one and comparing two.
struct ProfilesController {
    /// The version in force, or `?version=N`.
    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let number = try Self.versionQuery(req, "version") ?? tenant.profileVersion ?? 0
        let version = try await ProfileRules.version(number, of: tenant, on: req.db)
        let profile = try ProfileRules.parse(version)
        let model = ProfileShowPage.Model(
            tenantSlug: tenant.slug, version: version.version, currentVersion: tenant.profileVersion,
            createdAt: version.createdAt, createdBy: version.createdBy, profile: profile)
        return ProfileShowPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    /// Every version, the comparison form, and (for the administrator) the upload form.
    @Sendable func versions(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await versionsPage(req: req, tenant: tenant, upload: .init(), status: .ok)
    }

    /// Validates and stores a new version; on problems the page comes back with each problem's line
    /// and column next to the upload, and nothing is stored.
    @Sendable func upload(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        struct Upload: Content {
            var file: File?
            var yaml: String?
            var message: String?
        }
        let form = (try? req.content.decode(Upload.self)) ?? Upload()
        var yaml = form.yaml ?? ""
        if let file = form.file, file.data.readableBytes > 0 {
            yaml = String(buffer: file.data)
        }
        var state = ProfileVersionsPage.UploadState(yaml: yaml, message: form.message ?? "")
        do {
            guard !yaml.trimmed.isEmpty else { throw ProfileError.missingYAML }
            try await ProfileRules.install(
                yaml: yaml, message: state.message, tenant: tenant, actor: AuditActor.from(req), on: req.db)
            return req.redirect(to: ProfileRoutes.versions(tenant.slug), flash: .profileInstalled)
        } catch let error as ProfileError {
            state.error = error.userMessage
            if case .invalid(let problems) = error { state.problems = problems }
            let fresh = try await Tenant.find(tenant.requireID(), on: req.db) ?? tenant
            return try await versionsPage(req: req, tenant: fresh, upload: state, status: error.status)
        }
    }

    private func versionsPage(
        req: Request, tenant: Tenant, upload: ProfileVersionsPage.UploadState, status: HTTPResponseStatus
    ) async throws -> Response {
        let versions = try await ProfileRules.versions(of: tenant, on: req.db)
        let model = ProfileVersionsPage.Model(
            tenantSlug: tenant.slug,
            versions: versions.map {
                .init(
                    version: $0.version, name: $0.name, key: $0.profileKey, createdAt: $0.createdAt,
                    createdBy: $0.createdBy, message: $0.message, isCurrent: $0.version == tenant.profileVersion)
            }, mayUpload: await req.can(.administer(tenantID: try tenant.requireID())), upload: upload)
        return ProfileVersionsPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render(status: status)
    }

    /// `?from=N&to=M`: what changed, per section and per line. Without them: the version before the
    /// current one against the current one.
    @Sendable func compare(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let current = tenant.profileVersion ?? 1
        let to = try Self.versionQuery(req, "to") ?? current
        let from = try Self.versionQuery(req, "from") ?? max(1, to - 1)
        let old = try await ProfileRules.version(from, of: tenant, on: req.db)
        let new = try await ProfileRules.version(to, of: tenant, on: req.db)
        let oldTree = ProfileParser.parse(old.sourceYAML).tree
        let newTree = ProfileParser.parse(new.sourceYAML).tree
        let sections =
            if let oldTree, let newTree { ProfileDiff.sections(old: oldTree, new: newTree) } else {
                [ProfileDiff.Section]()
            }
        let versions = try await ProfileRules.versions(of: tenant, on: req.db).map(\.version)
        let model = ProfileComparePage.Model(
            tenantSlug: tenant.slug, from: from, to: to, versions: versions,
            sections: sections, hunks: ProfileDiff.hunks(ProfileDiff.lines(old.sourceYAML, new.sourceYAML)))
        return ProfileComparePage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    /// The YAML of a version as uploaded (comments included), `?version=N`, default the one in force.
    @Sendable func source(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let number = try Self.versionQuery(req, "version") ?? tenant.profileVersion ?? 0
        let version = try await ProfileRules.version(number, of: tenant, on: req.db)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(
            name: .contentDisposition,
            value: "inline; filename=\"\(tenant.slug)-profil-v\(version.version).yaml\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: version.sourceYAML))
    }

    /// A version number from the query: nil when absent, 400 when not a positive whole number.
    static func versionQuery(_ req: Request, _ name: String) throws -> Int? {
        guard let raw = req.queryItems.first(where: { $0.0 == name })?.1, !raw.isEmpty else { return nil }
        guard let n = Int(raw), n >= 1 else {
            throw InvalidQuery(issues: [
                ValidationIssue(
                    field: name,
                    message: Localized(sv: "Ange ett versionsnummer, som 2.", en: "Give a version number, such as 2."))
            ])
        }
        return n
    }
}
