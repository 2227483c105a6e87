import Crypto
import Dispatch
import EventStore
import Foundation
import Postgres
import Synchronization
import Taaktoedeling

/// The read-model rows of whole dossier streams, as a projection rebuild copies them into its fresh
/// tables (`COPY … FROM STDIN`): the same rows the commands that recorded the events left, one
/// command at a time, in the live tables.
struct ProjectionRows: Sendable {
    var dossiers = PostgresCopyRows()
    var tijdlijn = PostgresCopyRows()
    var weergaven = PostgresCopyRows()
    var kamerstukken = PostgresCopyRows()
    var delen = PostgresCopyRows()

    /// How many bytes wait to be copied.
    var bytes: Int {
        dossiers.bytes.count + tijdlijn.bytes.count + weergaven.bytes.count + kamerstukken.bytes.count + delen.bytes.count
    }

    /// Adds the rows of `other` after these.
    mutating func append(contentsOf other: ProjectionRows) {
        dossiers.append(contentsOf: other.dossiers)
        tijdlijn.append(contentsOf: other.tijdlijn)
        weergaven.append(contentsOf: other.weergaven)
        kamerstukken.append(contentsOf: other.kamerstukken)
        delen.append(contentsOf: other.delen)
    }

    /// Adds the rows of one dossier after all its events: its state (without its Kamerstukken), its
    /// timeline, its links with their rendered parts (a new part where the next link would take the
    /// last past `DossierProjection.deelOmvang`, as a command linking it would), and its views.
    mutating func add(_ uitkomst: DossierProjection.Uitkomst) throws {
        let dossier = uitkomst.state
        // The id as COPY text once for all its rows (`.uuid` would be written by Foundation's formatter for each).
        let id = PostgresValue.text(dossier.id.lowercasedString)
        var opgeslagen = dossier
        opgeslagen.kamerstukken = []
        dossiers.append([
            id, .text(dossier.kenmerk.description), .text(dossier.titel), .text(dossier.vakdepartement), .text(dossier.fase.rawValue),
            .int(dossier.versie), .text("{" + dossier.uitgenodigdeKoepels.map(\.rawValue).sorted().joined(separator: ",") + "}"),
            .timestamp(dossier.geopendOp), .timestamp(dossier.bijgewerktOp), .jsonb(try DossierProjection.encodeState(opgeslagen)),
        ])
        for regel in uitkomst.entries {
            tijdlijn.append([
                id, .int(regel.versie), .text(regel.type), .timestamp(regel.geregistreerdOp), .text(regel.omschrijving), .text(regel.door),
                regel.ronde.map { .int(Int64($0)) } ?? .null, regel.koepel.map { .text($0) } ?? .null, .bool(regel.intern),
            ])
        }
        let encoder = DossierProjection.stateWriter
        var deel: Int64 = 0
        var lijst = ""
        for koppeling in uitkomst.koppelingen {
            kamerstukken.append([id, .int(koppeling.versie), .text(koppeling.nummer), .jsonb(try encoder.encode(koppeling.staat)), .text(koppeling.weergave)])
            if deel == 0 {
                deel = 1
                lijst = koppeling.weergave
            } else if lijst.utf8.count + koppeling.weergave.utf8.count > DossierProjection.deelOmvang {
                delen.append([id, .int(deel), .text(lijst)])
                deel += 1
                lijst = koppeling.weergave
            } else {
                lijst += "," + koppeling.weergave
            }
        }
        if deel > 0 { delen.append([id, .int(deel), .text(lijst)]) }
        for view in try DossierWeergave.opslag(of: dossier) {
            // The splice point only for a dossier with links: a view of one without is complete.
            let na: PostgresValue = uitkomst.koppelingen.isEmpty ? .null : view.kamerstukkenNa.map { .int(Int64($0)) } ?? .null
            weergaven.append([id, .text(view.kijker), .int(view.versie), .jsonb(view.document), na])
        }
    }

    /// Copies every waiting row into `tables` and empties this.
    mutating func copy(on connection: PostgresConnection, into tables: DossierTables) throws {
        let kopieen: [(rows: PostgresCopyRows, table: String, columns: [String])] = [
            (dossiers, tables.dossiers, ["id", "kenmerk", "titel", "vakdepartement", "fase", "versie", "koepels", "geopend_op", "bijgewerkt_op", "staat"]),
            (tijdlijn, tables.tijdlijn, ["dossier_id", "versie", "type", "geregistreerd_op", "omschrijving", "door", "ronde", "koepel", "intern"]),
            (weergaven, tables.weergaven, ["dossier_id", "kijker", "versie", "document", "kamerstukken_na"]),
            (kamerstukken, tables.kamerstukken, ["dossier_id", "versie", "nummer", "staat", "weergave"]),
            (delen, tables.delen, ["dossier_id", "deel", "weergave"]),
        ]
        for kopie in kopieen where kopie.rows.count > 0 {
            try connection.copy(kopie.rows, into: kopie.table, columns: kopie.columns)
        }
        self = ProjectionRows()
    }

    /// The rows of whole streams (each a dossier's events in order), worked out on every core: each
    /// stream opened with `keys`, decoded and folded. The rows are in the order of `streams`.
    static func of(_ streams: [[RecordedEvent]], keys: [String: SymmetricKey]) throws -> ProjectionRows {
        let stukken = parts(of: streams)
        var rows = ProjectionRows()
        for stuk in try inParallel(stukken.count, { deel in
            var rows = ProjectionRows()
            for stream in stukken[deel] {
                let elements = try DossierStream.decode(stream.map { KeyRing.open($0, with: keys) })
                if let uitkomst = try DossierProjection.fold(elements, after: nil) { try rows.add(uitkomst) }
            }
            return rows
        }) {
            rows.append(contentsOf: stuk)
        }
        return rows
    }

    /// `streams` in consecutive parts, two for every core.
    private static func parts(of streams: [[RecordedEvent]]) -> [ArraySlice<[RecordedEvent]>] {
        let count = min(streams.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 2)
        return (0..<count).map { part in streams[(streams.count * part / count)..<(streams.count * (part + 1) / count)] }
    }

    /// `work` for 0..<count on every core; the results in that order, or the first error by index.
    private static func inParallel<T: Sendable>(_ count: Int, _ work: @Sendable (Int) throws -> T) throws -> [T] {
        let results = Mutex<[Int: Result<T, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try work(index) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { done in try (0..<count).map { try done[$0]!.get() } }
    }
}
