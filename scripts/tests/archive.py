#!/usr/bin/env python3
"""Archive tests against real processes: run by scripts/tests/archive.sh.

  package   a dossier with documents (two versions of one, a koepel's letter, a file name with spaces,
            quotes and accents) through to besluit, archived under a selectielijst category; the
            e-Depot package over HTTP (a ZIP whose CRCs hold) and by `toedeling-admin archief pakket`
            (the same tree): every *.MDTO.xml validates against MDTO-XML1.0.1.xsd, every file's size
            and SHA-256 are the pakbon's and the bestand sidecars', the counts are right, names are
            clean and unique; then the transfer, after which a command is refused.
  refusals  a package of an open dossier and of one without a category is 409; the CLI says why.
  tsa       a seal time-stamped by a local RFC 3161 authority (openssl ts behind a few lines of HTTP):
            openssl verifies the token over the seal's message; a TSA that answers garbage, or none
            at all, still gives a seal (without a token) and says why.
"""
import base64
import hashlib
import io
import json
import os
import re
import sys
import tempfile
import urllib.request
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from faults import (Client, MULTIPART_TAIL, Server, admin, multipart_head, pdf_chunks, raw_upload, setup)  # noqa: E402

import xmlschema  # noqa: E402

NS = {"m": "https://www.nationaalarchief.nl/mdto"}
FORBIDDEN = set('<>:"/\\|?*#& ')


def log(message):
    print(f"archive: {message}", file=sys.stderr, flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def command(client, server, dossier, path, body, expect=201):
    status, payload, _ = client.call(server.base, "POST", f"/v1/dossiers/{dossier}/{path}", body)
    check(status == expect, f"{path}: {status} {payload}")
    return payload


def upload(server, token, dossier, metadata, name, size, seed, content_type="application/pdf"):
    status, answer = raw_upload(server.port, token, dossier, multipart_head(metadata, name, content_type),
                                list(pdf_chunks(size, seed=seed)), size, MULTIPART_TAIL)
    check(status == 201, f"upload {name}: {status} {answer[:300]!r}")
    return json.loads(answer)


def closed_dossier(client, server, url):
    vng = admin(url, "token", "create", "--rol", "koepel", "--koepel", "VNG", "--naam", "VNG").strip()
    status, payload, _ = client.call(server.base, "POST", "/v1/dossiers", {
        "titel": "Beheer van openbare laadpalen", "omschrijving": "Gemeenten plannen en beheren laadinfrastructuur.",
        "vakdepartement": "IenW", "soort": "taak", "nieuweTaak": True})
    check(status == 201, f"open: {status} {payload}")
    dossier = payload["id"]
    command(client, server, dossier, "consultaties", {"koepels": ["VNG"], "termijn": "2030-01-31"})
    status, payload, _ = Client(vng).call(server.base, "POST", f"/v1/dossiers/{dossier}/consultaties/1/reacties",
                                          {"standpunt": "instemmend", "toelichting": "Akkoord."})
    check(status == 201, f"reactie: {status} {payload}")
    documents = []
    meta = {"titel": "Concept wetsvoorstel", "documentsoort": "voorstel", "vertrouwelijkheid": "openbaar"}
    first = upload(server, client.token, dossier, meta, "wet voorstel \"concept\" é.pdf", 300_000, 1)
    documents.append(first)
    documents.append(upload(server, client.token, dossier, dict(meta, vervangt=first["id"]), "wet voorstel \"concept\" é.pdf", 2_200_000, 2))
    documents.append(upload(server, client.token, dossier, {"titel": "Memo", "documentsoort": "overig", "vertrouwelijkheid": "intern"},
                            "memo#1&2.pdf", 1000, 3))
    documents.append(upload(server, vng, dossier, {"titel": "Brief VNG", "documentsoort": "reactie", "vertrouwelijkheid": "openbaar",
                                                    "reactie": {"ronde": 1, "koepel": "VNG"}}, "brief.pdf", 5000, 4))
    command(client, server, dossier, "consultaties/1/sluiting", {})
    command(client, server, dossier, "toetsingen", {"taakkenmerken": {"schaal": "lokaal", "beleidsvrijheid": "veel",
            "sturingVakdepartement": False, "waterbeheer": False, "specifiekBeleidsterrein": False, "samenwerking": "geen"}})
    command(client, server, dossier, "besluiten", {"bestuurslaag": "rijk", "motivering": "Uniform landelijk beleid."})
    return dossier, documents


def check_tree(files, dossier_kenmerk, documents, schema):
    """`files`: path -> bytes of a package. Returns the number of sidecars validated."""
    names = list(files)
    check("pakbon.xml" in files, "no pakbon.xml")
    top = f"{dossier_kenmerk}/{dossier_kenmerk}.MDTO.xml"
    check(top in files, f"no dossier sidecar {top}")
    for path in names:
        for part in path.split("/"):
            check(len(part) <= 255 and not (set(part) & FORBIDDEN), f"name not clean: {path!r}")
    check(len({n.lower() for n in names}) == len(names), "names are not unique")
    sidecars = [n for n in names if n.endswith(".MDTO.xml")]
    for name in sidecars:
        errors = list(schema.iter_errors(io.BytesIO(files[name])))
        check(not errors, f"{name} does not validate: {errors[0] if errors else ''}")
    data_files = [n for n in names if not n.endswith(".MDTO.xml") and n != "pakbon.xml"]
    check(len(data_files) == len(documents) + 3, f"expected {len(documents) + 3} data files (with zegel.json and sleutels.json), found {data_files}")
    # every bestand sidecar's size and checksum are its file's
    for name in [n for n in sidecars if n.endswith(".bestand.MDTO.xml")]:
        tree = ET.fromstring(files[name])
        data = files[name[:-len(".bestand.MDTO.xml")]]
        check(int(tree.find(".//m:omvang", NS).text) == len(data), f"{name}: omvang")
        check(tree.find(".//m:checksumWaarde", NS).text == hashlib.sha256(data).hexdigest(), f"{name}: checksum")
        check(re.fullmatch(r"(x-)?fmt/\d+", tree.find(".//m:bestandsformaat/m:begripCode", NS).text), f"{name}: no PRONOM id")
    # the documents' bytes are the uploads' (by SHA-256)
    sums = {hashlib.sha256(files[n]).hexdigest() for n in data_files}
    for document in documents:
        check(document["sha256"] in sums, f"document {document['id']} is not in the package")
    # the pakbon names every file but itself with its size and SHA-256, and counts right
    pakbon = ET.fromstring(files["pakbon.xml"])
    p = {"p": "urn:toedeling:pakbon:1"}
    listed = {b.find("p:pad", p).text: (int(b.find("p:omvang", p).text), b.find("p:sha256", p).text) for b in pakbon.findall(".//p:bestand", p)}
    check(set(listed) == set(names) - {"pakbon.xml"}, f"the pakbon lists {sorted(set(listed) ^ (set(names) - {'pakbon.xml'}))} wrongly")
    for path, (size, digest) in listed.items():
        check(size == len(files[path]) and digest == hashlib.sha256(files[path]).hexdigest(), f"pakbon: {path} differs")
    check(int(pakbon.find("p:aantalBestanden", p).text) == len(names) - 1, "pakbon: aantalBestanden")
    check(int(pakbon.find("p:aantalInformatieobjecten", p).text) == len(documents) + 2, "pakbon: aantalInformatieobjecten")
    check(int(pakbon.find("p:aantalGegevensbestanden", p).text) == len(data_files), "pakbon: aantalGegevensbestanden")
    check(int(pakbon.find("p:omvangGegevensbestanden", p).text) == sum(len(files[n]) for n in data_files), "pakbon: omvang")
    # the event stream: one JSON line per event, chained
    stream = [json.loads(line) for line in files[f"{dossier_kenmerk}/gebeurtenissen/gebeurtenissen.jsonl"].decode().splitlines()]
    check([e["version"] for e in stream] == list(range(1, len(stream) + 1)), "the event stream is not whole")
    check(all(stream[i]["previousHash"] == stream[i - 1]["hash"] for i in range(1, len(stream))), "the event stream's chain is broken")
    check_seal(json.loads(files[f"{dossier_kenmerk}/gebeurtenissen/zegel.json"]), stream)
    check_keys(json.loads(files[f"{dossier_kenmerk}/gebeurtenissen/sleutels.json"]), stream)
    return len(sidecars)


def check_keys(document, stream):
    """Every sealed field of the stream opens with the package's keys (AES-256-GCM, the key id as
    associated data), and the dossier's omschrijving reads as it was written: the e-Depot can read
    the record without Toedeling."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    keys = {k["id"]: base64.b64decode(k["waarde"]) for k in document["sleutels"]}
    sealed = re.findall(r'"tdl:enc:1:([a-z]+:[0-9a-f-]{36}):([A-Za-z0-9_-]+)"', json.dumps(stream))
    check(sealed, "the event stream holds no sealed field: nothing was tested")
    opened = []
    for key_id, blob in sealed:
        check(key_id in keys, f"the package lacks key {key_id}")
        raw = base64.urlsafe_b64decode(blob + "=" * (-len(blob) % 4))
        opened.append(AESGCM(keys[key_id]).decrypt(raw[:12], raw[12:], key_id.encode()).decode("utf-8"))
    check("Gemeenten plannen en beheren laadinfrastructuur." in opened, f"the omschrijving does not open: {opened[:3]}")


def check_seal(seal, stream):
    """The package's seal: signed by the key (openssl), its proof leads from this stream's sealed head
    to the signed root, and that head is in the packaged stream."""
    import base64
    import struct
    import subprocess
    head = seal["stroom"]
    packaged = {e["version"]: e["hash"] for e in stream}
    check(packaged.get(head["versie"]) == head["head"], "the sealed head is not in the packaged event stream")
    leaf = hashlib.sha256(b"\x00" + head["stream"].encode() + b"\x00" + struct.pack(">Q", head["versie"]) + bytes.fromhex(head["head"])).digest()
    for step in seal["bewijs"]:
        sibling = bytes.fromhex(step["hash"])
        leaf = hashlib.sha256(b"\x01" + (sibling + leaf if step["kant"] == "links" else leaf + sibling)).digest()
    check(leaf.hex() == seal["merkleRoot"], "the Merkle proof does not lead to the sealed root")
    with tempfile.TemporaryDirectory() as folder:
        raw = base64.b64decode(seal["publiekeSleutel"])
        spki = bytes.fromhex("302a300506032b6570032100") + raw
        pem = "-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(spki).decode() + "\n-----END PUBLIC KEY-----\n"
        open(os.path.join(folder, "key.pub"), "w").write(pem)
        open(os.path.join(folder, "msg"), "wb").write(seal["bericht"].encode())
        open(os.path.join(folder, "sig"), "wb").write(base64.b64decode(seal["handtekening"]))
        result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pub", "-rawin", "-in", "msg", "-sigfile", "sig"],
                                cwd=folder, capture_output=True, text=True)
        check(result.returncode == 0 and "Success" in result.stdout, f"openssl does not verify the seal's signature: {result.stdout} {result.stderr}")


def scenario_package():
    schema = xmlschema.XMLSchema(os.environ["MDTO_XSD"])
    url, client = setup("archive_package")
    server = Server(url, "archive").start()
    dossier, documents = closed_dossier(client, server, url)
    status, payload, _ = client.call(server.base, "GET", f"/v1/dossiers/{dossier}/archiefpakket")
    check(status == 409, f"a package without a category: {status}")
    status, payload, _ = client.call(server.base, "PUT", f"/v1/dossiers/{dossier}/archivering", {"selectielijstcategorie": "1.2"})
    check(status == 200, f"archivering: {status} {payload}")
    kenmerk = payload["kenmerk"]
    keys = tempfile.mkdtemp()
    admin(url, "zegel", "sleutel", "--naar", os.path.join(keys, "zegel.key"))
    admin(url, "zegel", "--sleutel", os.path.join(keys, "zegel.key"))
    request = urllib.request.Request(f"{server.base}/v1/dossiers/{dossier}/archiefpakket", headers={"Authorization": f"Bearer {client.token}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        check(response.headers["Content-Type"] == "application/zip", "the package is not a ZIP")
        body = response.read()
    archive = zipfile.ZipFile(io.BytesIO(body))
    check(archive.testzip() is None, "a CRC in the ZIP does not hold")
    files = {info.filename: archive.read(info) for info in archive.infolist()}
    validated = check_tree(files, kenmerk, documents, schema)
    with tempfile.TemporaryDirectory() as target:
        admin(url, "archief", "pakket", kenmerk, "--naar", os.path.join(target, "pakket"))
        on_disk = {}
        for root, _, names in os.walk(os.path.join(target, "pakket")):
            for name in names:
                path = os.path.join(root, name)
                on_disk[os.path.relpath(path, os.path.join(target, "pakket"))] = open(path, "rb").read()
        check(set(on_disk) == set(files), "the CLI's tree differs from the ZIP's")
        check_tree(on_disk, kenmerk, documents, schema)
    status, payload, _ = client.call(server.base, "POST", f"/v1/dossiers/{dossier}/overdracht", {"ontvangstbevestiging": "EDEPOT-2026-1"})
    check(status == 201 and payload["archivering"]["archiefstatus"] == "overgedragen", f"overdracht: {status} {payload}")
    status, payload, _ = client.call(server.base, "POST", f"/v1/dossiers/{dossier}/kamerstukken",
                                     {"nummer": "36600-1", "titel": "Brief", "datum": "2026-12-01"})
    check(status == 409, f"a command after the transfer: {status}")
    server.stop()
    log(f"package: {len(files)} files, {validated} sidecars valid against the MDTO XSD, pakbon and checksums hold; "
        "transferred, then read-only")


def scenario_refusals():
    url, client = setup("archive_refusals")
    server = Server(url, "refusals").start()
    status, payload, _ = client.call(server.base, "POST", "/v1/dossiers", {
        "titel": "Open", "omschrijving": "Nog open.", "vakdepartement": "BZK", "soort": "taak", "nieuweTaak": True})
    dossier = payload["id"]
    status, payload, _ = client.call(server.base, "GET", f"/v1/dossiers/{dossier}/archiefpakket")
    check(status == 409 and "nog niet besloten" in payload["detail"], f"a package of an open dossier: {status} {payload}")
    try:
        admin(url, "archief", "pakket", payload and dossier, "--naar", tempfile.mkdtemp())
        raise AssertionError("the CLI packaged an open dossier")
    except AssertionError as error:
        check("nog niet besloten" in str(error), f"the CLI does not say why: {error}")
    server.stop()
    log("refusals: a package of an open dossier is 409 over HTTP and refused by the CLI")


class TSA:
    """A time-stamping authority on loopback: `openssl ts -reply` for every POSTed query, or garbage."""

    def __init__(self, folder, garbage=False):
        import http.server
        import subprocess
        import threading
        self.folder = folder
        tsa = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                query = self.rfile.read(int(self.headers["Content-Length"]))
                if garbage:
                    reply = b"\x30\x03\x02\x01\x07" + os.urandom(40)
                else:
                    open(os.path.join(tsa.folder, "q.tsq"), "wb").write(query)
                    subprocess.run(["openssl", "ts", "-reply", "-config", "ts.cnf", "-queryfile", "q.tsq", "-out", "r.tsr"],
                                   cwd=tsa.folder, check=True, capture_output=True)
                    reply = open(os.path.join(tsa.folder, "r.tsr"), "rb").read()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tsa"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


def make_tsa_pki(folder):
    import subprocess
    def run(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Toedeling test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=Toedeling test TSA")
    open(os.path.join(folder, "ext.cnf"), "w").write("extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n")
    run("x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "tsa.pem", "-days", "2", "-extfile", "ext.cnf")
    open(os.path.join(folder, "serial"), "w").write("01\n")
    open(os.path.join(folder, "ts.cnf"), "w").write(f"""[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = {folder}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
""")


def scenario_tsa():
    import base64
    import subprocess
    url, client = setup("archive_tsa")
    folder = tempfile.mkdtemp()
    make_tsa_pki(folder)
    admin(url, "zegel", "sleutel", "--naar", os.path.join(folder, "zegel.key"))
    seals = os.path.join(folder, "zegels")
    os.mkdir(seals)
    tsa = TSA(folder)
    env = dict(os.environ, TOEDELING_TSA_URL=tsa.url)
    result = subprocess.run([f"{os.environ['TOEDELING_BIN_DIR']}/toedeling-admin", "zegel", "--sleutel", os.path.join(folder, "zegel.key"), "--map", seals],
                            env=dict(env, DATABASE_URL=url), capture_output=True, text=True)
    tsa.stop()
    check(result.returncode == 0 and "time-stamped by the TSA" in result.stdout, f"sealing with a TSA: {result.stdout} {result.stderr}")
    seal = json.load(open(os.path.join(seals, os.listdir(seals)[0])))
    open(os.path.join(folder, "token.der"), "wb").write(base64.b64decode(seal["tijdstempel"]["token"]))
    digest = hashlib.sha256(("toedeling-zegel-v1\n" + seal["gemaaktOp"] + "\n" + seal["merkleRoot"] + "\n" + str(seal["aantalStromen"]) + "\n").encode()).hexdigest()
    verified = subprocess.run(["openssl", "ts", "-verify", "-digest", digest, "-in", "token.der", "-token_in", "-CAfile", "ca.pem", "-untrusted", "tsa.pem"],
                              cwd=folder, capture_output=True, text=True)
    check(verified.returncode == 0 and "OK" in verified.stdout, f"openssl does not verify the time-stamp: {verified.stdout} {verified.stderr}")
    checked = subprocess.run([f"{os.environ['TOEDELING_BIN_DIR']}/toedeling-admin", "verify", "--zegel", os.path.join(seals, os.listdir(seals)[0]),
                              "--publieke-sleutel", os.path.join(folder, "zegel.key.pub")], env=dict(os.environ, DATABASE_URL=url), capture_output=True, text=True)
    check(checked.returncode == 0, f"verify --zegel with a time-stamp: {checked.stdout} {checked.stderr}")
    for label, bad in (("garbage", TSA(folder, garbage=True)), ("unreachable", None)):
        target = bad.url if bad else "http://127.0.0.1:9/tsa"
        result = subprocess.run([f"{os.environ['TOEDELING_BIN_DIR']}/toedeling-admin", "zegel", "--sleutel", os.path.join(folder, "zegel.key")],
                                env=dict(os.environ, DATABASE_URL=url, TOEDELING_TSA_URL=target), capture_output=True, text=True)
        if bad:
            bad.stop()
        check(result.returncode == 0 and "sealed" in result.stdout and "no time-stamp" in result.stderr,
              f"a {label} TSA: {result.returncode} {result.stdout} {result.stderr}")
    log("tsa: a seal time-stamped by a local RFC 3161 authority verifies with openssl; a garbage or unreachable TSA gives a seal without a token and says why")


SCENARIOS = {"package": scenario_package, "refusals": scenario_refusals, "tsa": scenario_tsa}

if __name__ == "__main__":
    for name in sys.argv[1:] or SCENARIOS:
        SCENARIOS[name]()
    print(f"archive: {len(SCENARIOS)} passed, 0 failed" if not sys.argv[1:] else "archive: done")
