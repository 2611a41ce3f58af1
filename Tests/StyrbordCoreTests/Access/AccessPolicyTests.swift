import Foundation
import Testing

@testable import StyrbordCore

/// The rules of who may do what, without a server.
@Suite("Access policy")
struct AccessPolicyTests {
    let tenant = UUID()
    let administration = UUID()
    let unit = UUID()
    let system = UUID()

    var facts: SystemFacts {
        SystemFacts(tenantID: tenant, systemID: system, ownerOrgUnitPath: [unit, administration])
    }

    func member(
        roles: [UUID: Set<SystemRoleGrant>] = [:], coordinates: Set<UUID> = [], admin: Bool = false,
        canWrite: Bool = true
    ) -> Principal {
        Principal(
            accountID: UUID(), kind: .member(tenantID: tenant), isTenantAdmin: admin, canWrite: canWrite,
            systemRoles: roles, coordinatedOrgUnits: coordinates)
    }

    @Test("Nobody signed in is asked to sign in; another municipality's member is told nothing (T9)")
    func outsiders() {
        #expect(AccessPolicy.decide(nil, .read(tenantID: tenant)) == .refused(.notSignedIn))
        let stranger = Principal(accountID: UUID(), kind: .member(tenantID: UUID()), isTenantAdmin: true)
        #expect(AccessPolicy.decide(stranger, .read(tenantID: tenant)) == .refused(.outsideTenant))
        #expect(AccessPolicy.decide(stranger, .editSystem(facts)) == .refused(.outsideTenant))
        let platform = Principal(accountID: UUID(), kind: .platformOperator)
        #expect(AccessPolicy.decide(platform, .read(tenantID: tenant)) == .refused(.outsideTenant))
        #expect(AccessPolicy.decide(platform, .manageTenants) == .allowed)
        #expect(AccessPolicy.decide(member(admin: true), .manageTenants).isAllowed == false)
    }

    @Test(
        "The systemägare and systemförvaltare, ordinarie or ersättare, change their system (D2, T11)",
        arguments: [RoleCatalogue.systemOwner, RoleCatalogue.systemManager], [RoleHolding.primary, .deputy])
    func holders(role: String, holding: RoleHolding) {
        let holder = member(roles: [system: [SystemRoleGrant(roleKey: role, holding: holding)]])
        #expect(AccessPolicy.decide(holder, .editSystem(facts)) == .allowed)
        #expect(AccessPolicy.decide(holder, .appointRole(.system(facts))) == .allowed)
        #expect(AccessPolicy.decide(holder, .deleteSystem(facts)).isAllowed == false)
        #expect(AccessPolicy.decide(holder, .createSystem(tenantID: tenant, ownerOrgUnitPath: nil)).isAllowed == false)
        let elsewhere = SystemFacts(tenantID: tenant, systemID: UUID(), ownerOrgUnitPath: [unit])
        #expect(AccessPolicy.decide(holder, .editSystem(elsewhere)).isAllowed == false)
    }

    @Test("Other roles on a system give no right to change it")
    func otherRoles() {
        let informationOwner = member(
            roles: [system: [SystemRoleGrant(roleKey: RoleCatalogue.informationOwner, holding: .primary)]])
        #expect(AccessPolicy.decide(informationOwner, .editSystem(facts)).isAllowed == false)
        #expect(AccessPolicy.decide(informationOwner, .read(tenantID: tenant)) == .allowed)
        #expect(AccessPolicy.decide(informationOwner, .submit(tenantID: tenant)) == .allowed)
    }

    @Test("An IT-samordnare acts for their förvaltning and the units below it (D4)")
    func coordinator() {
        let coordinator = member(coordinates: [administration])
        #expect(AccessPolicy.decide(coordinator, .editSystem(facts)) == .allowed)
        #expect(AccessPolicy.decide(coordinator, .deleteSystem(facts)) == .allowed)
        #expect(
            AccessPolicy.decide(coordinator, .createSystem(tenantID: tenant, ownerOrgUnitPath: [unit, administration]))
                == .allowed)
        #expect(
            AccessPolicy.decide(coordinator, .createSystem(tenantID: tenant, ownerOrgUnitPath: [UUID()])).isAllowed
                == false)
        #expect(
            AccessPolicy.decide(coordinator, .createSystem(tenantID: tenant, ownerOrgUnitPath: [])).isAllowed == false)
        #expect(
            AccessPolicy.decide(coordinator, .appointRole(.orgUnit(tenantID: tenant, path: [unit, administration])))
                == .allowed)
        #expect(AccessPolicy.decide(coordinator, .appointRole(.tenantWide(tenantID: tenant))).isAllowed == false)
        #expect(AccessPolicy.decide(coordinator, .administer(tenantID: tenant)).isAllowed == false)
        // A unit's coordinator does not act for the förvaltning above it.
        let unitCoordinator = member(coordinates: [unit])
        let upstairs = SystemFacts(tenantID: tenant, systemID: UUID(), ownerOrgUnitPath: [administration])
        #expect(AccessPolicy.decide(unitCoordinator, .editSystem(upstairs)).isAllowed == false)
    }

    @Test("The administrator may do everything in their municipality; a read-only token nothing that changes")
    func administratorAndTokens() {
        let admin = member(admin: true)
        for permission: Permission in [
            .administer(tenantID: tenant), .editSystem(facts), .deleteSystem(facts),
            .appointRole(.tenantWide(tenantID: tenant)), .createSystem(tenantID: tenant, ownerOrgUnitPath: []),
        ] {
            #expect(AccessPolicy.decide(admin, permission) == .allowed)
        }
        let readOnly = member(admin: true, canWrite: false)
        #expect(AccessPolicy.decide(readOnly, .read(tenantID: tenant)) == .allowed)
        #expect(AccessPolicy.decide(readOnly, .editSystem(facts)) == .refused(.readOnlyToken))
        #expect(AccessPolicy.decide(readOnly, .submit(tenantID: tenant)) == .refused(.readOnlyToken))
    }

    @Test("An employee without roles reads and submits, and changes nothing")
    func employee() {
        let employee = member()
        #expect(AccessPolicy.decide(employee, .read(tenantID: tenant)) == .allowed)
        #expect(AccessPolicy.decide(employee, .submit(tenantID: tenant)) == .allowed)
        #expect(AccessPolicy.decide(employee, .editSomeSystem(tenantID: tenant)).isAllowed == false)
        #expect(AccessPolicy.decide(employee, .editSystem(facts)).isAllowed == false)
    }
}

@Suite("Sign-in throttle and password policy")
struct SignInRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("Five failures within the window lock the account until the oldest leaves it")
    func throttle() {
        let t = SignInThrottle.standard
        let four = (1...4).map { now.addingTimeInterval(-Double($0) * 60) }
        #expect(t.retryAfter(accountFailures: four, addressFailures: four, now: now) == nil)
        let five = four + [now.addingTimeInterval(-600)]
        #expect(t.retryAfter(accountFailures: five, addressFailures: [], now: now) == t.window - 600)
        let old = (1...10).map { now.addingTimeInterval(-t.window - Double($0)) }
        #expect(t.retryAfter(accountFailures: old, addressFailures: [], now: now) == nil)
        let many = (1...30).map { now.addingTimeInterval(-Double($0)) }
        #expect(t.retryAfter(accountFailures: [], addressFailures: many, now: now) != nil)
    }

    @Test("Passwords: long enough, not too long for bcrypt, not the email, not one repeated character")
    func passwords() {
        #expect(PasswordPolicy.check("en lång mening som lösenord").isEmpty)
        #expect(PasswordPolicy.check("kort").map(\.field) == ["password"])
        #expect(!PasswordPolicy.check(String(repeating: "å", count: 40)).isEmpty)  // 80 bytes
        #expect(!PasswordPolicy.check("anna@sjovik.se123", email: "anna@sjovik.se").isEmpty)
        #expect(!PasswordPolicy.check("aaaaaaaaaaaaaaaa").isEmpty)
    }
}
