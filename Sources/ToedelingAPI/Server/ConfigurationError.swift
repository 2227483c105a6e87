/// A setting from the environment that cannot be used; the description names it and what it takes.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The environment variable.
    public let variable: String
    /// What it should hold.
    public let expected: String

    /// What is wrong, in one line.
    public var description: String { "\(variable) must be \(expected)" }
}
