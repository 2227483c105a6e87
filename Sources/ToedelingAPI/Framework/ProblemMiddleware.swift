import Hummingbird
import Logging
import Metrics
import Dossiers

/// Turns every error into an `application/problem+json` response; unexpected errors are logged here with
/// their details and reach the client only as a generic problem. Version conflicts are counted.
struct ProblemMiddleware: RouterMiddleware {
    let metricsFactory: any MetricsFactory

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(mapping: error)
            if let conflict = Self.conflictKind(error) {
                Counter(label: "toedeling_command_conflicts_total", dimensions: [("kind", conflict)], factory: metricsFactory)
                    .increment()
            }
            if problem.status.kind == .serverError, !(error is Problem) {
                context.logger.error(
                    "request failed",
                    metadata: ["error.type": "\(String(reflecting: type(of: error)))", "error.description": "\(error)"]
                )
            }
            return try problem.response(from: request, context: context)
        }
    }

    private static func conflictKind(_ error: any Error) -> String? {
        switch error {
        case ServiceError.staleVersion: "staleVersion"
        case ServiceError.tooMuchContention: "tooMuchContention"
        default: nil
        }
    }
}
