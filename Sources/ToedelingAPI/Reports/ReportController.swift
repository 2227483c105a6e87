import Foundation
import Hummingbird
import ReadModels
import Taaktoedeling

/// `GET /v1/rapportages/stand-van-zaken?peildatum=` as JSON, CSV, Markdown or printable HTML by `Accept`;
/// the same peildatum gives the same bytes.
struct ReportController {
    let service: DossierService

    func addRoutes(to routes: APIRoutes) {
        routes.on(.get, "/v1/rapportages/stand-van-zaken", use: standVanZaken)
    }

    @Sendable func standVanZaken(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator, .liaison])
        var parameters = QueryParameters(request, known: ["peildatum"])
        let peildatum = parameters.peildatum() ?? Peildatum(moment: Date())
        try parameters.validate()
        guard let format = ReportFormat.negotiate(accept: request.headers[.accept]) else {
            throw Problem.notAcceptable(offered: ReportFormat.allCases.map(\.mediaType))
        }
        let report = try await service.standVanZaken(peildatum: peildatum)
        let body: Data
        switch format {
        case .json: body = try report.json()
        case .csv: body = Data(report.csv().utf8)
        case .markdown: body = Data(report.markdown().utf8)
        case .html: body = Data(report.html().utf8)
        }
        return Response(
            status: .ok,
            headers: [.contentType: format.contentType, .vary: "Accept"],
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
