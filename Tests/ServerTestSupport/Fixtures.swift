import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Request bodies and small steps shared by the API tests.
public enum Fixtures {
    public static let nieuwDossier = """
        {"titel": "Regie op de regionale woningbouwprogrammering",
         "omschrijving": "Gemeenten in een woningmarktregio stemmen hun plannen af.",
         "vakdepartement": "VRO", "soort": "taak", "nieuweTaak": true,
         "wettelijkeGrondslag": "Wet versterking regie volkshuisvesting"}
        """

    public static func dossier(titel: String, vakdepartement: String = "VRO") -> String {
        """
        {"titel": "\(titel)", "omschrijving": "Omschrijving van \(titel).", "vakdepartement": "\(vakdepartement)",
         "soort": "taak", "nieuweTaak": true}
        """
    }

    public static let consultatie = #"{"koepels": ["VNG", "IPO"], "termijn": "2030-01-31"}"#
    public static let reactie = #"{"standpunt": "instemmend", "toelichting": "Wij stemmen in."}"#
    public static let toetsingProvincie = """
        {"taakkenmerken": {"schaal": "regionaal", "beleidsvrijheid": "weinig", "sturingVakdepartement": false,
         "waterbeheer": false, "specifiekBeleidsterrein": false, "samenwerking": "verplicht",
         "congruenteRegioIndeling": true}, "toelichting": "Verplichte samenwerking overwogen."}
        """
    public static let financieleGevolgen = """
        {"structureleKosten": 12500000, "incidenteleKosten": 3000000, "dekking": "Provinciefonds",
         "toelichting": "Eén fte per provincie."}
        """
    public static let udoAanvraag = #"{"toelichting": "De provincie is decentraal.", "termijn": "2030-06-30"}"#
    public static let udoUitkomst = #"{"uitkomst": "uitvoerbaar", "samenvatting": "Uitvoerbaar voor de provincies."}"#
    public static let besluit = #"{"bestuurslaag": "provincie", "motivering": "Conform het advies."}"#
    public static let kamerstuk = #"{"nummer": "33047-43", "titel": "Decentralisatie", "datum": "2026-03-01"}"#
    public static let intrekking = #"{"reden": "Het voorstel is vervallen."}"#
    public static let heropening = #"{"aanleiding": "motie", "toelichting": "Motie aangenomen."}"#
}

extension TestClientProtocol {
    /// Opens a dossier as `token` and returns its id.
    public func openDossier(token: String, body: String = Fixtures.nieuwDossier) async throws -> String {
        let response = try await send(.post, "/v1/dossiers", token: token, json: body)
        try #require(response.status == .created, "\(String(buffer: response.body))")
        return try #require(try response.object["id"] as? String)
    }

    /// Sends a command to a dossier and requires 201.
    @discardableResult
    public func command(_ path: String, on id: String, token: String, json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        let response = try await send(.post, "/v1/dossiers/\(id)/\(path)", token: token, json: json, headers: headers)
        try #require(response.status == .created, "\(path): \(response.status) \(String(buffer: response.body))")
        return response
    }
}
