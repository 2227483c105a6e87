import Hummingbird
import Taaktoedeling

/// `POST /v1/afwegingskader/_advies`: the kader's advice for given taakkenmerken; nothing is stored.
struct AfwegingskaderController {
    func addRoutes(to routes: APIRoutes) {
        routes.on(.post, "/v1/afwegingskader/_advies", use: advies)
    }

    @Sendable func advies(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: DossierController.everyone)
        try QueryParameters(request, known: []).validate()
        let kenmerken = try Afwegingskader.parseVerzoek(body: try await APIJSON.body(of: request)).get()
        return try APIJSON.response(Afwegingskader.advies(voor: kenmerken))
    }
}
