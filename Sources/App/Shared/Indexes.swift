import Fluent
import SQLKit

/// Secondary indexes, which Fluent's schema builder cannot express. SQLKit's builder writes the
/// right statement for SQLite and PostgreSQL alike.
enum Indexes {
    /// `predicate` makes a partial index (both databases have them): only rows it matches are indexed.
    static func create(
        _ name: String, on table: String, columns: [String], unique: Bool = false,
        where predicate: (any SQLExpression)? = nil, db: any Database
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        if unique { builder = builder.unique() }
        for column in columns { builder = builder.column(column) }
        builder.createIndex.predicate = predicate
        try await builder.run()
    }

    static func drop(_ name: String, db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.drop(index: name).run()
    }
}
