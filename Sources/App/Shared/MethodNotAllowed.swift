import Vapor

/// An API path that exists with other methods answers 405 with `Allow` (RFC 9110, 15.5.6) instead of
/// Vapor's 404: the client has the right URL and the wrong method, and `Allow` says which to use.
/// The pages keep their 404: browsers only ever GET and POST them.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
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
    static func methods(for path: String, in routes: [Route]) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        var methods = Set(routes.filter { matches($0.path, segments) }.map(\.method.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
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
