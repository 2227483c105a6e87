import Rapportage
import Foundation
import Hummingbird
import Dossiers
import Taaktoedeling

/// The reports, as JSON, CSV, Markdown or printable HTML by `Accept`:
/// `GET /v1/rapportages/stand-van-zaken?peildatum=` (the same peildatum gives the same bytes) and
/// `GET /v1/rapportages/evaluatie?van=&tot=` (the overview for the four-yearly evaluation).
struct ReportController {
    let service: DossierService

    func addRoutes(to routes: APIRoutes) {
        routes.on(.get, "/v1/rapportages/stand-van-zaken", produces: Rapportformaat.mediaTypes, use: standVanZaken)
        routes.on(.get, "/v1/rapportages/evaluatie", produces: Rapportformaat.mediaTypes, use: evaluatie)
    }

    @Sendable func standVanZaken(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator, .liaison])
        var parameters = QueryParameters(request, known: ["peildatum"])
        let peildatum = parameters.peildatum() ?? Peildatum(moment: Date())
        try parameters.validate()
        let format = try Self.format(of: request)
        let read = try await service.standVanZakenGelezen(peildatum: peildatum)
        return try Self.response(format, try format.render(read.report), completeUpTo: read.completeUpTo)
    }

    @Sendable func evaluatie(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator, .liaison])
        var parameters = QueryParameters(request, known: ["van", "tot"])
        let van = parameters.datum("van")
        let tot = parameters.datum("tot")
        if let van, let tot, tot < van {
            parameters.report("tot", "ligt voor van")
        }
        try parameters.validate()
        let format = try Self.format(of: request)
        let read = try await service.evaluatieGelezen(van: van, tot: tot)
        return try Self.response(format, try format.render(read.report), completeUpTo: read.completeUpTo)
    }

    private static func format(of request: Request) throws -> Rapportformaat {
        guard let format = Rapportformaat.negotiate(accept: request.headers[.accept]) else {
            throw Problem.notAcceptable(offered: Rapportformaat.mediaTypes)
        }
        return format
    }

    /// The report, with `Toedeling-Compleet-Tot`: every command acknowledged before that moment is in
    /// it (a report may be read from a replica, `TOEDELING_REPORT_DATABASE_URL`).
    private static func response(_ format: Rapportformaat, _ body: Data, completeUpTo: Date) throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: format.contentType, .vary: "Accept", .compleetTot: Peildatum.iso8601(completeUpTo)],
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
