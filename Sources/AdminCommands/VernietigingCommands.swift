import ArgumentParser
import Dossiers
import Foundation
import Rapportage
import Taaktoedeling

/// `toedeling-admin vernietigingslijst …`: the destruction of dossiers whose archiefactiedatum has
/// come, proposed by one coordinator and approved or refused by another (`--door` names the
/// coordinator's account by e-mail address).
struct VernietigingCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vernietigingslijst",
        abstract: "Propose, approve or refuse vernietigingslijsten, and print the verklaring van vernietiging.",
        subcommands: [
            VernietigingKandidatenCommand.self, VernietigingVoorstelCommand.self, VernietigingLijstCommand.self, VernietigingToonCommand.self,
            VernietigingGoedkeurCommand.self, VernietigingAfwijsCommand.self, VernietigingVerklaringCommand.self,
        ]
    )

    /// The coordinator account acting: a CLI user names themselves, as on the web.
    static func coordinator(_ email: String, in database: AdminDatabase) async throws -> Actor {
        guard let gebruiker = try await database.gebruikers.gebruiker(email: email), !gebruiker.geblokkeerd else {
            throw GebruikerError.onbekend
        }
        guard gebruiker.rol == .coordinator else { throw VernietigingError.geenCoordinator }
        return gebruiker.actor
    }

    static var vandaag: Kalenderdatum { AmsterdamseTijd.kalenderdatum(van: Date()) }

    static func regels(_ lijst: Vernietigingslijst) -> String {
        var table = TextTable("Kenmerk", "Titel", "Categorie", "Brondatum", "Archiefactiedatum", "Vernietigd op")
        for regel in lijst.dossiers {
            table.append([
                regel.kenmerk, regel.titel, regel.categorie, regel.brondatum.description, regel.archiefactiedatum.description,
                regel.vernietigdOp.map(Tijdweergave.moment) ?? "–",
            ])
        }
        return "lijst \(lijst.id.uuidString.lowercased()): \(lijst.status.rawValue), voorgesteld door \(lijst.voorstellerNaam)"
            + (lijst.beoordelaarNaam.map { ", beoordeeld door \($0)" } ?? "") + (lijst.redenAfwijzing.map { " (\($0))" } ?? "") + "\n"
            + table.rendered
    }
}

struct VernietigingKandidatenCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "kandidaten", abstract: "The dossiers that may go on a list today (archiefnominatie vernietigen, archiefactiedatum come)."
    )
    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let dossiers = try await database.service.vernietigbareDossiers(vandaag: VernietigingCommands.vandaag)
            guard !dossiers.isEmpty else { return try context.output.line("Geen dossiers om te vernietigen.") }
            var table = TextTable("Id", "Kenmerk", "Titel", "Categorie", "Archiefactiedatum")
            for dossier in dossiers {
                let archief = dossier.archiefgegevens
                table.append([
                    dossier.id.uuidString.lowercased(), dossier.kenmerk.description, dossier.titel, archief?.selectielijstcategorie ?? "",
                    archief?.archiefactiedatum?.description ?? "",
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}

struct VernietigingVoorstelCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "voorstel", abstract: "Propose a list of dossiers (ids or kenmerken).")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The e-mail address of the proposing coordinator's account.")
    var door: String
    @Argument(help: "The dossiers' ids or kenmerken.", transform: ArgumentParsing.dossierReference)
    var dossiers: [DossierReference]

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let actor = try await VernietigingCommands.coordinator(door, in: database)
            var ids: [UUID] = []
            for dossier in dossiers { ids.append(try await dossier.resolve(in: database)) }
            let lijst = try await database.service.stelVernietigingslijstVoor(dossiers: ids, door: actor, vandaag: VernietigingCommands.vandaag)
            try context.output.write(VernietigingCommands.regels(lijst))
        }
    }
}

struct VernietigingLijstCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every vernietigingslijst, newest first.")
    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let lijsten = try await database.service.vernietigingslijsten()
            guard !lijsten.isEmpty else { return try context.output.line("Geen vernietigingslijsten.") }
            var table = TextTable("Id", "Status", "Dossiers", "Voorgesteld door", "Voorgesteld op", "Beoordeeld door")
            for lijst in lijsten {
                table.append([
                    lijst.id.uuidString.lowercased(), lijst.status.rawValue, String(lijst.dossiers.count), lijst.voorstellerNaam,
                    Tijdweergave.moment(lijst.voorgesteldOp), lijst.beoordelaarNaam ?? "–",
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}

struct VernietigingToonCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A vernietigingslijst and its dossiers.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The list's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            guard let lijst = try await database.service.vernietigingslijst(id) else { throw VernietigingError.onbekend }
            try context.output.write(VernietigingCommands.regels(lijst))
        }
    }
}

struct VernietigingGoedkeurCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "goedkeur",
        abstract: "Approve a list (another coordinator than its proposer): its dossiers are destroyed and the verklaring van vernietiging is kept."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The e-mail address of the approving coordinator's account.")
    var door: String
    @Argument(help: "The list's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let actor = try await VernietigingCommands.coordinator(door, in: database)
            let lijst = try await database.service.keurVernietigingslijstGoed(
                id, door: actor, context: CommandContext(actor: actor, correlationID: "toedeling-admin"), vandaag: VernietigingCommands.vandaag,
                verklaring: VerklaringVanVernietiging.render
            )
            try context.output.write(VernietigingCommands.regels(lijst))
        }
    }
}

struct VernietigingAfwijsCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "afwijs", abstract: "Refuse a list (another coordinator than its proposer); nothing is destroyed.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The e-mail address of the refusing coordinator's account.")
    var door: String
    @Option(help: "Why.")
    var reden: String
    @Argument(help: "The list's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let actor = try await VernietigingCommands.coordinator(door, in: database)
            let lijst = try await database.service.wijsVernietigingslijstAf(id, door: actor, reden: reden)
            try context.output.write(VernietigingCommands.regels(lijst))
        }
    }
}

struct VernietigingVerklaringCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "verklaring", abstract: "Print the kept verklaring van vernietiging of an approved list.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "html or csv.")
    var formaat: String = "html"
    @Argument(help: "The list's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    func validate() throws {
        guard formaat == "html" || formaat == "csv" else { throw ValidationError("--formaat must be html or csv") }
    }

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            guard let verklaring = try await database.service.verklaringVanVernietiging(id) else {
                throw VernietigingError.ongeldigeLijst("Er is (nog) geen verklaring van vernietiging van deze lijst: zij bestaat niet of is niet goedgekeurd.")
            }
            try context.output.write(formaat == "csv" ? verklaring.csv : verklaring.html)
        }
    }
}
