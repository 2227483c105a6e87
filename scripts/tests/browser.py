#!/usr/bin/env python3
"""Browser tests of Toedeling's web application in a real headless Chromium, with axe-core on
every page. Started by scripts/tests/browser.sh, which starts the server and creates the accounts
(their passwords come in TOEDELING_BROWSER_PASSWORDS as email=password lines).

Each user group's main task end to end:
  1. a coordinator opens a dossier (after a refused empty form) and opens a round for VNG and IPO;
  2. VNG submits its reactie by keyboard alone (skip link, tabbing, visible focus) and gets a
     receipt; IPO does not see VNG's reactie while the round is open;
  3. the coordinator takes the dossier on to besluit: closes the round, records the assessment
     (the advice with its rules and the sentences of the letter), the financial consequences, the
     UDO and a decision that deviates from the advice (asked for its motivering first);
  4. a liaison links a Kamerstuk and pulls the stand van zaken: on screen, printed to an A4 PDF
     (the print stylesheet hides the menu), and as CSV and Markdown downloads;
  5. a new account sets its password through its activation link (a weak one refused first), sets
     up two-step verification and logs in with a code;
  6. documents: the coordinator uploads a PDF (after a refused file of the wrong type), VNG sends
     its signed letter with its reactie, IPO does not see that letter while the round is open, and
     the coordinator downloads both and gets the same bytes.
Every page is screenshot into the artifacts folder and checked with axe-core: a violation of impact
"serious" or "critical" fails the run. The main pages are also checked at 200 % zoom (no
horizontal scrolling).
"""

import argparse
import base64
import hashlib
import hmac
import struct
import time
import json
import os
import pathlib
import re
import sys
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Browser:
    def __init__(self, base_url, axe_path, artifacts):
        self.base = base_url.rstrip("/")
        self.axe = pathlib.Path(axe_path).read_text(encoding="utf-8")
        self.artifacts = pathlib.Path(artifacts)
        self.shots = 0
        self.violations = []
        self.checked = []
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                    "--lang=nl-NL", "--disable-gpu", "--no-first-run"):
            options.add_argument(arg)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(30)
        self.wait = WebDriverWait(self.driver, 10)

    # -- navigation and checks --------------------------------------------------------------------

    def open(self, path):
        self.driver.get(self.base + path)
        return self

    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def page(self, name):
        """A screenshot and an axe-core run of the current page."""
        self.shots += 1
        self.screenshot(f"{self.shots:02d}-{name}")
        # Nothing is loaded from elsewhere, and the style sheet carries its content hash in its name.
        resources = self.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([...document.styleSheets].map(s => s.href || ''));"
        )
        outside = [r for r in resources if r and not r.startswith(self.base + "/")]
        check(not outside, f"{name} loads from elsewhere: {outside}")
        check(any(re.search(r"/static/toedeling-[0-9a-f]{12}\.css$", r) for r in resources), f"{name} has no content-hashed style sheet")
        result = self.axe_run()
        check("error" not in result, f"axe-core failed on {name}: {result.get('error')}")
        (self.artifacts / f"{self.shots:02d}-{name}.axe.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        self.checked.append(name)
        for v in serious:
            self.violations.append((name, self.path(), v))
        return self

    def screenshot(self, name):
        """The whole page, not only the window."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        })
        (self.artifacts / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))

    def axe_run(self):
        self.driver.execute_script(self.axe)
        return self.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
               .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))}))
               .catch(e => done({error: String(e)}));
            """
        )

    def axe_can_fail(self):
        """axe-core finds a flaw put in on purpose, so a clean run means something."""
        self.open("/inloggen")
        self.driver.execute_script(
            "const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').appendChild(i);"
            "const p = document.createElement('p'); p.textContent = 'grijs op grijs'; p.style.color = '#bbb';"
            "p.style.background = '#ccc'; document.querySelector('main').appendChild(p);"
        )
        found = {v["id"] for v in self.axe_run()["violations"] if v["impact"] in ("serious", "critical")}
        check({"label", "color-contrast"} <= found, f"axe-core did not find the planted flaws (found {sorted(found)})")

    def field(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def type(self, element_id, text):
        element = self.field(element_id)
        element.clear()
        element.send_keys(text)

    def click(self, element_id):
        self.field(element_id).click()

    def unfold(self, form_id):
        """Opens the <details> an action form sits in."""
        form = self.field(form_id)
        details = form.find_element(By.XPATH, "./ancestor::details[1]")
        if details.get_attribute("open") is None:
            details.find_element(By.TAG_NAME, "summary").click()
        return form

    def navigating(self, action):
        """Runs `action` (a click or key that leaves the page) and waits for the next page."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        action()

        def gone(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True

        self.wait.until(gone)
        self.wait.until(lambda d: d.execute_script("return document.readyState") == "complete")

    def submit(self, form_id):
        form = self.field(form_id)
        self.navigating(form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)

    def login(self, email, password, expect):
        self.open("/inloggen")
        self.type("inloggen-email", email)
        self.type("inloggen-wachtwoord", password)
        self.submit("inloggen")
        check(self.path() == expect, f"logging in as {email} led to {self.path()}, expected {expect}")

    def logout(self):
        self.navigating(self.driver.find_element(By.CSS_SELECTOR, "form[action='/uitloggen'] button").click)
        check(self.path().startswith("/inloggen"), f"logout led to {self.path()}")

    def keys(self, *keys):
        webdriver.ActionChains(self.driver).send_keys(*keys).perform()

    def active(self):
        return self.driver.switch_to.active_element

    def focus_is_visible(self):
        style = self.driver.execute_script(
            "const s = getComputedStyle(document.activeElement);"
            "return [s.outlineStyle, s.outlineWidth, s.boxShadow];"
        )
        return (style[0] != "none" and style[1] not in ("0px", "")) or (style[2] not in ("none", ""))

    def tab_to(self, matches, what, limit=120):
        """Presses Tab until the focused element matches; every focus stop must be visible."""
        for _ in range(limit):
            self.keys(Keys.TAB)
            element = self.active()
            check(self.focus_is_visible(), f"focus is not visible on <{element.tag_name} id={element.get_attribute('id')}>")
            if matches(element):
                return element
        raise Failure(f"Tab never reached {what}")

    def no_horizontal_scroll(self, name):
        width = self.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
        check(width[0] <= width[1] + 1, f"{name} scrolls sideways at 200 % zoom ({width[0]} > {width[1]})")

    def bytes_with_cookies(self, path):
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookies})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers, response.read()

    def get_with_cookies(self, path):
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookies})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers, response.read().decode("utf-8")


def coordinator_opens(b, password):
    b.login("coordinator@bzk.example", password, "/dossiers")
    b.page("coordinator-overzicht")
    b.navigating(b.driver.find_elements(By.LINK_TEXT, "Nieuw dossier")[-1].click)
    b.page("nieuw-dossier")
    b.submit("nieuw-dossier")
    summary = b.driver.find_element(By.CSS_SELECTOR, ".foutsamenvatting")
    links = [a.get_attribute("href").split("#")[-1] for a in summary.find_elements(By.TAG_NAME, "a")]
    check("nieuw-dossier-titel" in links, f"the error summary does not link to the titel field: {links}")
    b.page("nieuw-dossier-fouten")
    summary.find_element(By.CSS_SELECTOR, "a[href='#nieuw-dossier-titel']").click()
    check(b.active().get_attribute("id") == "nieuw-dossier-titel", "the error summary's link does not move the focus to the field")
    b.type("nieuw-dossier-titel", "Beheer van openbare laadpalen")
    b.type("nieuw-dossier-omschrijving", "Gemeenten krijgen de taak om openbare laadinfrastructuur te plannen en te beheren.")
    b.type("nieuw-dossier-vakdepartement", "IenW")
    b.click("nieuw-dossier-soort")
    b.click("nieuw-dossier-nieuweTaak")
    b.submit("nieuw-dossier")
    check(b.path().startswith("/dossiers/") and "vastgelegd=openen" in b.path(), f"opening led to {b.path()}")
    check("Het dossier is geopend." in b.text(), "no confirmation after opening")
    dossier = b.path().split("?")[0]
    b.page("dossier-geopend")
    b.unfold("actie-consultaties")
    b.click("actie-consultaties-koepels")
    b.click("actie-consultaties-koepels-IPO")
    b.type("actie-consultaties-termijn", "31-12-2030")
    b.submit("actie-consultaties")
    check("De consultatieronde is geopend." in b.text(), "no confirmation after opening the round")
    b.page("dossier-consultatie")
    upload_document(b)
    b.logout()
    return dossier


def sample_files(artifacts):
    """A small PDF, a letter as PDF and a ZIP named .pdf, written where the browser can pick them."""
    folder = pathlib.Path(artifacts) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    def pdf(text):
        body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
                + f"4 0 obj << /Length {len(body)} >> stream\n".encode() + body + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    files = {
        "wetsvoorstel.pdf": pdf("Concept wetsvoorstel laadpalen"),
        "brief VNG.pdf": pdf("Bestuurlijke reactie VNG"),
        "vermomd.pdf": b"PK\x03\x04" + bytes(200),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: (str(folder / name), data) for name, data in files.items()}


FILES = {}


def upload_document(b):
    """The coordinator adds the concept wetsvoorstel; a ZIP named .pdf is refused at its field first."""
    b.unfold("actie-documenten")
    b.field("actie-documenten-inhoud").send_keys(FILES["vermomd.pdf"][0])
    b.type("actie-documenten-titel", "Concept wetsvoorstel")
    from selenium.webdriver.support.ui import Select
    Select(b.field("actie-documenten-documentsoort")).select_by_value("voorstel")
    b.click("actie-documenten-vertrouwelijkheid")
    b.submit("actie-documenten")
    check(b.driver.find_elements(By.CSS_SELECTOR, ".foutsamenvatting a[href='#actie-documenten-inhoud']"), "a ZIP named .pdf is not refused at the file field")
    check(b.field("actie-documenten-titel").get_attribute("value") == "Concept wetsvoorstel", "the refused form lost the title")
    b.page("document-fout")
    b.field("actie-documenten-inhoud").send_keys(FILES["wetsvoorstel.pdf"][0])
    b.submit("actie-documenten")
    check("Het document is toegevoegd." in b.text(), f"adding the document was not confirmed: {b.text()[:300]}")
    check("wetsvoorstel.pdf" in b.text(), "the document is not listed")
    b.page("dossier-document")


def koepel_reacts_by_keyboard(b, password, dossier):
    b.open("/inloggen")
    b.driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    first = b.tab_to(lambda e: True, "the first focus stop")
    check(first.text == "Naar de inhoud", f"the first Tab stop is not the skip link but {first.text!r}")
    b.keys(Keys.ENTER)
    b.tab_to(lambda e: e.get_attribute("id") == "inloggen-email", "the e-mail field")
    b.keys("vng@vng.example")
    b.keys(Keys.TAB)
    check(b.active().get_attribute("id") == "inloggen-wachtwoord", "Tab from e-mail does not reach the password")
    b.navigating(lambda: b.keys(password, Keys.ENTER))
    check("/consultaties" in b.driver.current_url, "the keyboard login did not lead to the consultations")
    b.page("koepel-consultaties")
    check("Beheer van openbare laadpalen" in b.text(), "the round is not on VNG's consultations page")
    check("dagen" in b.text(), "the consultations page does not show the days left")
    b.tab_to(lambda e: e.tag_name == "a" and "Beheer van openbare laadpalen" in e.text, "the dossier link")
    b.navigating(lambda: b.keys(Keys.ENTER))
    check(dossier in b.driver.current_url, "Enter on the dossier link did not open it")
    b.page("koepel-dossier")
    b.tab_to(lambda e: e.tag_name == "summary" and "reactie" in e.text.lower(), "the reactie form")
    b.keys(Keys.ENTER)
    b.tab_to(lambda e: e.get_attribute("name") == "standpunt", "the standpunt")
    # Arrow keys move within a radio group: the second choice.
    b.keys(Keys.ARROW_DOWN)
    check(b.active().get_attribute("value") == "instemmendMetKanttekeningen", "arrow keys do not move through the standpunten")
    b.tab_to(lambda e: e.get_attribute("name") == "toelichting", "the toelichting")
    b.keys("Gemeenten kunnen dit uitvoeren als de middelen meekomen.")
    b.tab_to(lambda e: e.get_attribute("name") == "kenmerk", "the kenmerk")
    b.keys("VNG-2026-117")
    b.tab_to(lambda e: e.get_attribute("name") == "brief", "the letter's file field")
    # A file is chosen in the system's dialog, which a headless browser has not: the path is given.
    b.active().send_keys(FILES["brief VNG.pdf"][0])
    b.tab_to(lambda e: e.tag_name == "button" and e.text == "Reactie indienen", "the submit button")
    b.navigating(lambda: b.keys(Keys.ENTER))
    check("ontvangstbewijs" in b.driver.current_url, f"submitting the reactie led to {b.path()}: {b.text()[:300]}")
    b.page("koepel-ontvangstbewijs")
    check(re.search(r"TT-\d{4}-\d{4}-R1-VNG", b.text()), "the receipt shows no reference")
    check("Instemmend met kanttekeningen" in b.text(), "the receipt does not show the standpunt")
    b.logout()


def other_koepel_cannot_see(b, password, dossier):
    b.login("ipo@ipo.example", password, "/consultaties")
    b.open(dossier)
    b.page("andere-koepel-dossier")
    check("middelen meekomen" not in b.driver.page_source, "IPO sees VNG's reactie while the round is open")
    check("brief VNG.pdf" not in b.driver.page_source, "IPO sees VNG's letter while the round is open")
    check("wetsvoorstel.pdf" in b.text(), "IPO does not see the openbaar document")
    check("De reacties van de andere koepels ziet u zodra de ronde is gesloten." in b.text(), "IPO is not told why")
    b.logout()


def coordinator_decides(b, password, dossier):
    b.login("coordinator@bzk.example", password, "/dossiers")
    b.open(dossier)
    check("middelen meekomen" in b.text(), "the coordinator does not see VNG's reactie")
    b.unfold("actie-consultaties-sluiting")
    b.submit("actie-consultaties-sluiting")
    check("De consultatieronde is gesloten." in b.text(), "closing the round was not confirmed")
    for name in ("wetsvoorstel.pdf", "brief VNG.pdf"):
        links = [a for a in b.driver.find_elements(By.CSS_SELECTOR, "a[download]") if name in a.find_element(By.XPATH, "./ancestor::tr").text]
        check(links, f"no download link for {name}")
        headers, data = b.bytes_with_cookies(links[0].get_attribute("href")[len(b.base):])
        check(data == FILES[name][1], f"the download of {name} is not the uploaded file")
        check(headers["Content-Disposition"].startswith("attachment;"), f"{name} is not downloaded as an attachment")
    b.unfold("actie-toetsingen")
    from selenium.webdriver.support.ui import Select
    Select(b.field("actie-toetsingen-taakkenmerken-schaal")).select_by_value("lokaal")
    b.click("actie-toetsingen-taakkenmerken-beleidsvrijheid")
    b.click("actie-toetsingen-taakkenmerken-samenwerking")
    b.submit("actie-toetsingen")
    check("Advies: Gemeente" in b.text(), f"no advice shown after the assessment: {b.text()[:400]}")
    quotes = b.driver.find_elements(By.CSS_SELECTOR, "blockquote.citaat")
    check(quotes and all(q.text.strip() for q in quotes), "the rules that fired do not quote the letter")
    b.page("dossier-getoetst")
    b.unfold("actie-financiele-gevolgen")
    b.type("actie-financiele-gevolgen-structureleKosten", "12.000.000")
    b.type("actie-financiele-gevolgen-incidenteleKosten", "2.500.000")
    b.type("actie-financiele-gevolgen-dekking", "Gemeentefonds")
    b.type("actie-financiele-gevolgen-toelichting", "Via een decentralisatie-uitkering.")
    b.submit("actie-financiele-gevolgen")
    check("€ 12.000.000 per jaar" in b.text(), "the amount is not shown in Dutch notation")
    b.unfold("actie-udo-aanvragen")
    b.type("actie-udo-aanvragen-toelichting", "Graag een UDO van de gemeenten.")
    b.submit("actie-udo-aanvragen")
    b.unfold("actie-udo-uitkomsten")
    b.click("actie-udo-uitkomsten-uitkomst")
    b.type("actie-udo-uitkomsten-samenvatting", "Uitvoerbaar met de voorgestelde middelen.")
    b.submit("actie-udo-uitkomsten")
    check("De uitkomst van de UDO is vastgelegd." in b.text(), "the UDO outcome was not confirmed")
    b.unfold("actie-besluiten")
    Select(b.field("actie-besluiten-bestuurslaag")).select_by_value("provincie")
    b.submit("actie-besluiten")
    check("wijkt af van het advies" in b.text(), "a deviating decision is not asked for its motivering")
    b.page("besluit-afwijking-fout")
    b.type("actie-besluiten-motivering", "De provincie heeft het overzicht over de regio.")
    b.submit("actie-besluiten")
    check("Het besluit is vastgelegd." in b.text(), "the decision was not confirmed")
    check("Fase: Besloten" in b.text(), "the dossier is not besloten")
    b.page("dossier-besloten")
    b.navigating(b.driver.find_element(By.LINK_TEXT, "Bekijk de tijdlijn").click)
    check(len(b.driver.find_elements(By.CSS_SELECTOR, ".tijdlijn li")) >= 8, "the tijdlijn lacks entries")
    b.page("tijdlijn")
    b.open("/rapportages/evaluatie")
    b.page("evaluatie")
    b.open("/account")
    b.page("account")
    b.logout()


def liaison_reports(b, password, dossier):
    b.login("liaison@tk.example", password, "/rapportages/stand-van-zaken")
    b.open(dossier)
    b.unfold("actie-kamerstukken")
    b.type("actie-kamerstukken-nummer", "36600-12")
    b.type("actie-kamerstukken-titel", "Brief over laadinfrastructuur")
    b.type("actie-kamerstukken-datum", "01-12-2026")
    b.submit("actie-kamerstukken")
    check("Kamerstuk 36600-12" in b.text(), "the Kamerstuk is not shown after linking")
    b.page("liaison-dossier")
    b.open("/rapportages/stand-van-zaken")
    b.type("peildatum", "gisteren")
    b.navigating(b.driver.find_element(By.CSS_SELECTOR, "form.filters button").click)
    check(b.driver.find_elements(By.CSS_SELECTOR, ".foutsamenvatting a[href='#peildatum']"), "a wrong peildatum is not explained")
    b.page("stand-van-zaken-fout")
    b.type("peildatum", "31-12-2030")
    b.navigating(b.driver.find_element(By.CSS_SELECTOR, "form.filters button").click)
    check("Beheer van openbare laadpalen" in b.text() and "36600-12" in b.text(), "the stand van zaken lacks the dossier")
    b.page("stand-van-zaken")
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = base64.b64decode(b.driver.print_page(options))
    check(pdf.startswith(b"%PDF") and len(pdf) > 2000, "printing gave no PDF")
    (b.artifacts / "stand-van-zaken.pdf").write_bytes(pdf)
    b.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    check(not b.driver.find_element(By.CSS_SELECTOR, ".kop").is_displayed(), "the print stylesheet keeps the header")
    check(not b.driver.find_element(By.CSS_SELECTOR, ".downloads").is_displayed(), "the print stylesheet keeps the links")
    b.screenshot("stand-van-zaken-print")
    b.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    for label, kind, marker in (("CSV", "text/csv", "36600-12"), ("Markdown", "text/markdown", "| ")):
        href = b.driver.find_element(By.LINK_TEXT, label).get_attribute("href")
        headers, body = b.get_with_cookies(href[len(b.base):])
        check(headers["Content-Type"].startswith(kind), f"the {label} download is {headers['Content-Type']}")
        check(headers["Content-Disposition"].startswith("attachment; filename="), f"the {label} download is not an attachment")
        check(marker in body and "Beheer van openbare laadpalen" in body, f"the {label} download lacks the dossier")
    b.logout()


def totp(secret_text, at=None):
    """RFC 6238 with SHA-1, 6 digits, 30 s: the key is the secret's bytes, as HummingbirdOTP has it."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(secret_text.encode("ascii"), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1000000:06d}"


def base32_text(encoded):
    padded = encoded + "=" * (-len(encoded) % 8)
    return base64.b32decode(padded).decode("ascii")


def new_account(b, link):
    path = link[len(b.base):] if link.startswith(b.base) else link
    b.open(path)
    check("Wachtwoord instellen" in b.text() and "nieuw@tk.example" in b.text(), "the activation page does not greet the account")
    b.page("activeren")
    b.type("activeren-wachtwoord", "wachtwoord123")
    b.type("activeren-herhaling", "wachtwoord123")
    b.submit("activeren")
    check(b.driver.find_elements(By.CSS_SELECTOR, ".foutsamenvatting a[href='#activeren-wachtwoord']"), "a common password is not refused at its field")
    b.page("activeren-fout")
    password = "Een zin die niemand raadt 42"
    b.type("activeren-wachtwoord", password)
    b.type("activeren-herhaling", password)
    b.submit("activeren")
    check("Uw wachtwoord is ingesteld" in b.text(), "setting the password was not confirmed")
    b.login("nieuw@tk.example", password, "/rapportages/stand-van-zaken")
    b.open("/account")
    b.submit("tweestap-starten")
    check(b.path() == "/account/tweestap", f"setting up two-step verification led to {b.path()}")
    b.page("tweestap-instellen")
    url = next(e.text for e in b.driver.find_elements(By.CSS_SELECTOR, "code.sleutel") if e.text.startswith("otpauth://"))
    secret = base32_text(re.search(r"secret=([A-Z2-7]+)", url).group(1))
    b.type("tweestap-code", totp(secret))
    b.submit("tweestap")
    check("Tweestapsverificatie staat aan." in b.text(), "two-step verification was not switched on")
    b.logout()
    b.open("/inloggen")
    b.type("inloggen-email", "nieuw@tk.example")
    b.type("inloggen-wachtwoord", password)
    b.submit("inloggen")
    check(b.path() == "/inloggen/code", f"a login with two-step verification led to {b.path()}")
    b.page("code")
    b.type("code-code", "000000" if totp(secret) != "000000" else "111111")
    b.submit("code")
    check(b.driver.find_elements(By.CSS_SELECTOR, ".foutsamenvatting a[href='#code-code']"), "a wrong code is not refused")
    # The set-up used this time step's code; a code is taken once, so the login uses the next one's.
    b.type("code-code", totp(secret, time.time() + 30))
    b.submit("code")
    check(b.path() == "/rapportages/stand-van-zaken", f"the code led to {b.path()}")
    b.logout()


def zoom(b, password):
    b.driver.set_window_size(640, 1000)
    b.login("coordinator@bzk.example", password, "/dossiers")
    for path, name in (("/dossiers", "zoom-overzicht"), ("/dossiers/nieuw", "zoom-nieuw"), ("/rapportages/stand-van-zaken", "zoom-rapport"),
                       ("/vernietigingslijsten", "zoom-vernietigingslijsten")):
        b.open(path)
        b.no_horizontal_scroll(name)
        b.page(name)
    b.open("/toegankelijkheid")
    b.page("toegankelijkheid")
    b.open("/bestaat-niet")
    b.page("niet-gevonden")
    b.logout()
    b.page("inloggen")
    b.driver.set_window_size(1280, 1000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--axe", required=True)
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()
    passwords = dict(line.split("=", 1) for line in os.environ["TOEDELING_BROWSER_PASSWORDS"].splitlines() if "=" in line)
    b = Browser(args.base_url, args.axe, args.artifacts)
    FILES.update(sample_files(args.artifacts))
    steps = 0
    try:
        b.axe_can_fail()
        dossier = coordinator_opens(b, passwords["coordinator@bzk.example"]); steps += 1
        koepel_reacts_by_keyboard(b, passwords["vng@vng.example"], dossier); steps += 1
        other_koepel_cannot_see(b, passwords["ipo@ipo.example"], dossier); steps += 1
        coordinator_decides(b, passwords["coordinator@bzk.example"], dossier); steps += 1
        liaison_reports(b, passwords["liaison@tk.example"], dossier); steps += 1
        new_account(b, os.environ["TOEDELING_BROWSER_ACTIVATIE"].strip()); steps += 1
        zoom(b, passwords["coordinator@bzk.example"]); steps += 1
    except (Failure, WebDriverException) as error:
        b.driver.save_screenshot(str(b.artifacts / "failure.png"))
        (b.artifacts / "failure.html").write_text(b.driver.page_source, encoding="utf-8")
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"browser: FAIL at {b.path()}: {message}", file=sys.stderr)
        b.driver.quit()
        return 1
    b.driver.quit()
    for name, path, v in b.violations:
        print(f"browser: axe {v['impact']} on {name} ({path}): {v['id']}: {v['help']} at {v['nodes']}", file=sys.stderr)
    if b.violations:
        print(f"browser: FAIL: {len(b.violations)} serious or critical accessibility violations", file=sys.stderr)
        return 1
    print(f"browser: ok: {steps} scenarios, {len(b.checked)} pages checked with axe-core, screenshots in {args.artifacts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
