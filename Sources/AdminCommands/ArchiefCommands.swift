import ArgumentParser
import Dossiers
import Foundation
import Notifications
import Rapportage
import Taaktoedeling

/// `archief selectielijst|categorie|acties|overdracht|pakket`: the archive for operators and archivists.
struct ArchiefCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archief",
        abstract: "The selectielijst, a dossier's category, the dossiers due for action, the transfer and the e-Depot package.",
        subcommands: [
            ArchiefSelectielijstCommand.self, ArchiefCategorieCommand.self, ArchiefActiesCommand.self, ArchiefOverdrachtCommand.self,
            ArchiefPakketCommand.self,
        ]
    )

    /// The operator as the actor of archive commands.
    static let beheerder = Actor(naam: "toedeling-admin", hoedanigheid: .coordinator)
}

/// `archief selectielijst`: the configured categories (checked as the server checks them).
struct ArchiefSelectielijstCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "selectielijst", abstract: "Show the configured selectielijst (TOEDELING_SELECTIELIJST).")

    func execute(in context: AdminContext) async throws {
        let lijst = try SelectielijstBestand.laad(environment: ProcessInfo.processInfo.environment)
        var table = TextTable("Code", "Waardering", "Bewaartermijn", "Standaard voor", "Omschrijving")
        for categorie in lijst.categorieen {
            table.append([
                categorie.code, categorie.waardering.rawValue, categorie.bewaartermijn?.description ?? "",
                (categorie.standaardVoor ?? []).map(\.rawValue).joined(separator: ", "), categorie.omschrijving,
            ])
        }
        try context.output.write(table.rendered)
    }
}

/// `archief categorie KENMERK CODE`: records a dossier's selectielijst category.
struct ArchiefCategorieCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "categorie", abstract: "Record a closed dossier's selectielijst category.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The dossier's id or kenmerk (TT-2026-0001).", transform: ArgumentParsing.dossierReference)
    var dossier: DossierReference

    @Argument(help: "The category's code in the selectielijst.")
    var code: String

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let id = try await dossier.resolve(in: database)
            // A configured selectielijst that cannot be read is an error here, never the shipped one instead.
            _ = try SelectielijstBestand.laad(environment: ProcessInfo.processInfo.environment)
            let outcome = try await database.service.legArchiveringVast(
                code: code, op: id, context: CommandContext(actor: ArchiefCommands.beheerder, correlationID: "toedeling-admin")
            )
            let archief = outcome.dossier.archiefgegevens
            try context.output.line(
                "\(outcome.dossier.kenmerk): categorie \(code), \(archief?.archiefnominatie?.weergave ?? ""), archiefactiedatum \(archief?.archiefactiedatum?.description ?? "–")"
            )
        }
    }
}

/// `archief acties`: the dossiers whose archiefactiedatum has come.
struct ArchiefActiesCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "acties", abstract: "List the dossiers whose archiefactiedatum has come.")

    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let vandaag = AmsterdamseTijd.kalenderdatum(van: Date())
            var table = TextTable("Kenmerk", "Titel", "Categorie", "Nominatie", "Archiefactiedatum")
            for (dossier, archief) in try await database.service.archiefacties(vandaag: vandaag) {
                table.append([
                    dossier.kenmerk.description, Tekstregels.onschadelijk(dossier.titel), archief.selectielijstcategorie ?? "",
                    archief.archiefnominatie?.rawValue ?? "", archief.archiefactiedatum?.description ?? "",
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}

/// `archief overdracht KENMERK --ontvangstbevestiging REF`: records the transfer to the e-Depot.
struct ArchiefOverdrachtCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "overdracht", abstract: "Record the transfer to the e-Depot; the dossier is read-only afterwards.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The dossier's id or kenmerk (TT-2026-0001).", transform: ArgumentParsing.dossierReference)
    var dossier: DossierReference

    @Option(help: "The e-Depot's reference of receipt.")
    var ontvangstbevestiging: String

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let id = try await dossier.resolve(in: database)
            let outcome = try await database.service.execute(
                .draagOver(ontvangstbevestiging: ontvangstbevestiging), on: id,
                context: CommandContext(actor: ArchiefCommands.beheerder, correlationID: "toedeling-admin")
            )
            try context.output.line("\(outcome.dossier.kenmerk): overgedragen (\(ontvangstbevestiging)); het dossier kan niet meer worden gewijzigd")
        }
    }
}

/// `archief pakket KENMERK --naar DIR`: the e-Depot package as a tree of files.
struct ArchiefPakketCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "pakket", abstract: "Write a closed dossier's e-Depot package (MDTO sidecars, the bytes, the event stream, pakbon.xml) into an empty folder."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The dossier's id or kenmerk (TT-2026-0001).", transform: ArgumentParsing.dossierReference)
    var dossier: DossierReference

    @Option(help: "The folder to write into (created when absent; it must be empty).")
    var naar: String

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let id = try await dossier.resolve(in: database)
            let oin = ProcessInfo.processInfo.environment["TOEDELING_OIN"].flatMap { $0.isEmpty ? nil : $0 } ?? OIN.onbekend
            let pakket = Archiefpakket(service: database.service, archiefvormer: MDTO.Archiefvormer(oin: oin))
            let (gevonden, categorie): (Dossier, SelectielijstCategorie)
            do {
                (gevonden, categorie) = try await pakket.pakbaar(id)
            } catch let weigering as Archiefpakket.Weigering {
                throw AdminError.invalidInput(weigering.description)
            }
            let doel: DirectoryTarget
            do {
                doel = try DirectoryTarget(map: naar)
            } catch {
                throw AdminError.unwritableFile(naar + " (the folder must be empty)")
            }
            try await pakket.schrijf(gevonden, categorie: categorie, naar: doel, moment: Date())
            try context.output.line("wrote the archive package of \(gevonden.kenmerk) to \(naar)")
        }
    }
}
