import Foundation
import StyrbordCore
import Vapor

/// URLs and route registration for governing documents.
enum DocumentRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "documents") }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "documents", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "documents", id.uuidString)
    }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "documents", id.uuidString, "edit")
    }
    static func versions(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "documents", id.uuidString, "versions")
    }
    static func audience(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "documents", id.uuidString, "audience")
    }
    static func confirmation(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "documents", id.uuidString, "confirmation")
    }
    static func publication(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "documents", id.uuidString, "publication")
    }
    static func file(_ tenant: String, _ id: UUID, _ version: UUID) -> String {
        URLBuilder.segments("t", tenant, "documents", id.uuidString, "versions", version.uuidString, "file")
    }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "documents", id.uuidString)
    }
    static func apiFile(_ tenant: String, _ id: UUID, _ version: UUID) -> String {
        URLBuilder.segments(
            "api", "v1", "tenants", tenant, "documents", id.uuidString, "versions", version.uuidString, "file")
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let edit = RouteAccess.tenant(.editDocument(param: "documentID"))
        let json = DocumentsAPIController()
        let pages = DocumentsController()
        let group = html.grouped("documents")
        group.get(use: pages.index).access(.tenant(.read))
        group.get("new", use: pages.new).access(.tenant(.administer))
        group.post(use: pages.create).access(.tenant(.administer))
        group.get(":documentID", use: pages.show).access(.tenant(.read))
        group.get(":documentID", "edit", use: pages.edit).access(edit)
        group.post(":documentID", "edit", use: pages.update).access(edit)
        // As the API: room over the 10 MB a file may have, so that the check can name the field.
        group.on(.POST, ":documentID", "versions", body: .collect(maxSize: "11mb"), use: pages.upload).access(edit)
        group.post(":documentID", "audience", use: pages.audience).access(edit)
        // L8: whoever the document asks to read it confirms; the handler checks there is a request.
        group.post(":documentID", "confirmation", use: pages.confirm).access(.tenant(.read))
        group.get(":documentID", "versions", ":versionID", "file", use: json.download).access(.tenant(.read))
        group.post(":documentID", "publication", use: pages.publish).access(.tenant(.administer))

        let apiGroup = api.grouped("documents")
        apiGroup.get(use: json.index).access(.tenant(.read))
        // D1: the register is kept by the administrator (the IT-chef); owners then keep their documents.
        apiGroup.post(use: json.create).access(.tenant(.administer))
        apiGroup.get("precedence", use: json.precedence).access(.tenant(.read))
        apiGroup.get("to-read", use: json.toRead).access(.tenant(.read))
        apiGroup.get(":documentID", use: json.show).access(.tenant(.read))
        apiGroup.put(":documentID", use: json.update).access(edit)
        apiGroup.put(":documentID", "publication", use: json.publish).access(.tenant(.administer))
        // The size limit leaves room over the 10 MB a file may have, so that the check can name the field.
        apiGroup.on(.POST, ":documentID", "versions", body: .collect(maxSize: "11mb"), use: json.upload).access(edit)
        apiGroup.get(":documentID", "versions", ":versionID", "file", use: json.download).access(.tenant(.read))
        apiGroup.get(":documentID", "audience", use: json.audience).access(.tenant(.read))
        apiGroup.put(":documentID", "audience", use: json.setAudience).access(edit)
        apiGroup.get(":documentID", "readers", use: json.readers).access(edit)
        apiGroup.post(":documentID", "confirmation", use: json.confirm).access(.tenant(.read))
    }

    /// A version upload's path (`…/documents/{id}/versions`, page or API), whose body limit names the field.
    static func isUpload(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count >= 4 && parts.last == "versions" && parts[parts.count - 3] == "documents"
    }

    /// What a body over the upload limit is told: the file field and the limit, not just "too large".
    static let tooLarge = ValidationIssue(
        field: "file",
        message: Localized(
            sv: "Filen är för stor: högst \(DocumentFileCheck.maxBytes) byte (10 MB).",
            en: "The file is too large: at most \(DocumentFileCheck.maxBytes) bytes (10 MB)."))
}
