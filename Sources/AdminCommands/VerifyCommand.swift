import ArgumentParser

/// `verify`: recomputes every stream's hash chain; lists the first bad event of each broken stream
/// on standard output and fails when there is one.
struct VerifyCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the integrity of every stream (recompute the hash chains).",
        discussion: "Exits with 1 and names the first bad event of each broken stream when a chain does not hold."
    )

    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let progress = ProgressLine(context)
            defer { progress.finish() }
            let report = try await database.store.verify { step in
                progress.show("verifying: \(step.streamsChecked) streams, \(step.eventsChecked) events")
            }
            progress.finish()
            guard report.isIntact else {
                for broken in report.brokenStreams { try context.output.line(broken.description) }
                throw AdminError.brokenStreams(broken: report.brokenStreams.count, checked: report.streamsChecked)
            }
            try context.output.line("every chain holds: \(report.streamsChecked) streams, \(report.eventsChecked) events")
        }
    }
}
