import ArgumentParser
import Foundation

/// `token revoke ID`: the token stops working with the next request, on every server instance.
struct TokenRevokeCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token at once.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The token's id (see `token list`).", transform: ArgumentParsing.uuid)
    var id: UUID

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            guard try await database.tokens.revoke(id: id) else { throw AdminError.tokenNotFound(id) }
            try context.output.line("revoked token \(id.uuidString.lowercased())")
        }
    }
}

struct TokenVergeetCommand: AdminCommand {
    static let configuration = CommandConfiguration(
        commandName: "vergeet",
        abstract: "AVG erasure of a token holder: revoke the token and destroy its holder's key, so the name reads [verwijderd] everywhere."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The token's id (see `token list`).", transform: ArgumentParsing.uuid)
    var id: UUID

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let vergeten = try await database.service.vergeetToken(id: id)
            try context.output.line("forgot the token holder: key \(vergeten.sleutel) destroyed, token revoked; \(vergeten.dossiers) dossier(s) rewritten without the name")
        }
    }
}
