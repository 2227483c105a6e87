/// Working days of the national government: Monday to Friday, except the national holidays
/// (Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag, Hemelvaartsdag,
/// Tweede Pinksterdag, Eerste en Tweede Kerstdag). Bevrijdingsdag counts every year, as in the
/// collective labour agreement of the Rijk.
public enum Werkdagen {
    /// Whether `datum` is a working day.
    public static func isWerkdag(_ datum: Kalenderdatum) -> Bool {
        // 1970-01-01 was a Thursday: dagnummer 0 → weekday 4 (Monday = 1 … Sunday = 7).
        let weekdag = ((datum.dagnummer % 7) + 7 + 3) % 7 + 1
        guard weekdag <= 5 else { return false }
        return !feestdagen(in: datum.jaar).contains(datum)
    }

    /// The working day `aantal` working days before `datum` (`datum` itself need not be one).
    public static func werkdagen(_ aantal: Int, voor datum: Kalenderdatum) -> Kalenderdatum {
        var dag = datum.dagnummer
        var over = aantal
        while over > 0 {
            dag -= 1
            if isWerkdag(Kalenderdatum(dagnummer: dag)) { over -= 1 }
        }
        return Kalenderdatum(dagnummer: dag)
    }

    /// The national holidays of `jaar` that can fall on a weekday.
    public static func feestdagen(in jaar: Int) -> Set<Kalenderdatum> {
        let pasen = eerstePaasdag(jaar).dagnummer
        var koningsdag = Kalenderdatum(jaar: jaar, maand: 4, dag: 27)!
        // On a Sunday, Koningsdag moves to the Saturday before.
        if ((koningsdag.dagnummer % 7) + 7 + 3) % 7 + 1 == 7 { koningsdag = Kalenderdatum(dagnummer: koningsdag.dagnummer - 1) }
        return [
            Kalenderdatum(jaar: jaar, maand: 1, dag: 1)!,
            Kalenderdatum(dagnummer: pasen - 2),
            Kalenderdatum(dagnummer: pasen + 1),
            koningsdag,
            Kalenderdatum(jaar: jaar, maand: 5, dag: 5)!,
            Kalenderdatum(dagnummer: pasen + 39),
            Kalenderdatum(dagnummer: pasen + 50),
            Kalenderdatum(jaar: jaar, maand: 12, dag: 25)!,
            Kalenderdatum(jaar: jaar, maand: 12, dag: 26)!,
        ]
    }

    /// Easter Sunday of `jaar` (Gregorian; the anonymous algorithm of Meeus, Jones and Butcher).
    static func eerstePaasdag(_ jaar: Int) -> Kalenderdatum {
        let a = jaar % 19, b = jaar / 100, c = jaar % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let maand = (h + l - 7 * m + 114) / 31
        let dag = (h + l - 7 * m + 114) % 31 + 1
        return Kalenderdatum(jaar: jaar, maand: maand, dag: dag)!
    }
}
