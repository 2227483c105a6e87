import Foundation

/// Civil time in Europe/Amsterdam (CET, CEST from the last Sunday of March to the last Sunday of
/// October, switching at 01:00 UTC), computed from the EU rule so results never depend on the
/// machine's time-zone database.
public enum AmsterdamseTijd {
    /// The offset from UTC in seconds at the given instant (3600 or 7200).
    public static func offset(op moment: Date) -> Int {
        let seconden = Int(floor(moment.timeIntervalSince1970))
        let jaar = Kalenderdatum(dagnummer: floorDiv(seconden, 86_400)).jaar
        let begin = laatsteZondag(jaar: jaar, maand: 3).dagnummer * 86_400 + 3600
        let einde = laatsteZondag(jaar: jaar, maand: 10).dagnummer * 86_400 + 3600
        return (begin..<einde).contains(seconden) ? 7200 : 3600
    }

    /// The calendar date in Amsterdam at the given instant.
    public static func kalenderdatum(van moment: Date) -> Kalenderdatum {
        let lokaal = Int(floor(moment.timeIntervalSince1970)) + offset(op: moment)
        return Kalenderdatum(dagnummer: floorDiv(lokaal, 86_400))
    }

    /// The first instant of the given day in Amsterdam (local midnight that begins it).
    public static func beginVan(_ datum: Kalenderdatum) -> Date {
        eindeVan(Kalenderdatum(dagnummer: datum.dagnummer - 1))
    }

    /// The first instant after the given day in Amsterdam (local midnight that ends it).
    public static func eindeVan(_ datum: Kalenderdatum) -> Date {
        let volgende = Kalenderdatum(dagnummer: datum.dagnummer + 1)
        let zomertijd = laatsteZondag(jaar: volgende.jaar, maand: 3) < volgende
            && volgende <= laatsteZondag(jaar: volgende.jaar, maand: 10)
        let seconden = volgende.dagnummer * 86_400 - (zomertijd ? 7200 : 3600)
        return Date(timeIntervalSince1970: TimeInterval(seconden))
    }

    /// The last Sunday of the month, by day arithmetic only, so it is total for every year (also the
    /// year after 9999 that the end of 9999-12-31 falls in).
    private static func laatsteZondag(jaar: Int, maand: Int) -> Kalenderdatum {
        let laatste = Kalenderdatum.dagnummer(jaar: maand == 12 ? jaar + 1 : jaar, maand: maand % 12 + 1, dag: 1) - 1
        let weekdag = floorMod(laatste + 4, 7)
        return Kalenderdatum(dagnummer: laatste - weekdag)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }

    private static func floorMod(_ a: Int, _ b: Int) -> Int { ((a % b) + b) % b }
}
