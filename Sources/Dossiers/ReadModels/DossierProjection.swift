import EventStore
import Foundation
import Postgres
import Taaktoedeling

/// Writes the dossier read models (current state and timeline) for newly recorded events, inside the
/// transaction that recorded them, so that a client reads its own writes.
public enum DossierProjection {
    /// Applies decoded events to `before` and writes the resulting state, the timeline entries and
    /// the rendered views; returns the state after the events and its views by reader.
    @discardableResult
    static func apply(
        _ elements: [DossierStream.Element], after before: Dossier?, on connection: PostgresConnection,
        into tables: DossierTables = .live
    ) throws -> (dossier: Dossier, weergaven: [String: DossierWeergave])? {
        guard let schrijven = try writing(elements, after: before, into: tables) else { return nil }
        return (schrijven.state, try schrijven.weergaven(from: connection.query(schrijven.statement.sql, schrijven.statement.parameters)))
    }

    /// What `apply` writes, as a statement to send (pipelined after the append that records the
    /// events, `DossierService.record`), with the state after the events; nil when there is no
    /// dossier after them.
    static func writing(
        _ elements: [DossierStream.Element], after before: Dossier?, into tables: DossierTables = .live
    ) throws -> Schrijven? {
        guard let uitkomst = try fold(elements, after: before) else { return nil }
        return try Schrijven(uitkomst.state, entries: uitkomst.entries, koppelingen: uitkomst.koppelingen, into: tables)
    }

    /// What decoded events make of a dossier: its state after them, their timeline rows and the
    /// Kamerstukken they link.
    struct Uitkomst {
        let state: Dossier
        let entries: [TijdlijnRij]
        let koppelingen: [KamerstukRij]
    }

    /// Evolves `before` by `elements` and collects their timeline rows and links (no I/O); nil when
    /// there is no dossier after them.
    static func fold(_ elements: [DossierStream.Element], after before: Dossier?) throws -> Uitkomst? {
        var state = before
        var entries: [TijdlijnRij] = []
        var koppelingen: [KamerstukRij] = []
        for element in elements {
            if case .kamerstukGekoppeld(let gekoppeld) = element.event {
                koppelingen.append(try KamerstukRij(versie: element.version, kamerstuk: Kamerstuk(
                    nummer: gekoppeld.nummer, titel: gekoppeld.titel, datum: gekoppeld.datum, gekoppeldOp: element.recordedAt
                )))
            }
            let regel = Tijdlijn.regel(
                for: element.event, state: state, version: element.version, recordedAt: element.recordedAt,
                door: element.metadata?.door ?? "onbekend"
            )
            entries.append(TijdlijnRij(regel: regel, event: element.event))
            state = Beslissing.evolve(state, element.event, version: element.version, recordedAt: element.recordedAt)
        }
        guard let state else { return nil }
        return Uitkomst(state: state, entries: entries, koppelingen: koppelingen)
    }

    /// Which of a dossier's linked Kamerstukken a command needs in its state: they are rows of their
    /// own (`dossier_kamerstukken`), out of the stored state, so that a command's cost does not grow
    /// with them.
    enum KamerstukkenNodig: Sendable {
        /// None (most commands).
        case geen
        /// The one with this number, if linked: whether linking it again is refused.
        case nummer(String)
        /// All of them: an answer rendered from the whole dossier.
        case alle
    }

    /// The current state of a dossier from its read-model row, the row locked until the caller's
    /// transaction ends (nil when there is none), and the database's clock read after the lock was
    /// granted (the lateral sub-select is evaluated before the select list). Its `kamerstukken`
    /// hold what `kamerstukken` asks for, read once the lock is held: a statement of its own, whose
    /// snapshot includes a link committed while the first waited for the lock, sent with it in one
    /// round trip (pipelined, it starts when the first has finished). With a `cache`, the stored
    /// state is sent only when the locked row is not the version the cache remembers.
    static func lockedState(
        of id: UUID, kamerstukken: KamerstukkenNodig = .geen, cache: DossierStateCache? = nil, on connection: PostgresConnection
    ) throws -> (state: Dossier?, moment: Date) {
        let remembered = cache?.entry(of: id)
        var statements: [(sql: String, parameters: [PostgresValue])] = [
            (
                """
                SELECT r.staat, r.rij, clock_timestamp() AS nu FROM (VALUES (1)) AS een (x) LEFT JOIN LATERAL (
                    SELECT CASE WHEN xmin::text = $2 AND versie = $3 AND bijgewerkt_op = $4 THEN NULL ELSE staat END AS staat,
                           xmin::text AS rij
                    FROM dossiers WHERE id = $1 FOR UPDATE
                ) AS r ON true
                """,
                [
                    .uuid(id), remembered.map { PostgresValue.text($0.rij.xmin) } ?? .null,
                    remembered.map { PostgresValue.int($0.rij.versie) } ?? .null,
                    remembered.map { PostgresValue.timestamp($0.rij.bijgewerktOp) } ?? .null,
                ]
            )
        ]
        switch kamerstukken {
        case .geen:
            break
        case .nummer(let nummer):
            statements.append(("SELECT staat FROM dossier_kamerstukken WHERE dossier_id = $1 AND nummer = $2", [.uuid(id), .text(nummer)]))
        case .alle:
            statements.append(("SELECT staat FROM dossier_kamerstukken WHERE dossier_id = $1 ORDER BY versie", [.uuid(id)]))
        }
        let answers = try connection.queries(statements)
        let row = answers[0][0]
        guard try !row.isNull("rij") else { return (nil, try row.date("nu")) }
        var state: Dossier
        if let remembered, try row.isNull("staat") {
            // The locked row is the version named: the state remembered for it.
            state = remembered.state
            cache?.used()
        } else {
            state = try decodeState(row.json("staat"))
        }
        let gelezen = answers.count > 1 ? answers[1] : nil
        if let gelezen, !gelezen.isEmpty {
            let decoder = stateDecoder()
            state.kamerstukken = try gelezen.map { try decoder.decode(Kamerstuk.self, from: $0.json("staat")) }
        }
        return (state, try row.date("nu"))
    }

    /// The whole stored state of the `dossiers` row aliased `d`, its Kamerstukken put back in the
    /// order they were linked: for readers of the whole dossier (`decodeState`).
    public static let volledigeStaat = """
        jsonb_set(d.staat, '{kamerstukken}', coalesce(\
        (SELECT jsonb_agg(k.staat ORDER BY k.versie) FROM dossier_kamerstukken k WHERE k.dossier_id = d.id), '[]'::jsonb))
        """

    /// The whole current state of dossier `id` (every linked Kamerstuk) from its read-model row, on
    /// the caller's connection; nil when there is none.
    public static func volledig(_ id: UUID, on connection: PostgresConnection) throws -> Dossier? {
        try connection.query("SELECT \(volledigeStaat) AS staat FROM dossiers d WHERE d.id = $1", [.uuid(id)]).first
            .map { try decodeState($0.json("staat")) }
    }

    /// The state as stored in the `staat` column: exact instants (seconds since the reference date),
    /// so that decoding it gives back an equal `Dossier`.
    static func encodeState(_ dossier: Dossier) throws -> Data {
        try stateWriter.encode(dossier)
    }

    /// Reads a `staat` column back.
    public static func decodeState(_ data: Data) throws -> Dossier {
        try stateDecoder().decode(Dossier.self, from: data)
    }

    /// How the state is read: instants as seconds since the reference date (`stateWriter`); the
    /// values JSONDecoder gives, at a fraction of its cost (every command reads its state).
    private static func stateDecoder() -> StoredJSONDecoder {
        StoredJSONDecoder(dates: .secondsSinceReferenceDate)
    }

    /// About how many bytes of rendered Kamerstukken one part of a dossier's list holds
    /// (`dossier_kamerstukken_delen`): a command rewrites at most one part, a read joins a few.
    static let deelOmvang = 16_384

    /// Writes the state row, the new timeline entries, the new Kamerstukken and every stored view
    /// in one statement (one round trip); a view for each koepel slot that is unused is left out.
    /// The state is stored without its Kamerstukken and the views with an empty list that a read
    /// fills from the parts (see `DossierWeergave.opslag`), so that a command never rewrites the
    /// links it did not make. The views it gives (`weergaven(from:)`) are complete, with the
    /// Kamerstukken linked before (read by the same statement) and the new ones.
    struct Schrijven {
        /// The state after the events.
        let state: Dossier
        /// The statement that writes it.
        let statement: (sql: String, parameters: [PostgresValue])
        private let views: [DossierWeergave.Opslag]
        private let koppelingen: [KamerstukRij]

        init(_ dossier: Dossier, entries: [TijdlijnRij], koppelingen: [KamerstukRij], into tables: DossierTables) throws {
            state = dossier
            self.koppelingen = koppelingen
            let koepels = "{" + dossier.uitgenodigdeKoepels.map(\.rawValue).sorted().joined(separator: ",") + "}"
            let views = try DossierWeergave.opslag(of: dossier)
            self.views = views
            var opgeslagen = dossier
            opgeslagen.kamerstukken = []
            var parameters: [PostgresValue] = [
                .uuid(dossier.id), .text(dossier.kenmerk.description), .text(dossier.titel), .text(dossier.vakdepartement),
                .text(dossier.fase.rawValue), .int(dossier.versie), .text(koepels), .timestamp(dossier.geopendOp),
                .timestamp(dossier.bijgewerktOp), .jsonb(try encodeState(opgeslagen)), .jsonb(try rowWriter.encode(entries)),
                .jsonb(try stateWriter.encode(koppelingen)),
            ]
            let eersteSlot = parameters.count + 1
            for slot in 0..<(1 + Koepel.allCases.count) {
                if slot < views.count {
                    let view = views[slot]
                    parameters += [
                        .text(view.kijker), .int(view.versie), .json(view.document),
                        view.kamerstukkenNa.map { .int(Int64($0)) } ?? .null,
                    ]
                } else {
                    parameters += [.null, .null, .null, .null]
                }
            }
            let slots = (0..<(1 + Koepel.allCases.count)).map { slot in
                let p = eersteSlot + 4 * slot
                return "($\(p)::text, $\(p + 1)::bigint, $\(p + 2)::json, $\(p + 3)::integer)"
            }.joined(separator: ", ")
            statement = (
                """
                WITH eerder AS (
                    SELECT string_agg(weergave, ',' ORDER BY deel) AS lijst, max(deel) AS deel FROM \(tables.delen) WHERE dossier_id = $1
                ), nieuw AS (
                    SELECT string_agg(k.weergave, ',' ORDER BY k.versie) AS lijst FROM jsonb_to_recordset($12) AS k(versie bigint, weergave text)
                ), delen AS (
                    -- The new links go to the end of the last part, or start a new one when it is full.
                    INSERT INTO \(tables.delen) AS d (dossier_id, deel, weergave)
                    SELECT $1, CASE WHEN laatste.deel IS NULL THEN 1
                                    WHEN octet_length(laatste.weergave) + octet_length(nieuw.lijst) > \(deelOmvang) THEN laatste.deel + 1
                                    ELSE laatste.deel END,
                           nieuw.lijst
                    FROM nieuw LEFT JOIN \(tables.delen) laatste ON laatste.dossier_id = $1 AND laatste.deel = (SELECT deel FROM eerder)
                    WHERE nieuw.lijst IS NOT NULL
                    ON CONFLICT (dossier_id, deel) DO UPDATE SET weergave = d.weergave || ',' || excluded.weergave
                ), staat AS (
                    INSERT INTO \(tables.dossiers) (id, kenmerk, titel, vakdepartement, fase, versie, koepels, geopend_op, bijgewerkt_op, staat)
                    VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10)
                    ON CONFLICT (id) DO UPDATE SET kenmerk = excluded.kenmerk, titel = excluded.titel,
                        vakdepartement = excluded.vakdepartement, fase = excluded.fase, versie = excluded.versie,
                        koepels = excluded.koepels, geopend_op = excluded.geopend_op,
                        bijgewerkt_op = excluded.bijgewerkt_op, staat = excluded.staat
                    RETURNING xmin::text AS rij
                ), regels AS (
                    INSERT INTO \(tables.tijdlijn) (dossier_id, versie, type, geregistreerd_op, omschrijving, door, ronde, koepel, intern)
                    SELECT $1, t.versie, t.type, timestamptz 'epoch' + t."geregistreerdOpMicroseconden" * interval '1 microsecond',
                           t.omschrijving, t.door, t.ronde, t.koepel, t.intern
                    FROM jsonb_to_recordset($11) AS t(versie bigint, type text, "geregistreerdOpMicroseconden" bigint, omschrijving text,
                                                      door text, ronde integer, koepel text, intern boolean)
                ), koppelingen AS (
                    INSERT INTO \(tables.kamerstukken) (dossier_id, versie, nummer, staat, weergave)
                    SELECT $1, k.versie, k.nummer, k.staat, k.weergave
                    FROM jsonb_to_recordset($12) AS k(versie bigint, nummer text, staat jsonb, weergave text)
                ), weergaven AS (
                    INSERT INTO \(tables.weergaven) (dossier_id, kijker, versie, document, kamerstukken_na)
                    -- The splice point only for a dossier with links: a view of one without is complete.
                    SELECT $1, v.kijker, v.versie, v.document,
                           CASE WHEN eerder.deel IS NOT NULL OR nieuw.lijst IS NOT NULL THEN v.na END
                    FROM (VALUES \(slots)) AS v (kijker, versie, document, na), eerder, nieuw
                    WHERE v.kijker IS NOT NULL
                    ON CONFLICT (dossier_id, kijker) DO UPDATE SET versie = excluded.versie, document = excluded.document,
                        kamerstukken_na = excluded.kamerstukken_na
                )
                SELECT eerder.lijst AS eerder, staat.rij FROM eerder, staat
                """,
                parameters
            )
        }

        /// The row version the statement wrote (`DossierStateCache`); nil when it cannot be read.
        func rij(from rows: PostgresRows) -> DossierStateCache.Rij? {
            guard let xmin = try? rows.first?.optionalString("rij") else { return nil }
            return DossierStateCache.Rij(xmin: xmin, versie: state.versie, bijgewerktOp: state.bijgewerktOp)
        }

        /// The views written, complete: the statement's own snapshot gives the Kamerstukken linked
        /// before it, then come the ones it linked.
        func weergaven(from rows: PostgresRows) throws -> [String: DossierWeergave] {
            var kamerstukken = try rows.first?.optionalTextBytes("eerder") ?? Data()
            for koppeling in koppelingen {
                if !kamerstukken.isEmpty { kamerstukken.append(UInt8(ascii: ",")) }
                kamerstukken.append(contentsOf: koppeling.weergave.utf8)
            }
            return Dictionary(uniqueKeysWithValues: views.map { ($0.kijker, $0.ingevuld(kamerstukken)) })
        }
    }

    /// How the state is written: sorted keys, exact instants (seconds since the reference date, as
    /// `stateDecoder` reads them), every field (`Dossier.opslagSleutel`); JSONEncoder's bytes.
    static let stateWriter = SortedJSONEncoder(dates: .secondsSinceReferenceDate, escapesSlashes: true, flags: [Dossier.opslagSleutel])
    /// How the timeline's rows are written (a `jsonb` parameter: only the values count).
    static let rowWriter = SortedJSONEncoder(dates: .secondsSinceReferenceDate)
}

/// A linked Kamerstuk as written to its row: the version of its event, its number, the Kamerstuk as
/// the stored state holds it and as the API writes it.
struct KamerstukRij: Encodable {
    let versie: Int64
    let nummer: String
    let staat: Kamerstuk
    let weergave: String

    init(versie: Int64, kamerstuk: Kamerstuk) throws {
        self.versie = versie
        nummer = kamerstuk.nummer
        staat = kamerstuk
        weergave = String(decoding: try DossierWeergave.writer.bytes(of: kamerstuk), as: UTF8.self)
    }
}

/// One timeline row as written: the sentence plus, for a reactie, its round and koepel (so that a
/// koepel is not shown another koepel's reactie while that round is open).
struct TijdlijnRij: Encodable {
    let versie: Int64
    let type: String
    /// When its event was recorded.
    let geregistreerdOp: Date
    /// Microseconds since 1970 (exact; PostgreSQL keeps microseconds).
    let geregistreerdOpMicroseconden: Int64
    let omschrijving: String
    let door: String
    let ronde: Int?
    let koepel: String?
    /// An internal document's entry, which a koepel never sees.
    let intern: Bool

    init(regel: TijdlijnRegel, event: DossierEvent) {
        versie = regel.versie
        type = regel.type
        geregistreerdOp = regel.geregistreerdOp
        geregistreerdOpMicroseconden = Int64((regel.geregistreerdOp.timeIntervalSinceReferenceDate * 1_000_000).rounded())
            + 978_307_200 * 1_000_000
        omschrijving = regel.omschrijving
        door = regel.door
        ronde = event.ronde.flatMap { event.reactieKoepel == nil ? nil : $0 }
        koepel = event.reactieKoepel?.rawValue
        if case .documentToegevoegd(let document) = event {
            intern = document.vertrouwelijkheid == .intern
        } else {
            intern = false
        }
    }

    /// What the statement of a command reads (`jsonb_to_recordset`): the instant as microseconds.
    private enum CodingKeys: String, CodingKey {
        case versie, type, geregistreerdOpMicroseconden, omschrijving, door, ronde, koepel, intern
    }
}
