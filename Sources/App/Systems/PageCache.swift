import Foundation
import NIOConcurrencyHelpers
import StyrbordCore
import Vapor

/// Rendered register pages, kept while their tenant's data is unchanged. A page is a function of the
/// tenant's data (its `data_version`, bumped by every audited write), the day (role validity depends
/// on it), the language and the query, so an entry under that key can never be stale. Pages that show
/// something personal (a flash message) are never cached. Bounded: the oldest entries go first.
///
/// When accounts arrive (issue 3) and pages show different actions to different people, the viewer's
/// permissions become part of the key.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var tenantID: UUID
        var version: Int64
        var day: CalendarDay
        var lang: UILanguage
        var page: String
    }

    private struct State {
        var pages: [Key: String] = [:]
        var order: [Key] = []
    }

    private let state = NIOLockedValueBox(State())
    let capacity: Int
    let isEnabled: Bool

    init(capacity: Int = 500, isEnabled: Bool = Environment.get("STYRBORD_PAGE_CACHE") != "off") {
        self.capacity = capacity
        self.isEnabled = isEnabled
    }

    func html(for key: Key, render: () async throws -> String) async throws -> String {
        guard isEnabled else { return try await render() }
        if let hit = state.withLockedValue({ $0.pages[key] }) { return hit }
        let html = try await render()
        state.withLockedValue { s in
            if s.pages.updateValue(html, forKey: key) == nil { s.order.append(key) }
            while s.order.count > capacity {
                s.pages.removeValue(forKey: s.order.removeFirst())
            }
        }
        return html
    }

    var count: Int { state.withLockedValue { $0.pages.count } }
}

extension Application {
    private struct PageCacheKey: StorageKey { typealias Value = PageCache }

    /// Created in `configure` before any request.
    var pageCache: PageCache {
        get { storage[PageCacheKey.self] ?? PageCache(isEnabled: false) }
        set { storage[PageCacheKey.self] = newValue }
    }
}
