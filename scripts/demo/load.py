#!/usr/bin/env python3
"""Loads the demo dossiers of scripts/demo/dossiers/*.json through Toedeling's HTTP API.

Each file holds one dossier: the body of POST /v1/dossiers and the commands (steps) that follow,
each a path under /v1/dossiers/{id}/ and a body. A string "@geopend+Nd" in a body becomes the date
N days after the day the dossier was opened, so a body never changes between runs; "{ronde}" in a
path becomes the round number the last consultation returned.

Loading is idempotent: every POST carries a fixed Idempotency-Key (a retry returns the first
answer and writes nothing), and a dossier whose titel already exists is not opened again; its
steps are sent again with the same keys. Any answer other than 2xx stops the load with the
status and body on stderr and exit status 1.

Usage: load.py --base-url http://127.0.0.1:8080 (--token TOKEN | --token-file FILE) [--dir DIR]
"""

import argparse
import datetime
import json
import pathlib
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

KEY_PREFIX = "toedeling-demo-v1"
RELATIVE_DATE = re.compile(r"^@geopend\+(\d+)d$")


class LoadError(Exception):
    """A request failed; the message says which and why."""


class Api:
    """A minimal client for the Toedeling HTTP API with a bearer token."""

    def __init__(self, base_url, token):
        self.base_url = base_url.rstrip("/")
        self.token = token

    def request(self, method, path_or_url, body=None, idempotency_key=None):
        """Sends one request; returns (headers, decoded JSON body). Raises LoadError on non-2xx."""
        url = path_or_url if path_or_url.startswith("http") else self.base_url + path_or_url
        data = None
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                raw = resp.read()
                return resp.headers, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace")
            sent = "" if body is None else "\nrequest body: " + json.dumps(body, ensure_ascii=False)
            raise LoadError(f"{method} {url} -> {err.code}\n{detail}{sent}") from None
        except (urllib.error.URLError, OSError) as err:
            raise LoadError(f"{method} {url} failed: {err}") from None


def next_link(headers):
    """The URL of rel="next" in an RFC 8288 Link header, or None."""
    for part in (headers.get("Link") or "").split(","):
        match = re.match(r'\s*<([^>]*)>\s*;(.*)', part)
        if match and re.search(r'rel="?next"?', match.group(2)):
            return match.group(1)
    return None


def existing_dossiers(api):
    """Maps titel to dossier id for every dossier the token can see, following the pages."""
    found = {}
    url = "/v1/dossiers?pageSize=100"
    while url:
        headers, body = api.request("GET", url)
        for dossier in (body or {}).get("resultaten", []):
            found[dossier["titel"]] = dossier["id"]
        link = next_link(headers)
        url = urllib.parse.urljoin(api.base_url + "/", link) if link else None
    return found


def with_dates(value, opened):
    """Replaces every "@geopend+Nd" string in value by the ISO date N days after opened."""
    if isinstance(value, dict):
        return {k: with_dates(v, opened) for k, v in value.items()}
    if isinstance(value, list):
        return [with_dates(v, opened) for v in value]
    if isinstance(value, str):
        match = RELATIVE_DATE.match(value)
        if match:
            return (opened + datetime.timedelta(days=int(match.group(1)))).isoformat()
    return value


def round_number(answer, current):
    """The consultation round an answer names: its top-level `ronde`, else the highest in `consultaties`."""
    if isinstance(answer, dict):
        if isinstance(answer.get("ronde"), int):
            return answer["ronde"]
        rounds = [c.get("ronde") for c in answer.get("consultaties") or [] if isinstance(c, dict)]
        rounds = [r for r in rounds if isinstance(r, int)]
        if rounds:
            return max(rounds)
    return current


def load_dossier(api, spec, existing):
    """Opens one demo dossier (unless its titel exists) and sends its steps; returns its id."""
    key = spec["sleutel"]
    titel = spec["dossier"]["titel"]
    if titel in existing:
        dossier_id = existing[titel]
        _, dossier = api.request("GET", f"/v1/dossiers/{dossier_id}")
    else:
        _, dossier = api.request("POST", "/v1/dossiers", spec["dossier"], f"{KEY_PREFIX}/{key}/dossier")
        dossier_id = dossier["id"]
    opened = datetime.date.fromisoformat(dossier["geopendOp"][:10])
    ronde = round_number(dossier, None)
    for index, step in enumerate(spec["stappen"], start=1):
        path = step["pad"]
        if "{ronde}" in path:
            if ronde is None:
                raise LoadError(f"{key}: step {index} ({path}) needs a consultation round, none was opened")
            path = path.replace("{ronde}", str(ronde))
        body = with_dates(step["body"], opened)
        _, answer = api.request("POST", f"/v1/dossiers/{dossier_id}/{path}", body,
                                f"{KEY_PREFIX}/{key}/{index}-{step['pad']}")
        if step["pad"] == "consultaties":
            ronde = round_number(answer, ronde)
    return dossier_id


def main():
    parser = argparse.ArgumentParser(description="Load the Toedeling demo dossiers through the HTTP API.")
    parser.add_argument("--base-url", required=True)
    token = parser.add_mutually_exclusive_group(required=True)
    token.add_argument("--token")
    token.add_argument("--token-file")
    parser.add_argument("--dir", default=str(pathlib.Path(__file__).resolve().parent / "dossiers"))
    args = parser.parse_args()
    bearer = args.token or pathlib.Path(args.token_file).read_text(encoding="utf-8").strip()
    api = Api(args.base_url, bearer)
    files = sorted(pathlib.Path(args.dir).glob("*.json"))
    if not files:
        print(f"demo: no dossiers in {args.dir}", file=sys.stderr)
        return 1
    try:
        existing = existing_dossiers(api)
        for path in files:
            spec = json.loads(path.read_text(encoding="utf-8"))
            dossier_id = load_dossier(api, spec, existing)
            _, state = api.request("GET", f"/v1/dossiers/{dossier_id}")
            print(f"demo: {state.get('kenmerk', dossier_id)}  {state.get('fase', '?'):<12} {spec['dossier']['titel']}")
    except LoadError as err:
        print(f"demo: loading failed: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
