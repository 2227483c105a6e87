/// Why a token cannot be created as asked.
public enum TokenStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is empty.
    case emptyName
    /// A koepel token needs its koepel.
    case koepelRequired
    /// Only a koepel token names a koepel.
    case koepelNotAllowed

    /// What is wrong, for the operator.
    public var description: String {
        switch self {
        case .emptyName: "the name must not be empty"
        case .koepelRequired: "a token with role koepel needs --koepel VNG, IPO or UvW"
        case .koepelNotAllowed: "only a token with role koepel names a koepel"
        }
    }
}
