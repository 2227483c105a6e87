import Crypto
import Foundation
import Taaktoedeling

/// The one style sheet, served from `/static/` under a name with its content hash, so it can be
/// cached for a year. Colours, spacing and type scale follow the public Rijkshuisstijl community
/// design tokens of NL Design System (`--rhc-…`); fonts are the system's.
enum Stijl {
    static let css = """
        :root {
          --rhc-color-lintblauw-500: #01689b;
          --rhc-color-donkerblauw-500: #154273;
          --rhc-color-hemelblauw-100: #e5f0f9;
          --rhc-color-grijs-100: #f3f3f3;
          --rhc-color-grijs-300: #cccccc;
          --rhc-color-grijs-700: #535353;
          --rhc-color-zwart: #000000;
          --rhc-color-wit: #ffffff;
          --rhc-color-rood-500: #d52b1e;
          --rhc-color-groen-500: #39870c;
          --rhc-color-donkergeel-500: #ffb612;
          --rhc-space-100: 0.25rem; --rhc-space-200: 0.5rem; --rhc-space-300: 0.75rem; --rhc-space-400: 1rem;
          --rhc-space-600: 1.5rem; --rhc-space-800: 2rem; --rhc-space-1200: 3rem;
          --rhc-font-size-sm: 0.875rem; --rhc-font-size-md: 1.125rem; --rhc-font-size-lg: 1.5rem; --rhc-font-size-xl: 2rem;
          --toedeling-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        * { box-sizing: border-box; }
        html { font-family: var(--toedeling-font); font-size: 100%; line-height: 1.5; color: var(--rhc-color-zwart); background: var(--rhc-color-wit); }
        body { margin: 0; font-size: var(--rhc-font-size-md); }
        a { color: var(--rhc-color-lintblauw-500); text-underline-offset: 0.15em; }
        a:hover { color: var(--rhc-color-donkerblauw-500); text-decoration-thickness: 0.15em; }
        :focus-visible { outline: 3px solid var(--rhc-color-zwart); outline-offset: 2px; box-shadow: 0 0 0 6px var(--rhc-color-donkergeel-500); }
        h1 { font-size: var(--rhc-font-size-xl); line-height: 1.2; margin: var(--rhc-space-600) 0 var(--rhc-space-400); color: var(--rhc-color-donkerblauw-500); }
        h2 { font-size: var(--rhc-font-size-lg); line-height: 1.25; margin: var(--rhc-space-800) 0 var(--rhc-space-300); color: var(--rhc-color-donkerblauw-500); }
        h3 { font-size: 1.25rem; margin: var(--rhc-space-600) 0 var(--rhc-space-200); }
        .skiplink { position: absolute; left: -9999px; top: 0; background: var(--rhc-color-donkergeel-500); color: var(--rhc-color-zwart); padding: var(--rhc-space-300) var(--rhc-space-400); z-index: 10; }
        .skiplink:focus { left: var(--rhc-space-400); }
        .kop { background: var(--rhc-color-donkerblauw-500); color: var(--rhc-color-wit); }
        .kop__binnen, .menu ul, .inhoud, .voet__binnen { max-width: 72rem; margin: 0 auto; padding: 0 var(--rhc-space-400); }
        .kop__binnen { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--rhc-space-400); padding-top: var(--rhc-space-400); padding-bottom: var(--rhc-space-400); }
        .kop__naam { color: var(--rhc-color-wit); font-size: var(--rhc-font-size-lg); font-weight: bold; text-decoration: none; }
        .kop__naam:hover { color: var(--rhc-color-wit); text-decoration: underline; }
        .kop__ondertitel { display: block; font-size: var(--rhc-font-size-sm); font-weight: normal; }
        .kop__gebruiker { display: flex; flex-wrap: wrap; align-items: center; gap: var(--rhc-space-300); }
        .kop__uitloggen { margin: 0; }
        .menu { background: var(--rhc-color-lintblauw-500); }
        .menu ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0 var(--rhc-space-400); padding-top: var(--rhc-space-200); padding-bottom: var(--rhc-space-200); margin-top: 0; margin-bottom: 0; }
        .menu a { color: var(--rhc-color-wit); display: inline-block; padding: var(--rhc-space-200) 0; }
        .menu a[aria-current="page"] { font-weight: bold; text-decoration-thickness: 0.2em; }
        .inhoud { padding-bottom: var(--rhc-space-1200); display: block; }
        .inhoud:focus { outline: none; box-shadow: none; }
        .inleiding { font-size: 1.25rem; max-width: 48rem; }
        .voet { background: var(--rhc-color-grijs-100); border-top: 4px solid var(--rhc-color-donkerblauw-500); padding: var(--rhc-space-600) 0; font-size: var(--rhc-font-size-sm); }
        .voet ul { list-style: none; padding: 0; }
        .knop { display: inline-block; font: inherit; font-size: 1rem; font-weight: bold; line-height: 1.25; padding: var(--rhc-space-300) var(--rhc-space-600); border: 2px solid var(--rhc-color-lintblauw-500); border-radius: 0; cursor: pointer; text-decoration: none; min-height: 44px; }
        .knop--primair { background: var(--rhc-color-lintblauw-500); color: var(--rhc-color-wit); }
        .knop--primair:hover { background: var(--rhc-color-donkerblauw-500); border-color: var(--rhc-color-donkerblauw-500); color: var(--rhc-color-wit); }
        .knop--secundair { background: var(--rhc-color-wit); color: var(--rhc-color-lintblauw-500); }
        .knop--gevaar { background: var(--rhc-color-wit); color: #a90000; border-color: #a90000; }
        .knop--klein { background: var(--rhc-color-wit); color: var(--rhc-color-donkerblauw-500); border-color: var(--rhc-color-wit); padding: var(--rhc-space-100) var(--rhc-space-300); min-height: 0; }
        .formulier { max-width: 40rem; margin: var(--rhc-space-600) 0; padding: var(--rhc-space-600); border-left: 4px solid var(--rhc-color-lintblauw-500); background: var(--rhc-color-hemelblauw-100); }
        .formulier--gevaar { border-left-color: #a90000; background: var(--rhc-color-grijs-100); }
        .formulier__titel { margin-top: 0; }
        .uitklap { margin: var(--rhc-space-400) 0; border: 2px solid var(--rhc-color-lintblauw-500); max-width: 44rem; }
        .uitklap__titel { cursor: pointer; padding: var(--rhc-space-300) var(--rhc-space-400); font-weight: bold; color: var(--rhc-color-lintblauw-500); min-height: 44px; }
        .uitklap[open] > .uitklap__titel { border-bottom: 2px solid var(--rhc-color-lintblauw-500); }
        .uitklap > .formulier { margin: 0; border-left: 0; max-width: none; }
        .veld { margin-bottom: var(--rhc-space-600); }
        .veld__label { display: block; font-weight: bold; margin-bottom: var(--rhc-space-100); }
        .optioneel { font-weight: normal; }
        .hint { color: var(--rhc-color-grijs-700); margin: 0 0 var(--rhc-space-200); font-size: 1rem; }
        .invoer { font: inherit; font-size: 1rem; width: 100%; max-width: 36rem; padding: var(--rhc-space-200); border: 2px solid var(--rhc-color-zwart); border-radius: 0; background: var(--rhc-color-wit); color: var(--rhc-color-zwart); min-height: 44px; }
        .invoer--smal { max-width: 14rem; }
        .invoer--vak { min-height: 8rem; }
        .groep { border: 0; padding: 0; margin: 0; }
        .keuze { display: flex; align-items: flex-start; gap: var(--rhc-space-200); margin: var(--rhc-space-200) 0; }
        .keuze input { width: 1.5rem; height: 1.5rem; margin: 0.1rem 0 0; flex: none; }
        .veld--fout { border-left: 4px solid var(--rhc-color-rood-500); padding-left: var(--rhc-space-400); }
        .veld--fout .invoer { border-color: var(--rhc-color-rood-500); }
        .foutmelding { color: #b01a0f; font-weight: bold; margin: 0 0 var(--rhc-space-200); }
        .foutsamenvatting { border: 4px solid var(--rhc-color-rood-500); padding: var(--rhc-space-400) var(--rhc-space-600); margin: var(--rhc-space-600) 0; background: var(--rhc-color-wit); }
        .foutsamenvatting__titel { margin-top: 0; color: var(--rhc-color-zwart); font-size: 1.25rem; }
        .foutsamenvatting a { color: #b01a0f; font-weight: bold; }
        .melding, .bevestiging { border-left: 6px solid var(--rhc-color-groen-500); background: #eef6e8; padding: var(--rhc-space-300) var(--rhc-space-600); margin: var(--rhc-space-600) 0; }
        .bevestiging h1 { margin-top: var(--rhc-space-300); }
        .waarschuwing { border-left: 6px solid var(--rhc-color-donkergeel-500); background: #fff6df; padding: var(--rhc-space-200) var(--rhc-space-400); margin: var(--rhc-space-400) 0; }
        .verborgen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .tabelrol { overflow-x: auto; max-width: 100%; }
        .tabel { border-collapse: collapse; width: 100%; margin: var(--rhc-space-400) 0; font-size: 1rem; }
        .tabel caption { text-align: left; font-weight: bold; padding: var(--rhc-space-200) 0; }
        .tabel th, .tabel td { text-align: left; vertical-align: top; padding: var(--rhc-space-200) var(--rhc-space-300); border-bottom: 1px solid var(--rhc-color-grijs-300); }
        .tabel th { border-bottom: 2px solid var(--rhc-color-zwart); }
        .gegevens { display: grid; gap: var(--rhc-space-200); margin: var(--rhc-space-400) 0; }
        .gegevens div { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: var(--rhc-space-400); }
        .gegevens dt { font-weight: bold; }
        .gegevens dd { margin: 0; }
        .kenmerk { color: var(--rhc-color-grijs-700); font-weight: normal; }
        .label { display: inline-block; background: var(--rhc-color-grijs-100); border: 1px solid var(--rhc-color-grijs-700); padding: 0 var(--rhc-space-200); font-size: var(--rhc-font-size-sm); }
        .citaat { border-left: 4px solid var(--rhc-color-grijs-300); margin: var(--rhc-space-200) 0 var(--rhc-space-400); padding-left: var(--rhc-space-400); font-style: italic; }
        .citaat footer { font-style: normal; font-size: var(--rhc-font-size-sm); color: var(--rhc-color-grijs-700); }
        .tijdlijn { list-style: none; padding: 0; border-left: 4px solid var(--rhc-color-lintblauw-500); }
        .tijdlijn li { padding: 0 0 var(--rhc-space-400) var(--rhc-space-600); }
        .tijdlijn p { margin: 0; }
        .tijdlijn__moment { color: var(--rhc-color-grijs-700); font-size: 1rem; }
        .filters { background: var(--rhc-color-grijs-100); padding: var(--rhc-space-400); margin: var(--rhc-space-400) 0; }
        .filters__velden { display: flex; flex-wrap: wrap; gap: 0 var(--rhc-space-600); }
        .filters .veld { flex: 1 1 14rem; margin-bottom: var(--rhc-space-400); }
        .aandacht { border-left: 6px solid var(--rhc-color-donkergeel-500); background: #fff6df; padding: var(--rhc-space-200) var(--rhc-space-600); }
        .aandacht h2 { margin-top: var(--rhc-space-300); }
        .paginering ul { list-style: none; padding: 0; display: flex; gap: var(--rhc-space-600); }
        .sleutel { display: inline-block; font-size: 1.125rem; background: var(--rhc-color-grijs-100); padding: var(--rhc-space-100) var(--rhc-space-200); word-break: break-all; }
        .referentie { font-size: 1.25rem; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          html { font-size: 9pt; }
          body { font-size: 9pt; }
          .kop, .menu, .voet, .skiplink, .geen-druk, .kop__uitloggen { display: none !important; }
          .inhoud { max-width: none; padding: 0; }
          .tabelrol { overflow: visible; }
          h1 { font-size: 14pt; color: #000; margin: 0 0 4mm; }
          .inleiding { font-size: 9pt; }
          .tabel--rapport { font-size: 8pt; }
          .tabel th, .tabel td { padding: 1mm 1.5mm; border-bottom: 0.5pt solid #000; }
          .tabel thead { display: table-header-group; }
          .tabel tr { page-break-inside: avoid; }
          a { color: #000; text-decoration: none; }
        }
        """

    static let inhoud = Data(css.utf8)
    /// `/static/toedeling-<first 12 hex digits of SHA-256>.css`.
    static let pad: String = {
        let hash = SHA256.hash(data: inhoud).hexadecimaal
        return "/static/toedeling-\(hash.prefix(12)).css"
    }()
}
