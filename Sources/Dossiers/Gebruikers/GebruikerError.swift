/// Why an account operation was refused; each has a Dutch sentence for the CLI and the web pages.
public enum GebruikerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address is not an e-mail address.
    case ongeldigEmail
    /// The name is empty.
    case legeNaam
    /// Another account has this address (whatever its case).
    case emailBestaatAl
    /// No account has this address.
    case onbekend
    /// The password breaks a rule; the reason says which.
    case zwakWachtwoord(String)
    /// The activation link is unknown, used or expired.
    case ongeldigeActivatie

    /// The refusal in Dutch.
    public var description: String {
        switch self {
        case .ongeldigEmail: "Dit is geen geldig e-mailadres."
        case .legeNaam: "Geef een naam."
        case .emailBestaatAl: "Er is al een account met dit e-mailadres."
        case .onbekend: "Er is geen account met dit e-mailadres."
        case .zwakWachtwoord(let reden): reden
        case .ongeldigeActivatie: "Deze activatielink is onbekend, al gebruikt of verlopen. Vraag een nieuwe aan bij de beheerder."
        }
    }
}
