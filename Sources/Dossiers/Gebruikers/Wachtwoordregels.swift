/// The rules a new password must meet: at least 12 characters, not one of the most common passwords
/// (or such a password with digits or a mark added), and not the person's own e-mail address or name.
public enum Wachtwoordregels {
    /// The fewest characters a password may have.
    public static let minimumLengte = 12

    /// Why `wachtwoord` is refused, in Dutch; nil when it is good enough.
    public static func bezwaar(tegen wachtwoord: String, email: String, naam: String) -> String? {
        if wachtwoord.count < minimumLengte {
            return "Kies een wachtwoord van ten minste \(minimumLengte) tekens."
        }
        let klein = wachtwoord.lowercased()
        let kern = String(klein.reversed().drop { $0.isNumber || $0.isPunctuation || $0.isSymbol }.reversed())
        if veelGebruikt.contains(klein) || veelGebruikt.contains(kern) || herhaling(klein) {
            return "Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander."
        }
        let lokaal = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if klein == email.lowercased() || (lokaal.count >= 4 && klein.contains(lokaal))
            || (naam.count >= 4 && klein.contains(naam.lowercased().replacingOccurrences(of: " ", with: "")))
        {
            return "Een wachtwoord mag niet uw e-mailadres of naam bevatten."
        }
        return nil
    }

    /// True for one character repeated, or a run up or down the alphabet or digits.
    private static func herhaling(_ tekst: String) -> Bool {
        let waarden = tekst.unicodeScalars.map(\.value)
        guard let eerste = waarden.first else { return true }
        if waarden.allSatisfy({ $0 == eerste }) { return true }
        let stappen = zip(waarden, waarden.dropFirst()).map { Int($1) - Int($0) }
        return stappen.allSatisfy { $0 == 1 } || stappen.allSatisfy { $0 == -1 }
    }

    /// Common passwords (from public lists of leaked passwords, Dutch favourites added), in lower case.
    static let veelGebruikt: Set<String> = [
        "123456789012", "1234567890ab", "qwertyuiopas", "qwertyuiop12", "password1234", "passwordpassword",
        "wachtwoord", "wachtwoord123", "wachtwoord1234", "welkomwelkom", "welkom123456", "welkom", "geheim",
        "geheimgeheim", "password", "passw0rd", "p@ssw0rd", "p@ssword", "iloveyou", "iloveyouiloveyou",
        "sunshine", "princess", "football", "baseball", "superman", "trustno1", "letmein", "letmeinplease",
        "welcome", "welcomewelcome", "administrator", "admin", "adminadmin", "changeme", "changemeplease",
        "qwerty", "qwertyqwerty", "qwertz", "azerty", "abc123", "abcdefghijkl", "monkey", "dragon", "master",
        "shadow", "michael", "jennifer", "computer", "internet", "starwars", "whatever", "freedom", "zomerzomer",
        "zomer", "winter", "lente", "herfst", "voetbal", "ajax", "feyenoord", "psv", "amsterdam", "rotterdam",
        "denhaag", "nederland", "holland", "oranje", "koning", "koningin", "rijksoverheid", "overheid",
        "ministerie", "binnenlandsezaken", "toedeling", "taaktoedeling", "gemeente", "provincie", "waterschap",
        "vng", "ipo", "uvw", "bzk", "december", "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "maandag", "dinsdag", "woensdag", "donderdag",
        "vrijdag", "zaterdag", "zondag", "hallohallo", "hallo", "doei", "liefde", "schatje", "konijn",
        "poesje", "hondje", "aaaaaaaaaaaa", "111111111111", "000000000000", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "zaq12wsxcde3", "qazwsxedcrfv", "asdfghjklqwe", "correcthorsebatterystaple", "mijnwachtwoord",
        "nieuwwachtwoord", "eerstewachtwoord", "test", "testtest", "testtesttest", "demo", "demodemo",
    ]
}
