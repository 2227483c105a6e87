import ArgumentParser
import Crypto
import Foundation
import Dossiers
import Taaktoedeling

/// `document list|get`: a dossier's documents for operators.
struct DocumentCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "List a dossier's documents, or write one's bytes to a file.",
        subcommands: [DocumentListCommand.self, DocumentGetCommand.self]
    )
}

/// `document list ID-or-KENMERK`: every version of every document, as a coordinator sees them.
struct DocumentListCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every version of a dossier's documents.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The dossier's id or kenmerk (TT-2026-0001).", transform: ArgumentParsing.dossierReference)
    var dossier: DossierReference

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let id = try await dossier.resolve(in: database)
            guard let found = try await database.service.dossier(id) else { throw AdminError.dossierNotFound(dossier.description) }
            var table = TextTable("Id", "Versie", "Titel", "Soort", "Vertrouwelijkheid", "Bestand", "Type", "Bytes", "Toegevoegd op", "Door", "SHA-256")
            for document in found.documenten ?? [] {
                table.append([
                    document.id.uuidString.lowercased(), String(document.versie), Tekstregels.onschadelijk(document.titel),
                    document.documentsoort.rawValue, document.vertrouwelijkheid.rawValue, Tekstregels.onschadelijk(document.bestandsnaam),
                    document.mediatype, String(document.omvang), Tijdweergave.moment(document.toegevoegdOp),
                    Tekstregels.onschadelijk(document.toegevoegdDoor), document.sha256,
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}

/// `document get ID-or-KENMERK DOCUMENT-ID --naar FILE`: the bytes, checked against their SHA-256
/// while they are written; the file appears only when complete and correct.
struct DocumentGetCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Write a document version's bytes to a file (checked against its SHA-256)."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The dossier's id or kenmerk (TT-2026-0001).", transform: ArgumentParsing.dossierReference)
    var dossier: DossierReference

    @Argument(help: "The document version's id.")
    var document: String

    @Option(help: "The file to write.")
    var naar: String

    func execute(in context: AdminContext) async throws {
        guard let documentID = UUID(uuidString: document) else { throw AdminError.invalidInput("document: not an id (UUID)") }
        try await database.withDatabase(in: context) { database in
            let id = try await dossier.resolve(in: database)
            let beheerder = Actor(naam: "toedeling-admin", hoedanigheid: .coordinator)
            guard let found = try await database.service.document(documentID, van: id, voor: beheerder)?.document else {
                throw AdminError.documentNotFound(documentID.uuidString.lowercased())
            }
            let file = try ExportFile(path: naar)
            do {
                var hasher = SHA256()
                try await database.service.leesInhoud(sha256: found.sha256, bereik: 0..<found.omvang) { bytes in
                    hasher.update(data: bytes)
                    try file.write(Data(bytes))
                }
                guard hasher.finalize().hexadecimaal == found.sha256 else {
                    throw AdminError.changedDocuments(1)
                }
                try file.complete()
            } catch {
                file.discard()
                throw error
            }
            try context.output.line("wrote \(found.omvang) bytes of \(Tekstregels.onschadelijk(found.bestandsnaam)) to \(naar); sha256 \(found.sha256)")
        }
    }
}
