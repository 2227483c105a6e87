"""Sign-in through an OpenID Provider, against a real provider (oidc_provider.py, built on authlib)
and real toedeling-server processes; run by oidc.sh.

Route tests: the code flow with PKCE, state and nonce; binding of an invited account at its first
sign-in and matching on (iss, sub) afterwards; every refusal of the issue (wrong, missing or replayed
state, another browser, a reused code, a wrong code verifier, an ID token with a bad signature, no
signature, the wrong audience or issuer, expired, a wrong nonce, an unknown person, an unverified or
taken e-mail address, a blocked account, a provider that is down) ends on a Dutch error page with
no session; key rotation; RP-initiated logout; password sign-in switched off; wrong settings; and
no secret in the server's log. Then the browser test: a coordinator, a koepel member and a liaison
sign in through the provider's login page in headless Chromium.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse

import requests

sys.path.insert(0, os.path.dirname(__file__))
from faults import BIN, SCHEMA, WORK, Server, admin, free_port, fresh_database, psql  # noqa: E402

CLIENT_ID = "toedeling-test"
CLIENT_SECRET = "geheim-" + os.urandom(12).hex()
PROVIDER_NAME = "Test-IdP"
SEEN_SECRETS = [CLIENT_SECRET]   # every code, state, nonce and token seen: none may reach the server's log


def log(message):
    print(f"oidc: {message}", file=sys.stderr, flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Provider:
    def __init__(self, port, redirect_uri, logout_uri, users_file):
        self.port, self.redirect_uri, self.logout_uri, self.users_file = port, redirect_uri, logout_uri, users_file
        self.url = f"http://127.0.0.1:{port}"
        self.process = None
        self.log = open(os.path.join(WORK, "provider.log"), "ab")

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(os.path.dirname(__file__), "oidc_provider.py"), "--port", str(self.port),
             "--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET, "--redirect-uri", self.redirect_uri,
             "--post-logout-redirect-uri", self.logout_uri, "--users", self.users_file],
            stdout=self.log, stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            check(self.process.poll() is None, f"the provider exited (see {self.log.name})")
            try:
                if requests.get(self.url + "/.well-known/openid-configuration", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError("the provider did not start within 30 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)

    def control(self, path, body=None):
        response = requests.post(self.url + path, json=body or {}, timeout=5)
        check(response.status_code == 200, f"provider control {path}: {response.status_code}")
        return response.json()

    def status(self):
        return requests.get(self.url + "/test/stand", timeout=5).json()


class Flow:
    """One browser (a requests session with its cookies) going through the code flow by hand."""

    def __init__(self, base, provider):
        self.base, self.provider = base, provider
        self.http = requests.Session()

    def begin(self, terug=None):
        path = "/inloggen/oidc" + ("?" + urllib.parse.urlencode({"terug": terug}) if terug else "")
        r = self.http.get(self.base + path, allow_redirects=False, timeout=10)
        check(r.status_code == 303, f"GET {path}: {r.status_code} {r.text[:200]}")
        location = r.headers["Location"]
        check(location.startswith(self.provider.url + "/authorize?"), f"the sign-in did not go to the provider: {location}")
        query = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
        check(query.get("response_type") == ["code"] and query.get("client_id") == [CLIENT_ID], f"wrong request: {query}")
        check(query.get("code_challenge_method") == ["S256"], f"no PKCE S256: {query}")
        check(re.fullmatch(r"[A-Za-z0-9_-]{43}", query["code_challenge"][0]), f"odd code challenge: {query}")
        check(len(query["state"][0]) >= 32 and len(query["nonce"][0]) >= 32, f"state or nonce too short: {query}")
        check("openid" in query["scope"][0].split(), f"no openid scope: {query}")
        check(query["redirect_uri"] == [self.base + "/inloggen/oidc/terug"], f"wrong redirect_uri: {query}")
        SEEN_SECRETS.extend([query["state"][0], query["nonce"][0]])
        return location, query

    def authorize(self, location, username, password="wachtwoord"):
        """The provider's login page, then its redirect back to Toedeling: returns the callback URL."""
        r = self.http.get(location, allow_redirects=False, timeout=10)
        if r.status_code == 200:
            check('name="password"' in r.text, "the provider shows no login page")
            action = self.provider.url + "/authorize?" + urllib.parse.urlparse(location).query
            r = self.http.post(action, data={"username": username, "password": password}, allow_redirects=False, timeout=10)
        check(r.status_code == 302, f"the provider did not send the browser back: {r.status_code} {r.text[:300]}")
        callback = r.headers["Location"]
        check(callback.startswith(self.base + "/inloggen/oidc/terug?"), f"the provider sent the browser elsewhere: {callback}")
        code = urllib.parse.parse_qs(urllib.parse.urlparse(callback).query).get("code", [""])[0]
        SEEN_SECRETS.append(code)
        return callback

    def back(self, callback):
        return self.http.get(callback, allow_redirects=False, timeout=15)

    def sign_in(self, username, terug=None):
        location, _ = self.begin(terug)
        return self.back(self.authorize(location, username))

    def signed_in_as(self):
        """The name in the page header when a session is on, else None."""
        r = self.http.get(self.base + "/account", allow_redirects=False, timeout=10)
        if r.status_code != 200:
            return None
        match = re.search(r"<dt>Naam</dt><dd>([^<]*)</dd>", r.text)
        return match.group(1) if match else None

    def csrf(self, path):
        r = self.http.get(self.base + path, timeout=10)
        match = re.search(r'name="csrf" value="([^"]+)"', r.text)
        check(match, f"no CSRF token on {path}")
        return match.group(1)


def refused(response, status, words, what):
    check(response.status_code == status, f"{what}: expected {status}, got {response.status_code} {response.text[:300]}")
    check(words in response.text, f"{what}: the page does not say '{words}': {response.text[:600]}")
    check("<html lang=\"nl\"" in response.text, f"{what}: not a Dutch page")
    for cookie in response.cookies:
        check(cookie.name not in ("toedeling", "__Host-toedeling") or not cookie.value, f"{what}: a session cookie was set")


def no_session(flow, what):
    check(flow.signed_in_as() is None, f"{what}: yet a session is on")


def main():
    url = fresh_database("oidc")
    server = Server(url, "oidc-server")
    base = f"http://127.0.0.1:{server.port}"
    provider_port = free_port()
    users = [
        {"username": "anna", "sub": "sub-anna", "email": "anna@bzk.example", "name": "Anna Coördinator"},
        {"username": "vera", "sub": "sub-vera", "email": "vera@vng.example", "name": "Vera van VNG"},
        {"username": "lia", "sub": "sub-lia", "email": "lia@tk.example", "name": "Lia Liaison"},
        {"username": "bob", "sub": "sub-bob", "email": "bob@bzk.example", "name": "Bob Geblokkeerd"},
        {"username": "una", "sub": "sub-una", "email": "una@bzk.example", "name": "Una", "email_verified": False},
        {"username": "vreemd", "sub": "sub-vreemd", "email": "iemand@elders.example", "name": "Iemand"},
        {"username": "dubbel", "sub": "sub-dubbel", "email": "anna@bzk.example", "name": "Niet Anna"},
        {"username": "kees", "sub": "sub-kees", "email": "kees@bzk.example", "name": "Kees Coördinator"},
        {"username": "ida", "sub": "sub-ida", "email": "ida@ipo.example", "name": "Ida van IPO"},
        {"username": "luc", "sub": "sub-luc", "email": "luc@tk.example", "name": "Luc Liaison"},
    ]
    for user in users:
        user["password"] = "wachtwoord"
    users_file = os.path.join(WORK, "users.json")
    with open(users_file, "w", encoding="utf-8") as f:
        json.dump(users, f)
    provider = Provider(provider_port, base + "/inloggen/oidc/terug", base + "/inloggen?uitgelogd=1", users_file).start()

    accounts = [("coordinator", "anna@bzk.example", "Anna Coördinator", None), ("koepel", "vera@vng.example", "Vera van VNG", "VNG"),
                ("liaison", "lia@tk.example", "Lia Liaison", None), ("coordinator", "bob@bzk.example", "Bob Geblokkeerd", None),
                ("coordinator", "una@bzk.example", "Una", None), ("coordinator", "kees@bzk.example", "Kees Coördinator", None),
                ("koepel", "ida@ipo.example", "Ida van IPO", "IPO"), ("liaison", "luc@tk.example", "Luc Liaison", None)]
    for rol, email, naam, koepel in accounts:
        admin(url, "gebruiker", "create", "--rol", rol, "--email", email, "--naam", naam, *(["--koepel", koepel] if koepel else []))
    admin(url, "gebruiker", "blokkeer", "bob@bzk.example")

    os.environ.update({
        "TOEDELING_OIDC_ISSUER": provider.url, "TOEDELING_OIDC_CLIENT_ID": CLIENT_ID, "TOEDELING_OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "TOEDELING_OIDC_NAAM": PROVIDER_NAME, "TOEDELING_PUBLIC_URL": base, "TOEDELING_INSECURE_COOKIES": "1",
        "TOEDELING_LOG_LEVEL": "debug",
    })
    server.start()
    try:
        route_tests(url, server, base, provider)
        settings_tests(url)
        if os.environ.get("OIDC_BROWSER", "1") == "1":
            browser_tests(url, base, provider)
        server_log = open(server.log.name, encoding="utf-8", errors="replace").read()
        leaked = [s for s in SEEN_SECRETS if s and s in server_log]
        check(not leaked, f"the server's log holds {len(leaked)} secret(s) of the sign-ins (codes, states, nonces or the client secret)")
        check("OIDC ID token refused" in server_log, "the refusals were not logged at all")
        log(f"no code, state, nonce or client secret among {len(SEEN_SECRETS)} in the server's log")
    finally:
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=30)
        provider.stop()
    log("passed")


def route_tests(url, server, base, provider):
    page = requests.get(base + "/inloggen", timeout=10).text
    check(f"Inloggen met {PROVIDER_NAME}" in page and 'name="wachtwoord"' in page, "the login page lacks the provider's button or the password form")

    # The first sign-in of an invited account binds it; it lands where it asked to go.
    anna = Flow(base, provider)
    r = anna.sign_in("anna", terug="/rapportages/stand-van-zaken")
    check(r.status_code == 303 and r.headers["Location"] == "/rapportages/stand-van-zaken", f"sign-in: {r.status_code} {r.headers}")
    check(anna.signed_in_as() == "Anna Coördinator", "after the sign-in no session of Anna's")
    check(all(e["verifier"] for e in provider.status()["exchanges"]), "a code was exchanged without its code verifier")
    listing = admin(url, "gebruiker", "list")
    check(any("anna@bzk.example" in line and "gekoppeld" in line and "actief" in line for line in listing.splitlines()),
          f"the account is not listed as bound: {listing}")
    check(psql(url, "SELECT oidc_subject FROM gebruikers WHERE email = 'anna@bzk.example'") == "sub-anna", "not bound to sub-anna")
    log("an invited account is bound at its first sign-in")

    # Events caused after such a sign-in record the account exactly as after a password login.
    csrf = anna.csrf("/dossiers/nieuw")
    r = anna.http.post(base + "/dossiers/nieuw", data={
        "csrf": csrf, "titel": "Toezicht op kinderopvang", "omschrijving": "Gemeenten houden toezicht.", "vakdepartement": "SZW", "nieuweTaak": "ja",
        "soort": "taak"}, allow_redirects=False, timeout=10)
    check(r.status_code == 303, f"opening a dossier after an OIDC sign-in: {r.status_code} {r.text[:300]}")
    anna_id = psql(url, "SELECT id FROM gebruikers WHERE email = 'anna@bzk.example'")
    metadata = json.loads(psql(url, "SELECT metadata FROM events ORDER BY position DESC LIMIT 1"))
    # Her name is sealed under her own key (AVG erasure destroys it); the timeline reads it.
    check(metadata.get("gebruikerId") == anna_id and metadata.get("rol") == "coordinator"
          and metadata.get("naam", "").startswith(f"tdl:enc:1:gebruiker:{anna_id}:"), f"the event does not record Anna: {metadata}")
    dossier_path = r.headers["Location"].split("?")[0]
    timeline = anna.http.get(base + dossier_path + "/tijdlijn", timeout=10).text
    check("Anna Coördinator" in timeline, "the timeline does not name Anna as the one who opened the dossier")
    log("the event records the account, its name and its role")

    # Later sign-ins match on (iss, sub), never on the e-mail address alone.
    provider.control("/test/gebruiker", {"username": "anna", "email": "a.devries@bzk.example"})
    again = Flow(base, provider)
    r = again.sign_in("anna")
    check(r.status_code == 303 and again.signed_in_as() == "Anna Coördinator", "a sign-in with a changed e-mail address did not match on sub")
    other = Flow(base, provider)
    refused(other.sign_in("dubbel"), 403, "hoort bij iemand anders", "another person with Anna's e-mail address")
    no_session(other, "another person with Anna's e-mail address")
    log("later sign-ins match on (iss, sub); another person with the same e-mail address is refused")

    # People the provider knows but Toedeling does not invite, or whose address it does not vouch for.
    f = Flow(base, provider)
    refused(f.sign_in("vreemd"), 403, "geen account", "an uninvited person")
    no_session(f, "an uninvited person")
    f = Flow(base, provider)
    refused(f.sign_in("una"), 403, "niet bevestigd", "an unverified e-mail address")
    no_session(f, "an unverified e-mail address")
    check(psql(url, "SELECT count(*) FROM gebruikers WHERE email = 'una@bzk.example' AND oidc_subject IS NOT NULL") == "0",
          "an unverified address was bound")
    f = Flow(base, provider)
    refused(f.sign_in("bob"), 403, "geblokkeerd", "a blocked account")
    no_session(f, "a blocked account")
    vera = Flow(base, provider)
    check(vera.sign_in("vera").headers.get("Location") == "/consultaties", "a koepel member does not land on the consultations")
    admin(url, "gebruiker", "blokkeer", "vera@vng.example")
    no_session(vera, "a session after blocking")
    f = Flow(base, provider)
    refused(f.sign_in("vera"), 403, "geblokkeerd", "a bound account blocked later")
    log("an uninvited person, an unverified address and a blocked account are refused")

    # The state: wrong, missing, from another browser, and answered only once.
    f = Flow(base, provider)
    location, query = f.begin()
    callback = f.authorize(location, "lia")
    wrong = re.sub(r"state=[^&]+", "state=" + "A" * 43, callback)
    refused(f.back(wrong), 400, "verlopen, al gebruikt of in een andere browser", "a wrong state")
    refused(f.back(re.sub(r"&?state=[^&]+", "", callback)), 400, "verlopen", "a missing state")
    stranger = Flow(base, provider)
    refused(stranger.back(callback), 400, "in een andere browser", "the answer in another browser")
    no_session(stranger, "the answer in another browser")
    refused(f.back(callback), 400, "al gebruikt", "the state after it was used (by the other browser's try)")
    no_session(f, "a replayed state")
    log("a wrong, missing, foreign or replayed state is refused")

    # A reused code: the provider refuses a second exchange.
    f = Flow(base, provider)
    location, _ = f.begin()
    callback = f.authorize(location, "lia")
    code = urllib.parse.parse_qs(urllib.parse.urlparse(callback).query)["code"][0]
    check(f.back(callback).status_code == 303 and f.signed_in_as() == "Lia Liaison", "Lia could not sign in")
    g = Flow(base, provider)
    _, query = g.begin()
    reuse = base + "/inloggen/oidc/terug?" + urllib.parse.urlencode({"code": code, "state": query["state"][0]})
    refused(g.back(reuse), 401, "niet bevestigd", "a reused code")
    no_session(g, "a reused code")
    log("a reused code is refused")

    # A wrong code verifier: browser A's state with the code issued for browser B's challenge.
    a, b = Flow(base, provider), Flow(base, provider)
    _, query_a = a.begin()
    location_b, _ = b.begin()
    callback_b = b.authorize(location_b, "luc")
    code_b = urllib.parse.parse_qs(urllib.parse.urlparse(callback_b).query)["code"][0]
    crossed = base + "/inloggen/oidc/terug?" + urllib.parse.urlencode({"code": code_b, "state": query_a["state"][0]})
    refused(a.back(crossed), 401, "niet bevestigd", "a code with another sign-in's code verifier")
    no_session(a, "a wrong code verifier")
    log("a wrong code verifier is refused by the provider's PKCE check")

    # ID tokens the provider signs wrongly or for someone else.
    for fault, what, reason in [("handtekening", "a bad signature", "signature does not verify"),
                                ("geen-handtekening", "no signature (alg none)", "signature algorithm none is not accepted"),
                                ("audience", "the wrong audience", "aud does not name this client"),
                                ("issuer", "the wrong issuer", "iss is not the configured issuer"),
                                ("verlopen", "an expired token", "expired"), ("nonce", "a wrong nonce", "nonce does not match")]:
        issued = provider.status()["issued"]
        provider.control("/test/fout", {"fout": fault})
        f = Flow(base, provider)
        refused(f.sign_in("kees"), 401, "klopt niet of is verlopen", f"an ID token with {what}")
        no_session(f, f"an ID token with {what}")
        check(provider.status()["issued"] == issued + 1, f"{what}: the provider issued no token, so nothing was tested")
        logged = last_refusal(server)
        check(logged.startswith(reason), f"{what}: refused for another reason: {logged!r}")
    check(psql(url, "SELECT count(*) FROM gebruikers WHERE email = 'kees@bzk.example' AND oidc_subject IS NOT NULL") == "0",
          "a refused ID token bound an account")
    log("ID tokens with a bad or no signature, wrong audience or issuer, expired or with a wrong nonce are refused")

    # Key rotation: a token signed by a new key (the old one withdrawn) verifies after the set is read again.
    time.sleep(10.5)  # the relying party reads the key set again at most every 10 s
    kid = provider.control("/test/roteer?oude=weg")["kid"]
    f = Flow(base, provider)
    check(f.sign_in("lia").status_code == 303 and f.signed_in_as() == "Lia Liaison", f"no sign-in after the provider rotated to {kid}")
    log(f"the provider rotated its key to {kid}; sign-in goes on")

    # RP-initiated logout: Toedeling's session ends, then the provider's, and the browser comes back.
    csrf = f.csrf("/account")
    r = f.http.post(base + "/uitloggen", data={"csrf": csrf}, allow_redirects=False, timeout=10)
    check(r.status_code == 303 and r.headers["Location"].startswith(provider.url + "/logout?"), f"logout: {r.status_code} {r.headers}")
    logouts = provider.status()["logouts"]
    r = f.http.get(r.headers["Location"], allow_redirects=False, timeout=10)
    check(r.status_code == 302 and r.headers["Location"] == base + "/inloggen?uitgelogd=1", f"the provider did not send the browser back: {r.headers}")
    check(provider.status()["logouts"] == logouts + 1, "the provider's session was not ended")
    no_session(f, "after logout")
    page = f.http.get(base + "/inloggen?uitgelogd=1", timeout=10).text
    check("U bent uitgelogd." in page, "the login page does not say the person is logged out")
    log("logging out ends the provider's session too (RP-initiated logout)")

    # The provider down in the middle of a sign-in: the exchange fails, a Dutch page, no session;
    # then back (with new keys, so the set is read again).
    f = Flow(base, provider)
    location, _ = f.begin()
    callback = f.authorize(location, "lia")
    provider.stop()
    refused(f.back(callback), 503, "niet bereikbaar", "the provider down during the exchange")
    no_session(f, "the provider down")
    provider.start()
    time.sleep(10.5)
    f = Flow(base, provider)
    check(f.sign_in("lia").status_code == 303 and f.signed_in_as() == "Lia Liaison", "no sign-in after the provider came back")
    log("a provider down during the exchange gives a Dutch page; after it returns (new keys) sign-in goes on")

    # Nothing secret is kept: the pending sign-ins hold hashes only, and none is left over.
    check(psql(url, "SELECT count(*) FROM oidc_aanmeldingen WHERE octet_length(state_hash) <> 32") == "0", "a state kept in the clear")
    dump = psql(url, "SELECT coalesce(string_agg(encode(waarde, 'escape'), ''), '') FROM web_sessies")
    check(not any(s and s in dump for s in SEEN_SECRETS), "a session holds a code, state or nonce")


def last_refusal(server):
    """The reason of the server's last logged refusal of an ID token."""
    reasons = []
    for line in open(server.log.name, encoding="utf-8", errors="replace"):
        if "OIDC ID token refused" in line:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            reasons.append(str(entry.get("reason") or entry.get("metadata", {}).get("reason", "")))
    return reasons[-1] if reasons else ""


def settings_tests(url):
    """Password sign-in switched off, and wrong settings refused at start with one line each."""
    lokaal = Server(url, "oidc-alleen-provider")
    os.environ["TOEDELING_LOKAAL_INLOGGEN"] = "uit"
    try:
        lokaal.start()
        base = f"http://127.0.0.1:{lokaal.port}"
        http = requests.Session()
        page = http.get(base + "/inloggen", timeout=10).text
        check(f"Inloggen met {PROVIDER_NAME}" in page and 'name="wachtwoord"' not in page, "with local sign-in off the password form is still shown")
        csrf = http.cookies.get("toedeling-csrf")
        check(csrf, "the login page set no CSRF cookie")
        r = http.post(base + "/inloggen", data={"csrf": csrf, "email": "anna@bzk.example", "wachtwoord": "x" * 16}, timeout=10)
        check(r.status_code == 403 and "staat uit" in r.text, f"a password login with local sign-in off: {r.status_code}")
        lokaal.process.send_signal(signal.SIGTERM)
        lokaal.process.wait(timeout=30)
    finally:
        del os.environ["TOEDELING_LOKAAL_INLOGGEN"]
    log("TOEDELING_LOKAAL_INLOGGEN=uit hides the password form and refuses a password login")

    # A provider that cannot be reached when a sign-in begins.
    dood = Server(url, "oidc-dode-provider")
    saved = os.environ["TOEDELING_OIDC_ISSUER"]
    os.environ["TOEDELING_OIDC_ISSUER"] = f"http://127.0.0.1:{free_port()}"
    try:
        dood.start()
        r = requests.get(f"http://127.0.0.1:{dood.port}/inloggen/oidc", allow_redirects=False, timeout=15)
        refused(r, 503, "niet bereikbaar", "a provider that is down when the sign-in begins")
        dood.process.send_signal(signal.SIGTERM)
        dood.process.wait(timeout=30)
    finally:
        os.environ["TOEDELING_OIDC_ISSUER"] = saved
    log("a provider that is down gives a Dutch page")

    for env, variable in [({"TOEDELING_OIDC_ISSUER": "ftp://idp.example"}, "TOEDELING_OIDC_ISSUER"),
                          ({"TOEDELING_OIDC_ISSUER": "http://idp.example"}, "TOEDELING_OIDC_ISSUER"),
                          ({"TOEDELING_OIDC_CLIENT_ID": ""}, "TOEDELING_OIDC_CLIENT_ID"),
                          ({"TOEDELING_LOKAAL_INLOGGEN": "misschien"}, "TOEDELING_LOKAAL_INLOGGEN"),
                          ({"TOEDELING_OIDC_ISSUER": "", "TOEDELING_LOKAAL_INLOGGEN": "uit"}, "TOEDELING_")]:
        result = subprocess.run([f"{BIN}/toedeling-server", "--port", str(free_port())], env=dict(os.environ, DATABASE_URL=url,
                                TOEDELING_SCHEMA_DIR=SCHEMA, **env), capture_output=True, text=True, timeout=30)
        lines = result.stderr.strip().splitlines()
        check(result.returncode == 64 and len(lines) == 1 and variable in lines[0], f"{env}: exit {result.returncode}, {result.stderr!r}")
    log("wrong OIDC settings stop the server with one line naming the setting")


def browser_tests(url, base, provider):
    from browser import Browser, check as browser_check  # noqa: F401  (selenium lives in the test's venv)
    from selenium.webdriver.common.by import By

    artifacts = os.environ.get("OIDC_ARTIFACTS", os.path.join(WORK, "browser"))
    os.makedirs(artifacts, exist_ok=True)
    b = Browser(base, os.environ["OIDC_AXE"], artifacts)
    try:
        for username, name, home in [("kees", "Kees Coördinator", "/dossiers"), ("ida", "Ida van IPO", "/consultaties"),
                                     ("luc", "Luc Liaison", "/rapportages/stand-van-zaken")]:
            b.open("/inloggen")
            if username == "kees":
                b.page("inloggen-met-provider")
            b.navigating(b.driver.find_element(By.ID, "inloggen-provider").click)
            check(b.driver.current_url.startswith(provider.url + "/authorize?"), f"the button led to {b.driver.current_url}")
            b.driver.find_element(By.ID, "username").send_keys(username)
            b.driver.find_element(By.ID, "password").send_keys("wachtwoord")
            b.navigating(b.driver.find_element(By.ID, "login").click)
            check(b.path() == home, f"{username} landed on {b.path()}, expected {home}")
            check(name in b.driver.find_element(By.TAG_NAME, "header").text, f"the header does not name {name}")
            if username == "kees":
                b.navigating(b.driver.find_elements(By.LINK_TEXT, "Nieuw dossier")[-1].click)
                b.type("nieuw-dossier-titel", "Beheer van openbare laadpalen")
                b.type("nieuw-dossier-omschrijving", "Gemeenten plannen en beheren openbare laadinfrastructuur.")
                b.type("nieuw-dossier-vakdepartement", "IenW")
                b.click("nieuw-dossier-soort")
                b.click("nieuw-dossier-nieuweTaak")
                b.submit("nieuw-dossier")
                check("Het dossier is geopend." in b.text(), "Kees could not open a dossier")
                kees = psql(url, "SELECT id FROM gebruikers WHERE email = 'kees@bzk.example'")
                check(f'"gebruikerId": "{kees}"' in psql(url, "SELECT metadata::text FROM events ORDER BY position DESC LIMIT 1"),
                      "the event does not record Kees")
            b.logout()
            check(b.path() == "/inloggen?uitgelogd=1", f"logout through the provider led to {b.path()}")
            log(f"{username} signed in through the provider's login page in Chromium and out again")
        check(not b.violations, f"axe-core: {[(n, v['id']) for n, _, v in b.violations]}")
    finally:
        b.driver.quit()


if __name__ == "__main__":
    main()
