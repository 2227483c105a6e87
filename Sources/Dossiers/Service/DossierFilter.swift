import Postgres
import Taaktoedeling

/// The WHERE clause of a dossier list (fase, vakdepartement, koepel, text in kenmerk or title) over
/// `dossiers d`, its parameters ($1…$4) and its page (the next two): one place for every list.
struct DossierFilter {
    let parameters: [PostgresValue]
    let pageParameters: [PostgresValue]
    let offset: Int64

    init(_ query: DossierQuery, koepel: Koepel?) {
        let tekst = query.tekst.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        parameters = [
            query.fase.map { .text($0.rawValue) } ?? .null, query.vakdepartement.map { .text($0) } ?? .null,
            koepel.map { .text($0.rawValue) } ?? .null, tekst.map { .text(Self.likePattern($0)) } ?? .null,
        ]
        let pageSize = max(1, query.pageSize)
        offset = Int64(max(0, query.page - 1)) * Int64(pageSize)
        pageParameters = [.int(Int64(pageSize)), .int(offset)]
    }

    var sql: String {
        """
        WHERE ($1::text IS NULL OR d.fase = $1) AND ($2::text IS NULL OR d.vakdepartement = $2)
          AND ($3::text IS NULL OR d.koepels @> ARRAY[$3::text])
          AND ($4::text IS NULL OR d.titel ILIKE $4 ESCAPE '\\' OR d.kenmerk ILIKE $4 ESCAPE '\\')
        """
    }

    /// `LIMIT $5 OFFSET $6`.
    var page: String { "LIMIT $5 OFFSET $6" }

    /// How many dossiers match: from the page's window count, or, for a page past the end, counted.
    func total(_ rows: PostgresRows, on connection: PostgresConnection) throws -> Int {
        if let first = rows.first { return try first.int("totaal") }
        guard offset > 0 else { return 0 }
        return try connection.query("SELECT count(*) AS totaal FROM dossiers d \(sql)", parameters).first?.int("totaal") ?? 0
    }

    /// `%text%` with `%`, `_` and `\` taken literally.
    static func likePattern(_ tekst: String) -> String {
        var escaped = ""
        for character in tekst {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
