import Foundation
import Vapor

/// A draft-backed record as the API returns it: the draft's fields at the top level beside `id`,
/// `createdAt` and `updatedAt`, so what a client sends is what it reads back (the same shape as
/// `SupplierResponse`). Each domain names its own: `typealias PersonResponse = RecordResponse<PersonDraft>`.
struct RecordResponse<Draft: Codable & Hashable & Sendable>: Content {
    var id: UUID
    var draft: Draft
    var createdAt: Date
    var updatedAt: Date

    init(id: UUID, draft: Draft, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.draft = draft
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey { case id, createdAt, updatedAt }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try draft.encode(to: encoder)  // the draft's fields sit beside id at the top level
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        draft = try Draft(from: decoder)
    }
}

extension RecordResponse {
    /// The response for a stored record.
    init<M: DraftBacked>(_ record: M) throws where M.Draft == Draft {
        self.init(
            id: try record.requireID(), draft: record.draft, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}
