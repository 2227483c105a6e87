extension Sjablonen {
    static let dossiers = """
        <h1>{{kop}}</h1>
        {{#aandacht}}
        <section class="aandacht" aria-labelledby="aandacht-titel">
        <h2 id="aandacht-titel">Vraagt eerst aandacht</h2>
        <ul class="lijst">{{#punten}}<li><a href="{{href}}">{{kenmerk}} {{titel}}</a>: {{reden}}</li>{{/punten}}</ul>
        </section>
        {{/aandacht}}
        {{#archiefacties}}
        <section class="aandacht" aria-labelledby="archiefacties-titel">
        <h2 id="archiefacties-titel">Archiefactie nodig</h2>
        <ul class="lijst">{{#dossiers}}<li><a href="{{href}}">{{kenmerk}} {{titel}}</a>: {{actie}} sinds {{datum}}</li>{{/dossiers}}</ul>
        </section>
        {{/archiefacties}}
        <form method="get" action="/dossiers" class="filters" role="search" aria-label="Dossiers filteren">
        <div class="filters__velden">
        <div class="veld"><label class="veld__label" for="filter-tekst">Zoek op kenmerk of titel</label><input class="invoer" type="search" id="filter-tekst" name="tekst" value="{{filter.tekst}}"></div>
        <div class="veld"><label class="veld__label" for="filter-fase">Fase</label><select class="invoer invoer--keuze" id="filter-fase" name="fase">{{#filter.fases}}<option value="{{waarde}}"{{#gekozen}} selected{{/gekozen}}>{{label}}</option>{{/filter.fases}}</select></div>
        <div class="veld"><label class="veld__label" for="filter-vakdepartement">Vakdepartement</label><input class="invoer" type="text" id="filter-vakdepartement" name="vakdepartement" value="{{filter.vakdepartement}}"></div>
        </div>
        <button type="submit" class="knop knop--secundair">Filter</button>
        </form>
        {{#magOpenen}}<p><a class="knop knop--primair" href="/dossiers/nieuw">Nieuw dossier</a></p>{{/magOpenen}}
        <div class="tabelrol" role="region" aria-labelledby="dossiers-bijschrift" tabindex="0">
        <table class="tabel">
        <caption id="dossiers-bijschrift">{{bijschrift}}</caption>
        <thead><tr><th scope="col">Kenmerk</th><th scope="col">Titel</th><th scope="col">Vakdepartement</th><th scope="col">Fase</th><th scope="col">Bijgewerkt</th></tr></thead>
        <tbody>
        {{#rijen}}<tr><td><a href="{{href}}">{{kenmerk}}</a></td><td>{{titel}}</td><td>{{vakdepartement}}</td><td>{{fase}}</td><td>{{bijgewerkt}}</td></tr>{{/rijen}}
        {{^rijen}}<tr><td colspan="5">Geen dossiers gevonden.</td></tr>{{/rijen}}
        </tbody>
        </table>
        </div>
        {{> paginering}}
        """

    static let paginering = """
        {{#paginering}}
        <nav class="paginering" aria-label="Paginering">
        <p>Pagina {{pagina}} van {{paginas}}</p>
        <ul>
        {{#vorige}}<li><a href="{{.}}" rel="prev">Vorige pagina</a></li>{{/vorige}}
        {{#volgende}}<li><a href="{{.}}" rel="next">Volgende pagina</a></li>{{/volgende}}
        </ul>
        </nav>
        {{/paginering}}
        """

    static let dossierNieuw = """
        <h1>Nieuw dossier</h1>
        <p class="inleiding">Leg een voorstel vast om een taak of bevoegdheid aan een bestuurslaag toe te delen. Het dossier krijgt een kenmerk zodra het is geopend.</p>
        {{#formulier}}{{> formulier}}{{/formulier}}
        """

    static let dossier = """
        <p class="kruimel"><a href="{{terug}}">{{terugTekst}}</a></p>
        <h1><span class="kenmerk">{{kenmerk}}</span> {{titel}}</h1>
        <p class="fase">Fase: <strong>{{fase}}</strong> · versie {{versie}} · bijgewerkt {{bijgewerkt}}</p>
        {{#vernietigd}}<div class="melding" role="status"><p>{{vernietigd}}</p></div>{{/vernietigd}}
        {{#conflict}}<div class="foutsamenvatting" role="alert" tabindex="-1"><h2 class="foutsamenvatting__titel">Iemand anders was u voor</h2><p>{{.}}</p></div>{{/conflict}}
        <p><a href="{{tijdlijnHref}}">Bekijk de tijdlijn</a></p>
        {{#verzegeld}}<p class="hint">{{verzegeld}}</p>{{/verzegeld}}
        <section aria-labelledby="voorstel-titel">
        <h2 id="voorstel-titel">Voorstel</h2>
        <p>{{omschrijving}}</p>
        <dl class="gegevens">{{#gegevens}}<div><dt>{{term}}</dt><dd>{{waarde}}</dd></div>{{/gegevens}}</dl>
        </section>
        <section aria-labelledby="consultatie-titel">
        <h2 id="consultatie-titel">Consultatie van de koepels</h2>
        {{^consultaties}}<p>Er is nog geen consultatieronde geopend.</p>{{/consultaties}}
        {{#consultaties}}
        <h3>Ronde {{ronde}} ({{status}})</h3>
        <p>Uitgenodigd: {{koepels}}. Termijn: {{termijn}}{{#dagen}} ({{dagen}}){{/dagen}}.</p>
        {{#verborgen}}<p class="hint">{{verborgen}}</p>{{/verborgen}}
        <table class="tabel">
        <caption>Reacties in ronde {{ronde}}</caption>
        <thead><tr><th scope="col">Koepel</th><th scope="col">Standpunt</th><th scope="col">Ingediend</th><th scope="col">Toelichting</th></tr></thead>
        <tbody>
        {{#reacties}}<tr><td>{{koepel}}</td><td>{{standpunt}}{{#teLaat}} <span class="label">te laat</span>{{/teLaat}}</td><td>{{ingediend}}{{#door}}<br><span class="hint">geregistreerd door {{door}}</span>{{/door}}</td><td>{{toelichting}}{{#kenmerk}}<br><span class="hint">kenmerk {{kenmerk}}</span>{{/kenmerk}}</td></tr>{{/reacties}}
        {{^reacties}}<tr><td colspan="4">Nog geen reacties.</td></tr>{{/reacties}}
        </tbody>
        </table>
        {{/consultaties}}
        </section>
        <section aria-labelledby="toetsing-titel">
        <h2 id="toetsing-titel">Toetsing aan het afwegingskader</h2>
        {{^toetsing}}<p>Het voorstel is nog niet getoetst.</p>{{/toetsing}}
        {{#toetsing}}
        <p>Advies: <strong>{{advies}}</strong>{{#alternatieven}}; alternatieven: {{alternatieven}}{{/alternatieven}}.{{#udoVereist}} Een uitvoerbaarheidstoets decentrale overheden (UDO) is vereist.{{/udoVereist}}</p>
        <dl class="gegevens">{{#kenmerken}}<div><dt>{{term}}</dt><dd>{{waarde}}</dd></div>{{/kenmerken}}</dl>
        <h3>Regels die het advies bepalen</h3>
        <ol class="regels">{{#regels}}<li><strong>{{id}}</strong>: {{toelichting}}<blockquote class="citaat"><p>{{citaat}}</p><footer>Uit de Kamerbrief over het beleidskader taaktoedeling</footer></blockquote></li>{{/regels}}</ol>
        {{#waarschuwingen}}<div class="waarschuwing"><p>{{.}}</p></div>{{/waarschuwingen}}
        {{#toelichting}}<p>Toelichting: {{toelichting}}</p>{{/toelichting}}
        {{/toetsing}}
        </section>
        {{#financieel}}
        <section aria-labelledby="financieel-titel">
        <h2 id="financieel-titel">Financiële gevolgen</h2>
        <dl class="gegevens"><div><dt>Structurele kosten</dt><dd>{{structureel}} per jaar</dd></div><div><dt>Incidentele kosten</dt><dd>{{incidenteel}}</dd></div><div><dt>Dekking</dt><dd>{{dekking}}</dd></div><div><dt>Toelichting</dt><dd>{{toelichting}}</dd></div></dl>
        </section>
        {{/financieel}}
        {{#udo}}
        <section aria-labelledby="udo-titel">
        <h2 id="udo-titel">Uitvoerbaarheid (UDO)</h2>
        <dl class="gegevens"><div><dt>Status</dt><dd>{{status}}</dd></div><div><dt>Aangevraagd</dt><dd>{{aangevraagd}}: {{toelichting}}</dd></div>{{#termijn}}<div><dt>Termijn</dt><dd>{{termijn}}</dd></div>{{/termijn}}{{#uitkomst}}<div><dt>Uitkomst</dt><dd>{{uitkomst}}: {{samenvatting}}</dd></div>{{/uitkomst}}{{#vindplaats}}<div><dt>Vindplaats</dt><dd>{{vindplaats}}</dd></div>{{/vindplaats}}</dl>
        </section>
        {{/udo}}
        {{#besluit}}
        <section aria-labelledby="besluit-titel">
        <h2 id="besluit-titel">Besluit</h2>
        <p>Toegedeeld aan: <strong>{{bestuurslaag}}</strong>{{#afwijking}} <span class="label">wijkt af van het advies ({{geadviseerd}})</span>{{/afwijking}}.</p>
        <p>Motivering: {{motivering}}</p>
        </section>
        {{/besluit}}
        {{#intrekking}}<section aria-labelledby="intrekking-titel"><h2 id="intrekking-titel">Ingetrokken</h2><p>{{.}}</p></section>{{/intrekking}}
        {{#heeftHeropeningen}}<section aria-labelledby="heropening-titel"><h2 id="heropening-titel">Heropeningen</h2><ul class="lijst">{{#heropeningen}}<li>{{.}}</li>{{/heropeningen}}</ul></section>{{/heeftHeropeningen}}
        <section aria-labelledby="kamerstukken-titel">
        <h2 id="kamerstukken-titel">Kamerstukken</h2>
        {{^kamerstukken}}<p>Er zijn nog geen Kamerstukken gekoppeld.</p>{{/kamerstukken}}
        {{#heeftKamerstukken}}<ul class="lijst">{{#kamerstukken}}<li>Kamerstuk {{nummer}}, {{titel}} ({{datum}})</li>{{/kamerstukken}}</ul>{{/heeftKamerstukken}}
        </section>
        {{#archief}}<section aria-labelledby="archief-titel">
        <h2 id="archief-titel">Archief</h2>
        <dl class="gegevens">{{#gegevens}}<div><dt>{{term}}</dt><dd>{{waarde}}</dd></div>{{/gegevens}}</dl>
        </section>{{/archief}}
        <section aria-labelledby="documenten-titel">
        <h2 id="documenten-titel">Documenten</h2>
        {{^documenten}}<p>Er zijn nog geen documenten.</p>{{/documenten}}
        {{#heeftDocumenten}}<table class="tabel">
        <caption>Documenten bij {{kenmerk}}</caption>
        <thead><tr><th scope="col">Titel</th><th scope="col">Soort</th><th scope="col">Bestand</th><th scope="col">Toegevoegd</th></tr></thead>
        <tbody>
        {{#documenten}}<tr><td><a href="{{href}}" download>{{titel}}<span class="verborgen"> downloaden</span></a>{{#documentversie}}<br><span class="hint">{{documentversie}}</span>{{/documentversie}}{{#intern}} <span class="label">intern</span>{{/intern}}</td><td>{{soort}}</td><td>{{bestandsnaam}}<br><span class="hint">{{type}}, {{omvang}}</span></td><td>{{toegevoegd}}<br><span class="hint">door {{door}}</span></td></tr>{{/documenten}}
        </tbody>
        </table>{{/heeftDocumenten}}
        </section>
        <section aria-labelledby="acties-titel" class="acties">
        <h2 id="acties-titel">Wat u nu kunt doen</h2>
        {{^acties}}{{^documentFormulier}}{{^archiveringFormulier}}<p>In deze fase kunt u met uw rol niets aan dit dossier veranderen.</p>{{/archiveringFormulier}}{{/documentFormulier}}{{/acties}}
        {{#acties}}{{> formulier}}{{/acties}}
        {{#documentFormulier}}{{> formulier}}{{/documentFormulier}}
        {{#archiveringFormulier}}{{> formulier}}{{/archiveringFormulier}}
        </section>
        """

    static let tijdlijn = """
        <p class="kruimel"><a href="{{dossierHref}}">Terug naar {{kenmerk}}</a></p>
        <h1>Tijdlijn van {{kenmerk}}</h1>
        <p class="inleiding">{{titel}}</p>
        <ol class="tijdlijn">
        {{#regels}}<li><p class="tijdlijn__moment">{{moment}} · {{door}}</p><p>{{omschrijving}}</p></li>{{/regels}}
        </ol>
        {{> paginering}}
        """

    static let consultaties = """
        <h1>Consultaties voor {{koepel}}</h1>
        <p class="inleiding">De consultatierondes waarvoor {{koepel}} is uitgenodigd. Open rondes staan bovenaan.</p>
        <div class="tabelrol" role="region" aria-labelledby="rondes-bijschrift" tabindex="0">
        <table class="tabel">
        <caption id="rondes-bijschrift">Consultatierondes</caption>
        <thead><tr><th scope="col">Dossier</th><th scope="col">Ronde</th><th scope="col">Status</th><th scope="col">Termijn</th><th scope="col">Uw reactie</th></tr></thead>
        <tbody>
        {{#rondes}}<tr><td><a href="{{href}}">{{kenmerk}} {{titel}}</a></td><td>{{ronde}}</td><td>{{status}}</td><td>{{termijn}}{{#dagen}} ({{dagen}}){{/dagen}}</td><td>{{reactie}}</td></tr>{{/rondes}}
        {{^rondes}}<tr><td colspan="5">U bent nog niet uitgenodigd voor een consultatie.</td></tr>{{/rondes}}
        </tbody>
        </table>
        </div>
        {{> paginering}}
        """

    static let ontvangstbewijs = """
        <div class="bevestiging" role="status">
        <h1>Uw reactie is ontvangen</h1>
        <p>Referentie: <strong class="referentie">{{referentie}}</strong></p>
        </div>
        <dl class="gegevens">
        <div><dt>Dossier</dt><dd>{{kenmerk}} {{titel}}</dd></div>
        <div><dt>Ronde</dt><dd>{{ronde}}</dd></div>
        <div><dt>Koepel</dt><dd>{{koepel}}</dd></div>
        <div><dt>Standpunt</dt><dd>{{standpunt}}</dd></div>
        <div><dt>Ontvangen op</dt><dd>{{ontvangen}}{{#teLaat}} (na de termijn){{/teLaat}}</dd></div>
        <div><dt>Geregistreerd door</dt><dd>{{door}}</dd></div>
        </dl>
        <p>Bewaar deze referentie. De reacties van de andere koepels kunt u lezen zodra de ronde is gesloten.</p>
        <p><a href="{{dossierHref}}">Terug naar het dossier</a> · <a href="/consultaties">Naar uw consultaties</a></p>
        """
}

extension Sjablonen {
    static let vernietigingslijsten = """
        <h1>Vernietigingslijsten</h1>
        <p class="inleiding">Dossiers met archiefnominatie vernietigen worden vernietigd op een lijst die de ene coördinator voorstelt en een andere goedkeurt. Van een vernietigd dossier blijven het kenmerk, de titel, de selectielijstcategorie en de datums bewaard, en de verklaring van vernietiging.</p>
        {{#voorstel}}{{> formulier}}{{/voorstel}}
        {{^voorstel}}<p>Er zijn nu geen dossiers waarvan de archiefactiedatum is gekomen en die vernietigd mogen worden.</p>{{/voorstel}}
        <h2>Lijsten</h2>
        {{#heeftLijsten}}<div class="tabelrol" role="region" aria-labelledby="lijsten-bijschrift" tabindex="0">
        <table class="tabel">
        <caption id="lijsten-bijschrift">Alle vernietigingslijsten, nieuwste eerst</caption>
        <thead><tr><th scope="col">Lijst</th><th scope="col">Status</th><th scope="col">Dossiers</th><th scope="col">Voorgesteld door</th><th scope="col">Voorgesteld op</th></tr></thead>
        <tbody>
        {{#lijsten}}<tr><td><a href="{{href}}">{{lijstNummer}}</a></td><td>{{statusTekst}}</td><td>{{aantal}}</td><td>{{voorsteller}}</td><td>{{voorgesteldOp}}</td></tr>{{/lijsten}}
        </tbody>
        </table>
        </div>{{/heeftLijsten}}
        {{^heeftLijsten}}<p>Er zijn nog geen vernietigingslijsten.</p>{{/heeftLijsten}}
        """

    static let vernietigingslijst = """
        <h1>Vernietigingslijst {{lijstNummer}}</h1>
        <dl class="gegevens">
        <div><dt>Status</dt><dd>{{statusTekst}}</dd></div>
        <div><dt>Voorgesteld door</dt><dd>{{voorsteller}} op {{voorgesteldOp}}</dd></div>
        {{#beoordeling}}<div><dt>Beoordeeld door</dt><dd>{{beoordelaar}} op {{beoordeeldOp}}</dd></div>
        {{#reden}}<div><dt>Reden van afwijzing</dt><dd>{{reden}}</dd></div>{{/reden}}{{/beoordeling}}
        </dl>
        {{#verklaring}}<p><a href="{{htmlHref}}">Verklaring van vernietiging</a> · <a href="{{csvHref}}">als CSV</a></p>{{/verklaring}}
        <div class="tabelrol" role="region" aria-labelledby="regels-bijschrift" tabindex="0">
        <table class="tabel">
        <caption id="regels-bijschrift">De dossiers op deze lijst</caption>
        <thead><tr><th scope="col">Kenmerk</th><th scope="col">Titel</th><th scope="col">Categorie</th><th scope="col">Archiefactiedatum</th><th scope="col">Vernietigd op</th></tr></thead>
        <tbody>
        {{#regels}}<tr><td><a href="{{href}}">{{kenmerk}}</a></td><td>{{titelDossier}}</td><td>{{categorie}}</td><td>{{archiefactiedatum}}</td><td>{{vernietigdOp}}</td></tr>{{/regels}}
        </tbody>
        </table>
        </div>
        {{#eigenLijst}}<p>U hebt deze lijst voorgesteld. Een andere coördinator keurt haar goed of wijst haar af.</p>{{/eigenLijst}}
        {{#goedkeuren}}{{> formulier}}{{/goedkeuren}}
        {{#afwijzen}}{{> formulier}}{{/afwijzen}}
        <p><a href="/vernietigingslijsten">Alle vernietigingslijsten</a></p>
        """
}
