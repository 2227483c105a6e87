import ArgumentParser
import Dossiers
import Foundation
import Notifications
import Taaktoedeling

/// `abonnement create|list|delete|deliveries|resend`: the webhook subscriptions, as `/v1/abonnementen`.
/// Run it with the server's environment (`TOEDELING_OIN`, `TOEDELING_PUBLIC_URL`,
/// `TOEDELING_WEBHOOK_ALLOW_PRIVATE`): a resend builds its CloudEvents with it.
struct AbonnementCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abonnement",
        abstract: "Create, list and delete webhook subscriptions; show their delivery log; resend deliveries.",
        subcommands: [
            AbonnementCreateCommand.self, AbonnementListCommand.self, AbonnementDeleteCommand.self, AbonnementDeliveriesCommand.self,
            AbonnementResendCommand.self,
        ]
    )

    static func store(_ database: AdminDatabase, _ environment: [String: String]) -> AbonnementStore {
        let oin = environment["TOEDELING_OIN"].flatMap { OIN.isGeldig($0) ? $0 : nil } ?? OIN.onbekend
        let instellingen = NotificationSettings(
            oin: oin, publiekeURL: GebruikerCommands.publiekAdres(environment), privaatToegestaan: environment["TOEDELING_WEBHOOK_ALLOW_PRIVATE"] == "1"
        )
        return AbonnementStore(pool: database.pool, instellingen: instellingen)
    }

    static func id(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw AdminError.subscriptionNotFound(text) }
        return id
    }
}

struct AbonnementCreateCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a subscription; prints its id and its signing secret (shown only this once)."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Where deliveries are posted (https; http and private addresses only with TOEDELING_WEBHOOK_ALLOW_PRIVATE=1).")
    var callbackUrl: String

    @Option(help: "The Authorization header value sent with each delivery.")
    var auth: String?

    @Option(name: .customLong("type"), help: "An event type to deliver, e.g. ConsultatieGeopend (repeat; none: all).")
    var types: [String] = []

    @Option(name: .customLong("dossier"), help: "A dossier id whose events are delivered (repeat; none: all).")
    var dossiers: [String] = []

    @Option(help: "Deliver only what this koepel may see.")
    var koepel: Koepel?

    func execute(in context: AdminContext) async throws {
        var body: [String: JSONValue] = ["callbackUrl": .string(callbackUrl)]
        if let auth { body["auth"] = .string(auth) }
        var filters: [String: JSONValue] = [:]
        if !types.isEmpty { filters["types"] = .array(types.map(JSONValue.string)) }
        if !dossiers.isEmpty { filters["dossiers"] = .array(dossiers.map(JSONValue.string)) }
        if !filters.isEmpty { body["filters"] = .object(filters) }
        if let koepel { body["koepel"] = .string(koepel.rawValue) }
        let verzoek: Abonnementverzoek
        switch Abonnementverzoek.parse(.object(body)) {
        case .success(let gelezen): verzoek = gelezen
        case .failure(let fout): throw AdminError.invalidInput(fout.problems.map { "\($0.name): \($0.reason)" }.joined(separator: "; "))
        }
        try await database.withDatabase(in: context) { database in
            do {
                let (abonnement, geheim) = try await AbonnementCommands.store(database, context.environment).create(verzoek, door: "toedeling-admin")
                try context.output.line("id \(abonnement.id.uuidString.lowercased())")
                try context.output.line("secret \(geheim)")
            } catch AbonnementError.callbackNietToegestaan(let reden) {
                throw AdminError.invalidInput("callbackUrl: \(reden)")
            }
        }
    }
}

struct AbonnementListCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the subscriptions with their delivery state.")

    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let lijst = try await AbonnementCommands.store(database, context.environment).list()
            guard !lijst.isEmpty else {
                try context.output.line("Geen abonnementen.")
                return
            }
            var table = TextTable("Id", "Callback", "Koepel", "Types", "Dossiers", "Wachtend", "Doodgelegd", "Mislukkingen", "Laatste succes", "Volgende poging")
            for a in lijst {
                table.append([
                    a.id.uuidString.lowercased(), a.callbackURL, a.koepel?.rawValue ?? "–", a.types.isEmpty ? "alle" : a.types.joined(separator: ","),
                    a.dossiers.isEmpty ? "alle" : String(a.dossiers.count), String(a.wachtend), String(a.doodgelegd), String(a.mislukkingen),
                    Tijdweergave.moment(a.laatsteSucces), Tijdweergave.moment(a.volgendePoging),
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}

struct AbonnementDeleteCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a subscription with its queue and log.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The subscription's id.")
    var id: String

    func execute(in context: AdminContext) async throws {
        let id = try AbonnementCommands.id(self.id)
        try await database.withDatabase(in: context) { database in
            guard try await AbonnementCommands.store(database, context.environment).verwijder(id: id) else {
                throw AdminError.subscriptionNotFound(id.uuidString.lowercased())
            }
            try context.output.line("deleted subscription \(id.uuidString.lowercased())")
        }
    }
}

struct AbonnementDeliveriesCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "deliveries", abstract: "Show a subscription's delivery log, newest attempt first.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The subscription's id.")
    var id: String

    @Option(help: "The page (of 100 attempts).")
    var page: Int = 1

    func validate() throws {
        if page < 1 { throw ValidationError("--page must be 1 or more") }
    }

    func execute(in context: AdminContext) async throws {
        let id = try AbonnementCommands.id(self.id)
        try await database.withDatabase(in: context) { database in
            guard let log = try await AbonnementCommands.store(database, context.environment).afleveringen(id: id, page: page) else {
                throw AdminError.subscriptionNotFound(id.uuidString.lowercased())
            }
            guard !log.pogingen.isEmpty else {
                try context.output.line("Nog geen afleveringen.")
                return
            }
            var table = TextTable("Tijdstip", "Event", "Sequence", "Status", "Fout", "Duur (ms)")
            for poging in log.pogingen {
                table.append([
                    Tijdweergave.moment(poging.tijdstip), poging.eventID.uuidString.lowercased(), poging.sequence,
                    poging.httpStatus.map(String.init) ?? "–", poging.fout ?? "–", String(poging.duurMs),
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}

struct AbonnementResendCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "resend", abstract: "Queue deliveries again: every event after --na CURSOR, or else the dead-lettered ones."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The subscription's id.")
    var id: String

    @Option(help: "A feed cursor (`volgende` of /v1/gebeurtenissen, or an SSE id): redeliver every event after it.")
    var na: String?

    func execute(in context: AdminContext) async throws {
        let id = try AbonnementCommands.id(self.id)
        var cursor: FeedPosition?
        if let na {
            guard let gelezen = FeedPosition(token: na) else { throw AdminError.invalidInput("--na: is geen cursor uit de feed") }
            cursor = gelezen
        }
        try await database.withDatabase(in: context) { database in
            do {
                let aantal = try await AbonnementCommands.store(database, context.environment).opnieuw(id: id, na: cursor)
                try context.output.line("queued \(aantal) deliveries again")
            } catch AbonnementError.onbekend {
                throw AdminError.subscriptionNotFound(id.uuidString.lowercased())
            }
        }
    }
}
