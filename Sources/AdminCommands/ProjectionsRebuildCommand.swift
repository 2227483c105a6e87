import ArgumentParser
import Dossiers

/// `projections rebuild`: builds fresh read-model tables from the events and swaps them in at once.
struct ProjectionsRebuildCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild the read models from the events (readers keep the old tables until the new ones are complete)."
    )

    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let counts = try await Self.rebuild(database, in: context)
            try context.output.line("rebuilt the projections: \(counts.streams) dossiers from \(counts.events) events")
        }
    }

    /// Rebuilds with a progress line; shared with `import`.
    static func rebuild(_ database: AdminDatabase, in context: AdminContext) async throws -> ProjectionRebuilder.Progress {
        let progress = ProgressLine(context)
        defer { progress.finish() }
        return try await ProjectionRebuilder(pool: database.pool, logger: database.logger).rebuild { step in
            progress.show("rebuilding projections: \(step.streams) dossiers, \(step.events) events")
        }
    }
}
