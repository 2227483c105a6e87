/// Why a token cannot be created as asked.
public enum TokenStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is empty.
    case emptyName

    /// What is wrong, for the operator.
    public var description: String {
        switch self {
        case .emptyName: "the name must not be empty"
        }
    }
}
