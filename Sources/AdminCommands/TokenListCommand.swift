import ArgumentParser

/// `token list`: every token, oldest first, without the tokens or their hashes.
struct TokenListCommand: AdminCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens (never the tokens themselves).")

    @OptionGroup var database: DatabaseOptions

    func execute(in context: AdminContext) async throws {
        try await database.withDatabase(in: context) { database in
            let records = try await database.tokens.list()
            guard !records.isEmpty else {
                try context.output.line("Geen tokens.")
                return
            }
            var table = TextTable("Id", "Naam", "Rol", "Koepel", "Aangemaakt", "Ingetrokken")
            for record in records {
                table.append([
                    record.id.uuidString.lowercased(), record.naam, record.rol.rawValue, record.koepel?.rawValue ?? "–",
                    Tijdweergave.moment(record.createdAt), Tijdweergave.moment(record.revokedAt),
                ])
            }
            try context.output.write(table.rendered)
        }
    }
}
