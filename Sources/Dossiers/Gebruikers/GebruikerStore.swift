import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix
import Postgres
import Taaktoedeling

/// The web application's accounts in PostgreSQL: creating, listing, blocking and restoring them,
/// activation links, passwords (bcrypt), two-step verification and the throttled login.
public struct GebruikerStore: Sendable {
    let pool: PostgresConnectionPool
    /// The bcrypt cost of new password hashes (12 in production; tests may choose less to save time).
    let kosten: UInt8
    /// How long an activation link stays valid.
    public static let activatieGeldigheid: TimeInterval = 72 * 3600

    /// A store over the pool; `bcryptKosten` is the bcrypt cost factor (at least 12 outside tests).
    public init(pool: PostgresConnectionPool, bcryptKosten: UInt8 = 12) {
        self.pool = pool
        self.kosten = max(4, min(bcryptKosten, 31))
    }

    // MARK: Administration

    /// Creates an account. Without a password it gets a one-time activation link token (valid 72 h),
    /// returned once and stored only as a hash; with one the password must meet `Wachtwoordregels`.
    public func create(
        email: String, naam: String, hoedanigheid: Hoedanigheid, wachtwoord: String? = nil
    ) async throws -> (gebruiker: Gebruiker, activatie: String?) {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let naam = naam.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isEmail(email) else { throw GebruikerError.ongeldigEmail }
        guard !naam.isEmpty else { throw GebruikerError.legeNaam }
        var hash: String?
        if let wachtwoord {
            if let bezwaar = Wachtwoordregels.bezwaar(tegen: wachtwoord, email: email, naam: naam) { throw GebruikerError.zwakWachtwoord(bezwaar) }
            hash = try await hashWachtwoord(wachtwoord)
        }
        let id = UUID()
        let token = hash == nil ? BearerToken.randomBase64URL() : nil
        let wachtwoordHash = hash
        try await pool.withTransaction { connection in
            guard try connection.query("SELECT 1 AS x FROM gebruikers WHERE lower(email) = lower($1)", [.text(email)]).isEmpty else {
                throw GebruikerError.emailBestaatAl
            }
            try connection.execute(
                "INSERT INTO gebruikers (id, email, naam, rol, koepel, wachtwoord_hash) VALUES ($1, $2, $3, $4, $5, $6)",
                [.uuid(id), .text(email), .text(naam), .text(hoedanigheid.rol.rawValue), hoedanigheid.koepel.map { .text($0.rawValue) } ?? .null,
                 wachtwoordHash.map { .text($0) } ?? .null]
            )
            if let token { try Self.bewaarActivatie(token, voor: id, on: connection) }
        }
        guard let gebruiker = try await gebruiker(id: id) else { throw GebruikerError.onbekend }
        return (gebruiker, token)
    }

    /// Every account, by e-mail address.
    public func list() async throws -> [Gebruiker] {
        try await pool.withConnection { connection in
            try connection.query("SELECT \(Self.kolommen) FROM gebruikers ORDER BY lower(email)").map(Self.gebruiker)
        }
    }

    /// The account with this id.
    public func gebruiker(id: UUID) async throws -> Gebruiker? {
        try await pool.withConnection { connection in
            try connection.query("SELECT \(Self.kolommen) FROM gebruikers WHERE id = $1", [.uuid(id)]).first.map(Self.gebruiker)
        }
    }

    /// The account with this address, whatever its case.
    public func gebruiker(email: String) async throws -> Gebruiker? {
        try await pool.withConnection { connection in
            try connection.query(
                "SELECT \(Self.kolommen) FROM gebruikers WHERE lower(email) = lower($1)", [.text(email.trimmingCharacters(in: .whitespaces))]
            ).first.map(Self.gebruiker)
        }
    }

    /// The accounts of one role (and koepel), e.g. every coordinator to mail; blocked ones left out.
    public func actieveGebruikers(rol: Rol, koepel: Koepel? = nil) async throws -> [Gebruiker] {
        try await pool.withConnection { connection in
            try connection.query(
                "SELECT \(Self.kolommen) FROM gebruikers WHERE rol = $1 AND ($2::text IS NULL OR koepel = $2) AND NOT geblokkeerd ORDER BY lower(email)",
                [.text(rol.rawValue), koepel.map { .text($0.rawValue) } ?? .null]
            ).map(Self.gebruiker)
        }
    }

    /// Blocks the account: it can no longer log in, and every session of it ends at once.
    @discardableResult
    public func blokkeer(email: String) async throws -> Gebruiker {
        try await pool.withTransaction { connection in
            guard let row = try connection.query(
                "UPDATE gebruikers SET geblokkeerd = true, sessie_generatie = sessie_generatie + 1 WHERE lower(email) = lower($1) RETURNING id",
                [.text(email.trimmingCharacters(in: .whitespaces))]
            ).first else { throw GebruikerError.onbekend }
            let id = try row.uuid("id")
            try connection.execute("DELETE FROM web_sessies WHERE gebruiker_id = $1", [.uuid(id)])
            try connection.execute("UPDATE gebruiker_activaties SET gebruikt_op = now() WHERE gebruiker_id = $1 AND gebruikt_op IS NULL", [.uuid(id)])
        }
        guard let gebruiker = try await gebruiker(email: email) else { throw GebruikerError.onbekend }
        return gebruiker
    }

    /// Restores the account as new: unblocked, password and two-step verification cleared, every
    /// session ended, earlier links void, and a new one-time activation link token returned.
    public func herstel(email: String) async throws -> (gebruiker: Gebruiker, activatie: String) {
        let token = BearerToken.randomBase64URL()
        try await pool.withTransaction { connection in
            guard let row = try connection.query(
                """
                UPDATE gebruikers SET geblokkeerd = false, wachtwoord_hash = NULL, totp_geheim = NULL,
                  sessie_generatie = sessie_generatie + 1
                WHERE lower(email) = lower($1) RETURNING id
                """,
                [.text(email.trimmingCharacters(in: .whitespaces))]
            ).first else { throw GebruikerError.onbekend }
            let id = try row.uuid("id")
            try connection.execute("DELETE FROM web_sessies WHERE gebruiker_id = $1", [.uuid(id)])
            try connection.execute("UPDATE gebruiker_activaties SET gebruikt_op = now() WHERE gebruiker_id = $1 AND gebruikt_op IS NULL", [.uuid(id)])
            try Self.bewaarActivatie(token, voor: id, on: connection)
        }
        guard let gebruiker = try await gebruiker(email: email) else { throw GebruikerError.onbekend }
        return (gebruiker, token)
    }

    // MARK: Activation

    /// The account an activation link is for, while the link is unused and valid; nil otherwise.
    public func activatie(token: String) async throws -> Gebruiker? {
        guard let hash = Self.tokenHash(token) else { return nil }
        return try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT \(Self.kolommen("g.")) FROM gebruiker_activaties a JOIN gebruikers g ON g.id = a.gebruiker_id
                WHERE a.token_hash = $1 AND a.gebruikt_op IS NULL AND a.verloopt_op > now() AND NOT g.geblokkeerd
                """,
                [.bytea(hash)]
            ).first.map(Self.gebruiker)
        }
    }

    /// Sets the password through an activation link, which is used up by it; earlier sessions end.
    public func activeer(token: String, wachtwoord: String) async throws -> Gebruiker {
        guard let gebruiker = try await activatie(token: token), let hash = Self.tokenHash(token) else { throw GebruikerError.ongeldigeActivatie }
        if let bezwaar = Wachtwoordregels.bezwaar(tegen: wachtwoord, email: gebruiker.email, naam: gebruiker.naam) {
            throw GebruikerError.zwakWachtwoord(bezwaar)
        }
        let wachtwoordHash = try await hashWachtwoord(wachtwoord)
        try await pool.withTransaction { connection in
            // Used once: only the first of two concurrent submissions finds the link unused.
            guard try connection.execute(
                "UPDATE gebruiker_activaties SET gebruikt_op = now() WHERE token_hash = $1 AND gebruikt_op IS NULL AND verloopt_op > now()",
                [.bytea(hash)]
            ) == 1 else { throw GebruikerError.ongeldigeActivatie }
            try connection.execute(
                "UPDATE gebruikers SET wachtwoord_hash = $2, sessie_generatie = sessie_generatie + 1 WHERE id = $1",
                [.uuid(gebruiker.id), .text(wachtwoordHash)]
            )
            try connection.execute("DELETE FROM web_sessies WHERE gebruiker_id = $1", [.uuid(gebruiker.id)])
        }
        return try await self.gebruiker(id: gebruiker.id) ?? gebruiker
    }

    // MARK: Login

    /// Checks an e-mail address and password, throttled per account and per client address: after
    /// five failures each try waits a delay that doubles (1 s up to 15 min). The outcome never says
    /// whether the address exists, and an unknown address costs as much time as a known one.
    public func inloggen(email: String, wachtwoord: String, adres: String?, nu: Date = Date()) async throws -> InlogUitkomst {
        let sleutels = LoginThrottle.sleutels(email: email, adres: adres)
        if let wacht = try await LoginThrottle.wachttijd(sleutels, nu: nu, pool: pool) { return .wacht(seconden: wacht) }
        let gevonden = try await gebruiker(email: email)
        let hash = gevonden.flatMap { $0.geblokkeerd ? nil : $0.wachtwoordHash } ?? nil
        let klopt = try await controleerWachtwoord(wachtwoord, hash: hash)
        guard klopt, let gebruiker = gevonden, !gebruiker.geblokkeerd else {
            try await LoginThrottle.mislukt(sleutels, nu: nu, pool: pool)
            return .mislukt
        }
        try await LoginThrottle.gelukt(sleutels, pool: pool)
        return .gelukt(gebruiker)
    }

    /// Counts a failed second step (a wrong TOTP code) against the account and address like a wrong
    /// password; and tells how long to wait when they are throttled.
    public func tweedeStapMislukt(email: String, adres: String?, nu: Date = Date()) async throws {
        try await LoginThrottle.mislukt(LoginThrottle.sleutels(email: email, adres: adres), nu: nu, pool: pool)
    }

    /// How long a login for this address and client must wait (nil: it may try now).
    public func wachttijd(email: String, adres: String?, nu: Date = Date()) async throws -> Int? {
        try await LoginThrottle.wachttijd(LoginThrottle.sleutels(email: email, adres: adres), nu: nu, pool: pool)
    }

    // MARK: Two-step verification

    /// Sets up (or with nil removes) the account's TOTP secret.
    public func zetTweestap(id: UUID, geheim: String?) async throws {
        try await pool.withConnection { connection in
            _ = try connection.execute(
                "UPDATE gebruikers SET totp_geheim = $2, totp_laatste_stap = NULL WHERE id = $1", [.uuid(id), geheim.map { .text($0) } ?? .null]
            )
        }
    }

    /// Takes the TOTP time step `stap` as used by the account: true the first time, false when it
    /// (or a later one) was used before, so a code cannot be replayed.
    public func gebruikTotpStap(id: UUID, stap: Int64) async throws -> Bool {
        try await pool.withConnection { connection in
            try connection.execute(
                "UPDATE gebruikers SET totp_laatste_stap = $2 WHERE id = $1 AND (totp_laatste_stap IS NULL OR totp_laatste_stap < $2)",
                [.uuid(id), .int(stap)]
            ) == 1
        }
    }

    // MARK: Helpers

    private func hashWachtwoord(_ wachtwoord: String) async throws -> String {
        let kosten = kosten
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(wachtwoord, cost: kosten) }
    }

    /// bcrypt's check, off the cooperative threads; without a hash a dummy one is checked, so an
    /// unknown address takes as long as a wrong password.
    private func controleerWachtwoord(_ wachtwoord: String, hash: String?) async throws -> Bool {
        // Also the dummy hash is made (once) on the pool's thread, not a cooperative one.
        let klopt = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(wachtwoord, hash: hash ?? Self.dummyHash) }
        return klopt && hash != nil
    }

    /// A bcrypt hash (cost 12) of a random text nobody knows, made once.
    private static let dummyHash = Bcrypt.hash(BearerToken.randomBase64URL(), cost: 12)

    static func isEmail(_ tekst: String) -> Bool {
        let delen = tekst.split(separator: "@", omittingEmptySubsequences: false)
        return delen.count == 2 && !delen[0].isEmpty && delen[1].contains(".") && !delen[1].hasPrefix(".") && !delen[1].hasSuffix(".")
            && tekst.count <= 254 && !tekst.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
    }

    /// The SHA-256 of a well-formed token (43 characters of base64url); nil for anything else.
    public static func tokenHash(_ token: String) -> Data? {
        guard token.utf8.count == 43, token.utf8.allSatisfy({ b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }) else { return nil }
        return Data(SHA256.hash(data: Data(token.utf8)))
    }

    private static func bewaarActivatie(_ token: String, voor id: UUID, on connection: PostgresConnection) throws {
        guard let hash = tokenHash(token) else { return }
        try connection.execute(
            "INSERT INTO gebruiker_activaties (token_hash, gebruiker_id, verloopt_op) VALUES ($1, $2, now() + make_interval(secs => $3))",
            [.bytea(hash), .uuid(id), .double(activatieGeldigheid)]
        )
    }

    static let kolommen = kolommen("")

    static func kolommen(_ prefix: String) -> String {
        ["id", "email", "naam", "rol", "koepel", "wachtwoord_hash", "totp_geheim", "geblokkeerd", "sessie_generatie", "aangemaakt_op",
         "oidc_issuer", "oidc_subject"]
            .map { prefix + $0 }.joined(separator: ", ")
    }

    static func gebruiker(_ row: PostgresRow) throws -> Gebruiker {
        var gebruiker = Gebruiker(
            id: try row.uuid("id"), email: try row.string("email"), naam: try row.string("naam"), hoedanigheid: try row.hoedanigheid(),
            geblokkeerd: try row.bool("geblokkeerd"),
            heeftWachtwoord: try !row.isNull("wachtwoord_hash"), totpGeheim: try row.optionalString("totp_geheim"),
            sessieGeneratie: try row.int("sessie_generatie"), aangemaaktOp: try row.date("aangemaakt_op")
        )
        gebruiker.wachtwoordHash = try row.optionalString("wachtwoord_hash")
        if let issuer = try row.optionalString("oidc_issuer"), let subject = try row.optionalString("oidc_subject") {
            gebruiker.openID = OpenIDKoppeling(issuer: issuer, subject: subject)
        }
        return gebruiker
    }
}

/// The outcome of a login with e-mail address and password.
public enum InlogUitkomst: Sendable, Equatable {
    /// The password is right; the second step (TOTP) may still follow.
    case gelukt(Gebruiker)
    /// Wrong address, wrong password or blocked account: the answer does not say which.
    case mislukt
    /// Too many failures: try again after this many seconds.
    case wacht(seconden: Int)
}
