import ArgumentParser
import Taaktoedeling

/// `token create`: prints the new bearer token, and nothing else, on standard output (only once:
/// only its hash is stored).
struct TokenCreateCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a bearer token and print it (it is shown only this once)."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The role the token acts in.")
    var rol: Rol

    @Option(help: "Who holds the token (a person or office); recorded with every event it causes.")
    var naam: String

    @Option(help: "The koepel a koepel token speaks for (required exactly for --rol koepel).")
    var koepel: Koepel?

    func validate() throws {
        if rol == .koepel && koepel == nil { throw ValidationError("--rol koepel needs --koepel VNG, IPO or UvW") }
        if rol != .koepel && koepel != nil { throw ValidationError("--koepel is only for --rol koepel") }
        if naam.allSatisfy(\.isWhitespace) { throw ValidationError("--naam must not be empty") }
    }

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let created = try await database.tokens.create(rol: rol, naam: naam, koepel: koepel)
            try context.output.line(created.token)
        }
    }
}
