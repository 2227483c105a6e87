import ArgumentParser

extension ToedelingAdmin {
    /// Parses `arguments` (without the program name), runs the command in `context` and returns the
    /// exit code. Bad arguments get ArgumentParser's usage message and its code (64); `--help` (or a
    /// command group without its subcommand) prints help to the output with 0; any other failure is
    /// one line `toedeling-admin: <message>` on `context.errors` and 1.
    public static func execute(arguments: [String], in context: AdminContext) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            return report(argumentError: error, in: context)
        }
        do {
            if let command = command as? any AdminCommand {
                try await command.execute(in: context)
            } else {
                var helpOrGroup = command
                try helpOrGroup.run()
            }
            return 0
        } catch let error where isArgumentParserError(error) {
            return report(argumentError: error, in: context)
        } catch {
            try? context.errors.line("toedeling-admin: " + AdminFailure.message(for: error))
            return 1
        }
    }

    /// Errors of ArgumentParser itself (help requests, usage errors), which it knows how to print.
    private static func isArgumentParserError(_ error: any Error) -> Bool {
        error is CleanExit || error is ExitCode || error is ValidationError
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    private static func report(argumentError error: any Error, in context: AdminContext) -> Int32 {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if !message.isEmpty {
            try? (code == .success ? context.output : context.errors).line(message)
        }
        return code.rawValue
    }
}
