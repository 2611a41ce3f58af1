import Foundation
import Vapor

/// URLs of the supplier pages.
enum SupplierRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "suppliers") }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "suppliers", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "suppliers", id.uuidString) }
    static func edit(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "suppliers", id.uuidString, "edit") }
    static func delete(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "suppliers", id.uuidString, "delete") }
}
