import App
import ArgumentParser
import Foundation

/// The `styrbord` command: serve the app and manage its data.
@main
struct Styrbord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "styrbord",
        abstract: "Styrbord – IT governance for Swedish municipalities.",
        discussion: """
            Data lives in an SQLite file (./styrbord.sqlite unless --database or STYRBORD_DATABASE says \
            otherwise). Set DATABASE_URL=postgres://user:password@host:5432/db to use PostgreSQL instead.
            """,
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Import.self, Export.self, TenantCommand.self, UserCommand.self,
            TokenCommand.self, AuditCommand.self, ProfileCommand.self, Check.self, BenchCompliance.self,
            NoticesCommand.self,
        ],
        defaultSubcommand: Serve.self)
}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("SQLite database file (ignored when DATABASE_URL is set).", valueName: "path"))
    var database: String?

    var choice: DatabaseChoice {
        if let path = database, ProcessInfo.processInfo.environment["DATABASE_URL"]?.isEmpty ?? true {
            return .sqliteFile(path)
        }
        return DatabaseChoice.fromEnvironment()
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the web server (creates and migrates the database on first start).")

    @OptionGroup var db: DatabaseOptions

    @Option(help: "Address to listen on (STYRBORD_HOST).")
    var host: String = ProcessInfo.processInfo.environment["STYRBORD_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to listen on (STYRBORD_PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["STYRBORD_PORT"] ?? "") ?? 8080

    @Flag(help: "Load the demo municipality when the database has none.")
    var demo = false

    func run() async throws {
        let app = try await Runtime.makeApplication(AppConfiguration(database: db.choice))
        do {
            var start = "http://\(host):\(port)/"
            if demo {
                if try await Runtime.tenantCount(app) == 0 {
                    let summary = try await DemoLoader.loadShowcase(app: app)
                    print("Loaded the demo municipality: \(summary)")
                }
                start += "t/\(DemoLoader.showcaseSlug)/systems"
            }
            print("Styrbord is running at \(start)  (\(db.choice.redacted); Ctrl-C stops)")
            fflush(nil)  // reach a log file now, not when the server stops
            try await Runtime.serve(app, host: host, port: port)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema.")

    @OptionGroup var db: DatabaseOptions

    @Flag(help: "Revert every migration instead (deletes all data).")
    var revert = false

    func run() async throws {
        try await Runtime.withApplication(AppConfiguration(database: db.choice, autoMigrate: !revert)) { app in
            if revert {
                try await Runtime.revertAll(app)
                print("Reverted all migrations on \(db.choice.redacted).")
            } else {
                print("The database is up to date (\(db.choice.redacted)).")
            }
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load demo data.",
        discussion: """
            Without --scale: the demo municipality Sjöviks kommun. With --scale N: N generated municipalities \
            of about 300 systems each, named after Sweden's municipalities (290 is all of Sweden), for load tests.
            """)

    @OptionGroup var db: DatabaseOptions

    @Option(help: "Generate this many municipalities (1–290) instead of the showcase.")
    var scale: Int?

    @Option(help: "Seed for the generated data.")
    var seed: UInt64 = 2026

    func validate() throws {
        if let scale, !(1...290).contains(scale) {
            throw ValidationError("--scale must be between 1 and 290 (Sweden has 290 municipalities).")
        }
    }

    func run() async throws {
        try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            if let scale {
                let started = Date()
                let summary = try await DemoLoader.loadGenerated(app: app, count: scale, seed: seed) { line in
                    print(line)
                }
                print("Generated \(summary) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
            } else {
                let summary = try await DemoLoader.loadShowcase(app: app)
                print("Loaded the demo municipality: \(summary)")
            }
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import data into a municipality.", subcommands: [ImportSystems.self])
}

struct ImportSystems: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "systems",
        abstract: "Import a system list (CSV from Excel: ; or , separated, UTF-8 or Windows-1252).",
        discussion: """
            Column headings are matched to fields (Systemnamn, Förvaltning, Kategori, Systemägare …); --map \
            overrides a match. Nothing is written if any row has an error: each is reported with its line \
            number and column. Systems whose name already exists are updated.
            """)

    @OptionGroup var db: DatabaseOptions

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The municipality (its slug, as in /t/<slug>/).")
    var tenant: String

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp("Map a heading to a field, e.g. \"Namn=name\". Repeatable.", valueName: "heading=field"))
    var mappings: [String] = []

    @Flag(help: "Show what would happen without writing anything.")
    var dryRun = false

    @Option(help: "Who is importing (recorded in the history).")
    var actor: String = "import (\(ProcessInfo.processInfo.environment["USER"] ?? "cli"))"

    func run() async throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw CommandFailure("Could not read \(file): \(error.localizedDescription)")
        }
        let outcome = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await SystemImportCommand.run(
                app: app, tenantSlug: tenant, bytes: bytes, mappingArguments: mappings, dryRun: dryRun, actor: actor,
                source: URL(fileURLWithPath: file).lastPathComponent)
        }
        print(outcome.report)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export systems, roles or integrations as CSV (opens in Excel) or JSON.")

    enum Dataset: String, ExpressibleByArgument, CaseIterable { case systems, roles, integrations }
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var db: DatabaseOptions

    @Argument(help: "What to export: systems, roles or integrations.")
    var dataset: Dataset

    @Option(help: "The municipality (its slug).")
    var tenant: String

    @Option(help: "csv or json.")
    var format: Format = .csv

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let bytes = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await ExportCommand.run(
                app: app, tenantSlug: tenant, dataset: dataset.rawValue, format: format.rawValue)
        }
        if let output {
            try Data(bytes).write(to: URL(fileURLWithPath: output))
            FileHandle.standardError.write(Data("Wrote \(bytes.count) bytes to \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant", abstract: "Manage municipalities.", subcommands: [TenantCreate.self, TenantList.self])
}

struct TenantCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a municipality governed by a shipped profile (default: standard).")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "URL name, e.g. upplands-vasby.") var slug: String
    @Option(help: "Display name, e.g. \"Upplands Väsby kommun\".") var name: String
    @Option(help: "Organisationsnummer.") var organisationNumber: String = ""
    @Option(help: "Governance profile (see `styrbord profile list`).") var profile: String = "standard"

    func run() async throws {
        try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await TenantCommandSupport.create(
                app: app, slug: slug, name: name, organisationNumber: organisationNumber, profile: profile)
        }
        print("Created \(name) at /t/\(slug)/ with the profile \(profile)")
    }
}

struct TenantList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the municipalities.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let rows = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await TenantCommandSupport.list(app: app)
        }
        for row in rows { print(row) }
    }
}

/// Reads a password from standard input (first line), for scripts that must not put it on the command line.
private func readPasswordFromStandardInput() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ValidationError("--password-stdin: no password on standard input.")
    }
    return line
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create accounts and reset passwords.",
        subcommands: [CreateUser.self, ResetPassword.self])
}

struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an account (for example the first administrator).",
        discussion: "Without --password-stdin a password is generated and printed once.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "The municipality's slug (leave out with --platform-operator).") var tenant: String?
    @Option(help: "Email address; the sign-in name.") var email: String
    @Option(help: "The person's name.") var name: String
    @Flag(help: "Make the account the municipality's administrator.") var admin = false
    @Flag(help: "A platform operator: creates municipalities, reads none.") var platformOperator = false
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() async throws {
        let password = passwordStdin ? try readPasswordFromStandardInput() : nil
        try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            let issued = try await AccountCommandSupport.createUser(
                app: app, tenantSlug: tenant, email: email, name: name, isAdmin: admin,
                isPlatformOperator: platformOperator, password: password)
            print("Created the account \(email.lowercased()).")
            if password == nil { print("Password (shown once; ask the user to change it): \(issued)") }
        }
    }
}

struct ResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password", abstract: "Set a new password and sign the account out everywhere.",
        discussion: "Without --password-stdin a password is generated and printed once.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "The account's email address.") var email: String
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() async throws {
        let password = passwordStdin ? try readPasswordFromStandardInput() : nil
        try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            let issued = try await AccountCommandSupport.resetPassword(app: app, email: email, password: password)
            print("The password of \(email.lowercased()) has been reset; its sessions have ended.")
            if password == nil { print("New password (shown once): \(issued)") }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens.", subcommands: [CreateToken.self])
}

struct CreateToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an API token for an account and print it once.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "The account's email address.") var email: String
    @Option(help: "What the token is for.") var name: String
    @Flag(help: "Allow changes (default: read only).") var readWrite = false
    @Option(help: "Days until it expires (1–366).") var days: Int = 90

    func run() async throws {
        try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            let secret = try await AccountCommandSupport.createToken(
                app: app, email: email, name: name, readWrite: readWrite, days: days)
            print(secret)
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the tamper-evident history, or pseudonymise old actors.",
        subcommands: [AuditVerify.self, AuditPseudonymise.self])
}

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no history entry was changed, removed or had its actor altered.",
        discussion: """
            Walks every hash chain (one per municipality, one for the platform). Exit status 0 and one line \
            when the history is intact; otherwise status 1 and one line per problem, naming the entry.
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Only this municipality's chain (its slug).") var tenant: String?

    func run() async throws {
        let outcome = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await AuditCommands.verify(app: app, tenantSlug: tenant)
        }
        print(outcome.report)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

struct AuditPseudonymise: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pseudonymise",
        abstract: "Replace who acted in old history entries by pseudonyms (GDPR).",
        discussion: """
            Entries older than --older-than-years (default: each municipality's own setting, \
            tenants.audit_actor_retention_years) get the actor pseudonym-<10 hex>, the same for one person \
            within a run; their account and salt are cleared. The key is random and discarded, so nobody \
            can map pseudonyms back. `audit verify` still passes afterwards.
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Pseudonymise entries older than this many years.") var olderThanYears: Int?
    @Option(help: "Only this municipality (its slug).") var tenant: String?
    @Flag(help: "Count what would change without writing anything.") var dryRun = false

    func validate() throws {
        if let olderThanYears, olderThanYears < 1 {
            throw ValidationError("--older-than-years must be at least 1.")
        }
    }

    func run() async throws {
        let outcome = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await AuditCommands.pseudonymise(
                app: app, olderThanYears: olderThanYears, tenantSlug: tenant, dryRun: dryRun)
        }
        print(outcome.report)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Governance profiles: validate a YAML file, list or show the shipped ones.",
        subcommands: [ProfileValidate.self, ProfileList.self, ProfileShow.self])
}

struct ProfileValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a governance profile (YAML) and report every problem.",
        discussion: """
            Prints FILE:line:column: reason for each problem and exits with status 1, or one line and \
            status 0 when the profile is valid. The format is described in docs/profiles.md.
            """)

    @Argument(help: "The profile's YAML file.") var file: String

    func run() throws {
        let outcome = ProfileCommands.validate(path: file)
        print(outcome.report)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

struct ProfileList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the profiles that ship with Styrbord.")

    func run() throws {
        for line in ProfileCommands.list() { print(line) }
    }
}

struct ProfileShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a shipped profile's YAML, to start a municipality's own from.")

    @Argument(help: "The profile's key, e.g. standard or danderyd.") var key: String

    func run() throws {
        guard let yaml = ProfileCommands.show(key: key) else {
            throw ValidationError("No shipped profile \"\(key)\"; see `styrbord profile list`.")
        }
        print(yaml, terminator: "")
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a municipality's compliance findings (efterlevnad); fail above a chosen severity.",
        discussion: """
            Evaluates the municipality's rules (required roles and ersättare, owning förvaltning, information \
            classification, GDPR record and processor agreement, contracts near their notice date) and prints \
            one line per finding: severity, requirement id, rule, object, what is wrong, who should act and by \
            when. Records the day's score for the trend on the efterlevnad page unless the day has one. Exit \
            status 1 when --fail-on is given and a finding is at least that severe; 0 otherwise. Without \
            --tenant, every municipality gets one summary line (and its daily score).
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "The municipality (its slug); every municipality when left out.") var tenant: String?
    @Option(help: "Exit with status 1 when a finding is at least this severe: info, warning or error.")
    var failOn: String?
    @Option(help: "text or json.") var format: String = "text"
    @Option(help: "Language of messages: sv or en.") var lang: String = "sv"

    func validate() throws {
        if let failOn, !["info", "warning", "error"].contains(failOn) {
            throw ValidationError("--fail-on takes info, warning or error.")
        }
        if ComplianceCommands.Format(rawValue: format) == nil { throw ValidationError("--format takes text or json.") }
        if !["sv", "en"].contains(lang) { throw ValidationError("--lang takes sv or en.") }
    }

    func run() async throws {
        let outcome = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await ComplianceCommands.check(
                app: app, tenantSlug: tenant, failOn: failOn, format: ComplianceCommands.Format(rawValue: format)!,
                language: lang)
        }
        print(outcome.report)
        if !outcome.passed { throw ExitCode(1) }
    }
}

struct BenchCompliance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-compliance",
        abstract: "Time the compliance evaluation of one and of all municipalities (bench/compliance.sh).",
        shouldDisplay: false)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "The municipality to time alone (default: the first by slug).") var tenant: String?
    @Option(help: "How many times to repeat the one-municipality measurements.") var repeats: Int = 20

    func run() async throws {
        let report = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await ComplianceBenchmark.run(app: app, tenantSlug: tenant, repeats: max(1, repeats))
        }
        print(report)
    }
}

struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices", abstract: "Notices in people's inboxes and their e-mail copies.",
        subcommands: [NoticesDeliver.self])
}

struct NoticesDeliver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Send the pending e-mail copies of notices once, through the SMTP server of the environment.",
        discussion: """
            Reads STYRBORD_SMTP_HOST, STYRBORD_SMTP_PORT, STYRBORD_SMTP_FROM, STYRBORD_SMTP_USERNAME, \
            STYRBORD_SMTP_PASSWORD, STYRBORD_SMTP_TLS (none, starttls or tls) and STYRBORD_PUBLIC_URL, as the \
            server's delivery loop does. A failed message is tried again by a later pass after a growing wait. \
            Exit status 1 when SMTP is not configured.
            """)

    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let outcome = try await Runtime.withApplication(AppConfiguration(database: db.choice)) { app in
            try await NoticeCommands.deliver(app: app, environment: ProcessInfo.processInfo.environment)
        }
        print(outcome)
    }
}
