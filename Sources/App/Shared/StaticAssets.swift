import Crypto
import Foundation
import Vapor

/// The stylesheet, the script and the OpenAPI document, read once from the app's resources and
/// served with long caching (their URLs carry a content hash).
enum StaticAssets {
    static let stylesheet = load("styrbord", "css")
    static let script = load("styrbord", "js")
    static let openAPI = load("openapi", "yaml")

    /// Changes whenever either file changes, so browsers fetch the new one.
    static let version: String = {
        let digest = SHA256.hash(data: Data((stylesheet + script).utf8))
        return digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }()

    private static func load(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("Resource \(name).\(ext) is missing from the App bundle") }
        return text
    }

    static func register(on app: Application) {
        app.get("static", "styrbord.css") { _ in serve(stylesheet, type: "text/css; charset=utf-8") }.access(.open)
        app.get("static", "styrbord.js") { _ in serve(script, type: "text/javascript; charset=utf-8") }.access(.open)
        app.get("api", "openapi.yaml") { _ in
            let response = Response(status: .ok, body: .init(string: openAPI))
            response.headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
            return response
        }.access(.open)
    }

    private static func serve(_ text: String, type: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }
}
