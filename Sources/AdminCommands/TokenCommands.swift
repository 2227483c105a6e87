import ArgumentParser

/// `token create|list|revoke`: the bearer tokens of the HTTP API.
struct TokenCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke bearer tokens.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self, TokenVergeetCommand.self]
    )
}
