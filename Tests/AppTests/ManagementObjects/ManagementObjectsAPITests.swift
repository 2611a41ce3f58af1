import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Förvaltningsobjekt API")
struct ManagementObjectsAPITests {
    let base = "/api/v1/tenants/testby/management-objects"

    @Test("An object can be created, read, listed, replaced and deleted")
    func roundTrip() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let owner = try await Fixtures.orgUnit("Kommunledningskontoret", in: t, on: app.db)
            let created = try await app.sendJSON(
                .POST, base,
                ManagementObjectDraft(
                    name: " Ekonomi ", description: "Ekonomisystemen.",
                    ownerOrgUnitId: owner.id))
            #expect(created.status == .created)
            let body = try created.decode(ManagementObjectResponse.self)
            #expect(created.location == "\(base)/\(body.id.uuidString)")
            #expect(
                body.draft
                    == ManagementObjectDraft(name: "Ekonomi", description: "Ekonomisystemen.", ownerOrgUnitId: owner.id)
            )
            let json = try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any]
            #expect(json?["ownerOrgUnitId"] as? String == owner.id!.uuidString)
            #expect(json?["createdAt"] != nil && json?["updatedAt"] != nil)
            _ = try await Fixtures.managementObject("Skoladministration", in: t, on: app.db)
            let list = try await app.get("\(base)?q=EKON").decode(ListResponse<ManagementObjectResponse>.self)
            #expect(list.items.map(\.draft.name) == ["Ekonomi"])
            #expect(try await app.get(base).decode(ListResponse<ManagementObjectResponse>.self).total == 2)
            let replaced = try await app.sendJSON(.PUT, "\(base)/\(body.id.uuidString)", ["name": "Ekonomi och lön"])
            #expect(
                try replaced.decode(ManagementObjectResponse.self).draft
                    == ManagementObjectDraft(name: "Ekonomi och lön"))
            #expect(
                try await app.get("\(base)/\(body.id.uuidString)").decode(ManagementObjectResponse.self).draft.name
                    == "Ekonomi och lön")
            #expect(try await app.delete("\(base)/\(body.id.uuidString)").status == .noContent)
            #expect(try await app.get("\(base)/\(body.id.uuidString)").status == .notFound)
        }
    }

    @Test("Every problem is reported with its field, including a name already taken")
    func validation() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let res = try await app.sendJSON(
                .POST, base,
                ManagementObjectDraft(
                    name: "", description: String(repeating: "x", count: 5_001), ownerOrgUnitId: UUID()))
            #expect(res.status == .unprocessableEntity)
            #expect(
                Set(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) ?? []) == [
                    "name", "description", "ownerOrgUnitId",
                ])
            _ = try await Fixtures.managementObject("Ekonomi", in: t, on: app.db)
            let clash = try await app.sendJSON(.POST, base, ["name": "EKONOMI"])
            #expect(try clash.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["name"])
            #expect(try await ManagementObject.scoped(to: t, on: app.db).count() == 1)
        }
    }

    @Test("Another municipality's objects are invisible: 404 to read or write, 422 to reference its units")
    func tenantIsolation() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.tenant("a-kommun", on: app)
            let b = try await Fixtures.tenant("b-kommun", on: app)
            let secret = try await Fixtures.managementObject("Hemligt objekt", in: b, on: app.db)
            let bUnit = try await Fixtures.orgUnit("B-förvaltningen", in: b, on: app.db)
            let aBase = "/api/v1/tenants/a-kommun/management-objects"
            #expect(try await app.get("\(aBase)/\(secret.id!.uuidString)").status == .notFound)
            #expect(try await app.get("/t/a-kommun/management-objects/\(secret.id!.uuidString)").status == .notFound)
            #expect(
                try await app.sendJSON(.PUT, "\(aBase)/\(secret.id!.uuidString)", ["name": "Mitt"]).status == .notFound)
            #expect(try await app.delete("\(aBase)/\(secret.id!.uuidString)").status == .notFound)
            let ref = try await app.sendJSON(
                .POST, aBase, ManagementObjectDraft(name: "Nytt", ownerOrgUnitId: bUnit.id))
            #expect(ref.status == .unprocessableEntity)
            #expect(try ref.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["ownerOrgUnitId"])
            #expect(try await ManagementObject.scoped(to: a, on: app.db).count() == 0)
            #expect(
                try await ManagementObject.find(secret.id, in: b, on: app.db, what: ManagementObject.what).name
                    == "Hemligt objekt")
        }
    }

    @Test("Deleting is refused with 409 while systems belong to the object or roles are held for it")
    func deleteInUse() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let withSystem = try await Fixtures.managementObject("Ekonomi", in: t, on: app.db)
            _ = try await Fixtures.system(
                "Raindance", configure: { $0.managementObjectId = withSystem.id }, in: t, on: app.db)
            let withRole = try await Fixtures.managementObject("Skola", in: t, on: app.db)
            let objectOwner = try await Fixtures.customRoleType(
                "objektagare", name: "Objektägare", scope: .managementObject, in: t, on: app.db)
            let person = try await Fixtures.person("Olle Objekt", in: t, on: app.db)
            try await Fixtures.assign(
                objectOwner, to: person, scope: .managementObject, scopeID: withRole.id, in: t, db: app.db)
            for (object, expected) in [(withSystem, "(1 system)"), (withRole, "(1 role assignment)")] {
                let res = try await app.delete("\(base)/\(object.id!.uuidString)")
                #expect(res.status == .conflict)
                let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
                #expect(error.code == "record.in-use")
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(!error.requestId.isEmpty)
            }
            #expect(try await ManagementObject.scoped(to: t, on: app.db).count() == 2)
            #expect(try await RoleAssignment.query(on: app.db).count() == 1)
            #expect(try await ITSystem.query(on: app.db).first()?.managementObjectID == withSystem.id)
        }
    }

    @Test("Creating, changing and deleting an object are recorded with the actor")
    func history() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let user = try await signedInAdmin("Stina Strateg", of: t, on: app)
            let id = try await app.sendJSON(.POST, base, ["name": "GIS"], as: user).decode(
                ManagementObjectResponse.self
            ).id
            _ = try await app.sendJSON(
                .PUT, "\(base)/\(id.uuidString)", ["name": "GIS", "description": "Kartor"], as: user)
            #expect(
                try await app.send(.DELETE, "\(base)/\(id.uuidString)", as: user).status
                    == .noContent)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectID == id).sort(\.$at).all()
            #expect(entries.map(\.action) == [.create, .update, .delete])
            #expect(
                entries.allSatisfy {
                    $0.actor.hasPrefix("Stina Strateg <") && $0.objectType == ManagementObject.objectType
                })
            #expect(
                AuditChange.diff(before: entries[1].before, after: entries[1].after) == [
                    AuditChange(field: "description", before: nil, after: "Kartor")
                ])
        }
    }
}
