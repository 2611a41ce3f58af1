import Foundation
import NIOConcurrencyHelpers
import StyrbordCore
import Vapor

/// The rendered content of register pages, kept while their tenant's data is unchanged. The content is
/// a function of the tenant's data (its `data_version`, bumped by every audited write), the day (role
/// validity depends on it), the language, the query and which actions the viewer is offered (part of
/// `page`), so an entry under that key can never be stale or show one person another's buttons. The
/// layout around it (name, CSRF token, flash) is rendered per request. Bounded: oldest entries go first.
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
