import Crypto
import Foundation
import Taaktoedeling
import Logging
import Postgres

/// Makes and checks seals over the event store's stream heads.
public struct Zegelaar: Sendable {
    let pool: PostgresConnectionPool
    let logger: Logger

    /// A sealer over the pool.
    public init(pool: PostgresConnectionPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// What checking a seal against today's database found.
    public struct Uitslag: Sendable {
        /// The seal file is whole and signed by the key.
        public var geldig: Bool
        /// Why the file itself fails, when it does.
        public var reden: String?
        /// The streams whose history no longer extends their sealed head, each with why.
        public var herschreven: [(stream: String, reden: String)]
        /// How many sealed heads were checked.
        public var gecontroleerd: Int
    }

    /// Makes a seal now: reads every stream's head in one snapshot, signs the Merkle root, asks
    /// `tsa` (when given) for an RFC 3161 token over the signed message, stores the seal and, when
    /// `map` is given, writes it there as `zegel-<moment>.json` (returned). A TSA that fails does
    /// not stop the seal: it is made without a token, and `tsaFout` says why (also logged).
    public func maak(
        sleutel: Curve25519.Signing.PrivateKey, map: String?, tsa: TimestampClient? = nil
    ) async throws -> (zegel: Zegel, bestand: String?, tsaFout: String?) {
        let (moment, stromen) = try await pool.withTransaction { connection -> (Date, [Zegel.Stroom]) in
            try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let moment = try connection.query("SELECT clock_timestamp() AS nu")[0].date("nu")
            let stromen = try connection.query(
                "SELECT stream_id, version, encode(head_hash, 'hex') AS head FROM streams WHERE version > 0 ORDER BY stream_id COLLATE \"C\""
            ).map { Zegel.Stroom(stream: try $0.string("stream_id"), versie: try $0.int64("version"), head: try $0.string("head")) }
            return (moment, stromen)
        }
        let root = Zegel.merkleRoot(stromen)
        var zegel = Zegel(
            gemaaktOp: moment.ISO8601Format(.iso8601(timeZone: .gmt, includingFractionalSeconds: true)),
            publiekeSleutel: sleutel.publicKey.rawRepresentation.base64EncodedString(), merkleRoot: root.hexadecimaal, aantalStromen: stromen.count,
            stromen: stromen, handtekening: ""
        )
        zegel.handtekening = try sleutel.signature(for: zegel.bericht).base64EncodedString()
        var tsaFout: String?
        if let tsa {
            do {
                zegel.tijdstempel = try await tsa.stempel(zegel.bericht)
            } catch {
                tsaFout = "\(error)"
                logger.warning("zegel zonder tijdstempel", metadata: ["tsa.fout": "\(error)"])
            }
        }
        let document = try zegel.json()
        let publiek = sleutel.publicKey.rawRepresentation
        try await pool.withConnection { connection in
            try connection.execute(
                "INSERT INTO zegels (gemaakt_op, merkle_root, aantal_stromen, publieke_sleutel, document) VALUES ($1, $2, $3, $4, $5)",
                [.timestamp(moment), .bytea(root), .int(Int64(stromen.count)), .bytea(publiek), .bytea(document)]
            )
        }
        var bestand: String?
        if let map {
            let naam = "zegel-" + zegel.gemaaktOp.filter { $0.isNumber } + ".json"
            let pad = URL(fileURLWithPath: map).appendingPathComponent(naam).path
            guard FileManager.default.createFile(atPath: pad, contents: document, attributes: [.posixPermissions: 0o444]) else {
                throw ZegelSleutel.KeyError(description: "\(pad) kan niet worden geschreven (TOEDELING_SEAL_DIR)")
            }
            bestand = pad
        }
        logger.notice("zegel gemaakt", metadata: ["zegel.stromen": "\(stromen.count)", "zegel.root": "\(zegel.merkleRoot)"])
        return (zegel, bestand, tsaFout)
    }

    /// The newest seal in the database, if any.
    public func laatste() async throws -> Zegel? {
        guard let bytes = try await pool.withConnection({ connection in
            try connection.bytes("SELECT document FROM zegels ORDER BY gemaakt_op DESC, id DESC LIMIT 1")
        }) else { return nil }
        return try JSONDecoder().decode(Zegel.self, from: Data(bytes))
    }

    /// When the newest seal was made, without reading it.
    public func laatsteMoment() async throws -> Date? {
        try await pool.withConnection { connection in
            try connection.query("SELECT max(gemaakt_op) AS m FROM zegels")[0].optionalDate("m")
        }
    }

    /// Checks a seal file's bytes with `sleutel`: its signature and root, then that every sealed
    /// head is still the hash of that version of its stream, and that the chain up to it holds
    /// (recomputed from the stored bytes, so a rewrite with recomputed hashes is named).
    public func controleer(_ bytes: Data, sleutel: Curve25519.Signing.PublicKey) async throws -> Uitslag {
        guard let zegel = try? JSONDecoder().decode(Zegel.self, from: bytes) else {
            return Uitslag(geldig: false, reden: "het zegelbestand is geen leesbaar zegel (afgekapt of beschadigd)", herschreven: [], gecontroleerd: 0)
        }
        guard let handtekening = Data(base64Encoded: zegel.handtekening), sleutel.isValidSignature(handtekening, for: zegel.bericht) else {
            return Uitslag(geldig: false, reden: "de handtekening van het zegel klopt niet met deze publieke sleutel", herschreven: [], gecontroleerd: 0)
        }
        guard zegel.stromen.count == zegel.aantalStromen, Zegel.merkleRoot(zegel.stromen).hexadecimaal == zegel.merkleRoot else {
            return Uitslag(geldig: false, reden: "de stromen in het zegel geven niet de ondertekende Merkle-root", herschreven: [], gecontroleerd: 0)
        }
        if let tijdstempel = zegel.tijdstempel {
            guard let token = Data(base64Encoded: tijdstempel.token),
                  (try? TimestampClient.controleer(token: Array(token), hash: Array(SHA256.hash(data: zegel.bericht)))) == tijdstempel.genTime
            else {
                return Uitslag(geldig: false, reden: "het tijdstempel in het zegel hoort niet bij het ondertekende bericht", herschreven: [], gecontroleerd: 0)
            }
        }
        var herschreven: [(stream: String, reden: String)] = []
        for deel in stride(from: 0, to: zegel.stromen.count, by: 500) {
            let stuk = Array(zegel.stromen[deel..<min(deel + 500, zegel.stromen.count)])
            let gevonden = try await pool.withConnection { connection in
                try Dictionary(uniqueKeysWithValues: connection.query(
                    """
                    SELECT e.stream_id, encode(e.hash, 'hex') AS hash,
                           (SELECT bool_and(c.ok) FROM (
                                SELECT x.hash = sha256(x.prev_hash || event_store_canonical_bytes(x.stream_id, x.stream_type, x.version,
                                           x.event_id, x.type, x.schema_version, x.data, x.metadata, x.recorded_at))
                                       AND x.prev_hash = coalesce(lag(x.hash) OVER (ORDER BY x.version), decode(repeat('00', 32), 'hex')) AS ok
                                FROM events x WHERE x.stream_id = e.stream_id AND x.version <= e.version) c) AS keten
                    FROM events e JOIN unnest($1::text[], $2::bigint[]) AS z(stream_id, version)
                      ON e.stream_id = z.stream_id AND e.version = z.version
                    """,
                    [.text("{" + stuk.map { "\"\($0.stream)\"" }.joined(separator: ",") + "}"), .text("{" + stuk.map { String($0.versie) }.joined(separator: ",") + "}")]
                ).map { (try $0.string("stream_id"), (try $0.string("hash"), try $0.isNull("keten") ? false : try $0.bool("keten"))) })
            }
            for stroom in stuk {
                guard let (hash, keten) = gevonden[stroom.stream] else {
                    herschreven.append((stroom.stream, "versie \(stroom.versie) bestaat niet meer"))
                    continue
                }
                if hash != stroom.head {
                    herschreven.append((stroom.stream, "versie \(stroom.versie) heeft een andere hash dan verzegeld"))
                } else if !keten {
                    herschreven.append((stroom.stream, "de keten tot versie \(stroom.versie) klopt niet meer"))
                }
            }
        }
        return Uitslag(geldig: true, reden: nil, herschreven: herschreven, gecontroleerd: zegel.stromen.count)
    }
}
