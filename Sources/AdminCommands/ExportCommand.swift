import ArgumentParser
import EventStore
import Foundation
import Dossiers
import Postgres

/// `export [--output FILE]`: every event as JSON Lines, lossless (see `EventStore.exportEvents`).
struct ExportCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every event as JSON Lines (standard output by default).",
        discussion: """
            One event per line in position order: position, transactionId, streamId, streamType, version, eventId, \
            type, schemaVersion, data, metadata, recordedAt (UTC, microseconds), previousHash and hash (hex). \
            After the events, the bytes of every stored document, one line per block of at most 1 MiB: \
            {"document":{"blok":N,"data":BASE64,"sha256":HEX}}. `import` reproduces the same events, hashes and \
            documents in an empty database. Texts and names in events are sealed under keys that are not exported \
            unless --sleutels is given (for a backup that must stay readable): without them an import reads \
            those texts as [vernietigd] or [verwijderd].
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .shortAndLong, help: "Write to this file instead (it appears only when the export is complete).")
    var output: String?

    @Flag(name: .long, help: "Also write the keys the events' texts and names are sealed with (keep such an export as secret as the database).")
    var sleutels = false

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let progress = ProgressLine(context)
            defer { progress.finish() }
            let show: @Sendable (EventTransferProgress) -> Void = { step in
                progress.show("exporting: \(step.events) events, \(step.streams) streams")
            }
            let metSleutels = sleutels
            let appending: @Sendable (PostgresConnection, (Data) throws -> Void) throws -> Void = { connection, write in
                try DocumentTransfer.export(on: connection, write: write)
                if metSleutels { try KeyTransfer.export(on: connection, write: write) }
            }
            guard let output else {
                let sink = context.output
                try await database.store.exportEvents(progress: show, appending: appending) { try sink.write($0) }
                return
            }
            let file = try ExportFile(path: output)
            do {
                let totals = try await database.store.exportEvents(progress: show, appending: appending) { try file.write($0) }
                try file.complete()
                progress.finish()
                try context.output.line("exported \(totals.events) events of \(totals.streams) streams to \(output)")
            } catch {
                file.discard()
                throw error
            }
        }
    }
}
