/// The capacity someone acts in: a coordinator, a liaison, or a koepel together with the koepel it
/// speaks for. A koepel role without its koepel, or another role with one, cannot be made: tokens,
/// accounts, the CLI and the API all hold this, and read the stored pair through `init?(rol:koepel:)`.
public enum Hoedanigheid: Sendable, Equatable, Hashable {
    /// A BZK coordinating officer.
    case coordinator
    /// A koepel, speaking for this one.
    case koepel(Koepel)
    /// A parliament liaison.
    case liaison

    /// The capacity of a stored or entered pair; nil when they do not fit together (see `probleem`).
    public init?(rol: Rol, koepel: Koepel?) {
        switch (rol, koepel) {
        case (.coordinator, nil): self = .coordinator
        case (.liaison, nil): self = .liaison
        case (.koepel, let koepel?): self = .koepel(koepel)
        default: return nil
        }
    }

    /// Why `rol` and `koepel` do not fit together, in words for a person; nil when they do.
    public static func probleem(rol: Rol, koepel: Koepel?) -> String? {
        switch (rol, koepel) {
        case (.koepel, nil): "de rol koepel vraagt om een koepel (VNG, IPO of UvW)"
        case (.coordinator, .some), (.liaison, .some): "alleen de rol koepel heeft een koepel"
        default: nil
        }
    }

    /// The role: what decides which commands are allowed (`DossierCommandKind.rollen`).
    public var rol: Rol {
        switch self {
        case .coordinator: .coordinator
        case .koepel: .koepel
        case .liaison: .liaison
        }
    }

    /// The koepel spoken for; nil for a coordinator or liaison.
    public var koepel: Koepel? {
        if case .koepel(let koepel) = self { return koepel }
        return nil
    }
}
