import ArgumentParser
import Dossiers
import Foundation
import Taaktoedeling

/// `verify`: recomputes every stream's hash chain; lists the first bad event of each broken stream
/// on standard output and fails when there is one.
struct VerifyCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the integrity of every stream (recompute the hash chains) and of every document's bytes.",
        discussion: """
            Exits with 1 and names the first bad event of each broken stream when a chain does not hold, and every \
            document whose stored bytes no longer hash to the SHA-256 its DocumentToegevoegd recorded.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "A seal file (zegel.json from TOEDELING_SEAL_DIR): also check that every sealed head is still in its stream.")
    var zegel: String?

    @Option(name: .customLong("publieke-sleutel"), help: "The seal key's public key file (.pub), with --zegel.")
    var publiekeSleutel: String?

    func validate() throws {
        if (zegel == nil) != (publiekeSleutel == nil) {
            throw ValidationError("--zegel and --publieke-sleutel go together")
        }
    }

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let progress = ProgressLine(context)
            defer { progress.finish() }
            let report = try await database.store.verify { step in
                progress.show("verifying: \(step.streamsChecked) streams, \(step.eventsChecked) events")
            }
            progress.show("verifying the documents' bytes")
            let changed = try await database.service.afwijkendeDocumenten()
            progress.finish()
            for broken in report.brokenStreams { try context.output.line(broken.description) }
            for (kenmerk, document) in changed {
                try context.output.line(
                    "dossier \(kenmerk): document \(document.id.uuidString.lowercased()) (\(Tekstregels.onschadelijk(document.titel)), versie \(document.versie)): its stored bytes do not match sha256 \(document.sha256)"
                )
            }
            var verzegeld: Zegelaar.Uitslag?
            if let zegel, let publiekeSleutel {
                let sleutel = try ZegelSleutel.publiek(pad: publiekeSleutel)
                guard let bytes = FileManager.default.contents(atPath: zegel) else { throw AdminError.unreadableFile(zegel) }
                let uitslag = try await Zegelaar(pool: database.pool, logger: database.logger).controleer(bytes, sleutel: sleutel)
                guard uitslag.geldig else { throw AdminError.invalidSeal(uitslag.reden ?? "") }
                for (stream, reden) in uitslag.herschreven {
                    try context.output.line("\(stream): its history no longer extends the sealed head: \(reden)")
                }
                verzegeld = uitslag
            }
            guard report.isIntact else {
                throw AdminError.brokenStreams(broken: report.brokenStreams.count, checked: report.streamsChecked)
            }
            guard changed.isEmpty else { throw AdminError.changedDocuments(changed.count) }
            if let verzegeld, !verzegeld.herschreven.isEmpty {
                throw AdminError.rewrittenStreams(rewritten: verzegeld.herschreven.count, sealed: verzegeld.gecontroleerd)
            }
            if let verzegeld {
                try context.output.line("every sealed head holds: \(verzegeld.gecontroleerd) streams of the seal")
            }
            try context.output.line("every chain holds: \(report.streamsChecked) streams, \(report.eventsChecked) events")
        }
    }
}
