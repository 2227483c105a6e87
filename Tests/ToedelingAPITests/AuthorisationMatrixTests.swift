import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ToedelingAPI
import ServerTestSupport

@Suite("Authorisation: every role against every endpoint")
struct AuthorisationMatrixTests {
    struct Endpoint {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let allowed: Set<String>
    }

    static func endpoints(dossier id: String) -> [Endpoint] {
        let all: Set<String> = ["coordinator", "liaison", "koepel"]
        return [
            Endpoint(method: .get, path: "/v1/dossiers", body: nil, allowed: all),
            Endpoint(method: .get, path: "/v1/dossiers/\(id)", body: nil, allowed: all),
            Endpoint(method: .get, path: "/v1/dossiers/\(id)/tijdlijn", body: nil, allowed: all),
            Endpoint(method: .get, path: "/v1/dossiers/\(id)/gebeurtenissen", body: nil, allowed: ["coordinator", "liaison"]),
            Endpoint(method: .get, path: "/v1/rapportages/stand-van-zaken", body: nil, allowed: ["coordinator", "liaison"]),
            Endpoint(method: .get, path: "/v1/gebeurtenissen", body: nil, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/afwegingskader/_advies", body: Fixtures.toetsingProvincie.replacingOccurrences(
                of: #", "toelichting": "Verplichte samenwerking overwogen.""#, with: ""), allowed: all),
            Endpoint(method: .post, path: "/v1/dossiers", body: Fixtures.nieuwDossier, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/consultaties", body: Fixtures.consultatie, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/consultaties/1/reacties", body: Fixtures.reactie,
                     allowed: ["coordinator", "koepel"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/consultaties/1/sluiting", body: "{}", allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/toetsingen", body: Fixtures.toetsingProvincie, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/financiele-gevolgen", body: Fixtures.financieleGevolgen,
                     allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/udo-aanvragen", body: Fixtures.udoAanvraag, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/udo-uitkomsten", body: Fixtures.udoUitkomst, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/besluiten", body: Fixtures.besluit, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/kamerstukken", body: Fixtures.kamerstuk,
                     allowed: ["coordinator", "liaison"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/heropening", body: Fixtures.heropening, allowed: ["coordinator"]),
            Endpoint(method: .post, path: "/v1/dossiers/\(id)/intrekking", body: Fixtures.intrekking, allowed: ["coordinator"]),
        ]
    }

    @Test func everyRoleIsAllowedOrRefusedWith403AndARefusalWritesNothing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                let tokens = [("koepel", harness.vng), ("liaison", harness.liaison), ("coordinator", harness.coordinator)]
                for endpoint in Self.endpoints(dossier: id) {
                    for (role, token) in tokens {
                        let eventsBefore = try harness.database.count("events")
                        let dossiersBefore = try harness.database.count("dossiers")
                        let response = try await client.send(endpoint.method, endpoint.path, token: token, json: endpoint.body)
                        let label = "\(role) \(endpoint.method) \(endpoint.path): \(response.status)"
                        #expect(response.status.code < 500, "\(label)")
                        if endpoint.allowed.contains(role) {
                            #expect(response.status != .forbidden && response.status != .unauthorized, "\(label)")
                        } else {
                            #expect(response.status == .forbidden, "\(label)")
                            #expect(try response.problem.status == 403)
                            #expect(try harness.database.count("events") == eventsBefore, "\(label)")
                            #expect(try harness.database.count("dossiers") == dossiersBefore, "\(label)")
                        }
                    }
                }
            }
        }
    }

    @Test func aKoepelCannotReactForAnotherKoepelNorInARoundItWasNotInvitedTo() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: Fixtures.consultatie)
                let namens = try await client.send(
                    .post, "/v1/dossiers/\(id)/consultaties/1/reacties", token: harness.vng,
                    json: #"{"koepel": "IPO", "standpunt": "bezwaar", "toelichting": "Namens IPO."}"#)
                #expect(namens.status == .forbidden)
                let notInvited = try await client.send(
                    .post, "/v1/dossiers/\(id)/consultaties/1/reacties", token: harness.uvw, json: Fixtures.reactie)
                #expect(notInvited.status == .notFound)
                #expect(try harness.database.count("events") == 2)
            }
        }
    }
}
