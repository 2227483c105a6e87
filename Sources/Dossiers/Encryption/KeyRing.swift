import Crypto
import EventStore
import Foundation
import Postgres
import Synchronization
import Taaktoedeling

/// The keys of the `sleutels` table: made when first needed, read to seal and to open, destroyed by
/// destruction and erasure. Keys to *seal* with are kept in memory once read (a key never changes;
/// a destroyed one is never needed to seal again, because its dossier or person no longer acts);
/// keys to *open* with are read in the reader's statement, so a destruction on any instance is
/// honoured at once everywhere.
public final class KeyRing: Sendable {
    private let pool: PostgresConnectionPool
    private let cache = Mutex<[String: SymmetricKey]>([:])

    public init(pool: PostgresConnectionPool) {
        self.pool = pool
    }

    /// The key id of a dossier's texts.
    public static func id(dossier: UUID) -> String { "dossier:" + dossier.lowercasedString }
    /// The key id of a web account's name.
    public static func id(gebruiker: UUID) -> String { "gebruiker:" + gebruiker.lowercasedString }
    /// The key id of a token holder's name.
    public static func id(token: UUID) -> String { "token:" + token.lowercasedString }

    /// The keys to seal with for these ids, made when missing (in their own statement, committed
    /// whatever happens to the command that needs them). A destroyed key is absent from the answer.
    public func sleutelsOmTeVerzegelen(_ ids: [String]) async throws -> [String: SymmetricKey] {
        var found = cache.withLock { cache in ids.reduce(into: [String: SymmetricKey]()) { $0[$1] = cache[$1] } }
        let missing = ids.filter { found[$0] == nil }
        guard !missing.isEmpty else { return found }
        let rows = try await pool.withConnection { connection in
            let nieuw = missing.map { _ in SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.hexadecimaal }
            return try connection.query(
                """
                WITH nieuw AS (
                    INSERT INTO sleutels (id, sleutel)
                    SELECT n.id, decode(n.hex, 'hex') FROM unnest($1::text[], $2::text[]) AS n(id, hex)
                    ON CONFLICT (id) DO NOTHING RETURNING id, sleutel
                )
                SELECT id, sleutel FROM nieuw
                UNION ALL SELECT id, sleutel FROM sleutels WHERE id = ANY($1::text[]) AND sleutel IS NOT NULL AND id NOT IN (SELECT id FROM nieuw)
                """,
                [.text(PostgresArrayLiteral.words(missing)), .text(PostgresArrayLiteral.words(nieuw))]
            ).map { (try $0.string("id"), try $0.data("sleutel")) }
        }
        cache.withLock { cache in
            for (id, bytes) in rows {
                let key = SymmetricKey(data: bytes)
                cache[id] = key
                found[id] = key
            }
        }
        return found
    }

    /// The keys that still exist among `ids`, read on `connection` (for opening).
    public static func sleutelsOmTeOpenen(_ ids: Set<String>, on connection: PostgresConnection) throws -> [String: SymmetricKey] {
        guard !ids.isEmpty else { return [:] }
        return try connection.query(
            "SELECT id, sleutel FROM sleutels WHERE id = ANY($1::text[]) AND sleutel IS NOT NULL", [.text(PostgresArrayLiteral.words(Array(ids)))]
        ).reduce(into: [:]) { keys, row in keys[try row.string("id")] = SymmetricKey(data: try row.data("sleutel")) }
    }

    /// `events` with their sealed fields opened: plaintext where the key exists, `[vernietigd]` or
    /// `[verwijderd]` where it was destroyed. Events without sealed fields are returned as they are.
    public static func open(_ events: [RecordedEvent], on connection: PostgresConnection) throws -> [RecordedEvent] {
        let ids = sleutelIDs(in: events)
        guard !ids.isEmpty else { return events }
        let keys = try sleutelsOmTeOpenen(ids, on: connection)
        return events.map { open($0, with: keys) }
    }

    /// The ids of the keys the sealed fields of `events` were sealed with.
    static func sleutelIDs(in events: [RecordedEvent]) -> Set<String> {
        var ids: Set<String> = []
        for event in events {
            if FieldEncryption.isSealed(event.data) { ids.formUnion(FieldEncryption.sleutelIDs(in: event.data)) }
            if FieldEncryption.isSealed(event.metadata) { ids.formUnion(FieldEncryption.sleutelIDs(in: event.metadata)) }
        }
        return ids
    }

    /// One event opened with `keys`.
    public static func open(_ event: RecordedEvent, with keys: [String: SymmetricKey]) -> RecordedEvent {
        guard FieldEncryption.isSealed(event.data) || FieldEncryption.isSealed(event.metadata) else { return event }
        return RecordedEvent(
            position: event.position, transactionID: event.transactionID, streamID: event.streamID, streamType: event.streamType,
            version: event.version, eventID: event.eventID, type: event.type, schemaVersion: event.schemaVersion,
            data: FieldEncryption.open(event.data, sleutels: keys), metadata: FieldEncryption.open(event.metadata, sleutels: keys),
            recordedAt: event.recordedAt, previousHash: event.previousHash, hash: event.hash
        )
    }

    /// Destroys the key `id` on the caller's transaction; false when there was none to destroy.
    @discardableResult
    public static func vernietig(_ id: String, on connection: PostgresConnection) throws -> Bool {
        // A key that was never made is recorded as destroyed too, so nothing seals under it later.
        try connection.execute(
            """
            INSERT INTO sleutels (id, sleutel, vernietigd_op) VALUES ($1, NULL, now())
            ON CONFLICT (id) DO UPDATE SET sleutel = NULL, vernietigd_op = coalesce(sleutels.vernietigd_op, now())
            """,
            [.text(id)]
        ) > 0
    }

    /// Forgets a destroyed key on this instance (after a destruction by it).
    public func vergeet(_ id: String) {
        _ = cache.withLock { $0.removeValue(forKey: id) }
    }

    /// The keys that open the sealed fields of one stream, for its transfer to the e-Depot (which
    /// keeps the record readable without Toedeling): the dossier's and those of the people who acted
    /// on it, as far as they still exist (an erased person's name stays `[verwijderd]`).
    public func sleutels(vanStroom streamID: String, pool: PostgresConnectionPool) async throws -> [(id: String, sleutel: Data)] {
        try await pool.withConnection { connection in
            var ids: Set<String> = []
            for row in try connection.query("SELECT data::text AS d, metadata::text AS m FROM events WHERE stream_id = $1", [.text(streamID)]) {
                for kolom in ["d", "m"] {
                    let tekst = Data(try row.string(kolom).utf8)
                    if FieldEncryption.isSealed(tekst) { ids.formUnion(FieldEncryption.sleutelIDs(in: tekst)) }
                }
            }
            return try Self.sleutelsOmTeOpenen(ids, on: connection).map { (id: $0.key, sleutel: $0.value.withUnsafeBytes { Data($0) }) }
                .sorted { $0.id < $1.id }
        }
    }
}
