import Hummingbird
import Dossiers

/// `GET /v1/gebeurtenissen?na=<cursor>&limit=`: the global feed in commit order for integrations; it
/// never skips or repeats an event, also one that commits late. `volgende` is the cursor for the next call.
struct FeedController {
    let service: DossierService

    func addRoutes(to routes: APIRoutes) {
        routes.on(.get, "/v1/gebeurtenissen", use: feed)
    }

    @Sendable func feed(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        var parameters = QueryParameters(request, known: ["na", "limit"])
        let limit = parameters.integer("limit", in: 1...1000) ?? 100
        var cursor: FeedPosition?
        if let token = parameters.text("na") {
            cursor = FeedPosition(token: token)
            if cursor == nil {
                parameters.report("na", "is geen cursor uit een eerder antwoord (volgende)")
            }
        }
        try parameters.validate()
        let page = try await service.feed(after: cursor, limit: limit)
        return try APIJSON.response(
            EventList(gebeurtenissen: try page.events.map(EventDocument.init), volgende: page.cursor?.token ?? cursor?.token)
        )
    }
}
