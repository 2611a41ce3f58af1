import Foundation
import Metrics
import Prometheus
import Vapor

/// Prometheus metrics. swift-metrics has one global backend per process, so it is bootstrapped once;
/// every Application in the process (tests make many) shares the registry.
enum AppMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Makes sure the backend is in place before Vapor records its first request.
    static func bootstrap() { _ = registry }
}

/// Liveness with a database check, and the metrics endpoint.
struct HealthController {
    struct HealthResponse: Content {
        var status: String
        var database: String
        var version: String
    }

    /// 200 when the app runs and the database answers; 503 otherwise, so a load balancer stops sending.
    @Sendable func health(req: Request) async throws -> Response {
        var database = "ok"
        do {
            try await DatabaseTuning.ping(req.db)
        } catch {
            req.logger.error("Health check: database unreachable: \(String(reflecting: error))")
            database = "unreachable"
        }
        let body = HealthResponse(
            status: database == "ok" ? "ok" : "degraded", database: database, version: StyrbordVersion.current)
        let response = try await body.encodeResponse(status: database == "ok" ? .ok : .serviceUnavailable, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: AppMetrics.registry.emitToString()))
    }
}

/// The version the app reports.
public enum StyrbordVersion {
    public static let current = "0.1.0"
}
