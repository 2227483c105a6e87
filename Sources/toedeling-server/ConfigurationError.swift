/// A setting that cannot be used; the description names it and what is wrong, in one line.
struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable (the same name in the configuration file).
    let variable: String
    /// The line: the variable's name and what is wrong with it.
    let description: String

    /// A setting that should hold `expected`.
    init(variable: String, expected: String) {
        self.variable = variable
        self.description = "\(variable) must be \(expected)"
    }

    /// A setting that is wrong for `reason` (a file that cannot be read, a rule it breaks).
    init(variable: String, reason: String) {
        self.variable = variable
        self.description = "\(variable): \(reason)"
    }
}

/// Every setting that cannot be used, each with its own line.
struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    let errors: [ConfigurationError]

    var description: String { errors.map(\.description).joined(separator: "\n") }
}
