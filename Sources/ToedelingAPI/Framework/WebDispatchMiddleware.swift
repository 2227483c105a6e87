import Hummingbird
import ToedelingWeb

/// Hands every request outside the API (`/v1`, `/health`, `/metrics`) to the web application, on
/// the same port, after the request id and the request metrics; the API's own middleware (bearer
/// tokens, JSON, problem+json) never sees a page.
struct WebDispatchMiddleware: RouterMiddleware {
    let web: RouterResponder<WebRequestContext>

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard isWebPad(request.uri.path) else { return try await next(request, context) }
        let webContext = WebRequestContext(core: context.coreContext, clientAdres: context.clientAdres, requestID: context.requestID)
        return try await web.respond(to: request, context: webContext)
    }
}
