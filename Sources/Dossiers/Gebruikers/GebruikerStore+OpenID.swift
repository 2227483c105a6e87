import Foundation
import Postgres

/// The outcome of a sign-in through an OpenID Provider, once its ID token was verified.
public enum OpenIDUitkomst: Sendable, Equatable {
    /// The account bound to the token's (`iss`, `sub`), bound just now when `nieuwGekoppeld`.
    case gelukt(Gebruiker, nieuwGekoppeld: Bool)
    /// No account is bound to this person and none was invited under the token's e-mail address.
    case onbekend
    /// An invited account has the token's address, but the provider does not vouch for it
    /// (`email_verified` is not true).
    case emailNietBevestigd
    /// The account with the token's address is already bound to another person at a provider.
    case andereKoppeling
    /// The account is blocked.
    case geblokkeerd
}

extension GebruikerStore {
    /// How long a sign-in may take at the provider before its answer is refused.
    public static let openIDAanmeldingGeldigheid: TimeInterval = 10 * 60

    /// Keeps a sign-in under way: the hashes of its `state` and of the browser's binding cookie, and
    /// where to go afterwards. Valid for `openIDAanmeldingGeldigheid`.
    public func bewaarOpenIDAanmelding(stateHash: Data, browserHash: Data, terug: String) async throws {
        try await pool.withConnection { connection in
            try connection.execute(
                "INSERT INTO oidc_aanmeldingen (state_hash, browser_hash, terug, verloopt_op) VALUES ($1, $2, $3, now() + make_interval(secs => $4))",
                [.bytea(stateHash), .bytea(browserHash), .text(terug), .double(Self.openIDAanmeldingGeldigheid)]
            )
        }
    }

    /// Takes the sign-in under way with this state hash: it is removed whatever follows, so a state
    /// answers once. Returns the browser hash and the way back, or nil when unknown or expired.
    public func neemOpenIDAanmelding(stateHash: Data) async throws -> (browserHash: Data, terug: String)? {
        try await pool.withConnection { connection in
            try connection.query(
                "DELETE FROM oidc_aanmeldingen WHERE state_hash = $1 RETURNING browser_hash, terug, verloopt_op > now() AS geldig",
                [.bytea(stateHash)]
            ).first.flatMap { row in try row.bool("geldig") ? (try row.data("browser_hash"), try row.string("terug")) : nil }
        }
    }

    /// The account of the person the provider vouched for. An account bound to (`issuer`, `subject`)
    /// is that person's. Otherwise an invited account not yet bound, whose address is `email`, is
    /// bound now, but only when the provider confirmed that address (`emailBevestigd`). A blocked
    /// account is refused either way and never bound.
    public func openIDAanmelding(issuer: String, subject: String, email: String?, emailBevestigd: Bool) async throws -> OpenIDUitkomst {
        try await pool.withTransaction { connection in
            if let gebonden = try connection.query(
                "SELECT \(Self.kolommen) FROM gebruikers WHERE oidc_issuer = $1 AND oidc_subject = $2", [.text(issuer), .text(subject)]
            ).first.map(Self.gebruiker) {
                return gebonden.geblokkeerd ? .geblokkeerd : .gelukt(gebonden, nieuwGekoppeld: false)
            }
            guard let email = email?.trimmingCharacters(in: .whitespaces), Self.isEmail(email),
                let uitgenodigd = try connection.query(
                    "SELECT \(Self.kolommen) FROM gebruikers WHERE lower(email) = lower($1) FOR UPDATE", [.text(email)]
                ).first.map(Self.gebruiker)
            else { return .onbekend }
            if uitgenodigd.geblokkeerd { return .geblokkeerd }
            if uitgenodigd.openID != nil { return .andereKoppeling }
            guard emailBevestigd else { return .emailNietBevestigd }
            try connection.execute(
                "UPDATE gebruikers SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1",
                [.uuid(uitgenodigd.id), .text(issuer), .text(subject)]
            )
            var gebonden = uitgenodigd
            gebonden.openID = OpenIDKoppeling(issuer: issuer, subject: subject)
            return .gelukt(gebonden, nieuwGekoppeld: true)
        }
    }

    /// Undoes an account's binding to a provider account (for a person whose account there was
    /// replaced): the next sign-in binds it again by e-mail address. Its sessions end.
    @discardableResult
    public func ontkoppel(email: String) async throws -> Gebruiker {
        let id: UUID = try await pool.withTransaction { connection in
            guard let row = try connection.query(
                """
                UPDATE gebruikers SET oidc_issuer = NULL, oidc_subject = NULL, sessie_generatie = sessie_generatie + 1
                WHERE lower(email) = lower($1) RETURNING id
                """,
                [.text(email.trimmingCharacters(in: .whitespaces))]
            ).first else { throw GebruikerError.onbekend }
            let id = try row.uuid("id")
            try connection.execute("DELETE FROM web_sessies WHERE gebruiker_id = $1", [.uuid(id)])
            return id
        }
        guard let gebruiker = try await gebruiker(id: id) else { throw GebruikerError.onbekend }
        return gebruiker
    }
}
