import Fluent
import Foundation
import StyrbordCore

/// A role as this tenant defines it (systemägare, IT-samordnare …). Created from the role catalogue
/// when the tenant is created; governance profiles (issue 4) will maintain them.
final class RoleType: Model, TenantScoped, @unchecked Sendable {
    static let schema = "role_types"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// Stable key ("systemforvaltare") used by rules, imports and exports.
    @Field(key: "key") var key: String
    @Field(key: "name_sv") var nameSv: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "scope") var scope: RoleScopeKind
    @Field(key: "duties_sv") var dutiesSv: String
    @Field(key: "duties_en") var dutiesEn: String
    @Field(key: "source") var source: String
    @Field(key: "sort_order") var sortOrder: Int

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [$id, $tenantID, $key, $nameSv, $nameEn, $scope, $dutiesSv, $dutiesEn, $source, $sortOrder]
    }

    init() {}

    init(id: UUID, tenantID: UUID, definition: RoleDefinition, sortOrder: Int) {
        self.id = id
        self.tenantID = tenantID
        self.key = definition.key
        self.nameSv = definition.name.sv
        self.nameEn = definition.name.en
        self.scope = definition.scope
        self.dutiesSv = definition.duties.sv
        self.dutiesEn = definition.duties.en
        self.source = definition.source
        self.sortOrder = sortOrder
    }

    var name: Localized { Localized(sv: nameSv, en: nameEn) }
    var duties: Localized { Localized(sv: dutiesSv, en: dutiesEn) }

    static let what = Localized(sv: "Rolltypen", en: "The role type")
}
