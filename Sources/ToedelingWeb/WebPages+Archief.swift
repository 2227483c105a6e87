import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Taaktoedeling

extension WebPages {
    /// `POST /dossiers/{id}/archivering`: the coordinator's selectielijst category.
    @Sendable func archiveren(_ request: Request, context: WebRequestContext) async throws -> Response {
        let gebruiker = try vereis([.coordinator], request, context)
        let id = try dossierID(context)
        guard try await service.dossier(id)?.zichtbaar(voor: gebruiker.actor) != nil else { throw WebError.nietGevonden }
        let waarden = context.formulier
        func geweigerd(_ problemen: [FieldProblem], melding: String? = nil, status: HTTPResponse.Status) async throws -> Response {
            try await dossierResponse(
                id, request, context, status: status,
                ingevuld: Ingevuld(kind: .legArchiveringVast, waarden: waarden, problemen: problemen, melding: melding)
            )
        }
        guard let code = waarden.tekst("selectielijstcategorie") else {
            return try await geweigerd([FieldProblem(name: "selectielijstcategorie", reason: "kies een categorie")], status: .badRequest)
        }
        let versie = waarden["versie"].flatMap { Int64($0) }
        do {
            _ = try await service.legArchiveringVast(
                code: code, op: id, context: CommandContext(actor: gebruiker.actor, correlationID: context.requestID, expectedVersion: versie)
            )
            return PageRenderer.verder("/dossiers/\(id.uuidString.lowercased())?vastgelegd=\(DossierCommandKind.legArchiveringVast.rawValue)")
        } catch ServiceError.staleVersion {
            return try await dossierResponse(
                id, request, context, status: .conflict, ingevuld: Ingevuld(kind: .legArchiveringVast, waarden: waarden, problemen: []),
                conflict: "Iemand anders heeft dit dossier gewijzigd terwijl u het formulier invulde. Controleer de nieuwe stand en verstuur opnieuw."
            )
        } catch DomainError.ongeldigeInvoer(let invoer) {
            return try await geweigerd(invoer.problems, status: .badRequest)
        } catch DomainError.conflict(let reden) {
            return try await geweigerd([], melding: reden, status: .conflict)
        } catch DomainError.nietToegestaan(let reden) {
            return try await geweigerd([], melding: reden, status: .forbidden)
        }
    }

    /// The archive facts of a closed dossier for its page.
    static func archiefModel(_ dossier: Dossier, selectielijst: Selectielijst?) -> DossierPage.Archief? {
        guard let archief = dossier.archiefgegevens else { return nil }
        var gegevens: [TermWaarde] = [.init("Brondatum", Formatting.datum(archief.brondatum))]
        if let code = archief.selectielijstcategorie {
            let omschrijving = dossier.archiefcategorie?.categorie.omschrijving ?? ""
            gegevens.append(.init("Selectielijstcategorie", "\(code) \(omschrijving)"))
        } else {
            gegevens.append(.init("Selectielijstcategorie", "Nog niet vastgelegd"))
        }
        if let nominatie = archief.archiefnominatie { gegevens.append(.init("Archiefnominatie", Formatting.hoofdletter(nominatie.weergave))) }
        if let termijn = archief.bewaartermijn { gegevens.append(.init("Bewaartermijn", termijn)) }
        if let datum = archief.archiefactiedatum { gegevens.append(.init("Archiefactiedatum", Formatting.datum(datum))) }
        let status: String = switch archief.archiefstatus {
        case .nogTeArchiveren: "Nog te archiveren"
        case .gearchiveerd: "Gearchiveerd"
        case .overgedragen: "Overgedragen aan het e-Depot" + (dossier.overdracht.map { " (\($0.ontvangstbevestiging))" } ?? "")
        case .vernietigd: "Vernietigd"
        }
        gegevens.append(.init("Archiefstatus", status))
        return DossierPage.Archief(gegevens: gegevens)
    }
}
