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
        var state = before
        var entries: [TijdlijnRij] = []
        for element in elements {
            let regel = Tijdlijn.regel(
                for: element.event, state: state, version: element.version, recordedAt: element.recordedAt,
                door: element.metadata?.door ?? "onbekend"
            )
            entries.append(TijdlijnRij(regel: regel, event: element.event))
            state = Beslissing.evolve(state, element.event, version: element.version, recordedAt: element.recordedAt)
        }
        guard let state else { return nil }
        return (state, try write(state, entries: entries, on: connection, into: tables))
    }

    /// The current state of a dossier from its read-model row, the row locked until the caller's
    /// transaction ends (nil when there is none), and the database's clock read after the lock was
    /// granted: one round trip. The sub-select is evaluated before the clock in the select list.
    static func lockedState(of id: UUID, on connection: PostgresConnection) throws -> (state: Dossier?, moment: Date) {
        let row = try connection.query(
            "SELECT (SELECT staat FROM dossiers WHERE id = $1 FOR UPDATE) AS staat, clock_timestamp() AS nu", [.uuid(id)]
        )[0]
        return (try row.isNull("staat") ? nil : decodeState(row.json("staat")), try row.date("nu"))
    }

    /// The state as stored in the `staat` column: exact instants (seconds since the reference date),
    /// so that decoding it gives back an equal `Dossier`.
    static func encodeState(_ dossier: Dossier) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .deferredToDate
        encoder.userInfo[Dossier.opslagSleutel] = true
        return try encoder.encode(dossier)
    }

    /// Reads a `staat` column back.
    public static func decodeState(_ data: Data) throws -> Dossier {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .deferredToDate
        return try decoder.decode(Dossier.self, from: data)
    }

    /// Writes the state row, the new timeline entries and every stored view in one statement (one
    /// round trip); a view for each koepel slot that is unused is left out.
    private static func write(
        _ dossier: Dossier, entries: [TijdlijnRij], on connection: PostgresConnection, into tables: DossierTables
    ) throws -> [String: DossierWeergave] {
        let koepels = "{" + dossier.uitgenodigdeKoepels.map(\.rawValue).sorted().joined(separator: ",") + "}"
        let views = try DossierWeergave.all(of: dossier)
        var parameters: [PostgresValue] = [
            .uuid(dossier.id), .text(dossier.kenmerk.description), .text(dossier.titel), .text(dossier.vakdepartement),
            .text(dossier.fase.rawValue), .int(dossier.versie), .text(koepels), .timestamp(dossier.geopendOp),
            .timestamp(dossier.bijgewerktOp), .jsonb(try encodeState(dossier)), .jsonb(try JSONEncoder().encode(entries)),
        ]
        for slot in 0..<(1 + Koepel.allCases.count) {
            if slot < views.count {
                let view = views[slot]
                parameters += [.text(view.kijker), .int(view.weergave.versie), .text(String(decoding: view.weergave.document, as: UTF8.self))]
            } else {
                parameters += [.null, .null, .null]
            }
        }
        let slots = (0..<(1 + Koepel.allCases.count)).map { slot in
            "($\(12 + 3 * slot)::text, $\(13 + 3 * slot)::bigint, $\(14 + 3 * slot)::json)"
        }.joined(separator: ", ")
        try connection.execute(
            """
            WITH staat AS (
                INSERT INTO \(tables.dossiers) (id, kenmerk, titel, vakdepartement, fase, versie, koepels, geopend_op, bijgewerkt_op, staat)
                VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10)
                ON CONFLICT (id) DO UPDATE SET kenmerk = excluded.kenmerk, titel = excluded.titel,
                    vakdepartement = excluded.vakdepartement, fase = excluded.fase, versie = excluded.versie,
                    koepels = excluded.koepels, geopend_op = excluded.geopend_op,
                    bijgewerkt_op = excluded.bijgewerkt_op, staat = excluded.staat
            ), regels AS (
                INSERT INTO \(tables.tijdlijn) (dossier_id, versie, type, geregistreerd_op, omschrijving, door, ronde, koepel, intern)
                SELECT $1, t.versie, t.type, timestamptz 'epoch' + t."geregistreerdOpMicroseconden" * interval '1 microsecond',
                       t.omschrijving, t.door, t.ronde, t.koepel, t.intern
                FROM jsonb_to_recordset($11) AS t(versie bigint, type text, "geregistreerdOpMicroseconden" bigint, omschrijving text,
                                                  door text, ronde integer, koepel text, intern boolean)
            )
            INSERT INTO \(tables.weergaven) (dossier_id, kijker, versie, document)
            SELECT $1, v.kijker, v.versie, v.document FROM (VALUES \(slots)) AS v (kijker, versie, document)
            WHERE v.kijker IS NOT NULL
            ON CONFLICT (dossier_id, kijker) DO UPDATE SET versie = excluded.versie, document = excluded.document
            """,
            parameters
        )
        return Dictionary(uniqueKeysWithValues: views.map { ($0.kijker, $0.weergave) })
    }
}

/// One timeline row as written: the sentence plus, for a reactie, its round and koepel (so that a
/// koepel is not shown another koepel's reactie while that round is open).
struct TijdlijnRij: Encodable {
    let versie: Int64
    let type: String
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
}
