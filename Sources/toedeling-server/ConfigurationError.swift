/// A setting that cannot be used; the description names it and what it takes, in one line.
struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable (the same name in the configuration file).
    let variable: String
    /// What is wrong, in words that follow the variable's name.
    let problem: String

    /// A setting that should hold `expected`.
    init(variable: String, expected: String) {
        self.variable = variable
        self.problem = "must be \(expected)"
    }

    /// A setting whose file could not be used, with the reason.
    init(variable: String, reason: String) {
        self.variable = variable
        self.problem = reason
    }

    var description: String { problem.hasPrefix("must be") ? "\(variable) \(problem)" : "\(variable): \(problem)" }
}

/// Every setting that cannot be used, each with its own line.
struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    let errors: [ConfigurationError]

    var description: String { errors.map(\.description).joined(separator: "\n") }
}
