/// The typed models the page templates render (swift-mustache reads their properties by name;
/// a nil optional is absent, so a section on it is skipped). Each page's own model sits beside its
/// handler; these are the parts several pages share.
protocol PageModel: Encodable, Sendable {}

/// The layout around every page: title, style sheet, the rendered page, a notice, and for a
/// logged-in account its name, role, menu and the logout form's CSRF token.
struct LayoutModel: PageModel {
    struct Gebruiker: Encodable, Sendable {
        let naam: String
        let rolTekst: String
    }
    struct MenuItem: Encodable, Sendable {
        let href: String
        let tekst: String
        let actief: Bool
    }
    let titel: String
    let stijl: String
    let inhoud: String
    var melding: String?
    var gebruiker: Gebruiker?
    var csrf: String?
    var menu: [MenuItem]?
    var heeftMenu = false
}

/// The error summary at the top of a form (`foutsamenvatting`): a title and each problem, linked
/// to its field when it has one.
struct ErrorSummaryModel: Encodable, Sendable {
    struct Fout: Encodable, Sendable {
        let tekst: String
        var veld: String?
    }
    let id: String
    let heeftFouten: Bool
    let foutTitel: String
    let fouten: [Fout]

    /// A summary of `fouten` for the form `id`.
    init(id: String, fouten: [Fout]) {
        self.id = id
        self.heeftFouten = !fouten.isEmpty
        self.foutTitel = "Er is een probleem"
        self.fouten = fouten
    }
}

/// A form (`formulier`): its fields with their values and problems, the summary, and what the
/// server needs back (CSRF token, dossier version).
struct FormModel: Encodable, Sendable {
    struct Keuze: Encodable, Sendable {
        let waarde: String
        let label: String
        let gekozen: Bool
        let id: String
    }
    struct Veld: Encodable, Sendable {
        let id: String
        let naam: String
        let label: String
        let verplicht: Bool
        var waarde: String
        var hint: String?
        var fout: String?
        var beschrijving: String?
        var isInvoer = false
        var isTekstvak = false
        var isKeuze = false
        var isGroep = false
        var isBestand = false
        var isVinkje = false
        var invoertype: String?
        var autocomplete: String?
        var inputmode: String?
        var smal = false
        var keuzes: [Keuze]?
        var groeptype: String?
        var accept: String?
        var aan = false
    }
    let id: String
    let actie: String
    let knop: String
    let velden: [Veld]
    let csrf: String
    let gevaar: Bool
    let bestanden: Bool
    let heeftFouten: Bool
    let fouten: [ErrorSummaryModel.Fout]
    let foutTitel: String
    let open: Bool
    var titel: String?
    var uitleg: String?
    var versie: String?
}

/// A page that is one form (the code at login, a new dossier).
struct FormPage: PageModel {
    let formulier: FormModel
}

/// A page without a model of its own (the accessibility statement).
struct EmptyPage: PageModel {}

/// The page links under a long list (`paginering`): page `pagina` of `paginas`, and the links
/// to the pages before and after when there are.
struct PaginationModel: Encodable, Sendable {
    let pagina: Int
    let paginas: Int
    var vorige: String?
    var volgende: String?
}

/// The error page (`fout`): what went wrong in Dutch, and where to go on.
struct ErrorPage: PageModel {
    let kop: String
    let tekst: String
    let terug: String
    let terugTekst: String
}
