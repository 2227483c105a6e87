import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import Taaktoedeling

/// Renders pages: a template with its model inside the layout (skip link, header with the menu of
/// the account's role, footer), as `text/html` with the status given.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let stijl: StyleSheet

    /// Renders with the templates and the style sheet read at start.
    init(bestanden: WebResources) {
        self.library = bestanden.templates
        self.stijl = bestanden.styleSheet
    }

    /// The page `sjabloon` with `model`, titled `titel`, for the request's account.
    func pagina(
        _ sjabloon: String, titel: String, model: some PageModel, context: WebRequestContext, status: HTTPResponse.Status = .ok,
        melding: String? = nil, actief: String? = nil, headers: HTTPFields = [:]
    ) -> Response {
        var layout = LayoutModel(titel: titel, stijl: stijl.path, inhoud: library.render(model, withTemplate: sjabloon) ?? "", melding: melding)
        if let gebruiker = context.gebruiker {
            layout.gebruiker = .init(naam: gebruiker.naam, rolTekst: Self.rolTekst(gebruiker))
            layout.csrf = context.sessions.session?.csrf ?? ""
            layout.menu = Self.menu(voor: gebruiker.rol).map { item in .init(href: item.href, tekst: item.tekst, actief: item.href == actief) }
            layout.heeftMenu = true
        }
        let html = library.render(layout, withTemplate: "layout") ?? ""
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func rolTekst(_ gebruiker: Gebruiker) -> String {
        if let koepel = gebruiker.koepel { return "koepel " + koepel.rawValue }
        return Formatting.rol(gebruiker.rol)
    }

    /// The menu of a role: its home page first.
    static func menu(voor rol: Rol) -> [(href: String, tekst: String)] {
        switch rol {
        case .coordinator:
            [("/dossiers", "Dossiers"), ("/dossiers/nieuw", "Nieuw dossier"), ("/rapportages/stand-van-zaken", "Stand van zaken"),
             ("/rapportages/evaluatie", "Evaluatie"), ("/vernietigingslijsten", "Vernietiging"), ("/account", "Account")]
        case .koepel:
            [("/consultaties", "Consultaties"), ("/dossiers", "Dossiers"), ("/account", "Account")]
        case .liaison:
            [("/rapportages/stand-van-zaken", "Stand van zaken"), ("/dossiers", "Dossiers"), ("/rapportages/evaluatie", "Evaluatie"),
             ("/account", "Account")]
        }
    }

    /// A role's home page.
    static func thuis(voor rol: Rol) -> String {
        switch rol {
        case .coordinator: "/dossiers"
        case .koepel: "/consultaties"
        case .liaison: "/rapportages/stand-van-zaken"
        }
    }

    /// A `303 See Other` to `pad` (after a form: the browser fetches the page with GET).
    static func verder(_ pad: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = pad
        return Response(status: .seeOther, headers: fields)
    }
}
