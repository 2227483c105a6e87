extension Sjablonen {
    static let standVanZaken = """
        <h1>Stand van zaken</h1>
        <p class="inleiding">Alle dossiers zoals die waren vastgelegd op de peildatum. De uitkomst voor een moment in het verleden verandert nooit.</p>
        <form method="get" action="/rapportages/stand-van-zaken" class="filters geen-druk" aria-label="Peildatum kiezen">
        {{#formulier}}{{> foutsamenvatting}}{{/formulier}}
        <div class="filters__velden">
        <div class="veld{{#fout}} veld--fout{{/fout}}"><label class="veld__label" for="peildatum">Peildatum</label><p class="hint" id="peildatum-hint">Een datum (JJJJ-MM-DD of DD-MM-JJJJ) voor het einde van die dag, of een tijdstip (2026-12-01T14:00:00+01:00).</p>{{#fout}}<p class="foutmelding" id="peildatum-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}<input class="invoer" type="text" id="peildatum" name="peildatum" value="{{invoer}}" aria-describedby="peildatum-hint{{#fout}} peildatum-fout{{/fout}}"{{#fout}} aria-invalid="true"{{/fout}}></div>
        </div>
        <button type="submit" class="knop knop--secundair">Toon</button>
        </form>
        {{#rapport}}
        <p class="geen-druk downloads">Downloaden: <a href="{{csvHref}}" download>CSV</a> · <a href="{{markdownHref}}" download>Markdown</a>. Afdrukken op A4: gebruik Afdrukken in uw browser (Ctrl+P); menu en knoppen worden dan weggelaten.</p>
        <p class="hint">Volledig: alles wat tot {{compleetTot}} is vastgelegd, staat erin.</p>
        <div class="tabelrol" role="region" aria-labelledby="rapport-bijschrift" tabindex="0">
        <table class="tabel tabel--rapport">
        <caption id="rapport-bijschrift">Stand van zaken per {{peildatum}} ({{aantalTekst}})</caption>
        <thead><tr><th scope="col">Kenmerk</th><th scope="col">Titel</th><th scope="col">Vakdepartement</th><th scope="col">Fase</th><th scope="col">Laatste mijlpaal</th><th scope="col">VNG</th><th scope="col">IPO</th><th scope="col">UvW</th><th scope="col">UDO</th><th scope="col">Advies</th><th scope="col">Besluit</th><th scope="col">Kamerstukken</th></tr></thead>
        <tbody>
        {{#rijen}}<tr><td>{{kenmerk}}</td><td>{{titel}}</td><td>{{vakdepartement}}</td><td>{{fase}}</td><td>{{mijlpaal}}</td><td>{{vng}}</td><td>{{ipo}}</td><td>{{uvw}}</td><td>{{udo}}</td><td>{{advies}}</td><td>{{besluit}}{{#afwijking}} (afwijking){{/afwijking}}</td><td>{{kamerstukken}}</td></tr>{{/rijen}}
        {{^rijen}}<tr><td colspan="12">Op deze peildatum waren er geen dossiers.</td></tr>{{/rijen}}
        </tbody>
        </table>
        </div>
        {{/rapport}}
        """

    static let evaluatie = """
        <h1>Evaluatieoverzicht</h1>
        <p class="inleiding">Het overzicht voor de vierjaarlijkse evaluatie van het beleidskader, over de dossiers die in de gekozen periode zijn geopend.</p>
        <form method="get" action="/rapportages/evaluatie" class="filters geen-druk" aria-label="Periode kiezen">
        {{#formulier}}{{> foutsamenvatting}}{{/formulier}}
        <div class="filters__velden">
        {{#periode}}<div class="veld{{#fout}} veld--fout{{/fout}}"><label class="veld__label" for="{{id}}">{{label}} <span class="optioneel">(niet verplicht)</span></label>{{#fout}}<p class="foutmelding" id="{{id}}-fout"><span class="verborgen">Fout: </span>{{fout}}</p>{{/fout}}<input class="invoer invoer--smal" type="text" id="{{id}}" name="{{id}}" value="{{waarde}}"{{#fout}} aria-invalid="true" aria-describedby="{{id}}-fout"{{/fout}}></div>{{/periode}}
        </div>
        <button type="submit" class="knop knop--secundair">Toon</button>
        </form>
        {{#overzicht}}
        <dl class="gegevens">{{#cijfers}}<div><dt>{{term}}</dt><dd>{{waarde}}</dd></div>{{/cijfers}}</dl>
        <table class="tabel"><caption>Per bestuurslaag</caption>
        <thead><tr><th scope="col">Bestuurslaag</th><th scope="col">Geadviseerd</th><th scope="col">Gekozen</th></tr></thead>
        <tbody>{{#lagen}}<tr><td>{{laag}}</td><td>{{geadviseerd}}</td><td>{{gekozen}}</td></tr>{{/lagen}}</tbody></table>
        {{/overzicht}}
        """
}
