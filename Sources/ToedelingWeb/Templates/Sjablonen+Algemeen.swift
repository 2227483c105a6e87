/// The page templates (mustache, escaping by default). They live in the binary, so the server stays
/// one file; `Weergave` registers them by name.
enum Sjablonen {
    static let alle: [String: String] = [
        "layout": layout, "formulier": formulier, "foutsamenvatting": foutsamenvatting, "fout": fout,
        "inloggen": inloggen, "code": code, "activeren": activeren, "activeren-provider": activerenProvider, "activatie-ongeldig": activatieOngeldig,
        "account": account, "tweestap-instellen": tweestapInstellen, "toegankelijkheid": toegankelijkheid,
        "dossiers": dossiers, "dossier-nieuw": dossierNieuw, "dossier": dossier, "tijdlijn": tijdlijn,
        "consultaties": consultaties, "ontvangstbewijs": ontvangstbewijs, "stand-van-zaken": standVanZaken,
        "evaluatie": evaluatie, "paginering": paginering, "vernietigingslijsten": vernietigingslijsten, "vernietigingslijst": vernietigingslijst,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{titel}} – Toedeling</title>
        <link rel="stylesheet" href="{{stijl}}">
        </head>
        <body>
        <a class="skiplink" href="#inhoud">Naar de inhoud</a>
        <header class="kop">
        <div class="kop__binnen">
        <a class="kop__naam" href="/">Toedeling<span class="kop__ondertitel">taaktoedeling aan decentrale overheden</span></a>
        {{#gebruiker}}
        <div class="kop__gebruiker">
        <span>{{naam}}, {{rolTekst}}</span>
        <form method="post" action="/uitloggen" class="kop__uitloggen"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="knop knop--klein">Uitloggen</button></form>
        </div>
        {{/gebruiker}}
        </div>
        {{#heeftMenu}}
        <nav class="menu" aria-label="Hoofdmenu"><ul>{{#menu}}<li><a href="{{href}}"{{#actief}} aria-current="page"{{/actief}}>{{tekst}}</a></li>{{/menu}}</ul></nav>
        {{/heeftMenu}}
        </header>
        <main id="inhoud" class="inhoud" tabindex="-1">
        {{#melding}}<div class="melding" role="status"><p>{{.}}</p></div>{{/melding}}
        {{{inhoud}}}
        </main>
        <footer class="voet"><div class="voet__binnen"><p>Toedeling, Ministerie van Binnenlandse Zaken en Koninkrijksrelaties</p><ul><li><a href="/toegankelijkheid">Toegankelijkheid</a></li></ul></div></footer>
        </body>
        </html>
        """

    static let foutsamenvatting = """
        {{#heeftFouten}}
        <div class="foutsamenvatting" role="alert" aria-labelledby="{{id}}-fouttitel" tabindex="-1">
        <h2 id="{{id}}-fouttitel" class="foutsamenvatting__titel">{{foutTitel}}</h2>
        <ul>{{#fouten}}<li>{{#veld}}<a href="#{{veld}}">{{tekst}}</a>{{/veld}}{{^veld}}{{tekst}}{{/veld}}</li>{{/fouten}}</ul>
        </div>
        {{/heeftFouten}}
        """

    static let formulier = """
        {{#titel}}<details class="uitklap"{{#open}} open{{/open}}><summary class="uitklap__titel">{{titel}}</summary>{{/titel}}
        <form method="post" action="{{actie}}" class="formulier{{#gevaar}} formulier--gevaar{{/gevaar}}" id="{{id}}"{{#bestanden}} enctype="multipart/form-data"{{/bestanden}} novalidate>
        {{#uitleg}}<p class="formulier__uitleg">{{uitleg}}</p>{{/uitleg}}
        {{> foutsamenvatting}}
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#versie}}<input type="hidden" name="versie" value="{{versie}}">{{/versie}}
        {{#velden}}
        {{#isInvoer}}<div class="veld{{#fout}} veld--fout{{/fout}}"><label class="veld__label" for="{{id}}">{{label}}{{^verplicht}} <span class="optioneel">(niet verplicht)</span>{{/verplicht}}</label>{{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}{{#fout}}<p class="foutmelding" id="{{id}}-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}<input class="invoer{{#smal}} invoer--smal{{/smal}}" type="{{invoertype}}" id="{{id}}" name="{{naam}}" value="{{waarde}}"{{#beschrijving}} aria-describedby="{{beschrijving}}"{{/beschrijving}}{{#fout}} aria-invalid="true"{{/fout}}{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#inputmode}} inputmode="{{inputmode}}"{{/inputmode}}{{#verplicht}} aria-required="true"{{/verplicht}}></div>{{/isInvoer}}
        {{#isTekstvak}}<div class="veld{{#fout}} veld--fout{{/fout}}"><label class="veld__label" for="{{id}}">{{label}}{{^verplicht}} <span class="optioneel">(niet verplicht)</span>{{/verplicht}}</label>{{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}{{#fout}}<p class="foutmelding" id="{{id}}-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}<textarea class="invoer invoer--vak" id="{{id}}" name="{{naam}}" rows="5"{{#beschrijving}} aria-describedby="{{beschrijving}}"{{/beschrijving}}{{#fout}} aria-invalid="true"{{/fout}}{{#verplicht}} aria-required="true"{{/verplicht}}>{{waarde}}</textarea></div>{{/isTekstvak}}
        {{#isKeuze}}<div class="veld{{#fout}} veld--fout{{/fout}}"><label class="veld__label" for="{{id}}">{{label}}{{^verplicht}} <span class="optioneel">(niet verplicht)</span>{{/verplicht}}</label>{{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}{{#fout}}<p class="foutmelding" id="{{id}}-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}<select class="invoer invoer--keuze" id="{{id}}" name="{{naam}}"{{#beschrijving}} aria-describedby="{{beschrijving}}"{{/beschrijving}}{{#fout}} aria-invalid="true"{{/fout}}>{{#keuzes}}<option value="{{waarde}}"{{#gekozen}} selected{{/gekozen}}>{{label}}</option>{{/keuzes}}</select></div>{{/isKeuze}}
        {{#isGroep}}<div class="veld{{#fout}} veld--fout{{/fout}}"><fieldset class="groep"{{#beschrijving}} aria-describedby="{{beschrijving}}"{{/beschrijving}}><legend class="veld__label">{{label}}{{^verplicht}} <span class="optioneel">(niet verplicht)</span>{{/verplicht}}</legend>{{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}{{#fout}}<p class="foutmelding" id="{{id}}-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}{{#keuzes}}<div class="keuze"><input type="{{groeptype}}" id="{{id}}" name="{{naam}}" value="{{waarde}}"{{#gekozen}} checked{{/gekozen}}><label for="{{id}}">{{label}}</label></div>{{/keuzes}}</fieldset></div>{{/isGroep}}
        {{#isBestand}}<div class="veld{{#fout}} veld--fout{{/fout}}"><label class="veld__label" for="{{id}}">{{label}}{{^verplicht}} <span class="optioneel">(niet verplicht)</span>{{/verplicht}}</label>{{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}{{#fout}}<p class="foutmelding" id="{{id}}-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}<input class="invoer invoer--bestand" type="file" id="{{id}}" name="{{naam}}" accept="{{accept}}"{{#beschrijving}} aria-describedby="{{beschrijving}}"{{/beschrijving}}{{#fout}} aria-invalid="true"{{/fout}}{{#verplicht}} aria-required="true"{{/verplicht}}></div>{{/isBestand}}
        {{#isVinkje}}<div class="veld{{#fout}} veld--fout{{/fout}}">{{#fout}}<p class="foutmelding" id="{{id}}-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}<div class="keuze"><input type="checkbox" id="{{id}}" name="{{naam}}" value="ja"{{#aan}} checked{{/aan}}{{#beschrijving}} aria-describedby="{{beschrijving}}"{{/beschrijving}}><label for="{{id}}">{{label}}</label></div>{{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}</div>{{/isVinkje}}
        {{/velden}}
        <button type="submit" class="knop{{#gevaar}} knop--gevaar{{/gevaar}}{{^gevaar}} knop--primair{{/gevaar}}">{{knop}}</button>
        </form>
        {{#titel}}</details>{{/titel}}
        """

    static let fout = """
        <h1>{{kop}}</h1>
        <p>{{tekst}}</p>
        <p><a href="{{terug}}">{{terugTekst}}</a></p>
        """

    static let toegankelijkheid = """
        <h1>Toegankelijkheidsverklaring</h1>
        <p>Het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties wil dat iedereen Toedeling kan gebruiken. Deze verklaring gaat over de webapplicatie Toedeling op dit adres.</p>
        <h2>Nalevingsstatus</h2>
        <p>Toedeling is gebouwd om te voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau A en AA, de norm uit het Besluit digitale toegankelijkheid overheid (EN 301 549). Elke pagina wordt bij elke wijziging automatisch getoetst met axe-core in een echte browser, en de hoofdtaken worden getest met alleen het toetsenbord. Een onderzoek door een onafhankelijke deskundige is nog niet uitgevoerd; tot dat is gebeurd voldoet Toedeling gedeeltelijk aan de eisen.</p>
        <h2>Wat we hebben gedaan</h2>
        <ul>
        <li>Alle pagina's werken zonder JavaScript en zonder iets van andere websites te laden.</li>
        <li>Elk invoerveld heeft een label. Bij een fout staat bovenaan het formulier een overzicht met een link naar elk veld dat aandacht vraagt.</li>
        <li>Met de link ‘Naar de inhoud’ slaat u het menu over. De focus is altijd zichtbaar en alles werkt met het toetsenbord.</li>
        <li>Koppen staan in een logische volgorde; tabellen hebben kolomkoppen en een bijschrift.</li>
        <li>Tekst en bedieningselementen hebben een contrast van ten minste 4,5:1. De pagina's blijven bruikbaar bij 200% vergroting.</li>
        <li>De stand van zaken kan worden afgedrukt op A4 en gedownload als CSV en Markdown.</li>
        </ul>
        <h2>Bekende beperkingen</h2>
        <p>Voor tweestapsverificatie is een app nodig die codes maakt (TOTP). De geheime sleutel wordt als tekst getoond, zodat die ook zonder camera kan worden ingevoerd.</p>
        <h2>Contact</h2>
        <p>Loopt u tegen een probleem aan? Meld het bij de functioneel beheerder van Toedeling bij het ministerie. We reageren binnen vijf werkdagen. Bent u niet tevreden over onze reactie, dan kunt u zich wenden tot de Nationale ombudsman.</p>
        <p>Deze verklaring is opgesteld op 2 december 2026.</p>
        """
}
