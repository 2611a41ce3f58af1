import Foundation
import Vapor

/// URLs and route registration for governing documents.
enum DocumentRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "documents") }
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
        group.get(":documentID", "versions", ":versionID", "file", use: json.download).access(.tenant(.read))
        group.post(":documentID", "publication", use: pages.publish).access(.tenant(.administer))

        let apiGroup = api.grouped("documents")
        apiGroup.get(use: json.index).access(.tenant(.read))
        // D1: the register is kept by the administrator (the IT-chef); owners then keep their documents.
        apiGroup.post(use: json.create).access(.tenant(.administer))
        apiGroup.get("precedence", use: json.precedence).access(.tenant(.read))
        apiGroup.get(":documentID", use: json.show).access(.tenant(.read))
        apiGroup.put(":documentID", use: json.update).access(edit)
        apiGroup.put(":documentID", "publication", use: json.publish).access(.tenant(.administer))
        // The size limit leaves room over the 10 MB a file may have, so that the check can name the field.
        apiGroup.on(.POST, ":documentID", "versions", body: .collect(maxSize: "11mb"), use: json.upload).access(edit)
        apiGroup.get(":documentID", "versions", ":versionID", "file", use: json.download).access(.tenant(.read))
    }
}
