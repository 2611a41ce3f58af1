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

    /// Makes the rest of the current transaction read one consistent snapshot, as a long report needs.
    /// PostgreSQL's default (READ COMMITTED) takes a new snapshot per statement; an SQLite transaction
    /// reads one snapshot already. Must be the transaction's first statement.
    static func readSnapshot(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
    }

    static func isSQLite(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "sqlite"
    }

    /// Runs bulk reads of many thousand rows on `db`. SQLite's driver, through Fluent, hands each row
    /// from its worker thread to an event loop one by one (a thread wake-up per row, a third of the time
    /// of the compliance loader's reads); a connection of its own returns the rows straight from the
    /// worker. PostgreSQL, and reads inside a transaction (which must see its writes), use `db` itself.
    static func withBulkReader<T: Sendable>(
        _ db: any Database, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard !db.inTransaction, let sqlite = db as? any SQLiteDatabase else {
            return try await body(db as! any SQLDatabase)
        }
        return try await sqlite.withConnection { connection in
            connection.eventLoop.makeFutureWithTask { try await body(connection.sql()) }
        }.get()
    }

    /// How often a write transaction is tried before its SQLITE_BUSY reaches the user.
    static let busyAttempts = 25

    /// SQLite answered "database is locked" without waiting: the transaction was rolled back and may run again.
    static func isBusy(_ error: any Error) -> Bool {
        guard let sqlite = error as? SQLiteError else { return false }
        switch sqlite.reason {
        case .busy, .busyInSnapshot, .busyInRecovery, .busyTimeout: return true
        default: return false
        }
    }
}

extension Database {
    /// `transaction` for everything that writes. Fluent opens SQLite transactions as DEFERRED, so one
    /// that reads before it writes starts as a reader; when another connection (the pool has one per
    /// event loop) writes meanwhile, SQLite refuses the upgrade with SQLITE_BUSY at once instead of
    /// waiting, to avoid a deadlock. Fluent has rolled the transaction back by then, so it runs again
    /// from the start on a fresh snapshot. PostgreSQL waits for row locks itself and never retries.
    func writeTransaction<T: Sendable>(
        _ closure: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard !inTransaction, DatabaseTuning.isSQLite(self) else { return try await transaction(closure) }
        var attempt = 1
        while true {
            do {
                return try await transaction(closure)
            } catch  where DatabaseTuning.isBusy(error) && attempt < DatabaseTuning.busyAttempts {
                attempt += 1
                // Back off a little, with jitter, so that the writers that collided don't collide again.
                try await Task.sleep(nanoseconds: UInt64.random(in: 1...UInt64(min(attempt, 10))) * 2_000_000)
            }
        }
    }
}
