import ArgumentParser
import Dossiers
import Foundation
import Taaktoedeling

/// `gebruiker create|list|blokkeer|herstel`: the personal accounts of the web application.
struct GebruikerCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gebruiker",
        abstract: "Create, list, block and restore the web application's accounts, and undo a binding to an OpenID Provider.",
        subcommands: [
            GebruikerCreateCommand.self, GebruikerListCommand.self, GebruikerBlokkeerCommand.self, GebruikerHerstelCommand.self,
            GebruikerOntkoppelCommand.self, GebruikerVergeetCommand.self,
        ]
    )

    /// The address the web application is reached at, for activation links: `TOEDELING_PUBLIC_URL`,
    /// else the server's own hostname and port (`TOEDELING_HOSTNAME`, `TOEDELING_PORT`).
    static func publiekAdres(_ environment: [String: String]) -> String {
        if let adres = environment["TOEDELING_PUBLIC_URL"], !adres.isEmpty {
            return adres.hasSuffix("/") ? String(adres.dropLast()) : adres
        }
        var host = environment["TOEDELING_HOSTNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        if host == "0.0.0.0" || host == "::" || host == "127.0.0.1" { host = "localhost" }
        let port = environment["TOEDELING_PORT"].flatMap { $0.isEmpty ? nil : $0 } ?? "8080"
        return "http://\(host):\(port)"
    }

    static func activatieLink(_ token: String, _ environment: [String: String]) -> String {
        publiekAdres(environment) + "/activeren/" + token
    }
}

struct GebruikerCreateCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an account and print its one-time activation link (valid 72 hours), unless a password comes on standard input."
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var capaciteit: HoedanigheidOptions

    @Option(help: "The person's name; recorded with every event they cause.")
    var naam: String

    @Option(help: "The person's e-mail address (unique, whatever its case).")
    var email: String

    @Flag(help: "Read the password from the first line of standard input instead of printing an activation link.")
    var wachtwoordStdin = false

    func validate() throws {
        if naam.allSatisfy(\.isWhitespace) { throw ValidationError("--naam must not be empty") }
    }

    func execute(in context: AdminContext) async throws {
        var wachtwoord: String?
        if wachtwoordStdin {
            guard let regel = try context.readInputLine(), !regel.isEmpty else { throw AdminError.inputReadFailed }
            wachtwoord = regel
        }
        try await database.withDatabase(in: context) { database in
            let created = try await database.gebruikers.create(
                email: email, naam: naam, hoedanigheid: try capaciteit.hoedanigheid(), wachtwoord: wachtwoord)
            if let token = created.activatie {
                try context.output.line(GebruikerCommands.activatieLink(token, context.environment))
            } else {
                try context.output.line("created account \(created.gebruiker.id.uuidString.lowercased()) for \(created.gebruiker.email)")
            }
        }
    }
}

struct GebruikerListCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts (never their passwords).")

    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let gebruikers = try await database.gebruikers.list()
            guard !gebruikers.isEmpty else {
                try context.output.line("Geen accounts.")
                return
            }
            var table = TextTable("Id", "E-mail", "Naam", "Rol", "Koepel", "Status", "Tweestap", "OIDC", "Aangemaakt")
            for gebruiker in gebruikers {
                let actief = gebruiker.heeftWachtwoord || gebruiker.openID != nil
                let status = gebruiker.geblokkeerd ? "geblokkeerd" : (actief ? "actief" : "wacht op activatie")
                table.append([
                    gebruiker.id.uuidString.lowercased(), gebruiker.email, gebruiker.naam, gebruiker.rol.rawValue,
                    gebruiker.koepel?.rawValue ?? "–", status, gebruiker.heeftTweestap ? "aan" : "uit", gebruiker.openID == nil ? "–" : "gekoppeld",
                    Tijdweergave.moment(gebruiker.aangemaaktOp),
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}

struct GebruikerBlokkeerCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "blokkeer", abstract: "Block an account: no more logins, and its sessions end at once."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The account's e-mail address.")
    var email: String

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let gebruiker = try await database.gebruikers.blokkeer(email: email)
            try context.output.line("blocked \(gebruiker.email); its sessions have ended")
        }
    }
}

struct GebruikerHerstelCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "herstel",
        abstract: "Restore an account: unblock it, end its sessions, clear its password and two-step verification, and print a new activation link."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The account's e-mail address.")
    var email: String

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let hersteld = try await database.gebruikers.herstel(email: email)
            try context.output.line(GebruikerCommands.activatieLink(hersteld.activatie, context.environment))
        }
    }
}

struct GebruikerOntkoppelCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "ontkoppel",
        abstract: "Undo an account's binding to a person at the OpenID Provider (iss, sub): its sessions end, and its next sign-in there binds it again by e-mail address."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The account's e-mail address.")
    var email: String

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let gebruiker = try await database.gebruikers.ontkoppel(email: email)
            try context.output.line("unbound \(gebruiker.email) from its OpenID Provider account; its sessions have ended")
        }
    }
}

struct GebruikerVergeetCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "vergeet",
        abstract: "AVG erasure: destroy the person's key, so their name reads [verwijderd] in every event and page; the account stays as a blocked, nameless row.",
        discussion: "Every event stays and `verify` still passes. Names in events written before sealing existed stay readable (OPERATIONS.md)."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The account's e-mail address.")
    var email: String

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let vergeten = try await database.service.vergeetGebruiker(email: email)
            try context.output.line("forgot the account: its key \(vergeten.sleutel) is destroyed; \(vergeten.dossiers) dossier(s) rewritten without its name")
        }
    }
}
