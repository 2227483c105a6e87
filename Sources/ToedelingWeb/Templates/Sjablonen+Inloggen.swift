extension Sjablonen {
    static let inloggen = """
        <h1>Inloggen</h1>
        {{#inlogprovider}}
        <p class="inleiding">Log in met het account van uw organisatie.</p>
        <p><a class="knop knop--primair" id="inloggen-provider" href="{{providerHref}}">Inloggen met {{providerNaam}}</a></p>
        {{^alleenProvider}}<h2>Of met uw wachtwoord voor Toedeling</h2>{{/alleenProvider}}
        {{/inlogprovider}}
        {{#formulier}}
        {{^inlogprovider}}<p class="inleiding">Log in met het e-mailadres en het wachtwoord van uw account bij Toedeling.</p>{{/inlogprovider}}
        {{> formulier}}
        <p>Nog geen wachtwoord, of bent u het kwijt? De beheerder van Toedeling stuurt u een link om een wachtwoord in te stellen.</p>
        {{/formulier}}
        """

    static let activerenProvider = """
        <h1>Uw account is klaar</h1>
        <p class="inleiding">Welkom, {{accountNaam}}. U hoeft geen wachtwoord in te stellen: u logt bij Toedeling in met het account van uw organisatie ({{providerNaam}}), met het e-mailadres <strong>{{accountEmail}}</strong>.</p>
        <p><a class="knop knop--primair" href="/inloggen">Naar inloggen</a></p>
        """

    static let code = """
        <h1>Tweestapsverificatie</h1>
        <p class="inleiding">Vul de code van zes cijfers in die uw authenticator-app nu toont.</p>
        {{#formulier}}{{> formulier}}{{/formulier}}
        """

    static let activeren = """
        <h1>Wachtwoord instellen</h1>
        <p class="inleiding">Welkom, {{naam}}. Stel een wachtwoord in voor uw account <strong>{{email}}</strong>. Daarna logt u in.</p>
        {{#formulier}}{{> formulier}}{{/formulier}}
        """

    static let activatieOngeldig = """
        <h1>Deze link werkt niet meer</h1>
        <p>De link om een wachtwoord in te stellen is onbekend, al gebruikt of verlopen (een link is 72 uur geldig). Vraag de beheerder van Toedeling om een nieuwe link.</p>
        <p><a href="/inloggen">Naar inloggen</a></p>
        """

    static let account = """
        <h1>Uw account</h1>
        <dl class="gegevens">
        <div><dt>Naam</dt><dd>{{naam}}</dd></div>
        <div><dt>E-mailadres</dt><dd>{{email}}</dd></div>
        <div><dt>Rol</dt><dd>{{rolTekst}}</dd></div>
        {{#koepel}}<div><dt>Koepel</dt><dd>{{koepel}}</dd></div>{{/koepel}}
        <div><dt>Tweestapsverificatie</dt><dd>{{#tweestap}}Aan{{/tweestap}}{{^tweestap}}Uit{{/tweestap}}</dd></div>
        </dl>
        <h2>Tweestapsverificatie</h2>
        {{#tweestap}}
        <p>Bij het inloggen vragen we na uw wachtwoord een code uit uw authenticator-app.</p>
        {{^verplicht}}{{#uitzetten}}{{> formulier}}{{/uitzetten}}{{/verplicht}}
        {{#verplicht}}<p>Tweestapsverificatie is voor alle accounts verplicht en kan niet worden uitgezet.</p>{{/verplicht}}
        {{/tweestap}}
        {{^tweestap}}
        <p>Met tweestapsverificatie is uw account beter beschermd: naast uw wachtwoord is een code uit een app op uw telefoon nodig.</p>
        {{#aanzetten}}{{> formulier}}{{/aanzetten}}
        {{/tweestap}}
        """

    static let tweestapInstellen = """
        <h1>Tweestapsverificatie instellen</h1>
        {{#verplicht}}<p class="inleiding">Voor Toedeling is tweestapsverificatie verplicht. Stel die nu in; daarna bent u ingelogd.</p>{{/verplicht}}
        <ol class="stappen">
        <li>Open een authenticator-app (bijvoorbeeld die van uw organisatie) en kies ‘account toevoegen’.</li>
        <li>Voer deze geheime sleutel in: <code class="sleutel">{{sleutel}}</code> (tijdgebaseerd, 6 cijfers, elke 30 seconden). Of gebruik deze koppeling: <code class="sleutel">{{url}}</code></li>
        <li>Vul hieronder de code in die de app toont.</li>
        </ol>
        {{#formulier}}{{> formulier}}{{/formulier}}
        """
}
