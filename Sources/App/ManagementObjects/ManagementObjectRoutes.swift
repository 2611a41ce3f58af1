import Foundation
import Vapor

/// URLs of the förvaltningsobjekt pages.
enum ManagementObjectRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "management-objects") }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "management-objects", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "management-objects", id.uuidString) }
    static func edit(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "management-objects", id.uuidString, "edit") }
    static func delete(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "management-objects", id.uuidString, "delete") }
}
