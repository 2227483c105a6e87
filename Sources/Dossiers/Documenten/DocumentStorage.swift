import Crypto
import Foundation
import Taaktoedeling
import Postgres

/// The stored bytes of documents: blocks in `document_blokken`, one `document_inhoud` row per
/// distinct content, by its SHA-256.
enum DocumentStorage {
    /// Where a content's blocks are and how large it is.
    struct Inhoud: Sendable {
        let omvang: Int64
        let blokgrootte: Int64
        let blokken: UUID
    }

    static func voegBlokToe(_ blokken: UUID, volgnummer: Int32, data: Data, on connection: PostgresConnection) throws {
        try connection.execute(
            "INSERT INTO document_blokken (blokken, volgnummer, data) VALUES ($1, $2, $3)",
            [.uuid(blokken), .int(Int64(volgnummer)), .bytea(data)]
        )
    }

    /// Records the content written under `blokken`; when the same bytes are stored already, the
    /// new blocks are removed and the stored ones kept (content-addressed: stored once).
    static func bewaar(sha256: String, omvang: Int64, blokken: UUID, on connection: PostgresConnection) throws {
        guard let sleutel = Self.bytes(hex: sha256) else { throw ServiceError.unreadableEvent(position: 0) }
        let nieuw = try connection.execute(
            """
            INSERT INTO document_inhoud (sha256, omvang, blokgrootte, blokken) VALUES ($1, $2, $3, $4)
            ON CONFLICT (sha256) DO NOTHING
            """,
            [.bytea(sleutel), .int(omvang), .int(Int64(DocumentUpload.blokgrootte)), .uuid(blokken)]
        )
        if nieuw == 0 {
            try connection.execute("DELETE FROM document_blokken WHERE blokken = $1", [.uuid(blokken)])
        }
    }

    /// The stored content with this SHA-256 (lowercase hex), if any.
    static func inhoud(sha256: String, on connection: PostgresConnection) throws -> Inhoud? {
        guard let sleutel = Self.bytes(hex: sha256) else { return nil }
        return try connection.query(
            "SELECT omvang, blokgrootte, blokken FROM document_inhoud WHERE sha256 = $1", [.bytea(sleutel)]
        ).first.map { row in
            Inhoud(omvang: try row.int64("omvang"), blokgrootte: try row.int64("blokgrootte"), blokken: try row.uuid("blokken"))
        }
    }

    /// The bytes `van..<tot` of block `volgnummer` (offsets within the block).
    static func blok(_ inhoud: Inhoud, volgnummer: Int64, van: Int64, tot: Int64, on connection: PostgresConnection) throws -> [UInt8] {
        if van == 0 && tot >= inhoud.blokgrootte {
            return try connection.bytes(
                "SELECT data FROM document_blokken WHERE blokken = $1 AND volgnummer = $2", [.uuid(inhoud.blokken), .int(volgnummer)]
            ) ?? []
        }
        return try connection.bytes(
            "SELECT substring(data FROM $3::integer FOR $4::integer) FROM document_blokken WHERE blokken = $1 AND volgnummer = $2",
            [.uuid(inhoud.blokken), .int(volgnummer), .int(van + 1), .int(tot - van)]
        ) ?? []
    }

    /// Every stored content's SHA-256 (hex) whose blocks no longer hash to it, or whose size
    /// differs from what was recorded, read block by block.
    static func afwijkend(on connection: PostgresConnection) throws -> Set<String> {
        let rows = try connection.query("SELECT encode(sha256, 'hex') AS sha256, omvang, blokgrootte, blokken FROM document_inhoud")
        var afwijkend: Set<String> = []
        for row in rows {
            let sha = try row.string("sha256")
            let inhoud = Inhoud(omvang: try row.int64("omvang"), blokgrootte: try row.int64("blokgrootte"), blokken: try row.uuid("blokken"))
            var hasher = SHA256()
            var omvang: Int64 = 0
            var volgnummer: Int64 = 0
            while let data = try connection.bytes(
                "SELECT data FROM document_blokken WHERE blokken = $1 AND volgnummer = $2", [.uuid(inhoud.blokken), .int(volgnummer)]
            ) {
                hasher.update(data: data)
                omvang += Int64(data.count)
                volgnummer += 1
            }
            let berekend = hasher.finalize().hexadecimaal
            if berekend != sha || omvang != inhoud.omvang { afwijkend.insert(sha) }
        }
        return afwijkend
    }

    /// 32 bytes from 64 hex digits.
    static func bytes(hex: String) -> Data? {
        guard hex.utf8.count == 64 else { return nil }
        return Data(hexadecimaal: hex)
    }
}
