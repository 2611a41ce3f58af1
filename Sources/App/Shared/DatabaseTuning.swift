import Fluent
import FluentSQLiteDriver
import SQLKit

/// The few database statements that differ between SQLite and PostgreSQL live here and only here.
enum DatabaseTuning {
    /// SQLite: write-ahead logging lets readers proceed while one request writes, and NORMAL sync is
    /// safe with WAL. PostgreSQL needs nothing.
    static func prepare(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }

    /// The cheapest round trip that proves the database answers.
    static func ping(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        _ = try await sql.raw("SELECT 1").all()
    }

    static func isSQLite(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "sqlite"
    }
}
