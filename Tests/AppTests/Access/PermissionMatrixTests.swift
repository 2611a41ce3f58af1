import Fluent
import Foundation
import SQLKit
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// Every route, page and API alike, asked by every kind of user, with the answer each must get (T9:
/// access on need; F5: nobody sees another municipality's data). The table below is written by hand,
/// independently of the routes' own declarations: a route added without an entry fails the suite.
@Suite("Permission matrix")
struct PermissionMatrixTests {
    /// The kinds of user the rules tell apart.
    enum Kind: String, CaseIterable, Sendable {
        case anonymous, employee, holder, deputy, coordinator, admin, otherAdmin, platformOperator
    }

    /// What a request must answer.
    enum Outcome: Equatable, CustomStringConvertible {
        /// Served: not refused (any status but 401, 403, 404 and 5xx; a page is not a sign-in redirect).
        case ok
        /// Sign in first: 401, or for a page read a redirect to the sign-in page.
        case signIn
        /// 403 with a message.
        case forbidden
        /// 404: as if it did not exist.
        case hidden

        var description: String {
            "\(self == .ok ? "ok" : self == .signIn ? "sign-in" : self == .forbidden ? "403" : "404")"
        }
    }

    /// Who gets what, per kind of route.
    enum Rule {
        /// Anyone, signed in or not.
        case open
        /// Any signed-in account (its own profile, password, tokens).
        case ownAccount
        /// The platform operator only.
        case platform
        /// Every employee of the municipality.
        case read
        /// The municipality's administrator only.
        case admin
        /// System S1 and what hangs on it: its systemägare, its deputy systemförvaltare, the IT-samordnare
        /// of the förvaltning above its owning unit, and the administrator.
        case editS1
        /// Removing S1: the IT-samordnare and the administrator, not the role holders.
        case deleteS1
        /// A new system: IT-samordnare and administrator.
        case createSystem
        /// A form whose target is chosen in it: anyone who may change some system.
        case editSome
        /// Proposal P1 (proposed by the holder for förvaltning A): its proposer, A's IT-samordnare and
        /// the administrator change it.
        case editP1
        /// P1's steps and decision: A's IT-samordnare and the administrator.
        case prepareP1
        /// Meeting M1 of förvaltning A's lokalt IT-forum, whose convener is A's IT-samordnare: she and the
        /// administrator run it (and schedule the forum's meetings).
        case runM1
        /// Adopting S1's systemförvaltningsplan: its systemägare and the administrator only (D2).
        case adoptS1
        /// Governing document D1, owned by Olle (the holder): its owner and the administrator change it.
        case editD1
        /// Deciding, registering, removing and reviewing access on S1 (T9): the role the profile names (the
        /// systemägare under the standard profile) and the administrator only.
        case accessS1
        /// Confirming the security rules for Emil (L8): Emil himself only, not even the administrator.
        case selfOnly
        /// Notice N1 in Emil's inbox: only Emil marks it read; to everyone else it does not exist.
        case ownNoticeN1

        func outcome(_ kind: Kind) -> Outcome {
            switch (self, kind) {
            case (.open, _): return .ok
            case (_, .anonymous): return .signIn
            case (.ownAccount, _): return .ok
            case (.platform, .platformOperator): return .ok
            case (.platform, _): return .forbidden
            case (_, .otherAdmin), (_, .platformOperator): return .hidden
            case (.read, _): return .ok
            case (.admin, .admin): return .ok
            case (.admin, _): return .forbidden
            case (.editS1, .employee): return .forbidden
            case (.editS1, _): return .ok
            case (.deleteS1, .coordinator), (.deleteS1, .admin): return .ok
            case (.deleteS1, _): return .forbidden
            case (.createSystem, .coordinator), (.createSystem, .admin): return .ok
            case (.createSystem, _): return .forbidden
            case (.editSome, .employee): return .forbidden
            case (.editSome, _): return .ok
            case (.editP1, .holder), (.editP1, .coordinator), (.editP1, .admin): return .ok
            case (.editP1, _): return .forbidden
            case (.prepareP1, .coordinator), (.prepareP1, .admin): return .ok
            case (.prepareP1, _): return .forbidden
            case (.runM1, .coordinator), (.runM1, .admin): return .ok
            case (.runM1, _): return .forbidden
            case (.adoptS1, .holder), (.adoptS1, .admin): return .ok
            case (.adoptS1, _): return .forbidden
            case (.editD1, .holder), (.editD1, .admin): return .ok
            case (.editD1, _): return .forbidden
            case (.accessS1, .holder), (.accessS1, .admin): return .ok
            case (.accessS1, _): return .forbidden
            case (.selfOnly, .employee): return .ok
            case (.selfOnly, _): return .forbidden
            case (.ownNoticeN1, .employee): return .ok
            case (.ownNoticeN1, _): return .hidden
            }
        }
    }

    /// The expected rule for every route. Keep in step with the routes: the first test fails otherwise.
    static let table: [String: Rule] = {
        var t: [String: Rule] = [
            "GET /healthz": .open, "GET /metrics": .open, "GET /static/styrbord.css": .open,
            "GET /static/styrbord.js": .open, "GET /api/openapi.yaml": .open,
            "GET /api/profile.schema.json": .open,
            // The start page sends everyone somewhere: nobody to sign in, the others home.
            "GET /": .ownAccount,
            "GET /login": .open, "POST /login": .ownAccount,
            "POST /logout": .ownAccount, "GET /account": .ownAccount, "GET /account/password": .ownAccount,
            "POST /account/password": .ownAccount, "POST /account/tokens": .ownAccount,
            "POST /account/tokens/:tokenID/revoke": .ownAccount, "GET /api/v1/me": .ownAccount,
            "GET /api/v1/tenants": .ownAccount,
            "POST /api/v1/tenants": .platform, "GET /platform": .platform, "POST /platform/tenants": .platform,
            "GET /t/:tenant": .read, "GET /api/v1/tenants/:tenant": .read,
            // The system register.
            "GET /t/:tenant/systems": .read, "GET /t/:tenant/systems/new": .createSystem,
            "POST /t/:tenant/systems": .createSystem, "GET /t/:tenant/systems/:systemID": .read,
            "GET /t/:tenant/systems/:systemID/neighbourhood.svg": .read,
            "GET /t/:tenant/systems/:systemID/edit": .editS1, "POST /t/:tenant/systems/:systemID/edit": .editS1,
            "GET /t/:tenant/systems/:systemID/delete": .deleteS1,
            "POST /t/:tenant/systems/:systemID/delete": .deleteS1,
            "GET /api/v1/tenants/:tenant/systems": .read, "POST /api/v1/tenants/:tenant/systems": .createSystem,
            "GET /api/v1/tenants/:tenant/systems/:systemID": .read,
            "PUT /api/v1/tenants/:tenant/systems/:systemID": .editS1,
            "DELETE /api/v1/tenants/:tenant/systems/:systemID": .deleteS1,
            "GET /api/v1/tenants/:tenant/systems/:systemID/dependencies": .read,
            "GET /api/v1/tenants/:tenant/systems/:systemID/history": .read,
            // Roles.
            "GET /t/:tenant/roles": .read, "GET /t/:tenant/role-assignments/new": .editSome,
            "POST /t/:tenant/role-assignments": .editSome,
            "GET /api/v1/tenants/:tenant/role-assignments": .read,
            "POST /api/v1/tenants/:tenant/role-assignments": .editSome,
            "GET /api/v1/tenants/:tenant/role-assignments/:assignmentID": .read,
            "PUT /api/v1/tenants/:tenant/role-assignments/:assignmentID": .editS1,
            "DELETE /api/v1/tenants/:tenant/role-assignments/:assignmentID": .editS1,
            "GET /api/v1/tenants/:tenant/role-types": .read, "POST /api/v1/tenants/:tenant/role-types": .admin,
            "GET /api/v1/tenants/:tenant/role-types/:roleTypeID": .read,
            "PUT /api/v1/tenants/:tenant/role-types/:roleTypeID": .admin,
            "DELETE /api/v1/tenants/:tenant/role-types/:roleTypeID": .admin,
            // Governing documents: everyone reads published ones (D1 is), the administrator registers and
            // publishes, the owner and the administrator change them and upload versions.
            "GET /t/:tenant/documents": .read, "POST /t/:tenant/documents/:documentID/publication": .admin,
            "GET /t/:tenant/documents/:documentID/versions/:versionID/file": .read,
            "GET /api/v1/tenants/:tenant/documents": .read, "POST /api/v1/tenants/:tenant/documents": .admin,
            "GET /api/v1/tenants/:tenant/documents/precedence": .read,
            "GET /api/v1/tenants/:tenant/documents/:documentID": .read,
            "PUT /api/v1/tenants/:tenant/documents/:documentID": .editD1,
            "PUT /api/v1/tenants/:tenant/documents/:documentID/publication": .admin,
            "POST /api/v1/tenants/:tenant/documents/:documentID/versions": .editD1,
            "GET /api/v1/tenants/:tenant/documents/:documentID/versions/:versionID/file": .read,
            // The forms of the page: registering is the administrator's, the rest as the API.
            "GET /t/:tenant/documents/new": .admin, "POST /t/:tenant/documents": .admin,
            "GET /t/:tenant/documents/:documentID": .read,
            "GET /t/:tenant/documents/:documentID/edit": .editD1, "POST /t/:tenant/documents/:documentID/edit": .editD1,
            "POST /t/:tenant/documents/:documentID/versions": .editD1,
            "POST /t/:tenant/documents/:documentID/audience": .editD1,
            // L8: whom a document concerns is kept by its owner, who also sees who has read it; anyone asked
            // confirms (others are told there is nothing to confirm).
            "POST /t/:tenant/documents/:documentID/confirmation": .read,
            "GET /api/v1/tenants/:tenant/documents/to-read": .read,
            "GET /api/v1/tenants/:tenant/documents/:documentID/audience": .read,
            "PUT /api/v1/tenants/:tenant/documents/:documentID/audience": .editD1,
            "GET /api/v1/tenants/:tenant/documents/:documentID/readers": .editD1,
            "POST /api/v1/tenants/:tenant/documents/:documentID/confirmation": .read,
            // Integrations and contracts hang on S1.
            "GET /t/:tenant/integrations/new": .editSome, "POST /t/:tenant/integrations": .editSome,
            "GET /api/v1/tenants/:tenant/integrations": .read,
            "POST /api/v1/tenants/:tenant/integrations": .editSome,
            "GET /api/v1/tenants/:tenant/integrations/:integrationID": .read,
            "PUT /api/v1/tenants/:tenant/integrations/:integrationID": .editS1,
            "DELETE /api/v1/tenants/:tenant/integrations/:integrationID": .editS1,
            "GET /t/:tenant/contracts/new": .editSome, "POST /t/:tenant/contracts": .editSome,
            "GET /api/v1/tenants/:tenant/contracts": .read, "POST /api/v1/tenants/:tenant/contracts": .editSome,
            "GET /api/v1/tenants/:tenant/contracts/:contractID": .read,
            "PUT /api/v1/tenants/:tenant/contracts/:contractID": .editS1,
            "DELETE /api/v1/tenants/:tenant/contracts/:contractID": .editS1,
            // Reports, import and export.
            "GET /t/:tenant/reports/role-distribution": .read, "GET /t/:tenant/reports/role-distribution.csv": .read,
            "GET /api/v1/tenants/:tenant/reports/role-distribution": .read,
            // Efterlevnad: everyone in the municipality reads it.
            "GET /t/:tenant/efterlevnad": .read, "GET /t/:tenant/efterlevnad/avvikelser": .read,
            "GET /t/:tenant/att-gora": .read, "GET /api/v1/tenants/:tenant/compliance/findings": .read,
            "GET /api/v1/tenants/:tenant/compliance/scores": .read,
            "GET /api/v1/tenants/:tenant/compliance/history": .read,
            "GET /t/:tenant/transfer": .read, "GET /t/:tenant/transfer/export/:file": .read,
            "GET /t/:tenant/transfer/import": .admin, "POST /t/:tenant/transfer/import": .admin,
            "POST /t/:tenant/transfer/import/preview": .admin, "POST /t/:tenant/transfer/import/confirm": .admin,
            "POST /api/v1/tenants/:tenant/imports/systems": .admin,
            // Accounts.
            "GET /t/:tenant/accounts": .admin, "GET /t/:tenant/accounts/new": .admin,
            "POST /t/:tenant/accounts": .admin, "GET /t/:tenant/accounts/:accountID/edit": .admin,
            "POST /t/:tenant/accounts/:accountID/edit": .admin,
            "POST /t/:tenant/accounts/:accountID/reset-password": .admin,
            "GET /api/v1/tenants/:tenant/accounts": .admin, "POST /api/v1/tenants/:tenant/accounts": .admin,
            "GET /api/v1/tenants/:tenant/accounts/:accountID": .admin,
            "PUT /api/v1/tenants/:tenant/accounts/:accountID": .admin,
            // The audit trail: everyone sees a system's history on its page, the administrator all of it.
            "GET /t/:tenant/audit": .admin, "GET /t/:tenant/audit/:file": .admin,
            "POST /t/:tenant/audit/settings": .admin, "GET /api/v1/tenants/:tenant/audit-entries": .admin,
            // The governance profile: everyone reads it, the administrator uploads new versions.
            "GET /t/:tenant/profile": .read, "GET /t/:tenant/profile/versions": .read,
            "POST /t/:tenant/profile/versions": .admin, "GET /t/:tenant/profile/compare": .read,
            "GET /t/:tenant/profile/source": .read, "GET /api/v1/tenants/:tenant/profile": .read,
            "GET /api/v1/tenants/:tenant/profile/versions": .read,
            "POST /api/v1/tenants/:tenant/profile/versions": .admin,
            // Proposals: every employee reads and submits; see editP1 and prepareP1 for the rest.
            "GET /t/:tenant/proposals": .read, "GET /t/:tenant/proposals/new": .read,
            "POST /t/:tenant/proposals": .read, "GET /t/:tenant/proposals/:proposalID": .read,
            "GET /t/:tenant/proposals/:proposalID/edit": .editP1, "POST /t/:tenant/proposals/:proposalID/edit": .editP1,
            "POST /t/:tenant/proposals/:proposalID/checklist": .editP1,
            "POST /t/:tenant/proposals/:proposalID/calculation": .editP1,
            "POST /t/:tenant/proposals/:proposalID/steps": .prepareP1,
            "POST /t/:tenant/proposals/:proposalID/decision": .prepareP1,
            "GET /api/v1/tenants/:tenant/proposals": .read, "POST /api/v1/tenants/:tenant/proposals": .read,
            "GET /api/v1/tenants/:tenant/proposals/:proposalID": .read,
            "PUT /api/v1/tenants/:tenant/proposals/:proposalID": .editP1,
            "PUT /api/v1/tenants/:tenant/proposals/:proposalID/checklist": .editP1,
            "PUT /api/v1/tenants/:tenant/proposals/:proposalID/calculation": .editP1,
            "POST /api/v1/tenants/:tenant/proposals/:proposalID/steps": .prepareP1,
            "POST /api/v1/tenants/:tenant/proposals/:proposalID/decision": .prepareP1,
            // Forums and meetings: everyone reads; the forum's chair and convener run its meetings. The
            // calendar feed's secret is its own credential.
            "GET /t/:tenant/forums": .read, "GET /t/:tenant/forums/:forumKey": .read,
            "GET /t/:tenant/forums/:forumKey/meetings/new": .runM1, "POST /t/:tenant/forums/:forumKey/meetings": .runM1,
            "POST /t/:tenant/forums/:forumKey/calendar-feed": .runM1, "POST /t/:tenant/calendar-feed": .read,
            "GET /t/:tenant/meetings/:meetingID": .read, "GET /t/:tenant/meetings/:meetingID/edit": .runM1,
            "POST /t/:tenant/meetings/:meetingID/edit": .runM1, "POST /t/:tenant/meetings/:meetingID/items": .runM1,
            "POST /t/:tenant/meetings/:meetingID/items/:itemID/minutes": .runM1,
            "POST /t/:tenant/meetings/:meetingID/items/:itemID/delete": .runM1,
            "POST /t/:tenant/meetings/:meetingID/items/:itemID/decision": .runM1,
            "POST /t/:tenant/meetings/:meetingID/cancel": .runM1,
            "POST /t/:tenant/meetings/:meetingID/attendance": .runM1,
            "POST /t/:tenant/meetings/:meetingID/approve": .runM1, "GET /t/:tenant/calendar/:feedSecret": .open,
            "GET /api/v1/tenants/:tenant/forums": .read, "GET /api/v1/tenants/:tenant/forums/:forumKey": .read,
            "POST /api/v1/tenants/:tenant/forums/:forumKey/calendar-feed": .runM1,
            "POST /api/v1/tenants/:tenant/calendar-feed": .read,
            "GET /api/v1/tenants/:tenant/meetings": .read, "POST /api/v1/tenants/:tenant/meetings": .runM1,
            "GET /api/v1/tenants/:tenant/meetings/:meetingID": .read,
            "PUT /api/v1/tenants/:tenant/meetings/:meetingID": .runM1,
            "POST /api/v1/tenants/:tenant/meetings/:meetingID/items": .runM1,
            "DELETE /api/v1/tenants/:tenant/meetings/:meetingID/items/:itemID": .runM1,
            "PUT /api/v1/tenants/:tenant/meetings/:meetingID/items/:itemID/minutes": .runM1,
            "PUT /api/v1/tenants/:tenant/meetings/:meetingID/items/:itemID/decision": .runM1,
            "PUT /api/v1/tenants/:tenant/meetings/:meetingID/attendance": .runM1,
            "POST /api/v1/tenants/:tenant/meetings/:meetingID/cancel": .runM1,
            "POST /api/v1/tenants/:tenant/meetings/:meetingID/approve": .runM1,
            // Plans: everyone reads; planID is S1's systemförvaltningsplan, written by those who change S1
            // and adopted by its systemägare (D2); initiativeID is in the IT-verksamhetsplan, the
            // administrator's; its follow-up is for benefit owners (none here) and the administrator.
            // The signed-in person's inbox (an account without a person is answered 409, not refused).
            "GET /t/:tenant/inbox": .read, "POST /t/:tenant/inbox/read-all": .read,
            "POST /t/:tenant/inbox/:noticeID/read": .ownNoticeN1,
            "GET /api/v1/tenants/:tenant/me/notices": .read, "POST /api/v1/tenants/:tenant/me/notices/read-all": .read,
            "POST /api/v1/tenants/:tenant/me/notices/:noticeID/read": .ownNoticeN1,
            "GET /t/:tenant/plans": .read, "GET /t/:tenant/plans/new": .editSome, "POST /t/:tenant/plans": .editSome,
            "GET /t/:tenant/plans/:planID": .read, "GET /t/:tenant/plans/:planID/edit": .editS1,
            "POST /t/:tenant/plans/:planID/edit": .editS1, "POST /t/:tenant/plans/:planID/adopt": .adoptS1,
            "POST /t/:tenant/plans/:planID/activities": .editS1,
            "GET /t/:tenant/plans/:planID/initiatives/new": .editS1,
            "POST /t/:tenant/plans/:planID/initiatives": .editS1,
            "GET /t/:tenant/initiatives/:initiativeID/edit": .admin,
            "POST /t/:tenant/initiatives/:initiativeID/edit": .admin,
            "GET /t/:tenant/initiatives/:initiativeID/follow-up": .admin,
            "POST /t/:tenant/initiatives/:initiativeID/follow-up": .admin,
            "GET /api/v1/tenants/:tenant/plans": .read, "POST /api/v1/tenants/:tenant/plans": .editSome,
            "GET /api/v1/tenants/:tenant/plans/:planID": .read, "PUT /api/v1/tenants/:tenant/plans/:planID": .editS1,
            "POST /api/v1/tenants/:tenant/plans/:planID/adoption": .adoptS1,
            "POST /api/v1/tenants/:tenant/plans/:planID/activities": .editS1,
            "POST /api/v1/tenants/:tenant/plans/:planID/initiatives": .editS1,
            "GET /api/v1/tenants/:tenant/initiatives/:initiativeID": .read,
            "PUT /api/v1/tenants/:tenant/initiatives/:initiativeID": .admin,
            "PUT /api/v1/tenants/:tenant/initiatives/:initiativeID/follow-up": .admin,
            // Access rights (T9, L8): everyone reads and requests; S1's systemägare decides and reviews.
            "GET /t/:tenant/access": .read, "GET /t/:tenant/systems/:systemID/access": .read,
            "POST /t/:tenant/systems/:systemID/access/requests": .read,
            "POST /t/:tenant/systems/:systemID/access/grants": .accessS1,
            "POST /t/:tenant/systems/:systemID/access/reviews": .accessS1,
            "POST /t/:tenant/access-requests/:requestID/decision": .accessS1,
            "POST /t/:tenant/access-grants/:grantID/removal": .accessS1,
            "GET /t/:tenant/access-reviews/:reviewID": .read,
            "POST /t/:tenant/access-reviews/:reviewID/items/:reviewItemID": .accessS1,
            "POST /t/:tenant/access-reviews/:reviewID/complete": .accessS1,
            "POST /t/:tenant/people/:personID/security-rules": .selfOnly,
            "GET /api/v1/tenants/:tenant/access/leavers": .read,
            "GET /api/v1/tenants/:tenant/systems/:systemID/access-requests": .read,
            "POST /api/v1/tenants/:tenant/systems/:systemID/access-requests": .read,
            "GET /api/v1/tenants/:tenant/systems/:systemID/access-grants": .read,
            "POST /api/v1/tenants/:tenant/systems/:systemID/access-grants": .accessS1,
            "GET /api/v1/tenants/:tenant/systems/:systemID/access-reviews": .read,
            "POST /api/v1/tenants/:tenant/systems/:systemID/access-reviews": .accessS1,
            "POST /api/v1/tenants/:tenant/access-requests/:requestID/decision": .accessS1,
            "GET /api/v1/tenants/:tenant/access-grants/:grantID": .read,
            "POST /api/v1/tenants/:tenant/access-grants/:grantID/removal": .accessS1,
            "GET /api/v1/tenants/:tenant/access-reviews/:reviewID": .read,
            "PUT /api/v1/tenants/:tenant/access-reviews/:reviewID/items/:reviewItemID": .accessS1,
            "POST /api/v1/tenants/:tenant/access-reviews/:reviewID/completion": .accessS1,
            "POST /api/v1/tenants/:tenant/people/:personID/security-rules-confirmation": .selfOnly,
        ]
        // Services (D7, T7, T8): the administrator keeps the catalogue; agreements and outages hang on S1.
        for (key, rule) in [
            ("GET /t/:tenant/services", Rule.read), ("GET /t/:tenant/services/new", .admin),
            ("POST /t/:tenant/services", .admin), ("GET /t/:tenant/services/:serviceID/edit", .admin),
            ("POST /t/:tenant/services/:serviceID/edit", .admin),
            ("GET /t/:tenant/services/:serviceID/levels/new", .admin),
            ("POST /t/:tenant/services/:serviceID/levels", .admin),
            ("GET /t/:tenant/agreements", .read), ("GET /t/:tenant/agreements/new", .editSome),
            ("POST /t/:tenant/agreements", .editSome), ("GET /t/:tenant/agreements/:agreementID/edit", .editS1),
            ("POST /t/:tenant/agreements/:agreementID/edit", .editS1), ("GET /t/:tenant/outages/new", .editSome),
            ("POST /t/:tenant/outages", .editSome), ("GET /t/:tenant/outages/:outageID/edit", .editS1),
            ("POST /t/:tenant/outages/:outageID/edit", .editS1),
            ("GET /api/v1/tenants/:tenant/services", .read), ("POST /api/v1/tenants/:tenant/services", .admin),
            ("GET /api/v1/tenants/:tenant/services/:serviceID", .read),
            ("PUT /api/v1/tenants/:tenant/services/:serviceID", .admin),
            ("DELETE /api/v1/tenants/:tenant/services/:serviceID", .admin),
            ("POST /api/v1/tenants/:tenant/services/:serviceID/levels", .admin),
            ("PUT /api/v1/tenants/:tenant/service-levels/:levelID", .admin),
            ("DELETE /api/v1/tenants/:tenant/service-levels/:levelID", .admin),
            ("GET /api/v1/tenants/:tenant/agreements", .read), ("POST /api/v1/tenants/:tenant/agreements", .editSome),
            ("GET /api/v1/tenants/:tenant/agreements/:agreementID", .read),
            ("PUT /api/v1/tenants/:tenant/agreements/:agreementID", .editS1),
            ("DELETE /api/v1/tenants/:tenant/agreements/:agreementID", .editS1),
            ("GET /api/v1/tenants/:tenant/agreements/:agreementID/availability", .read),
            ("GET /api/v1/tenants/:tenant/outages", .read), ("POST /api/v1/tenants/:tenant/outages", .editSome),
            ("GET /api/v1/tenants/:tenant/outages/:outageID", .read),
            ("PUT /api/v1/tenants/:tenant/outages/:outageID", .editS1),
            ("DELETE /api/v1/tenants/:tenant/outages/:outageID", .editS1),
        ] {
            t[key] = rule
        }
        // Incidents: every employee reports and reads them (T9); I1 touches S1, so S1's people handle it (F5).
        for path in ["", "/new", "/statistics", "/:incidentID"] { t["GET /t/:tenant/incidents\(path)"] = .read }
        t["POST /t/:tenant/incidents"] = .read
        t["GET /api/v1/tenants/:tenant/incidents"] = .read
        t["POST /api/v1/tenants/:tenant/incidents"] = .read
        t["GET /api/v1/tenants/:tenant/incidents/statistics"] = .read
        t["GET /api/v1/tenants/:tenant/incidents/:incidentID"] = .read
        for path in ["imy", "actions", "actions/:actionID/done", "notes", "status"] {
            t["POST /t/:tenant/incidents/:incidentID/\(path)"] = .editS1
        }
        for route in [
            "PUT /api/v1/tenants/:tenant/incidents/:incidentID/imy",
            "POST /api/v1/tenants/:tenant/incidents/:incidentID/actions",
            "PUT /api/v1/tenants/:tenant/incidents/:incidentID/actions/:actionID",
            "POST /api/v1/tenants/:tenant/incidents/:incidentID/notes",
            "POST /api/v1/tenants/:tenant/incidents/:incidentID/status",
        ] {
            t[route] = .editS1
        }
        for tab in ["roles", "integrations", "contracts", "service", "classification", "history"] {
            t["GET /t/:tenant/systems/:systemID/\(tab)"] = .read
        }
        for action in ["edit", "end", "delete"] {
            t["GET /t/:tenant/role-assignments/:assignmentID/\(action)"] = .editS1
            t["POST /t/:tenant/role-assignments/:assignmentID/\(action)"] = .editS1
        }
        for action in ["edit", "delete"] {
            t["GET /t/:tenant/integrations/:integrationID/\(action)"] = .editS1
            t["POST /t/:tenant/integrations/:integrationID/\(action)"] = .editS1
            t["GET /t/:tenant/contracts/:contractID/\(action)"] = .editS1
            t["POST /t/:tenant/contracts/:contractID/\(action)"] = .editS1
        }
        // The shared registers: everyone reads, the administrator changes.
        for (page, api, param) in [
            ("suppliers", "suppliers", "supplierID"), ("org", "org-units", "orgUnitID"),
            ("people", "people", "personID"), ("management-objects", "management-objects", "managementObjectID"),
        ] {
            t["GET /t/:tenant/\(page)"] = .read
            t["GET /t/:tenant/\(page)/:\(param)"] = .read
            t["GET /t/:tenant/\(page)/new"] = .admin
            t["POST /t/:tenant/\(page)"] = .admin
            for action in ["edit", "delete"] {
                t["GET /t/:tenant/\(page)/:\(param)/\(action)"] = .admin
                t["POST /t/:tenant/\(page)/:\(param)/\(action)"] = .admin
            }
            t["GET /api/v1/tenants/:tenant/\(api)"] = .read
            t["GET /api/v1/tenants/:tenant/\(api)/:\(param)"] = .read
            t["POST /api/v1/tenants/:tenant/\(api)"] = .admin
            t["PUT /api/v1/tenants/:tenant/\(api)/:\(param)"] = .admin
            t["DELETE /api/v1/tenants/:tenant/\(api)/:\(param)"] = .admin
        }
        return t
    }()

    @Test("Every route has an entry in the matrix, and every entry is a route")
    func complete() async throws {
        try await withTestApp { app in
            let routes = Set(app.routes.all.map(Self.key))
            let missing = routes.subtracting(Self.table.keys).sorted()
            let stale = Set(Self.table.keys).subtracting(routes).sorted()
            #expect(missing.isEmpty, "Routes without an entry in the permission matrix: \(missing)")
            #expect(stale.isEmpty, "Entries for routes that do not exist: \(stale)")
        }
    }

    @Test("Every route answers every kind of user as the matrix says, and refusals change nothing")
    func matrix() async throws {
        try await withTestApp { app in
            let other = try await World.make("annanby", on: app)
            let op = try await Fixtures.account("drift@styrbord.test", isOperator: true, in: nil, on: app)
            let outsiders = Outsiders(
                other: other, operatorAccount: op, operatorSession: try await Fixtures.session(for: op, on: app),
                operatorToken: try await Fixtures.token(for: op, on: app).0.requireID())
            let shared = try await World.make("hemby", on: app)
            let before = try await Fingerprint.take(app)
            var failures: [String] = []
            var mutatingAllowed: [(Route, Kind)] = []

            // Reads, and every refusal, against one municipality: none of them may change anything.
            for route in app.routes.all.sorted(by: { Self.key($0) < Self.key($1) }) {
                guard let rule = Self.table[Self.key(route)] else { continue }
                for kind in Kind.allCases {
                    let expected = rule.outcome(kind)
                    if route.method != .GET && expected == .ok {
                        mutatingAllowed.append((route, kind))
                        continue
                    }
                    let res = try await MatrixRequest.send(route, in: shared, as: kind, outsiders, app: app)
                    if let problem = Self.check(res, expected, route: route) {
                        failures.append("\(Self.key(route)) as \(kind): \(problem)")
                    }
                }
            }
            // Another municipality's ids under our own address: 404, as if they did not exist.
            for route in app.routes.all where Self.key(route).contains(":") && Self.table[Self.key(route)] != nil {
                let params = route.path.compactMap { if case .parameter(let p) = $0 { p } else { nil } }
                // A forum's key is the profile's, the same in every municipality: not a record id.
                guard params.contains(where: { !["tenant", "tokenID", "file", "forumKey"].contains($0) }) else {
                    continue
                }
                let res = try await MatrixRequest.send(
                    route, in: shared, as: .admin, outsiders, app: app, idsFrom: other)
                if res.status != .notFound {
                    failures.append("\(Self.key(route)) with annanby's ids: \(res.status.code), not 404")
                }
            }
            let after = try await Fingerprint.take(app)
            #expect(before == after, "Refused requests changed data: \(before.difference(from: after))")

            // Changes that are allowed, each in a municipality of its own (a delete must not spoil the next).
            var n = 0
            for (route, kind) in mutatingAllowed {
                n += 1
                let world = try await World.make("w-\(n)", on: app)
                let res = try await MatrixRequest.send(
                    route, in: world, as: kind, try await outsiders.renewed(on: app), app: app)
                if let problem = Self.check(res, .ok, route: route) {
                    failures.append("\(Self.key(route)) as \(kind): \(problem)")
                }
            }
            let report = "\(failures.count) answers differ from the matrix:\n" + failures.joined(separator: "\n")
            #expect(failures.isEmpty, "\(report)")
            #expect(mutatingAllowed.count > 50)  // the second phase really ran
            // The other municipality never changed, whatever was sent.
            #expect(try await Fingerprint.take(app, tenant: other.tenant) == other.fingerprint)
        }
    }

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map { "\($0)" }.joined(separator: "/")
    }

    /// Nil when the answer is what the matrix expects; otherwise what was wrong.
    static func check(_ res: TestingHTTPResponse, _ expected: Outcome, route: Route) -> String? {
        let status = res.status.code
        let isPageRead = route.method == .GET && !(route.path.first.map { "\($0)" } == "api")
        let toSignIn = status == 303 && (res.location ?? "").hasPrefix("/login")
        let got: Outcome? =
            switch status {
            case 401: .signIn
            case 403: .forbidden
            case 404: .hidden
            case 500...: nil
            default: toSignIn && isPageRead ? .signIn : .ok
            }
        if got == expected { return nil }
        return "expected \(expected), got \(status)\(res.location.map { " → \($0)" } ?? "") \(res.text.prefix(200))"
    }
}

/// The people outside the municipality under test: another municipality's administrator and the operator.
struct Outsiders {
    var other: World
    var operatorAccount: Account
    var operatorSession: String
    var operatorToken: UUID

    /// Fresh sessions, for when a request may end the old ones (signing out, changing the password).
    func renewed(on app: Application) async throws -> Outsiders {
        var copy = self
        copy.operatorSession = try await Fixtures.session(for: operatorAccount, on: app)
        copy.other.users[.admin] = .session(try await Fixtures.session(for: other.accounts[.admin]!, on: app))
        return copy
    }
}

extension PermissionMatrixTests.Kind {
    func user(in world: World, _ outsiders: Outsiders) -> TestUser {
        switch self {
        case .anonymous: .anonymous
        case .otherAdmin: outsiders.other.users[.admin]!
        case .platformOperator: .session(outsiders.operatorSession)
        default: world.users[self]!
        }
    }

    /// The acting user's own token and sign-in email.
    func tokenID(in world: World, _ outsiders: Outsiders) -> UUID? {
        switch self {
        case .otherAdmin: outsiders.other.tokenIDs[.admin]
        case .platformOperator: outsiders.operatorToken
        default: world.tokenIDs[self]
        }
    }

    func email(in world: World) -> String {
        switch self {
        case .otherAdmin: "admin@annanby.se"
        case .platformOperator: "drift@styrbord.test"
        default: "\(rawValue)@\(world.slug).se"
        }
    }
}

/// A municipality set up so that every kind of user has something to be allowed or refused: förvaltning A
/// (with unit A1) and B; system S1 owned by A1 and S2 by B; Olle is S1's systemägare, Dina its ersättare
/// systemförvaltare, Cilla IT-samordnare for A, Emil an employee without roles.
struct World {
    var slug: String
    var tenant: Tenant
    var ids: [String: UUID]
    var users: [PermissionMatrixTests.Kind: TestUser]
    var accounts: [PermissionMatrixTests.Kind: Account]
    var tokenIDs: [PermissionMatrixTests.Kind: UUID]
    var s1: ITSystem
    var s2: ITSystem
    var unitA1: OrgUnit
    var emil: Person
    /// Calendar feed secrets by path parameter.
    var secrets: [String: String] = [:]
    var fingerprint: Fingerprint

    static func make(_ slug: String, on app: Application) async throws -> World {
        let db = app.db
        let tenant = try await TenantSetup.create(
            slug: slug, name: "\(slug) kommun", dependencies: app.dependencies, on: db)
        let unitA = try await Fixtures.orgUnit("Förvaltning A", in: tenant, on: db)
        let unitA1 = try await Fixtures.orgUnit("Enhet A1", kind: .unit, parent: unitA, in: tenant, on: db)
        let unitB = try await Fixtures.orgUnit("Förvaltning B", in: tenant, on: db)
        let olle = try await Fixtures.person("Olle Ägare", in: tenant, on: db)
        let dina = try await Fixtures.person("Dina Ersättare", in: tenant, on: db)
        let cilla = try await Fixtures.person("Cilla Samordnare", in: tenant, on: db)
        let emil = try await Fixtures.person("Emil Medarbetare", in: tenant, on: db)
        let s1 = try await Fixtures.system("S1", owner: unitA1, in: tenant, on: db)
        let s2 = try await Fixtures.system("S2", owner: unitB, in: tenant, on: db)
        let owner = try await Fixtures.assign(RoleCatalogue.systemOwner, to: olle, on: s1, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemManager, to: dina, on: s1, holding: .deputy, in: tenant, db: db)
        let coordinatorRole = try await Fixtures.roleType(RoleCatalogue.itCoordinator, in: tenant, on: db)
        try await RoleAssignment(
            id: UUID(), tenantID: tenant.requireID(),
            draft: RoleAssignmentDraft(
                roleTypeId: coordinatorRole.requireID(), personId: cilla.requireID(), scope: .orgUnit,
                scopeId: unitA.requireID(), holding: .primary, validFrom: CalendarDay(year: 2024, month: 1, day: 1)!),
            now: testNow
        ).create(on: db)
        let integration = try await Fixtures.integration(from: s1, to: s2, in: tenant, on: db)
        let contract = try await ContractRules.create(
            ContractDraft(systemId: s1.requireID(), title: "Driftavtal"), tenant: tenant, actor: Fixtures.actor, on: db)
        let supplier = try await Fixtures.supplier("Leverantör AB", in: tenant, on: db)
        let object = try await ManagementObjectRules.create(
            ManagementObjectDraft(name: "Ekonomi"), tenant: tenant, actor: Fixtures.actor, on: db)

        var users: [PermissionMatrixTests.Kind: TestUser] = [:]
        var accounts: [PermissionMatrixTests.Kind: Account] = [:]
        var tokens: [PermissionMatrixTests.Kind: UUID] = [:]
        let people: [(PermissionMatrixTests.Kind, Person?)] = [
            (.employee, emil), (.holder, olle), (.deputy, dina), (.coordinator, cilla), (.admin, nil),
        ]
        for (kind, person) in people {
            let account = try await Fixtures.account(
                "\(kind.rawValue)@\(slug).se", admin: kind == .admin, person: person, in: tenant, on: app)
            accounts[kind] = account
            users[kind] = .session(try await Fixtures.session(for: account, on: app))
            tokens[kind] = try await Fixtures.token(for: account, on: app).0.requireID()
        }
        // P1: proposed by Olle (the holder) for förvaltning A, which Cilla coordinates. Made by the fixtures'
        // actor and then marked as Olle's, so that the audit trail shows no change of Olle's own.
        let proposal = try await ProposalRules.create(
            ProposalDraft(
                title: "Ny e-tjänst", need: "Ansökningar på papper", orgUnitId: unitA.id,
                systemIds: [try s1.requireID()],
                category: .business), tenant: tenant, actor: Fixtures.actor, on: db)
        proposal.proposedByAccountID = try accounts[.holder]!.requireID()
        try await proposal.update(on: db)
        // M1: a meeting of förvaltning A's lokalt IT-forum, with a free item on its agenda.
        let meeting = try await MeetingRules.create(
            MeetingDraft(
                forumKey: "lokalt-it-forum", orgUnitId: unitA.id, date: CalendarDay(year: 2030, month: 3, day: 4),
                startTime: TimeOfDay("09:00"), endTime: TimeOfDay("10:00"), place: "Rum 1"),
            tenant: tenant, actor: Fixtures.actor, on: db)
        let meetingState = try await MeetingState.load(meeting, tenant: tenant, today: testToday, on: db)
        let item = try await MeetingRules.addItem(
            AgendaItemDraft(title: "Information"), to: meetingState, tenant: tenant, today: testToday,
            actor: Fixtures.actor, on: db)
        let feedSecret = try await CalendarFeeds.renew(
            .forum, subject: "lokalt-it-forum", label: "Lokalt IT-forum", tenant: tenant, actor: Fixtures.actor, on: db)
        // S1's systemförvaltningsplan (a draft) and the IT-verksamhetsplan with one initiative.
        let plan = try await PlanRules.create(
            PlanDraft(kind: "systemforvaltningsplan", systemId: s1.id, startYear: 2026), tenant: tenant,
            actor: Fixtures.actor, on: db)
        let operations = try await PlanRules.create(
            PlanDraft(kind: "it-verksamhetsplan", startYear: 2026), tenant: tenant, actor: Fixtures.actor, on: db)
        let initiative = try await PlanRules.addInitiative(
            operations, InitiativeDraft(source: .free, title: "Ny växel"), tenant: tenant, actor: Fixtures.actor, on: db
        )
        // N1: a notice in Emil's inbox.
        let notice = try #require(
            try await Notifier.post(
                .init(kind: "test", title: "Notis till Emil", body: ""), to: [try emil.requireID()],
                tenantID: try tenant.requireID(), actor: Fixtures.actor, on: db
            ).first)
        // D1: Olle's guideline, adopted and published, with one version.
        let document = try await DocumentRules.create(
            GoverningDocumentDraft(
                title: "Riktlinje", typeKey: "riktlinje", ownerPersonId: try olle.requireID(),
                decidedOn: CalendarDay(year: 2025, month: 1, day: 1), status: .adopted),
            tenant: tenant, actor: Fixtures.actor, on: db)
        _ = try await DocumentRules.setPublished(document, true, actor: Fixtures.actor, on: db)
        let version = try await DocumentRules.addVersion(
            to: document, fileName: "riktlinje.md", bytes: Array("# Riktlinje\n".utf8), mediaType: nil,
            actor: Fixtures.actor, on: db)
        // The catalogue's service and level, S1's agreement with Olle as systemägare, and an outage of S1.
        let service = try await CatalogueRules.create(
            ServiceDraft(name: "Drift av verksamhetssystem"), tenant: tenant, actor: Fixtures.actor, on: db)
        let level = try await CatalogueRules.addLevel(
            ServiceLevelDraft(name: "Standard", availabilityPercent: 99.5), to: service, actor: Fixtures.actor, on: db)
        let agreement = try await AgreementRules.create(
            AgreementDraft(
                systemId: try s1.requireID(), serviceLevelId: level.id, ownerPersonId: try olle.requireID(),
                availabilityPercent: 99.5, validFrom: CalendarDay(year: 2026, month: 1, day: 1)!),
            tenant: tenant, actor: Fixtures.actor, on: db)
        let outage = try await OutageRules.create(
            OutageDraft(
                systemId: try s1.requireID(), startsAt: testNow.addingTimeInterval(-7_200),
                endsAt: testNow.addingTimeInterval(-3_600), description: "Nätverksfel"),
            tenant: tenant, actor: Fixtures.actor, on: db)
        // I1: a personal data breach touching S1, with one action.
        let incident = try await IncidentRules.report(
            IncidentDraft(
                kind: .personalDataBreach, severity: .high, title: "Fel mottagare", description: "Ett brev gick fel.",
                occurredAt: testNow.addingTimeInterval(-7_200), discoveredAt: testNow.addingTimeInterval(-3_600),
                systemIds: [try s1.requireID()]), tenant: tenant, actor: Fixtures.actor, on: db)
        let incidentAction = try await IncidentRules.addAction(
            incident, IncidentActionDraft(description: "Be mottagaren radera brevet"), tenant: tenant,
            actor: Fixtures.actor, on: db)
        // Emil's request for S1, a grant of his on S1 and a review of S1 in progress (T9).
        let emilID = try emil.requireID()
        let accessRequest = try await AccessRightsRules.createRequest(
            system: s1, AccessRequestDraft(personId: emilID, accessLevel: "Läs", need: "Handläggning"),
            tenant: tenant, actor: Fixtures.actor, on: db)
        let grant = try await AccessRightsRules.registerGrant(
            system: s1, AccessGrantDraft(personId: emilID, accessLevel: "Läs", decisionReference: "Beslut 2026:1"),
            tenant: tenant, actor: Fixtures.actor, on: db)
        let review = try await AccessRightsRules.startReview(
            system: s1, accountList: nil, tenant: tenant, actor: Fixtures.actor, on: db)
        let reviewItem = try await AccessReviewItem.query(on: db).filter(\.$reviewID == review.requireID()).first()!
        let ids: [String: UUID] = [
            "noticeID": try notice.requireID(),
            "documentID": try document.requireID(), "versionID": try version.requireID(),
            "ownerPersonID": try olle.requireID(),
            "serviceID": try service.requireID(), "levelID": try level.requireID(),
            "agreementID": try agreement.requireID(), "outageID": try outage.requireID(),
            "systemID": try s1.requireID(), "supplierID": try supplier.requireID(), "orgUnitID": try unitB.requireID(),
            "personID": try emil.requireID(), "managementObjectID": try object.requireID(),
            "roleTypeID": try await Fixtures.roleType(RoleCatalogue.informationOwner, in: tenant, on: db).requireID(),
            "assignmentID": try owner.requireID(), "integrationID": try integration.requireID(),
            "contractID": try contract.requireID(), "accountID": try accounts[.employee]!.requireID(),
            "proposalID": try proposal.requireID(), "meetingID": try meeting.requireID(),
            "itemID": try item.requireID(), "unitA": try unitA.requireID(), "planID": try plan.requireID(),
            "initiativeID": try initiative.requireID(), "incidentID": try incident.requireID(),
            "actionID": try incidentAction.requireID(), "requestID": try accessRequest.requireID(),
            "grantID": try grant.requireID(), "reviewID": try review.requireID(),
            "reviewItemID": try reviewItem.requireID(),
        ]
        return World(
            slug: slug, tenant: tenant, ids: ids, users: users, accounts: accounts, tokenIDs: tokens, s1: s1, s2: s2,
            unitA1: unitA1, emil: emil, secrets: ["feedSecret": feedSecret + ".ics"],
            fingerprint: try await Fingerprint.take(app, tenant: tenant))
    }
}

/// How many rows of data a database (or one tenant) holds, and how many data changes its history records:
/// every change is recorded in the same transaction, so an unchanged count means nothing was changed.
/// Security events (sign-ins, refusals) are left out: refusals are supposed to be recorded.
struct Fingerprint: Equatable, CustomStringConvertible {
    var counts: [String: Int]

    static let tables = [
        "tenants", "org_units", "people", "suppliers", "management_objects", "role_types", "it_systems",
        "role_assignments", "integrations", "contracts", "accounts", "api_tokens", "governance_profiles",
        "proposals", "proposal_step_records", "proposal_decisions", "meetings", "meeting_items", "meeting_attendance",
        "calendar_feed_tokens", "plans", "plan_activities", "plan_initiatives",
        "governing_documents", "document_versions", "document_audience_units", "document_audience_roles",
        "document_read_requests", "document_files", "services", "service_levels", "service_agreements", "outages",
        "incidents", "incident_systems", "incident_actions", "incident_notes", "access_requests", "access_grants",
        "access_reviews", "access_review_items", "security_rules_confirmations",
        "notices",
    ]

    static func take(_ app: Application, tenant: Tenant? = nil) async throws -> Fingerprint {
        let sql = app.db as! any SQLDatabase
        var counts: [String: Int] = [:]
        for table in tables {
            var query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            if let tenant {
                let column = table == "tenants" ? "id" : "tenant_id"
                if table == "api_tokens" { continue }
                query = query.where(SQLColumn(column), .equal, SQLBind(try tenant.requireID()))
            }
            counts[table] = try await query.first(decoding: Count.self)?.n ?? -1
        }
        var history = AuditEntry.query(on: app.db).filter(\.$action ~~ [.create, .update, .delete, .import])
        if let tenant { history = history.filter(\.$tenantID == tenant.id) }
        counts["audit (data changes)"] = try await history.count()
        return Fingerprint(counts: counts)
    }

    private struct Count: Decodable { var n: Int }

    var description: String { counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }

    func difference(from other: Fingerprint) -> String {
        counts.keys.sorted().filter { counts[$0] != other.counts[$0] }
            .map { "\($0): \(counts[$0] ?? 0) → \(other.counts[$0] ?? 0)" }.joined(separator: ", ")
    }
}

/// Builds and sends the request a route takes, with a body that a permitted user could send.
enum MatrixRequest {
    static func send(
        _ route: Route, in world: World, as kind: PermissionMatrixTests.Kind, _ outsiders: Outsiders,
        app: Application, idsFrom source: World? = nil
    ) async throws -> TestingHTTPResponse {
        let user = kind.user(in: world, outsiders)
        let ids = (source ?? world).ids
        let key = PermissionMatrixTests.key(route)
        let path =
            "/"
            + route.path.map { component -> String in
                switch component {
                case .constant(let c): return c
                case .parameter("tenant"): return world.slug
                case .parameter("file"): return key.contains("/audit/") ? "export.csv" : "systems.csv"
                case .parameter("tokenID"): return (kind.tokenID(in: world, outsiders) ?? UUID()).uuidString
                case .parameter("forumKey"): return "lokalt-it-forum"
                case .parameter("feedSecret"): return (source ?? world).secrets["feedSecret"] ?? "missing"
                case .parameter(let name): return ids[name]?.uuidString ?? "missing-\(name)"
                default: return "\(component)"
                }
            }.joined(separator: "/")
        switch route.method {
        case .GET where key == "GET /t/:tenant/role-assignments/new":
            return try await app.get(path + "?scope=system&scopeId=\(world.s1.id!.uuidString)", as: user)
        case .GET:
            return try await app.get(path, as: user)
        case .DELETE:
            return try await app.delete(path, as: user)
        case .POST where key.hasPrefix("POST /api/v1/tenants/:tenant/imports"):
            return try await app.sendRaw(
                .POST, path, "Namn;Kategori\nNytt;Verksamhetssystem\n",
                contentType: HTTPMediaType(type: "text", subType: "csv"),
                as: user)
        case .POST where path.hasPrefix("/api/"), .PUT:
            return try await app.send(
                route.method, path, headers: ["Content-Type": "application/json"],
                body: ByteBuffer(data: try jsonBody(key, world, kind)), as: user)
        default:
            return try await app.sendForm(path, formBody(key, world, kind), as: user)
        }
    }

    /// A body a permitted user could send: valid where the rule checks the chosen target.
    static func jsonBody(_ key: String, _ w: World, _ kind: PermissionMatrixTests.Kind) throws -> Data {
        let e = JSONEncoder()
        let s1 = try w.s1.requireID(), s2 = try w.s2.requireID()
        switch key {
        case "POST /api/v1/tenants/:tenant/systems":
            return try e.encode(ITSystemDraft(name: "Nytt system", category: .business, ownerOrgUnitId: w.unitA1.id))
        case "PUT /api/v1/tenants/:tenant/systems/:systemID":
            return try e.encode(ITSystemDraft(name: "S1", category: .business, ownerOrgUnitId: w.unitA1.id))
        case "POST /api/v1/tenants/:tenant/integrations", "PUT /api/v1/tenants/:tenant/integrations/:integrationID":
            return try e.encode(
                IntegrationDraft(sourceSystemId: s1, targetSystemId: s2, kind: .file, information: "Fakturor"))
        case "POST /api/v1/tenants/:tenant/contracts", "PUT /api/v1/tenants/:tenant/contracts/:contractID":
            return try e.encode(ContractDraft(systemId: s1, title: "Licensavtal"))
        case "POST /api/v1/tenants/:tenant/role-assignments",
            "PUT /api/v1/tenants/:tenant/role-assignments/:assignmentID":
            let role = w.ids["roleTypeID"]!
            return try e.encode(
                RoleAssignmentDraft(
                    roleTypeId: role, personId: try w.emil.requireID(), scope: .system, scopeId: s1, holding: .primary,
                    validFrom: CalendarDay(year: 2026, month: 1, day: 1)!))
        case "POST /api/v1/tenants":
            return try e.encode(["slug": "ny-kommun", "name": "Ny kommun"])
        case "POST /api/v1/tenants/:tenant/accounts":
            return try e.encode(["email": "ny@\(w.slug).se", "name": "Ny Person"])
        case "PUT /api/v1/tenants/:tenant/accounts/:accountID":
            return try e.encode(AccountDraft(email: "employee@\(w.slug).se", name: "Emil M"))
        case "POST /api/v1/tenants/:tenant/profile/versions":
            // A valid profile, so that the allowed upload really stores a version.
            return try e.encode(["yaml": ShippedProfiles.yaml("tanum")!, "message": "Ny version"])
        case "POST /api/v1/tenants/:tenant/proposals", "PUT /api/v1/tenants/:tenant/proposals/:proposalID":
            return try e.encode(
                ProposalDraft(title: "Förslag", need: "Behov", orgUnitId: w.unitA1.id, category: .business))
        case "PUT /api/v1/tenants/:tenant/proposals/:proposalID/checklist":
            return try e.encode(ChecklistAnswers())
        case "PUT /api/v1/tenants/:tenant/proposals/:proposalID/calculation":
            return try e.encode(CalculationRequest(firstYear: 2026))
        case "POST /api/v1/tenants/:tenant/proposals/:proposalID/steps":
            return try e.encode(StepRecordDraft(stepKey: "okant", outcome: .done))
        case "POST /api/v1/tenants/:tenant/proposals/:proposalID/decision":
            return try e.encode(
                DecisionDraft(
                    outcome: .approved, decidedByBody: "Nämnden", decidedByPerson: "Eva", reasons: "Behövs",
                    decidedOn: CalendarDay(year: 2026, month: 3, day: 2)))
        case "POST /api/v1/tenants/:tenant/meetings", "PUT /api/v1/tenants/:tenant/meetings/:meetingID":
            return try e.encode(
                MeetingDraft(
                    forumKey: "lokalt-it-forum", orgUnitId: w.ids["unitA"],
                    date: CalendarDay(year: 2030, month: 3, day: 5),
                    startTime: TimeOfDay("13:00"), endTime: TimeOfDay("14:00"), place: "Rum 2"))
        case "POST /api/v1/tenants/:tenant/meetings/:meetingID/items":
            return try e.encode(AgendaItemDraft(title: "Övrigt"))
        case "PUT /api/v1/tenants/:tenant/meetings/:meetingID/items/:itemID/minutes":
            return try e.encode(MinutesDraft(note: "Informationen noterades."))
        case "PUT /api/v1/tenants/:tenant/meetings/:meetingID/attendance":
            return try e.encode(AttendanceDraft(guests: ["Eva Ek, kommunjurist"]))
        case "PUT /api/v1/tenants/:tenant/meetings/:meetingID/items/:itemID/decision":
            return try e.encode(MeetingDecisionDraft(outcome: .approved, decidedByPerson: "Eva", reasons: "Behövs"))
        case "POST /api/v1/tenants/:tenant/meetings/:meetingID/cancel":
            return try e.encode(["reason": "Inställt"])
        case "POST /api/v1/tenants/:tenant/plans":
            return try e.encode(PlanDraft(kind: "systemforvaltningsplan", systemId: s1, startYear: 2026))
        case "POST /api/v1/tenants/:tenant/documents", "PUT /api/v1/tenants/:tenant/documents/:documentID":
            return try e.encode(
                GoverningDocumentDraft(title: "Riktlinje", typeKey: "riktlinje", ownerPersonId: w.ids["ownerPersonID"]!)
            )
        case "PUT /api/v1/tenants/:tenant/documents/:documentID/audience":
            return try e.encode(DocumentAudienceDraft(everyone: false, orgUnitIds: [w.ids["unitA"]!]))
        case "PUT /api/v1/tenants/:tenant/documents/:documentID/publication":
            return try e.encode(["published": true])
        case "POST /api/v1/tenants/:tenant/incidents":
            return try e.encode(
                IncidentDraft(
                    kind: .access, severity: .medium, title: "Delat konto", description: "Ett konto delades.",
                    occurredAt: testNow.addingTimeInterval(-600), discoveredAt: testNow.addingTimeInterval(-300),
                    systemIds: [s1]))
        case "PUT /api/v1/tenants/:tenant/incidents/:incidentID/imy":
            return try e.encode(
                ImyNotificationDraft(notified: false, reasonNotNotified: "Ingen risk för de registrerade"))
        case "POST /api/v1/tenants/:tenant/incidents/:incidentID/actions",
            "PUT /api/v1/tenants/:tenant/incidents/:incidentID/actions/:actionID":
            return try e.encode(IncidentActionDraft(description: "Byt lösenord"))
        case "POST /api/v1/tenants/:tenant/incidents/:incidentID/notes":
            return try e.encode(IncidentNoteDraft(text: "Utredningen har börjat."))
        case "POST /api/v1/tenants/:tenant/incidents/:incidentID/status":
            return try e.encode(IncidentStatusDraft(status: .investigating))
        case "POST /api/v1/tenants/:tenant/systems/:systemID/access-requests":
            return try e.encode(AccessRequestDraft(personId: w.emil.id, accessLevel: "Skriv", need: "Ny uppgift"))
        case "POST /api/v1/tenants/:tenant/systems/:systemID/access-grants":
            return try e.encode(
                AccessGrantDraft(personId: w.emil.id, accessLevel: "Skriv", decisionReference: "Beslut 2026:2"))
        case "POST /api/v1/tenants/:tenant/access-requests/:requestID/decision":
            return try e.encode(AccessDecisionDraft(approve: true, reason: "Behövs i tjänsten"))
        case "POST /api/v1/tenants/:tenant/access-grants/:grantID/removal":
            return try e.encode(AccessRemovalDraft(reason: "Behövs inte längre"))
        case "PUT /api/v1/tenants/:tenant/access-reviews/:reviewID/items/:reviewItemID":
            return try e.encode(AccessReviewItemDraft(outcome: .confirmed))
        case "POST /api/v1/tenants/:tenant/role-types":
            return try e.encode(["key": "ny-roll", "nameSv": "Ny roll", "scope": "system"])
        default:
            return try e.encode(["name": "Nytt namn"])
        }
    }

    static func formBody(_ key: String, _ w: World, _ kind: PermissionMatrixTests.Kind) -> [(String, String)] {
        let s1 = w.s1.id!.uuidString, s2 = w.s2.id!.uuidString
        switch key {
        case "POST /login":
            return [("email", kind.email(in: w)), ("password", kind == .anonymous ? "fel" : Fixtures.password)]
        case "POST /t/:tenant/systems":
            return [
                ("name", "Nytt system"), ("category", "verksamhetssystem"), ("ownerOrgUnitId", w.unitA1.id!.uuidString),
            ]
        case "POST /t/:tenant/integrations":
            return [("sourceSystemId", s1), ("targetSystemId", s2), ("kind", "fil"), ("frequency", "dagligen")]
        case "POST /t/:tenant/contracts":
            return [("systemId", s1), ("title", "Licensavtal")]
        case "POST /t/:tenant/role-assignments":
            return [
                ("roleTypeId", w.ids["roleTypeID"]!.uuidString), ("personId", w.emil.id!.uuidString),
                ("scope", "system"),
                ("scopeId", s1), ("holding", "ordinarie"), ("validFrom", "2026-01-01"),
            ]
        case "POST /t/:tenant/proposals", "POST /t/:tenant/proposals/:proposalID/edit":
            return [
                ("title", "Förslag"), ("need", "Behov"), ("orgUnitId", w.unitA1.id!.uuidString),
                ("category", "verksamhetssystem"),
            ]
        case "POST /t/:tenant/forums/:forumKey/meetings", "POST /t/:tenant/meetings/:meetingID/edit":
            return [
                ("orgUnitId", w.ids["unitA"]!.uuidString), ("date", "2030-03-05"), ("startTime", "13:00"),
                ("endTime", "14:00"), ("place", "Rum 2"),
            ]
        case "POST /t/:tenant/meetings/:meetingID/items":
            return [("title", "Övrigt")]
        case "POST /t/:tenant/meetings/:meetingID/items/:itemID/minutes":
            return [("item1.note", "Informationen noterades.")]
        case "POST /t/:tenant/meetings/:meetingID/attendance":
            return [("guests", "Eva Ek, kommunjurist")]
        case "POST /t/:tenant/plans":
            return [("kind", "systemforvaltningsplan"), ("systemId", s1), ("startYear", "2026")]
        case "POST /t/:tenant/documents", "POST /t/:tenant/documents/:documentID/edit":
            return [
                ("title", "Riktlinje"), ("typeKey", "riktlinje"), ("ownerPersonId", w.ids["ownerPersonID"]!.uuidString),
                ("status", "utkast"),
            ]
        case "POST /t/:tenant/documents/:documentID/audience":
            return [("everyone", "false"), ("orgUnitIds", w.ids["unitA"]!.uuidString)]
        case "POST /t/:tenant/incidents":
            return [
                ("kind", "behorighet"), ("severity", "medel"), ("title", "Delat konto"),
                ("description", "Ett konto delades."),
                ("occurredAt", "2026-03-02"), ("occurredAtTime", "08:00"), ("discoveredAt", "2026-03-02"),
                ("discoveredAtTime", "09:00"), ("systemIds", s1),
            ]
        case "POST /t/:tenant/incidents/:incidentID/imy":
            return [("notified", "false"), ("reasonNotNotified", "Ingen risk för de registrerade")]
        case "POST /t/:tenant/incidents/:incidentID/actions":
            return [("description", "Byt lösenord")]
        case "POST /t/:tenant/incidents/:incidentID/notes":
            return [("text", "Utredningen har börjat.")]
        case "POST /t/:tenant/incidents/:incidentID/status":
            return [("status", "under-utredning")]
        case "POST /t/:tenant/systems/:systemID/access/requests":
            return [("personId", w.emil.id!.uuidString), ("accessLevel", "Skriv"), ("need", "Ny uppgift")]
        case "POST /t/:tenant/systems/:systemID/access/grants":
            return [("personId", w.emil.id!.uuidString), ("accessLevel", "Skriv"), ("decisionReference", "B 2")]
        case "POST /t/:tenant/access-requests/:requestID/decision":
            return [("decision", "approve"), ("reason", "Behövs i tjänsten")]
        case "POST /t/:tenant/access-grants/:grantID/removal":
            return [("reason", "Behövs inte längre")]
        case "POST /t/:tenant/access-reviews/:reviewID/items/:reviewItemID":
            return [("outcome", "bekraftad")]
        case "POST /t/:tenant/profile/versions":
            return [("yaml", ShippedProfiles.yaml("tanum")!), ("message", "Ny version")]
        case "POST /account/tokens":
            return [("name", "Skript"), ("access", "read"), ("validDays", "30")]
        case "POST /platform/tenants":
            return [
                ("slug", "ny-kommun"), ("name", "Ny kommun"), ("adminName", "Ny Chef"), ("adminEmail", "chef@ny.se"),
            ]
        default:
            return [("name", "Nytt namn")]
        }
    }
}
