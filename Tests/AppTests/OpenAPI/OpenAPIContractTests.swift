import Fluent
import Foundation
import NIOCore
import StyrbordCore
import Testing
import VaporTesting
import Yams

@testable import App

/// The API contract: `openapi.yaml` names every `/api` route and no other, is served as OpenAPI 3.1,
/// and describes what the API really answers.
@Suite("OpenAPI contract")
struct OpenAPIContractTests {
    @Test("Every /api route is documented, and every documented operation is a route")
    func routesMatchDocument() async throws {
        try await withTestApp { app in
            let routed = Set(app.routes.all.compactMap(ContractDocument.operationKey(of:)))
            let documented = try ContractDocument.load().operationKeys
            let missing = routed.subtracting(documented).sorted()
            let extra = documented.subtracting(routed).sorted()
            #expect(missing.isEmpty, "Routes missing from openapi.yaml:\n\(missing.joined(separator: "\n"))")
            #expect(extra.isEmpty, "Operations in openapi.yaml that no route serves:\n\(extra.joined(separator: "\n"))")
            #expect(routed.count > 50)  // the comparison saw the API, not an empty route table
        }
    }

    @Test("Every operation has a unique operationId, and every reference in the document resolves")
    func operationIDsAndReferences() throws {
        let document = try ContractDocument.load()
        let ids = document.operations.map(\.id)
        #expect(!ids.contains(""), "Operations without an operationId")
        #expect(
            Set(ids).count == ids.count,
            "Repeated operationIds: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        #expect(document.unresolvedReferences().isEmpty, "Unresolved: \(document.unresolvedReferences())")
    }

    @Test("/api/openapi.yaml serves the document as OpenAPI 3.1")
    func served() async throws {
        try await withTestApp { app in
            let res = try await app.get("/api/openapi.yaml")
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.subType == "yaml")
            let served = try #require(try Yams.load(yaml: res.body.string) as? [String: Any])
            let version = try #require(served["openapi"] as? String)
            #expect(version.hasPrefix("3.1."))
            #expect((served["paths"] as? [String: Any])?.isEmpty == false)
        }
    }

    @Test("Real answers match their documented schemas: records, lists, reports and errors")
    func responsesMatchSchemas() async throws {
        try await withTestApp { app in
            let document = try ContractDocument.load()
            let world = try await ContractWorld.make(on: app)
            let t = "/api/v1/tenants/testby"

            // Reads of every kind of record, the optional fields filled in so that they are checked too.
            let checked: [(HTTPMethod, String, HTTPStatus)] = [
                (.GET, "/api/v1/tenants", .ok),
                (.GET, t, .ok),
                (.GET, "\(t)/systems", .ok),
                (.GET, "\(t)/systems?category=verksamhetssystem&sort=owner&order=desc&perPage=1", .ok),
                (.GET, "\(t)/systems/\(world.system)", .ok),
                (.GET, "\(t)/systems/\(world.system)/dependencies", .ok),
                (.GET, "\(t)/systems/\(world.system)/history", .ok),
                (.GET, "\(t)/suppliers", .ok), (.GET, "\(t)/suppliers/\(world.supplier)", .ok),
                (.GET, "\(t)/org-units", .ok), (.GET, "\(t)/org-units/\(world.unit)", .ok),
                (.GET, "\(t)/people?status=all", .ok), (.GET, "\(t)/people/\(world.person)", .ok),
                (.GET, "\(t)/management-objects", .ok), (.GET, "\(t)/management-objects/\(world.object)", .ok),
                (.GET, "\(t)/role-types", .ok), (.GET, "\(t)/role-types/\(world.roleType)", .ok),
                (.GET, "\(t)/role-assignments?current=true", .ok),
                (.GET, "\(t)/role-assignments/\(world.assignment)", .ok),
                (.GET, "\(t)/integrations", .ok), (.GET, "\(t)/integrations/\(world.integration)", .ok),
                (.GET, "\(t)/contracts", .ok), (.GET, "\(t)/contracts/\(world.contract)", .ok),
                (.GET, "\(t)/reports/role-distribution", .ok),
                (.GET, "\(t)/compliance/findings", .ok),
                (.GET, "\(t)/compliance/findings?rule=roles.deputy&severity=error&person=me&perPage=1", .ok),
                (.GET, "\(t)/compliance/scores", .ok),
                (.GET, "\(t)/compliance/history?from=2026-01-01", .ok),
                (.GET, "\(t)/compliance/findings?rule=okand", .badRequest),
                // Errors: unknown tenant and record, a malformed id, a query the API doesn't understand.
                (.GET, "/api/v1/tenants/nowhere/systems", .notFound),
                (.GET, "\(t)/systems/\(UUID())", .notFound),
                (.GET, "\(t)/systems/not-a-uuid", .unprocessableEntity),
                (.GET, "\(t)/systems?perPage=500", .badRequest),
                (.GET, "\(t)/role-assignments?roleKey=okand-roll", .badRequest),
                // In use: the unit owns a system.
                (.DELETE, "\(t)/org-units/\(world.unit)", .conflict),
            ]
            for (method, path, status) in checked {
                let res = try await app.send(method, path)
                #expect(res.status == status, "\(method) \(path)")
                try document.expectConforms(res, method: method, path: path)
            }

            // Writes: a create with its Location, a refusal listing every field, the wrong media type.
            let created = try await app.sendJSON(.POST, "\(t)/systems", ["name": "Ny", "category": "kommungemensamt"])
            #expect(created.status == .created)
            #expect(created.location?.hasPrefix("\(t)/systems/") == true)
            try document.expectConforms(created, method: .POST, path: "\(t)/systems")
            let refused = try await app.sendRaw(
                .POST, "\(t)/systems", #"{"name": "", "category": "kommungemensamt", "userCount": -1}"#)
            #expect(refused.status == .unprocessableEntity)
            try document.expectConforms(refused, method: .POST, path: "\(t)/systems")
            let undecodable = try await app.sendRaw(.POST, "\(t)/systems", #"{"name": "X", "category": "gemensam"}"#)
            #expect(undecodable.status == .unprocessableEntity)
            try document.expectConforms(undecodable, method: .POST, path: "\(t)/systems")
            let wrongType = try await app.sendRaw(.POST, "\(t)/suppliers", "name=X", contentType: .plainText)
            #expect(wrongType.status == .unsupportedMediaType)
            try document.expectConforms(wrongType, method: .POST, path: "\(t)/suppliers")
            let csv = "System;Kategori\r\nImporterat;Verksamhetssystem\r\n"
            let dryRun = try await app.sendRaw(
                .POST, "\(t)/imports/systems?dryRun=true", csv, contentType: HTTPMediaType(type: "text", subType: "csv")
            )
            #expect(dryRun.status == .ok)
            try document.expectConforms(dryRun, method: .POST, path: "\(t)/imports/systems")
        }
    }

    @Test("The schema check fails on a wrong answer: a missing field, an unknown value, an extra key")
    func checkerCanFail() async throws {
        try await withTestApp { app in
            let document = try ContractDocument.load()
            let world = try await ContractWorld.make(on: app)
            let res = try await app.get("/api/v1/tenants/testby/systems/\(world.system)")
            guard case .object(var system) = try JSONValue.decode(res.body) else {
                Issue.record("not an object")
                return
            }
            #expect(document.problems(.object(system), schema: document.schema(named: "System")).isEmpty)
            system["name"] = nil
            system["category"] = .string("gemensam")
            system["colour"] = .string("blå")
            if case .object(var classification)? = system["classification"] {
                classification["confidentiality"] = .integer(7)
                system["classification"] = .object(classification)
            }
            let problems = document.problems(.object(system), schema: document.schema(named: "System"))
            #expect(problems.contains { $0.contains("name") && $0.contains("required") }, "\(problems)")
            #expect(problems.contains { $0.hasPrefix("$.category") }, "\(problems)")
            #expect(problems.contains { $0.contains("colour") }, "\(problems)")
            #expect(problems.contains { $0.hasPrefix("$.classification.confidentiality") }, "\(problems)")
            // Optional fields without a value are left out, never null: a null is a problem too.
            var withNull = system
            withNull["ownerOrgUnitId"] = .null
            #expect(
                document.problems(.object(withNull), schema: document.schema(named: "System")).contains {
                    $0.hasPrefix("$.ownerOrgUnitId")
                })
        }
    }
}

/// Records of every kind, with their optional fields filled in, for the schema checks.
private struct ContractWorld {
    var system: UUID
    var supplier: UUID
    var unit: UUID
    var person: UUID
    var object: UUID
    var roleType: UUID
    var assignment: UUID
    var integration: UUID
    var contract: UUID

    static func make(on app: Application) async throws -> ContractWorld {
        let db = app.db
        let tenant = try await Fixtures.tenant(on: app)
        let parent = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: tenant, on: db)
        let child = try await Fixtures.orgUnit("Socialförvaltningen", parent: parent, in: tenant, on: db)
        let person = try await Fixtures.person("Åsa Öberg", in: tenant, on: db)
        let supplier = try await Fixtures.supplier("CGI Sverige AB", in: tenant, on: db)
        let object = try await Fixtures.managementObject("Socialtjänst", owner: child, in: tenant, on: db)
        let system = try await Fixtures.system(
            "Procapita", owner: child,
            configure: { d in
                d.aliases = ["Lifecare"]
                d.userOrgUnitIds = [parent.id!]
                d.managementObjectId = object.id
                d.productionStartOn = CalendarDay(year: 2012, month: 5, day: 1)
                d.decommissionPlannedOn = CalendarDay(year: 2030, month: 1, day: 1)
                d.operationMode = .external
                d.operatorSupplierId = supplier.id
                d.supplierId = supplier.id
                d.userCount = 450
                d.classification = .init(
                    confidentiality: .l3, integrity: .l2, availability: .l2, traceability: .l1,
                    classifiedByPersonId: person.id, classifiedOn: CalendarDay(year: 2025, month: 1, day: 10),
                    validUntil: CalendarDay(year: 2027, month: 1, day: 10))
                d.personalData = .init(
                    level: .sensitive, purpose: "Handläggning", legalBasis: .publicAuthority,
                    dataSubjectCategories: ["Brukare"], processorAgreement: .inPlace,
                    processorAgreementRef: "KS 2020/1",
                    retention: "Gallras efter 5 år")
                d.ai = .init(usesAI: true, riskClass: .limited, description: "Textförslag")
                d.backup = .init(isBackedUp: true, rpoHours: 24, rtoHours: 8)
                d.documentationLinks = [.init(title: "Manual", url: "https://example.se/manual")]
                d.tags = ["socialtjänst"]
            }, in: tenant, on: db)
        let other = try await Fixtures.system("Raindance", category: .common, in: tenant, on: db)
        let integration = try await Fixtures.integration(from: other, to: system, in: tenant, on: db)
        let role = try await Fixtures.roleType(RoleCatalogue.systemManager, in: tenant, on: db)
        let boss = try await Fixtures.person("Bo Chef", in: tenant, on: db)
        _ = try await Fixtures.person("Kim Slutat", active: false, in: tenant, on: db)  // leftOn is filled in
        let assignment = try await Fixtures.assign(
            role, to: person, scope: .system, scopeID: system.id, holding: .deputy,
            to: CalendarDay(year: 2030, month: 12, day: 31), appointedBy: boss, in: tenant, db: db)
        let contract = try await ContractRules.create(
            ContractDraft(
                systemId: try system.requireID(), supplierId: supplier.id, title: "Licensavtal",
                reference: "KS 2019/12",
                startsOn: CalendarDay(year: 2020, month: 1, day: 1),
                endsOn: CalendarDay(year: 2027, month: 12, day: 31),
                noticePeriodMonths: 9, autoRenews: true, renewalPeriodMonths: 24,
                yearlyLicenceCost: Money(kronor: 250_000), yearlyOperationCost: Money(kronor: 80_000), notes: "Ramavtal"
            ),
            tenant: tenant, actor: Fixtures.actor, on: db)
        return ContractWorld(
            system: try system.requireID(), supplier: try supplier.requireID(), unit: try child.requireID(),
            person: try person.requireID(),
            object: try object.requireID(), roleType: try role.requireID(), assignment: try assignment.requireID(),
            integration: try integration.requireID(), contract: try contract.requireID())
    }
}

/// A JSON value exactly as the API sent it: integers stay integers, booleans stay booleans.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object(
        [String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    static func decode(_ buffer: ByteBuffer) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// The document as the app serves it, with the little JSON Schema the contract tests need: types,
/// required and additional properties, enums, constants, formats, ranges, lengths, patterns, `$ref`
/// (keywords beside a `$ref` are only descriptions in this document), `allOf`/`anyOf` and
/// `unevaluatedProperties`.
struct ContractDocument {
    struct Operation {
        var method: String
        var path: String
        var id: String
        var definition: [String: Any]
    }

    let root: [String: Any]
    let operations: [Operation]

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    static func load() throws -> ContractDocument {
        guard let root = try Yams.load(yaml: StaticAssets.openAPI) as? [String: Any] else {
            throw TestSetupError("openapi.yaml is not a YAML mapping")
        }
        var operations: [Operation] = []
        for (path, item) in (root["paths"] as? [String: Any]) ?? [:] {
            for (method, value) in (item as? [String: Any]) ?? [:] where methods.contains(method) {
                let definition = value as? [String: Any] ?? [:]
                operations.append(
                    Operation(
                        method: method.uppercased(), path: path, id: definition["operationId"] as? String ?? "",
                        definition: definition))
            }
        }
        return ContractDocument(root: root, operations: operations)
    }

    /// "GET /api/v1/tenants/{tenant}/systems" for every operation.
    var operationKeys: Set<String> { Set(operations.map { "\($0.method) \($0.path)" }) }

    /// The same key for a Vapor route under `/api`, with `:name` written as `{name}`; nil for other routes.
    static func operationKey(of route: Route) -> String? {
        guard case .constant("api")? = route.path.first else { return nil }
        let segments = route.path.map { component -> String in
            switch component {
            case .constant(let text): text
            case .parameter(let name): "{\(name)}"
            case .anything: "*"
            case .catchall: "**"
            }
        }
        return "\(route.method.rawValue) /\(segments.joined(separator: "/"))"
    }

    func schema(named name: String) -> [String: Any] {
        ["$ref": "#/components/schemas/\(name)"]
    }

    /// The documented operation a concrete request reaches.
    func operation(_ method: HTTPMethod, _ concretePath: String) -> Operation? {
        let path = concretePath.split(separator: "?").first.map(String.init) ?? concretePath
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return operations.first { op in
            let template = op.path.split(separator: "/", omittingEmptySubsequences: false)
            return op.method == method.rawValue && template.count == parts.count
                && zip(template, parts).allSatisfy { t, p in (t.hasPrefix("{") && t.hasSuffix("}")) || t == p }
        }
    }

    /// Records an issue for every way the response differs from what the document says the operation answers.
    func expectConforms(
        _ res: TestingHTTPResponse, method: HTTPMethod, path: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let op = operation(method, path) else {
            Issue.record("\(method.rawValue) \(path) is not in the document", sourceLocation: sourceLocation)
            return
        }
        let responses = op.definition["responses"] as? [String: Any] ?? [:]
        guard let documented = responses[String(res.status.code)].map(resolve) as? [String: Any] else {
            Issue.record("\(op.id) does not document status \(res.status.code)", sourceLocation: sourceLocation)
            return
        }
        for (name, header) in documented["headers"] as? [String: Any] ?? [:] {
            if (resolve(header) as? [String: Any])?["required"] as? Bool == true, res.headers.first(name: name) == nil {
                Issue.record(
                    "\(op.id) \(res.status.code) lacks the required header \(name)", sourceLocation: sourceLocation)
            }
        }
        guard let content = documented["content"] as? [String: Any] else {
            if res.body.readableBytes > 0 {
                Issue.record(
                    "\(op.id) \(res.status.code) documents no body but sent one", sourceLocation: sourceLocation)
            }
            return
        }
        guard let json = content["application/json"] as? [String: Any], let schema = json["schema"] as? [String: Any]
        else {
            return  // not JSON (the document itself): nothing more to check here
        }
        #expect(
            res.headers.contentType?.subType == "json", "\(op.id) \(res.status.code) content type",
            sourceLocation: sourceLocation)
        let problems = self.problems(try JSONValue.decode(res.body), schema: schema)
        #expect(
            problems.isEmpty, "\(op.id) \(res.status.code):\n\(problems.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }

    /// Follows `$ref` (local references only, which is all the document uses).
    func resolve(_ node: Any) -> Any {
        guard let dict = node as? [String: Any], let ref = dict["$ref"] as? String else { return node }
        return resolveReference(ref).map(resolve) ?? ["$unresolved": ref]
    }

    private func resolveReference(_ ref: String) -> Any? {
        guard ref.hasPrefix("#/") else { return nil }
        var current: Any? = root
        for key in ref.dropFirst(2).split(separator: "/") {
            current =
                (current as? [String: Any])?[
                    String(key).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return current
    }

    func unresolvedReferences() -> [String] {
        var missing: [String] = []
        func walk(_ node: Any) {
            if let dict = node as? [String: Any] {
                if let ref = dict["$ref"] as? String, resolveReference(ref) == nil { missing.append(ref) }
                dict.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(root)
        return missing
    }

    /// Every way `value` fails `schema`, each as "$.path: what".
    func problems(_ value: JSONValue, schema node: Any, at path: String = "$") -> [String] {
        guard let schema = resolve(node) as? [String: Any] else { return [] }
        if let ref = schema["$unresolved"] as? String { return ["\(path): unresolved \(ref)"] }
        var found: [String] = []
        for sub in schema["allOf"] as? [Any] ?? [] {
            found += problems(value, schema: sub, at: path)
        }
        if let options = schema["anyOf"] as? [Any] {
            let results = options.map { problems(value, schema: $0, at: path) }
            if !results.contains(where: \.isEmpty) {
                found.append(
                    "\(path): matches none of anyOf (\(results.map { $0.joined(separator: "; ") }.joined(separator: " | ")))"
                )
            }
        }
        if let types = schema["type"].map({ $0 as? [String] ?? [$0 as? String ?? ""] }),
            !types.contains(where: { $0 == value.typeName || ($0 == "number" && value.typeName == "integer") })
        {
            return found + ["\(path): is \(value.typeName), expected \(types.joined(separator: " or "))"]
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            found.append("\(path): \(value) is not \(constant)")
        }
        switch value {
        case .string(let s):
            found += stringProblems(s, schema, path)
        case .integer(let i):
            if let min = Self.number(schema["minimum"]), Double(i) < min { found.append("\(path): \(i) < \(min)") }
            if let max = Self.number(schema["maximum"]), Double(i) > max { found.append("\(path): \(i) > \(max)") }
        case .array(let items):
            if let min = schema["minItems"] as? Int, items.count < min {
                found.append("\(path): fewer than \(min) items")
            }
            if let max = schema["maxItems"] as? Int, items.count > max {
                found.append("\(path): more than \(max) items")
            }
            if let itemSchema = schema["items"] {
                for (i, item) in items.enumerated() { found += problems(item, schema: itemSchema, at: "\(path)[\(i)]") }
            }
        case .object(let fields):
            found += objectProblems(fields, schema, path)
        default:
            break
        }
        return found
    }

    private func stringProblems(_ s: String, _ schema: [String: Any], _ path: String) -> [String] {
        var found: [String] = []
        let length = s.unicodeScalars.count  // JSON Schema counts code points
        if let min = schema["minLength"] as? Int, length < min { found.append("\(path): shorter than \(min)") }
        if let max = schema["maxLength"] as? Int, length > max { found.append("\(path): longer than \(max)") }
        if let pattern = schema["pattern"] as? String,
            (try? NSRegularExpression(pattern: pattern))?.firstMatch(in: s, range: NSRange(s.startIndex..., in: s))
                == nil
        {
            found.append("\(path): \"\(s)\" does not match \(pattern)")
        }
        let ok: Bool =
            switch schema["format"] as? String {
            case "uuid": UUID(uuidString: s) != nil
            case "date": CalendarDay(iso: s) != nil && s.count == 10
            case "date-time": ISO8601DateFormatter().date(from: s) != nil
            default: true
            }
        if !ok { found.append("\(path): \"\(s)\" is not a \(schema["format"]!)") }
        return found
    }

    private func objectProblems(_ fields: [String: JSONValue], _ schema: [String: Any], _ path: String) -> [String] {
        var found: [String] = []
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in schema["required"] as? [String] ?? [] where fields[key] == nil {
            found.append("\(path).\(key): required but missing")
        }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            if let property = properties[key] {
                found += problems(value, schema: property, at: "\(path).\(key)")
            } else if let additional = schema["additionalProperties"] {
                if additional as? Bool == false {
                    found.append("\(path).\(key): not in the schema (additionalProperties: false)")
                } else if additional is [String: Any] {
                    found += problems(value, schema: additional, at: "\(path).\(key)")
                }
            }
        }
        if schema["unevaluatedProperties"] as? Bool == false {
            let known = evaluatedProperties(schema)
            for key in fields.keys.sorted() where !known.contains(key) {
                found.append("\(path).\(key): not in the schema (unevaluatedProperties: false)")
            }
        }
        return found
    }

    /// The property names a schema and its `allOf` branches name.
    private func evaluatedProperties(_ node: Any) -> Set<String> {
        guard let schema = resolve(node) as? [String: Any] else { return [] }
        var names = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
        for sub in schema["allOf"] as? [Any] ?? [] { names.formUnion(evaluatedProperties(sub)) }
        return names
    }

    private static func number(_ any: Any?) -> Double? {
        switch any {
        case let i as Int: Double(i)
        case let d as Double: d
        default: nil
        }
    }

    private static func equal(_ yaml: Any, _ value: JSONValue) -> Bool {
        switch (yaml, value) {
        case (let s as String, .string(let v)): s == v
        case (let i as Int, .integer(let v)): Int64(i) == v
        case (let b as Bool, .bool(let v)): b == v
        case (is NSNull, .null): true
        default: false
        }
    }
}
