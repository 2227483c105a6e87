import ArgumentParser
import EventStore
import Foundation
import Postgres
import Dossiers
import Taaktoedeling

/// `import [--input FILE]`: an export into an empty database, all or nothing, then the projections.
struct ImportCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exported events (JSON Lines, standard input by default) into an empty database.",
        discussion: """
            Refuses a database that already holds events. Every line is checked and every hash chain recomputed \
            before anything is committed; one bad line or broken chain and nothing is written. Event ids, versions, \
            positions, recording times, hashes and the streams' heads are kept; the dossier numbering continues \
            after the imported kenmerken. Document bytes are stored with the events; every document's bytes must hash \
            to the SHA-256 its event recorded, or nothing is written. The projections are rebuilt afterwards.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .shortAndLong, help: "Read from this file instead of standard input.")
    var input: String?

    func execute(in context: AdminContext) async throws {
        let nextLine: @Sendable () throws -> String?
        if let input {
            let reader = try LineReader.open(path: input)
            nextLine = { try reader.nextLine() }
        } else {
            nextLine = context.readInputLine
        }
        try await database.withDatabase(in: context) { database in
            let progress = ProgressLine(context)
            defer { progress.finish() }
            let documents = DocumentTransfer()
            let totals = try await database.store.importEvents(
                progress: { step in progress.show("importing: \(step.events) events, \(step.streams) streams") },
                otherLine: { line, number, connection in
                    try documents.importLine(line, number: number, on: connection)
                        || KeyTransfer.importLine(line, number: number, on: connection)
                },
                beforeCommit: { connection in
                    try Self.continueKenmerkNumbering(on: connection)
                    try documents.complete(on: connection)
                },
                readingLines: nextLine
            )
            progress.finish()
            try context.output.line("imported \(totals.events) events of \(totals.streams) streams; every chain holds")
            let rebuilt: ProjectionRebuilder.Progress
            do {
                rebuilt = try await ProjectionsRebuildCommand.rebuild(database, in: context)
            } catch {
                throw AdminError.rebuildAfterImportFailed(reason: AdminFailure.message(for: error))
            }
            try context.output.line("rebuilt the projections: \(rebuilt.streams) dossiers from \(rebuilt.events) events")
        }
    }

    /// Sets each year's kenmerk counter to the highest imported kenmerk, so the next dossier gets the next number.
    @Sendable static func continueKenmerkNumbering(on connection: PostgresConnection) throws {
        try connection.execute(
            """
            INSERT INTO kenmerk_tellers (jaar, laatste)
            SELECT split_part(data ->> 'kenmerk', '-', 2)::integer, max(split_part(data ->> 'kenmerk', '-', 3)::integer)
            FROM events
            WHERE stream_type = $1 AND type = 'DossierGeopend' AND data ->> 'kenmerk' ~ '^TT-[0-9]{4}-[0-9]{4}$'
            GROUP BY 1
            HAVING max(split_part(data ->> 'kenmerk', '-', 3)::integer) > 0
            ON CONFLICT (jaar) DO UPDATE SET laatste = greatest(kenmerk_tellers.laatste, excluded.laatste)
            """,
            [.text(DossierEvent.streamType)]
        )
    }
}
