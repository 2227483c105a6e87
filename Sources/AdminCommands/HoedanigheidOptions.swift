import ArgumentParser
import Taaktoedeling

/// `--rol` and `--koepel`, read as one capacity: a koepel role needs its koepel, and only a koepel
/// role takes one (what `Hoedanigheid` holds). Tokens and accounts both use it.
struct HoedanigheidOptions: ParsableArguments {
    @Option(help: "The role: coordinator, koepel or liaison.")
    var rol: Rol

    @Option(help: "The koepel spoken for: VNG, IPO or UvW (required exactly for --rol koepel).")
    var koepel: Koepel?

    func validate() throws {
        _ = try hoedanigheid()
    }

    /// The capacity; a `ValidationError` naming the option when role and koepel do not fit.
    func hoedanigheid() throws -> Hoedanigheid {
        if let hoedanigheid = Hoedanigheid(rol: rol, koepel: koepel) { return hoedanigheid }
        throw ValidationError(rol == .koepel ? "--rol koepel needs --koepel VNG, IPO or UvW" : "--koepel is only for --rol koepel")
    }
}
