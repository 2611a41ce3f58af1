// The governance profile format, as tables: every object type with its fields, their types and
// whether they are required. The parser checks a YAML document against these tables, the JSON Schema
// (`profile.schema.json`) is generated from them, and the typed model in GovernanceProfile.swift reads
// what they describe. Change a field here, and the checker, the schema and docs/profiles.md follow.

/// The shape of one value in a profile.
public indirect enum ProfileFieldType: Sendable {
    /// Plain text on one line (a title, a unit, a requirement id).
    case string
    /// A key: a–z, 0–9 and hyphens, starting with a letter or digit (`it-chef`).
    case key
    /// Swedish text, or a mapping `{sv: …, en: …}` with an English translation.
    case text
    /// A whole number within the bounds (amounts are whole kronor; `1_000_000` is allowed).
    case integer(minimum: Int?, maximum: Int?)
    /// A number that may have decimals (`3.5`), within the bounds.
    case number(minimum: Double, maximum: Double)
    case boolean
    /// A calendar date, `2013-02-26`.
    case date
    /// One of a closed set of codes.
    case code([String])
    /// The key of something the profile defines (checked by `ProfileValidator`).
    case reference(ProfileNamespace)
    case list(ProfileFieldType, minItems: Int)
    /// A mapping of one of the object types in `ProfileFormat.objects`.
    case object(String)
    /// An interval: exactly one of `days`, `weeks`, `months`, `years`, `terms` with a whole number ≥ 1.
    case duration
}

/// What a reference may name.
public enum ProfileNamespace: String, Sendable, CaseIterable {
    case role, forum, body
    /// A role, a forum or a body (they share one set of keys).
    case actor
    case category, question, classification, assessmentPoint, delegation, documentType, planKind

    /// How problems name it.
    public var label: Localized {
        switch self {
        case .role: Localized(sv: "roll", en: "role")
        case .forum: Localized(sv: "forum", en: "forum")
        case .body: Localized(sv: "organ", en: "body")
        case .actor: Localized(sv: "roll, forum eller organ", en: "role, forum or body")
        case .category: Localized(sv: "systemkategori", en: "system category")
        case .question: Localized(sv: "fråga i checklistan", en: "checklist question")
        case .classification: Localized(sv: "klassning", en: "classification")
        case .assessmentPoint: Localized(sv: "bedömningspunkt", en: "assessment point")
        case .delegation: Localized(sv: "delegationsordning", en: "delegation")
        case .documentType: Localized(sv: "dokumenttyp", en: "document type")
        case .planKind: Localized(sv: "plantyp", en: "plan kind")
        }
    }
}

/// One field of an object type.
public struct ProfileField: Sendable {
    public var name: String
    public var type: ProfileFieldType
    public var required: Bool
    /// One sentence for the schema's `description` and the docs.
    public var summary: String

    public init(_ name: String, _ type: ProfileFieldType, required: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
    }
}

/// A mapping type of the format: its fields in the order the docs list them.
public struct ProfileObjectType: Sendable {
    public var name: String
    /// How problems name one of these ("a role", "a forum").
    public var label: Localized
    public var summary: String
    public var fields: [ProfileField]

    public func field(_ name: String) -> ProfileField? { fields.first { $0.name == name } }
}

/// The format's tables.
public enum ProfileFormat {
    /// The version of the format this code reads (`profile_format: 1`).
    public static let version = 1

    public static let keyPattern = "^[a-z0-9][a-z0-9-]*$"

    public static let scopes = RoleScopeKind.allCases.map(\.rawValue)
    public static let categories = SystemCategory.allCases.map(\.rawValue)
    public static let actions = ProfileAction.allCases.map(\.rawValue)
    public static let answerKinds = ProfileAnswerKind.allCases.map(\.rawValue)
    public static let durationUnits = ProfileDuration.Unit.allCases.map(\.rawValue)

    /// The root object type.
    public static let rootType = "profile"

    public static let objects: [String: ProfileObjectType] = Dictionary(
        uniqueKeysWithValues: objectList.map { ($0.name, $0) })

    private static func list(_ type: ProfileFieldType, min: Int = 0) -> ProfileFieldType {
        .list(type, minItems: min)
    }

    private static let source = ProfileField(
        "source", .string,
        "The requirement id(s) in the municipality's document this comes from, e.g. \"D4\" or \"T11\".")

    public static let objectList: [ProfileObjectType] = [
        ProfileObjectType(
            name: "profile", label: Localized(sv: "profilen", en: "the profile"),
            summary: "A municipality's IT governance as data: roles, forums, routes to a decision, intervals.",
            fields: [
                ProfileField("profile_format", .integer(minimum: 1, maximum: 1), required: true, "Always 1."),
                ProfileField("key", .key, required: true, "The profile's key, e.g. \"danderyd\"."),
                ProfileField("name", .text, required: true, "The profile's name."),
                ProfileField("municipality", .string, "The municipality the profile was written for."),
                ProfileField("description", .text, "What the profile is and where it comes from."),
                ProfileField("sources", list(.object("document")), "The documents the profile is written from."),
                ProfileField("bodies", list(.object("body")), "Political bodies and units that decide or pay."),
                ProfileField("roles", list(.object("role"), min: 1), required: true, "The role catalogue."),
                ProfileField(
                    "system_categories", list(.object("category"), min: 1), required: true,
                    "The system categories: who decides them and which roles each must have."),
                ProfileField("forums", list(.object("forum")), "Forums: chair, members, cadence, mandate."),
                ProfileField(
                    "assessment_points", list(.object("assessment_point")),
                    "Named points a proposal is assessed against."),
                ProfileField("checklist", .object("checklist"), "The checklist for assessing a proposal."),
                ProfileField(
                    "classifications", list(.object("classification")),
                    "The classifications of a proposal, lowest first."),
                ProfileField(
                    "classification_rules", list(.object("classification_rule")),
                    "Rules that turn a proposal's facts into a classification; the highest that applies wins."),
                ProfileField("delegations", list(.object("delegation")), "Who decides, by amount."),
                ProfileField(
                    "routes", list(.object("route")), "The route a proposal takes per classification and category."),
                ProfileField("document_types", list(.object("document_type")), "Governing document types."),
                ProfileField(
                    "document_precedence", list(.object("precedence_group")),
                    "Which document type rules when documents conflict, per group, highest first."),
                ProfileField("plan_kinds", list(.object("plan_kind")), "Plans and how often they are revised."),
                ProfileField("intervals", .object("intervals"), "Review intervals and deadlines."),
                ProfileField(
                    "cost_allocation", list(.object("cost_principle")), "Who pays for what."),
                ProfileField(
                    "calculation", .object("calculation"),
                    "The benefit/cost calculation (nyttokalkyl): discount rate, period, when it is required."),
                ProfileField(
                    "service_agreements", .object("service_agreements"),
                    "Which systems must have an agreement on service level (SLA, driftavtal, D7). Left out: none is required."
                ),
            ]),
        ProfileObjectType(
            name: "document", label: Localized(sv: "ett källdokument", en: "a source document"),
            summary: "A document the profile is written from.",
            fields: [
                ProfileField("title", .string, required: true, "The document's title."),
                ProfileField("decided_by", .string, "Who adopted it (beslutsinstans)."),
                ProfileField("decided_on", .date, "When it was adopted."),
                ProfileField("id_prefix", .string, "The letter of its requirement ids in DOMAIN.md (D, T, L, E, F)."),
            ]),
        ProfileObjectType(
            name: "body", label: Localized(sv: "ett organ", en: "a body"),
            summary: "A political body (kommunstyrelsen, a nämnd) or a unit (IT-enheten) that decides, owns or pays.",
            fields: [
                ProfileField("key", .key, required: true, "Unique among roles, forums and bodies."),
                ProfileField("name", .text, required: true, "Its name."),
                ProfileField("kind", .code(ProfileBodyKind.allCases.map(\.rawValue)), "political (default) or unit."),
                ProfileField(
                    "per_org_unit", .boolean,
                    "True when it stands for each nämnd or förvaltning in turn (the owning nämnd), not one body; default false."
                ),
                ProfileField("description", .text, "What it does in IT governance."),
                source,
            ]),
        ProfileObjectType(
            name: "role", label: Localized(sv: "en roll", en: "a role"),
            summary: "A role people are appointed to.",
            fields: [
                ProfileField(
                    "key", .key, required: true,
                    "Unique among roles, forums and bodies; the register's role keys (systemagare …) keep their meaning."
                ),
                ProfileField("name", .text, required: true, "The role's name."),
                ProfileField("scope", .code(scopes), required: true, "What it is held for."),
                ProfileField("duties", .text, required: true, "Its duties in words."),
                ProfileField("appointed_by", .reference(.actor), "The role, forum or body that appoints its holders."),
                ProfileField("optional", .boolean, "True when the role may be left unfilled (default false)."),
                ProfileField(
                    "falls_back_to", .reference(.role), "Whose duties cover it when an optional role is unfilled."),
                source,
            ]),
        ProfileObjectType(
            name: "category", label: Localized(sv: "en systemkategori", en: "a system category"),
            summary: "One of the register's system categories, as the municipality governs it.",
            fields: [
                ProfileField("key", .code(categories), required: true, "kommungemensamt or verksamhetssystem."),
                ProfileField("name", .text, "The municipality's own name for it."),
                ProfileField("description", .text, "What makes a system belong here."),
                ProfileField(
                    "decided_by", .reference(.actor), required: true, "Who decides that a system is in the category."),
                ProfileField("owned_by", .reference(.actor), "Who owns systems of the category."),
                ProfileField("examples", list(.string), "Systems that usually belong here."),
                ProfileField(
                    "required_roles", list(.object("required_role")),
                    "The roles every system of the category must have."),
                source,
            ]),
        ProfileObjectType(
            name: "required_role", label: Localized(sv: "ett rollkrav", en: "a required role"),
            summary: "A role every system of a category must have filled.",
            fields: [
                ProfileField("role", .reference(.role), required: true, "The role."),
                ProfileField("deputy", .boolean, "True when an ersättare (deputy) is required too (default false)."),
                source,
            ]),
        ProfileObjectType(
            name: "forum", label: Localized(sv: "ett forum", en: "a forum"),
            summary: "A group that meets: its chair or convener, members, cadence and mandate.",
            fields: [
                ProfileField("key", .key, required: true, "Unique among roles, forums and bodies."),
                ProfileField("name", .text, required: true, "The forum's name."),
                ProfileField("purpose", .text, "What it is for."),
                ProfileField(
                    "per_org_unit", .boolean, "True when each förvaltning has its own (a local forum); default false."),
                ProfileField("chair", .reference(.role), "The role that chairs it (ordförande)."),
                ProfileField("convener", .reference(.role), "The role that convenes it (sammankallande)."),
                ProfileField("members", list(.reference(.role)), "The roles that are members."),
                ProfileField("adjunct_members", list(.reference(.role)), "Roles adjoined when needed (adjungerade)."),
                ProfileField("cadence", .object("cadence"), "How often it meets."),
                ProfileField("mandate", list(.object("mandate")), "What it prepares, assesses, recommends or decides."),
                source,
            ]),
        ProfileObjectType(
            name: "cadence", label: Localized(sv: "en mötesfrekvens", en: "a cadence"),
            summary: "Meetings a year.",
            fields: [
                ProfileField("min_per_year", .integer(minimum: 0, maximum: 366), "At least this many meetings a year."),
                ProfileField("max_per_year", .integer(minimum: 1, maximum: 366), "At most this many meetings a year."),
            ]),
        ProfileObjectType(
            name: "mandate", label: Localized(sv: "ett mandat", en: "a mandate"),
            summary: "One thing a forum may do.",
            fields: [
                ProfileField("action", .code(actions), required: true, "prepare, assess, recommend, decide …"),
                ProfileField("what", .text, required: true, "What it acts on, in words."),
                ProfileField(
                    "classifications", list(.reference(.classification)), "Proposals of these classifications."),
                ProfileField("plan_kinds", list(.reference(.planKind)), "Plans of these kinds."),
                ProfileField("document_types", list(.reference(.documentType)), "Documents of these types."),
            ]),
        ProfileObjectType(
            name: "assessment_point", label: Localized(sv: "en bedömningspunkt", en: "an assessment point"),
            summary: "A named point an assessment must cover (D4 lists eleven).",
            fields: [
                ProfileField("key", .key, required: true, "Its key."),
                ProfileField("text", .text, required: true, "What is assessed."),
                source,
            ]),
        ProfileObjectType(
            name: "checklist", label: Localized(sv: "checklistan", en: "the checklist"),
            summary: "The checklist for assessing a proposal.",
            fields: [
                ProfileField("name", .text, "Its name, e.g. \"Checklista för bedömning av IT-insatser\"."),
                ProfileField("questions", list(.object("question"), min: 1), required: true, "Its questions."),
                source,
            ]),
        ProfileObjectType(
            name: "question", label: Localized(sv: "en fråga", en: "a question"),
            summary: "One question of the checklist.",
            fields: [
                ProfileField("key", .key, required: true, "Its key, used by conditions."),
                ProfileField("text", .text, required: true, "The question."),
                ProfileField("answer", .code(answerKinds), required: true, "yes_no, choice, amount or text."),
                ProfileField("choices", list(.object("choice")), "The choices of a choice question (at least two)."),
                ProfileField("unit", .string, "The unit of an amount (default kr)."),
                ProfileField("required", .boolean, "False when the question may be left unanswered (default true)."),
                ProfileField("help", .text, "Guidance for whoever answers."),
                source,
            ]),
        ProfileObjectType(
            name: "choice", label: Localized(sv: "ett svarsalternativ", en: "a choice"),
            summary: "One answer of a choice question.",
            fields: [
                ProfileField("key", .key, required: true, "Its key, used by conditions."),
                ProfileField("text", .text, required: true, "The answer as shown."),
            ]),
        ProfileObjectType(
            name: "classification", label: Localized(sv: "en klassning", en: "a classification"),
            summary: "A class of proposal (rutin, större, strategisk).",
            fields: [
                ProfileField("key", .key, required: true, "Its key."),
                ProfileField("name", .text, required: true, "Its name."),
                ProfileField("description", .text, "What kind of proposal it is."),
                source,
            ]),
        ProfileObjectType(
            name: "classification_rule", label: Localized(sv: "en klassningsregel", en: "a classification rule"),
            summary: "When the condition holds, the proposal is at least the given classification.",
            fields: [
                ProfileField("when", .object("condition"), required: true, "The condition."),
                ProfileField("then", .reference(.classification), required: true, "The classification it gives."),
                ProfileField("note", .text, "Why, in words."),
                source,
            ]),
        ProfileObjectType(
            name: "condition", label: Localized(sv: "ett villkor", en: "a condition"),
            summary: "A condition on a proposal's facts. Every key given must hold (and).",
            fields: [
                ProfileField("answer", .object("answer_condition"), "An answer to a checklist question."),
                ProfileField("amount", .object("range"), "The proposal's total cost in kronor."),
                ProfileField(
                    "affects_category", list(.reference(.category), min: 1),
                    "Some affected system is of one of these categories."),
                ProfileField(
                    "category", list(.reference(.category), min: 1), "The proposal's category is one of these."),
                ProfileField("affected_org_units", .object("range"), "How many förvaltningar the proposal affects."),
                ProfileField(
                    "classification", list(.reference(.classification), min: 1),
                    "The proposal's classification is one of these."),
                ProfileField("urgent", .boolean, "The proposal is (true) or is not (false) urgent."),
                ProfileField("all", list(.object("condition"), min: 1), "Every one of these holds."),
                ProfileField("any", list(.object("condition"), min: 1), "At least one of these holds."),
                ProfileField("not", .object("condition"), "This does not hold."),
            ]),
        ProfileObjectType(
            name: "answer_condition", label: Localized(sv: "ett svarsvillkor", en: "an answer condition"),
            summary: "A condition on one answer.",
            fields: [
                ProfileField("question", .reference(.question), required: true, "The question."),
                ProfileField("is", .string, "The answer is yes, no, or this choice's key."),
                ProfileField("in", .list(.key, minItems: 1), "The answer is one of these choices."),
                ProfileField("at_least", .integer(minimum: nil, maximum: nil), "An amount answer is at least this."),
                ProfileField("below", .integer(minimum: nil, maximum: nil), "An amount answer is below this."),
                ProfileField("answered", .boolean, "The question has (true) or has not (false) been answered."),
            ]),
        ProfileObjectType(
            name: "range", label: Localized(sv: "ett intervall", en: "a range"),
            summary: "A whole-number range: at_least ≤ value < below.",
            fields: [
                ProfileField("at_least", .integer(minimum: nil, maximum: nil), "The value is at least this."),
                ProfileField("below", .integer(minimum: nil, maximum: nil), "The value is below this."),
            ]),
        ProfileObjectType(
            name: "delegation", label: Localized(sv: "en delegationsordning", en: "a delegation"),
            summary: "Who decides, by the proposal's amount.",
            fields: [
                ProfileField("key", .key, required: true, "Its key."),
                ProfileField("name", .text, required: true, "Its name."),
                ProfileField(
                    "levels", list(.object("delegation_level"), min: 1), required: true,
                    "Levels by rising amount; the last has no upper limit."),
                source,
            ]),
        ProfileObjectType(
            name: "delegation_level", label: Localized(sv: "en delegationsnivå", en: "a delegation level"),
            summary: "Amounts below a limit are decided by an actor.",
            fields: [
                ProfileField("below", .integer(minimum: 1, maximum: nil), "Amounts below this many kronor."),
                ProfileField("decided_by", .reference(.actor), required: true, "Who decides them."),
            ]),
        ProfileObjectType(
            name: "route", label: Localized(sv: "en beslutsväg", en: "a route"),
            summary: "The steps of a proposal of some classifications and categories, in order.",
            fields: [
                ProfileField("key", .key, required: true, "Its key."),
                ProfileField("name", .text, required: true, "Its name."),
                ProfileField(
                    "classifications", list(.reference(.classification), min: 1), required: true,
                    "The classifications it is for."),
                ProfileField(
                    "categories", list(.reference(.category), min: 1), required: true, "The categories it is for."),
                ProfileField("steps", list(.object("step"), min: 1), required: true, "The steps, in order."),
                ProfileField(
                    "urgent_steps", list(.object("step"), min: 1),
                    "The steps instead, when the proposal is urgent (the urgent path)."),
                source,
            ]),
        ProfileObjectType(
            name: "step", label: Localized(sv: "ett steg", en: "a step"),
            summary: "One step of a route: exactly one of forum, role, body or delegation, and an action.",
            fields: [
                ProfileField("key", .key, "Its key within the route (default: who-action, e.g. it-chef-decide)."),
                ProfileField("forum", .reference(.forum), "The forum that acts (or is reported to, consulted)."),
                ProfileField("role", .reference(.role), "The role that acts (or is reported to, consulted)."),
                ProfileField("body", .reference(.body), "The body that acts (or is contacted)."),
                ProfileField(
                    "delegation", .reference(.delegation), "For decide: whoever the delegation names for the amount."),
                ProfileField("action", .code(actions), required: true, "What happens."),
                ProfileField(
                    "against", list(.reference(.assessmentPoint), min: 1), "For assess: the points assessed."),
                ProfileField("when", .object("condition"), "Only when this holds."),
                ProfileField("before_decision", .boolean, "True when it must be done before the decision."),
                ProfileField("text", .text, "What happens, in words."),
                source,
            ]),
        ProfileObjectType(
            name: "document_type", label: Localized(sv: "en dokumenttyp", en: "a document type"),
            summary: "A kind of governing document.",
            fields: [
                ProfileField("key", .key, required: true, "Its key."),
                ProfileField("name", .text, required: true, "Its name."),
                ProfileField("decided_by", .reference(.actor), "Who adopts documents of the type (beslutsinstans)."),
                ProfileField("approved_by", .reference(.actor), "Who approves them before publication."),
                ProfileField("review_every", .duration, "How often they are reviewed at least."),
                source,
            ]),
        ProfileObjectType(
            name: "precedence_group", label: Localized(sv: "en företrädesgrupp", en: "a precedence group"),
            summary: "Document types in order of precedence, highest first.",
            fields: [
                ProfileField("name", .text, required: true, "The group's name."),
                ProfileField(
                    "order", list(.reference(.documentType), min: 1), required: true, "Document types, highest first."),
                source,
            ]),
        ProfileObjectType(
            name: "plan_kind", label: Localized(sv: "en plantyp", en: "a plan kind"),
            summary: "A kind of plan (eFörvaltningsprogram, IT-verksamhetsplan, systemförvaltningsplan).",
            fields: [
                ProfileField("key", .key, required: true, "Its key."),
                ProfileField("name", .text, required: true, "Its name."),
                ProfileField("per_system", .boolean, "True when each system has one (default false)."),
                ProfileField("adopted_by", .reference(.actor), "Who adopts it."),
                ProfileField("owner", .reference(.actor), "Who is responsible for it."),
                ProfileField("revise_every", .duration, "How often it is revised at least."),
                source,
            ]),
        ProfileObjectType(
            name: "intervals", label: Localized(sv: "intervallen", en: "the intervals"),
            summary: "Review intervals and deadlines that belong to no document type or plan.",
            fields: [
                ProfileField(
                    "access_reviews", list(.object("access_review")),
                    "How often access rights are reviewed, by the system's highest KLASSA level."),
                ProfileField(
                    "classification_validity", .object("interval"), "How long an information classification is valid."),
                ProfileField(
                    "benefit_evaluation", .object("interval"), "How often each system's benefit is evaluated."),
                ProfileField("company_meetings", .object("interval"), "How often each wholly-owned company is met."),
                ProfileField("term_follow_up", .object("interval"), "The follow-up per term of office (mandatperiod)."),
                ProfileField("self_assessment", .object("interval"), "How often the organisation assesses itself."),
                ProfileField(
                    "contract_notice_warning", .object("notice_warning"),
                    "How long before a contract's notice date to warn."),
            ]),
        ProfileObjectType(
            name: "calculation", label: Localized(sv: "nyttokalkylen", en: "the benefit/cost calculation"),
            summary: "How proposals' benefit/cost calculations are made and when one is required.",
            fields: [
                ProfileField(
                    "discount_rate_percent", .number(minimum: 0, maximum: 50),
                    "The discount rate (kalkylränta) for the net present value, per cent a year. Default 4."),
                ProfileField(
                    "years", .integer(minimum: 1, maximum: 30), "How many years a calculation covers. Default 5."),
                ProfileField(
                    "required", .boolean, "Every proposal needs a calculation before its decision (T6, F4)."),
                ProfileField(
                    "required_when", .object("condition"),
                    "Otherwise, a proposal needs a calculation before its decision when this holds."),
                ProfileField(
                    "covers_operations", .boolean,
                    "The costs must cover every part of the operations phase (software, computers, server capacity, communications, training, operations, support)."
                ),
                ProfileField(
                    "full_profitability_when", .object("condition"),
                    "When this holds, the identified benefits must outweigh the total cost (net present value at least 0)."
                ),
                source,
            ]),
        ProfileObjectType(
            name: "access_review", label: Localized(sv: "en behörighetsgranskning", en: "an access review"),
            summary: "Systems classified at least this level are reviewed this often.",
            fields: [
                ProfileField(
                    "level_at_least", .integer(minimum: 0, maximum: 4), required: true,
                    "The system's highest KLASSA level (0–4)."),
                ProfileField("every", .duration, required: true, "How often."),
                source,
            ]),
        ProfileObjectType(
            name: "interval", label: Localized(sv: "ett intervall", en: "an interval"),
            summary: "Something that is done at least this often.",
            fields: [
                ProfileField("every", .duration, required: true, "How often."),
                ProfileField("by", .reference(.actor), "Who does it."),
                ProfileField("note", .text, "In words."),
                source,
            ]),
        ProfileObjectType(
            name: "service_agreements", label: Localized(sv: "driftavtalen", en: "the service agreements"),
            summary: "The systems in operation that must have an agreement on service level (D7).",
            fields: [
                ProfileField(
                    "required_for", list(.reference(.category), min: 1),
                    "Only systems of these categories. Left out: every category."),
                ProfileField(
                    "availability_at_least", .integer(minimum: 0, maximum: 4),
                    "Only systems whose KLASSA availability level (tillgänglighet) is at least this."),
                source,
            ]),
        ProfileObjectType(
            name: "notice_warning", label: Localized(sv: "en uppsägningsvarning", en: "a notice warning"),
            summary: "How long before a contract's last day of notice to warn.",
            fields: [
                ProfileField("before", .duration, required: true, "How long before."),
                source,
            ]),
        ProfileObjectType(
            name: "cost_principle", label: Localized(sv: "en finansieringsprincip", en: "a cost principle"),
            summary: "Who pays for a kind of cost.",
            fields: [
                ProfileField(
                    "subject", .code(ProfileCostSubject.allCases.map(\.rawValue)), required: true, "What is paid for."),
                ProfileField(
                    "principles", list(.code(ProfileCostPrincipleKind.allCases.map(\.rawValue)), min: 1),
                    required: true, "How it is paid."),
                ProfileField("paid_by", .reference(.actor), "Who pays."),
                ProfileField("decided_by", .reference(.actor), "Who sets the prices or the key."),
                ProfileField("allocation_key", .text, "How shared costs are divided."),
                ProfileField("text", .text, required: true, "The principle in words."),
                source,
            ]),
    ]
}
