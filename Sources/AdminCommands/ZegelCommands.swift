import ArgumentParser
import Foundation
import Dossiers

/// `zegel [maak] | zegel sleutel`: seals over the history.
struct ZegelCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zegel",
        abstract: "Seal every stream's head now (signed Merkle root), or make the seal key pair.",
        subcommands: [ZegelMaakCommand.self, ZegelSleutelCommand.self],
        defaultSubcommand: ZegelMaakCommand.self
    )
}

/// `zegel [maak] [--sleutel FILE] [--map DIR]`.
struct ZegelMaakCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "maak", abstract: "Seal every stream's head now; the seal is stored and written into the seal folder."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The private key (default: TOEDELING_SEAL_KEY_FILE).")
    var sleutel: String?

    @Option(help: "The folder for the seal file (default: TOEDELING_SEAL_DIR; none: only in the database).")
    var map: String?

    func execute(in context: AdminContext) async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let pad = sleutel ?? environment["TOEDELING_SEAL_KEY_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw AdminError.invalidInput("no seal key: give --sleutel or set TOEDELING_SEAL_KEY_FILE (toedeling-admin zegel sleutel makes one)")
        }
        let privé = try ZegelSleutel.prive(pad: pad)
        let folder = map ?? environment["TOEDELING_SEAL_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        try await database.withDatabase(in: context) { database in
            let tsa = environment["TOEDELING_TSA_URL"].flatMap { $0.isEmpty ? nil : TimestampClient(url: $0) }
            let (zegel, bestand, tsaFout) = try await Zegelaar(pool: database.pool, logger: database.logger).maak(sleutel: privé, map: folder, tsa: tsa)
            try context.output.line(
                "sealed \(zegel.aantalStromen) streams at \(zegel.gemaaktOp): merkle root \(zegel.merkleRoot)"
                    + (zegel.tijdstempel.map { "; time-stamped by the TSA at \($0.genTime)" } ?? "") + (bestand.map { "; written to \($0)" } ?? "")
            )
            if let tsaFout { try context.errors.line("toedeling-admin: the seal has no time-stamp: \(tsaFout)") }
        }
    }
}

/// `zegel sleutel [--naar FILE]`: a new Ed25519 key pair.
struct ZegelSleutelCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "sleutel", abstract: "Write a new Ed25519 seal key: the private key (mode 600) and its public key beside it (.pub)."
    )

    @Option(help: "Where to write the private key (default: TOEDELING_SEAL_KEY_FILE).")
    var naar: String?

    func execute(in context: AdminContext) async throws {
        guard let pad = naar ?? ProcessInfo.processInfo.environment["TOEDELING_SEAL_KEY_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw AdminError.invalidInput("give --naar FILE or set TOEDELING_SEAL_KEY_FILE")
        }
        _ = try ZegelSleutel.maak(pad: pad)
        try context.output.line("wrote the seal key to \(pad) (mode 600) and its public key to \(pad).pub")
    }
}
