import Dossiers
import Foundation
import Hummingbird
import Taaktoedeling

extension WebPages {
    func addConsultatieRoutes(to router: WebRouter) {
        router.get("/consultaties", use: consultaties)
    }

    /// A koepel's rounds: only of dossiers it was invited to; open ones first (nearest termijn
    /// first), then closed ones (latest first).
    @Sendable func consultaties(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.koepel], request, context)
        guard let koepel = gebruiker.koepel else { throw WebError.geenToegang }
        var dossiers: [Dossier] = []
        var pagina = 1
        while true {
            let page = try await service.zichtbareDossiers(DossierQuery(page: pagina, pageSize: 500), voor: gebruiker.actor)
            dossiers += page.items
            if page.items.isEmpty || dossiers.count >= page.total { break }
            pagina += 1
        }
        let vandaag = vandaag
        let rondes = dossiers.flatMap { dossier in
            dossier.consultaties.filter { $0.koepels.contains(koepel) }.map { (dossier: dossier, ronde: $0) }
        }.sorted { a, b in
            if (a.ronde.status == .open) != (b.ronde.status == .open) { return a.ronde.status == .open }
            if a.ronde.status == .open { return a.ronde.termijn < b.ronde.termijn }
            return a.ronde.geopendOp > b.ronde.geopendOp
        }
        let nummer = Self.paginanummer(request)
        let stuk = rondes.dropFirst((nummer - 1) * Self.paginaGrootte).prefix(Self.paginaGrootte)
        var model = ConsultatiesPage(
            koepel: koepel.rawValue,
            rondes: stuk.map { item in
                let reactie = item.ronde.reactie(van: koepel)
                return ConsultatiesPage.Ronde(
                    href: "/dossiers/\(item.dossier.id.uuidString.lowercased())", kenmerk: item.dossier.kenmerk.description,
                    titel: item.dossier.titel, ronde: item.ronde.ronde, status: item.ronde.status == .open ? "Open" : "Gesloten",
                    termijn: Formatting.datum(item.ronde.termijn),
                    reactie: reactie.map { "Ingediend op \(Formatting.moment($0.ingediendOp))" }
                        ?? (item.ronde.status == .open ? "Nog niet ingediend" : "Niet ingediend"),
                    dagen: item.ronde.status == .open ? Formatting.dagenTot(item.ronde.termijn, vandaag: vandaag) : nil
                )
            }
        )
        if let paginering = Self.paginering(pagina: nummer, totaal: rondes.count, grootte: Self.paginaGrootte, href: { "?pagina=\($0)" }) {
            model.paginering = paginering
        }
        return weergave.pagina("consultaties", titel: "Consultaties", model: model, context: context, actief: "/consultaties")
    }

    /// A koepel's consultation rounds, with its reactie and the days left while a round is open.
    struct ConsultatiesPage: PageModel {
        struct Ronde: Encodable, Sendable {
            let href: String
            let kenmerk: String
            let titel: String
            let ronde: Int
            let status: String
            let termijn: String
            let reactie: String
            var dagen: String?
        }
        let koepel: String
        let rondes: [Ronde]
        var paginering: PaginationModel?
    }
}
