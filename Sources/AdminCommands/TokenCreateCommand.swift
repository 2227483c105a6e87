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

    @OptionGroup var capaciteit: HoedanigheidOptions

    @Option(help: "Who holds the token (a person or office); recorded with every event it causes.")
    var naam: String

    func validate() throws {
        if naam.allSatisfy(\.isWhitespace) { throw ValidationError("--naam must not be empty") }
    }

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let created = try await database.tokens.create(try capaciteit.hoedanigheid(), naam: naam)
            try context.output.line(created.token)
        }
    }
}
