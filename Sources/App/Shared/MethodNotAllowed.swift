import Vapor

/// An API path that exists with other methods answers 405 with `Allow` (RFC 9110, 15.5.6) instead of
/// Vapor's 404: the client has the right URL and the wrong method, and `Allow` says which to use.
/// The pages keep their 404: browsers only ever GET and POST them.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // `PUT …/documents/precedence` would reach `PUT …/documents/:documentID` and answer 404; the path is
        // the literal route's, which has no PUT.
        if request.url.path.hasPrefix("/api/"),
            let allowed = Self.shadowed(request.method, request.url.path, in: request.application.routes.all)
        {
            let response = AppErrorMiddleware.response(for: Abort(.methodNotAllowed), request: request)
            response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
            return response
        }
        do {
            return try await next.respond(to: request)
        } catch let error as RouteNotFound where request.url.path.hasPrefix("/api/") {
            let allowed = Self.methods(for: request.url.path, in: request.application.routes.all)
            guard !allowed.isEmpty else { throw error }
            let response = AppErrorMiddleware.response(for: Abort(.methodNotAllowed), request: request)
            response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
            return response
        }
    }

    /// The methods routed for `path`, with HEAD wherever GET is (Vapor answers HEAD with the GET route).
    /// Where a literal route owns the path (`…/documents/precedence`), only its methods, not those of the
    /// parameter routes beside it (`…/documents/:documentID`).
    static func methods(for path: String, in routes: [Route]) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        let matching = routes.filter { matches($0.path, segments) }
        let most = matching.map(literals).max() ?? 0
        var methods = Set(matching.filter { literals($0) == most }.map(\.method.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    /// When a route with a literal segment owns `path` (more literal segments than any route of `method`
    /// that matches it through a parameter), the literal routes' methods; nil when `method` may be routed.
    static func shadowed(_ method: HTTPMethod, _ path: String, in routes: [Route]) -> [String]? {
        let segments = path.split(separator: "/").map(String.init)
        let matching = routes.filter { matches($0.path, segments) }
        guard let most = matching.map(literals).max() else { return nil }
        let own = matching.filter { $0.method == method }
        guard !own.isEmpty, own.allSatisfy({ literals($0) < most }) else { return nil }
        var methods = Set(matching.filter { literals($0) == most }.map(\.method.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    private static func literals(_ route: Route) -> Int {
        route.path.reduce(0) { n, c in if case .constant = c { return n + 1 } else { return n } }
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (i, component) in pattern.enumerated() {
            switch component {
            case .catchall: return segments.count > i
            case .anything, .parameter: if i >= segments.count { return false }
            case .constant(let text): if i >= segments.count || segments[i] != text { return false }
            }
        }
        return pattern.count == segments.count
    }
}
