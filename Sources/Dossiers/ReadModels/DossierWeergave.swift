import Foundation
import Postgres
import Taaktoedeling

/// A dossier as one kind of reader may see it, rendered as the API answers with it: kept in the read
/// model (`dossier_weergaven`) when the dossier changes, so that a read writes stored bytes.
public struct DossierWeergave: Sendable, Equatable {
    /// The version of this view (its `ETag`): for a koepel the number of events it may see.
    public let versie: Int64
    /// The JSON document.
    public let document: Data

    /// A view of the given version with its document.
    public init(versie: Int64, document: Data) {
        self.versie = versie
        self.document = document
    }

    /// The reader key for coordinators and liaisons, who see everything.
    static let alles = "alles"

    /// The stored view a reader gets: `alles` for coordinators and liaisons, the koepel's code for a
    /// koepel.
    static func kijker(voor actor: Actor) -> String {
        switch actor.hoedanigheid {
        case .coordinator, .liaison: return alles
        case .koepel(let koepel): return koepel.rawValue
        }
    }

    /// The JSON encoder of every API answer: instants in UTC (ISO 8601), keys sorted so that equal
    /// values give equal bytes.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// How views are written: `encoder()`'s bytes (checked in `SortedJSONEncoderTests`) without
    /// Foundation's cost, for the views every command and rebuild writes.
    static let writer = SortedJSONEncoder(dates: .iso8601, escapesSlashes: false)

    /// The view of `dossier` for `actor`, rendered; nil when the actor may not see it.
    static func render(_ dossier: Dossier, voor actor: Actor) throws -> DossierWeergave? {
        guard let visible = dossier.zichtbaar(voor: actor) else { return nil }
        return DossierWeergave(versie: visible.versie, document: try writer.encode(visible))
    }

    /// Every view of `dossier` as stored: everything, and each invited koepel's. Each is rendered
    /// with an empty Kamerstukken list, which a read fills from the dossier's parts
    /// (`dossier_kamerstukken_delen`, see `ingevuld`), so that a command neither renders nor
    /// rewrites the links it did not make.
    static func opslag(of dossier: Dossier) throws -> [Opslag] {
        let encoder = writer
        var zonder = dossier
        zonder.kamerstukken = []
        func opslag(_ kijker: String, _ zichtbaar: Dossier) throws -> Opslag {
            let document = try encoder.encode(zichtbaar)
            // A destroyed dossier's tombstone has no Kamerstukken: it is complete as it is.
            let na = dossier.vernietiging == nil ? kamerstukkenNa(in: document) : nil
            return Opslag(kijker: kijker, versie: zichtbaar.versie, document: document, kamerstukkenNa: na)
        }
        var views = [try opslag(alles, zonder)]
        for koepel in zonder.uitgenodigdeKoepels.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let visible = zonder.zichtbaar(voor: Actor(naam: koepel.rawValue, hoedanigheid: .koepel(koepel))) else { continue }
            views.append(try opslag(koepel.rawValue, visible))
        }
        return views
    }

    /// A view as stored: its document with an empty Kamerstukken list, and the byte offset inside
    /// that list's brackets where the Kamerstukken go (nil: the document is complete).
    struct Opslag {
        let kijker: String
        let versie: Int64
        let document: Data
        let kamerstukkenNa: Int?

        /// The complete view with `kamerstukken` (their rendered documents joined by commas).
        func ingevuld(_ kamerstukken: Data?) -> DossierWeergave {
            DossierWeergave.ingevuld(versie: versie, document: document, kamerstukkenNa: kamerstukkenNa, kamerstukken: kamerstukken)
        }
    }

    /// The member an empty Kamerstukken list renders as. A string never holds it (a quote inside a
    /// JSON string is escaped) and no nested object has the key, so its first occurrence is the
    /// dossier's own member.
    private static let legeKamerstukken = Array(#""kamerstukken":[]"#.utf8)

    /// The offset of the closing bracket of the empty Kamerstukken list in `document`, if it has one.
    static func kamerstukkenNa(in document: Data) -> Int? {
        document.withUnsafeBytes { bytes in
            ByteSearch.firstIndex(of: legeKamerstukken, in: bytes, from: 0).map { $0 + legeKamerstukken.count - 1 }
        }
    }

    /// A stored view completed: `kamerstukken` (their documents joined by commas) spliced in at
    /// `kamerstukkenNa`; the document as it is when either is nil.
    static func ingevuld(versie: Int64, document: Data, kamerstukkenNa: Int?, kamerstukken: Data?) -> DossierWeergave {
        guard let na = kamerstukkenNa, let kamerstukken, !kamerstukken.isEmpty, na > 0, na < document.count else {
            return DossierWeergave(versie: versie, document: document)
        }
        var volledig = Data(capacity: document.count + kamerstukken.count)
        volledig.append(document.prefix(na))
        volledig.append(kamerstukken)
        volledig.append(document.suffix(from: document.startIndex + na))
        return DossierWeergave(versie: versie, document: volledig)
    }
}

extension DossierWeergave {
    /// The select-list columns of a stored view aliased `w` (`dossier_weergaven`) that `gelezen` reads:
    /// its version, document, splice offset and, when it has one, its dossier's Kamerstukken.
    static let kolommen = """
        w.versie, w.document, w.kamerstukken_na, CASE WHEN w.kamerstukken_na IS NOT NULL THEN \
        (SELECT string_agg(k.weergave, ',' ORDER BY k.deel) FROM dossier_kamerstukken_delen k WHERE k.dossier_id = w.dossier_id) \
        END AS kamerstukken
        """

    /// A stored view read with `kolommen`, complete.
    static func gelezen(_ row: PostgresRow) throws -> DossierWeergave {
        ingevuld(
            versie: try row.int64("versie"), document: try row.json("document"), kamerstukkenNa: try row.optionalInt("kamerstukken_na"),
            kamerstukken: try row.optionalTextBytes("kamerstukken")
        )
    }

    /// The stored view of dossier `id` for `kijker`, complete; nil when there is none.
    static func opgeslagen(_ id: UUID, kijker: String, on connection: PostgresConnection) throws -> DossierWeergave? {
        try connection.query(opgeslagenSQL, [.uuid(id), .text(kijker)]).first.map(gelezen)
    }

    /// The stored view of dossier `$1` for kijker `$2`, read with `gelezen`.
    static let opgeslagenSQL = "SELECT \(kolommen) FROM dossier_weergaven w WHERE w.dossier_id = $1 AND w.kijker = $2"
}
