import EventStore
import Foundation
import Postgres
import Taaktoedeling

/// What an AVG erasure did.
public struct Vergeten: Sendable, Equatable {
    /// The key destroyed (`gebruiker:<id>` or `token:<id>`).
    public let sleutel: String
    /// The dossiers whose read models were written again without the name.
    public let dossiers: Int
}

/// Why an erasure was refused.
public enum VergetenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No account has this address.
    case onbekendeGebruiker
    /// No token has this id.
    case onbekendToken
    /// This person was erased before.
    case alVergeten

    public var description: String {
        switch self {
        case .onbekendeGebruiker: "Er is geen account met dit e-mailadres."
        case .onbekendToken: "Er is geen token met dit id."
        case .alVergeten: "Deze persoon is al vergeten."
        }
    }
}

extension DossierService {
    /// AVG erasure of a web account (`toedeling-admin gebruiker vergeet EMAIL`): its key is
    /// destroyed, so its name reads `[verwijderd]` in every event sealed under it; the account is
    /// kept as a blocked, nameless row (events still name its id); its sessions, links, login counts
    /// and e-mail go; and the read models of every dossier it acted on are written again. All in one
    /// transaction: everything or nothing.
    public func vergeetGebruiker(email: String) async throws -> Vergeten {
        try await vergeet { connection in
            guard let row = try connection.query(
                "SELECT id, naam, email FROM gebruikers WHERE lower(email) = lower($1) FOR UPDATE", [.text(email.trimmingCharacters(in: .whitespaces))]
            ).first else { throw VergetenError.onbekendeGebruiker }
            let id = try row.uuid("id")
            let naam = try row.string("naam"), adres = try row.string("email")
            guard naam != FieldEncryption.verwijderd else { throw VergetenError.alVergeten }
            try connection.execute(
                """
                UPDATE gebruikers SET naam = $2, email = 'verwijderd-' || id::text || '@verwijderd.invalid', wachtwoord_hash = NULL,
                    totp_geheim = NULL, totp_laatste_stap = NULL, geblokkeerd = true, oidc_issuer = NULL, oidc_subject = NULL,
                    sessie_generatie = sessie_generatie + 1
                WHERE id = $1
                """,
                [.uuid(id), .text(FieldEncryption.verwijderd)]
            )
            try connection.execute("DELETE FROM web_sessies WHERE gebruiker_id = $1", [.uuid(id)])
            try connection.execute("DELETE FROM gebruiker_activaties WHERE gebruiker_id = $1", [.uuid(id)])
            try connection.execute("DELETE FROM inlog_pogingen WHERE sleutel = 'account:' || lower($1)", [.text(adres)])
            try connection.execute("DELETE FROM email_berichten WHERE gebruiker_id = $1 OR lower(ontvanger) = lower($2)", [.uuid(id), .text(adres)])
            return (KeyRing.id(gebruiker: id), naam, "gebruikerId", id)
        }
    }

    /// AVG erasure of a token holder (`toedeling-admin token vergeet ID`): as for an account; the
    /// token is revoked and keeps its role, its name reads `[verwijderd]`.
    public func vergeetToken(id: UUID) async throws -> Vergeten {
        try await vergeet { connection in
            guard let row = try connection.query("SELECT naam FROM api_tokens WHERE id = $1 FOR UPDATE", [.uuid(id)]).first else {
                throw VergetenError.onbekendToken
            }
            let naam = try row.string("naam")
            guard naam != FieldEncryption.verwijderd else { throw VergetenError.alVergeten }
            try connection.execute(
                "UPDATE api_tokens SET naam = $2, revoked_at = coalesce(revoked_at, now()) WHERE id = $1", [.uuid(id), .text(FieldEncryption.verwijderd)]
            )
            return (KeyRing.id(token: id), naam, "tokenId", id)
        }
    }

    /// The common part of an erasure, after `persoon` scrubbed the person's own rows and named its
    /// key, its former name and the metadata field that records it.
    private func vergeet(
        _ persoon: @escaping @Sendable (PostgresConnection) throws -> (sleutel: String, naam: String, veld: String, id: UUID)
    ) async throws -> Vergeten {
        let uitkomst = try await pool.withTransaction { connection in
            let (sleutel, naam, veld, id) = try persoon(connection)
            try KeyRing.vernietig(sleutel, on: connection)
            // Copies of the name outside the events: kept answers, mail, who made a subscription.
            try connection.execute(
                "DELETE FROM idempotency_keys WHERE position(convert_to($1, 'UTF8') IN coalesce(response_body, '')) > 0", [.text(naam)]
            )
            try connection.execute("DELETE FROM email_berichten WHERE position($1 IN tekst) > 0 OR position($1 IN html) > 0", [.text(naam)])
            try connection.execute("UPDATE abonnementen SET aangemaakt_door = $2 WHERE aangemaakt_door = $1", [.text(naam), .text(FieldEncryption.verwijderd)])
            // Who proposed or judged a vernietigingslijst, also in its kept verklaring.
            try connection.execute(
                """
                UPDATE vernietigingslijsten SET
                    voorsteller_naam = CASE WHEN voorgesteld_door = $1 THEN $3 ELSE voorsteller_naam END,
                    beoordelaar_naam = CASE WHEN beoordeeld_door = $1 THEN $3 ELSE beoordelaar_naam END,
                    verklaring_html = replace(replace(verklaring_html, $2, $3), $4, $3),
                    verklaring_csv = replace(replace(verklaring_csv, $2, $3), $5, $3)
                WHERE voorgesteld_door = $1 OR beoordeeld_door = $1
                """,
                // The name as the verklaring holds it: escaped for HTML (the one escaping the
                // rendering uses), with quotes doubled in a quoted CSV field.
                [.text(sleutel), .text(naam), .text(FieldEncryption.verwijderd), .text(HTMLEscaping.escape(naam)),
                 .text(naam.replacingOccurrences(of: "\"", with: "\"\""))]
            )
            // Every dossier the person acted on: its read models again, from the events as they read now.
            let streams = try connection.query(
                "SELECT DISTINCT stream_id FROM events WHERE stream_type = $1 AND metadata ->> '\(veld)' = $2",
                [.text(DossierEvent.streamType), .text(id.uuidString.lowercased())]
            ).map { try $0.string("stream_id") }
            for stream in streams { try DossierProjection.herbouw(stream, on: connection) }
            return Vergeten(sleutel: sleutel, dossiers: streams.count)
        }
        keyRing.vergeet(uitkomst.sleutel)
        logger.notice("persoon vergeten", metadata: ["sleutel": "\(uitkomst.sleutel)", "dossiers": "\(uitkomst.dossiers)"])
        return uitkomst
    }
}

extension DossierProjection {
    /// Writes a dossier's read models again from its events as they read now (a destroyed key's
    /// texts as `[vernietigd]` / `[verwijderd]`), on the caller's transaction.
    static func herbouw(_ streamID: String, on connection: PostgresConnection) throws {
        guard streamID.hasPrefix("dossier-"), let id = UUID(uuidString: String(streamID.dropFirst("dossier-".count))) else { return }
        let events = try KeyRing.open(EventStore.readStream(on: connection, streamID), on: connection)
        try connection.execute("DELETE FROM dossier_tijdlijn WHERE dossier_id = $1", [.uuid(id)])
        try connection.execute("DELETE FROM dossier_weergaven WHERE dossier_id = $1", [.uuid(id)])
        try connection.execute("DELETE FROM dossier_kamerstukken WHERE dossier_id = $1", [.uuid(id)])
        try connection.execute("DELETE FROM dossier_kamerstukken_delen WHERE dossier_id = $1", [.uuid(id)])
        try apply(try DossierStream.decode(events), after: nil, on: connection)
    }
}
