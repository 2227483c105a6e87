"""A real OpenID Provider for the tests, built on authlib's server components (Flask integration).

It serves discovery, a JWK set, an authorization endpoint with a login page, a token endpoint that
enforces PKCE (S256) and one-time codes, and an end-session endpoint. For the refusal tests a
control endpoint makes the *next* ID token wrong in one way (bad signature, wrong audience, expired,
wrong nonce, wrong issuer) and another rotates the signing key. Loopback only.

    python oidc_provider.py --port P --client-id ID --client-secret S --redirect-uri URI \
        --post-logout-redirect-uri URI --users users.json
"""

import argparse
import base64
import hashlib
import html
import json
import secrets
import threading
import time

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask, jsonify, redirect, request, session
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--client-id", required=True)
parser.add_argument("--client-secret", required=True)
parser.add_argument("--redirect-uri", required=True)
parser.add_argument("--post-logout-redirect-uri", required=True)
parser.add_argument("--users", required=True)
args = parser.parse_args()

ISSUER = f"http://127.0.0.1:{args.port}"
lock = threading.Lock()
USERS = {u["username"]: u for u in json.load(open(args.users, encoding="utf-8"))}


def new_key(kid):
    return RSAKey.import_key(
        rsa.generate_private_key(public_exponent=65537, key_size=2048), parameters={"kid": kid, "use": "sig", "alg": "RS256"}
    )


state = {
    "keys": [new_key("sleutel-1")],   # the first signs; the others are still published
    "fault": None,                     # the next ID token's flaw
    "codes": {},                       # code -> AuthorizationCode
    "issued": 0,                       # ID tokens issued
    "exchanges": [],                   # what the token endpoint saw (grant type, PKCE verifier present)
    "logouts": 0,
}


class Client(ClientMixin):
    def __init__(self):
        self.client_id = args.client_id
        self.client_secret = args.client_secret

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return args.redirect_uri

    def get_allowed_scope(self, scope):
        return " ".join(s for s in scope.split() if s in ("openid", "email", "profile"))

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri == args.redirect_uri

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


CLIENT = Client()


class AuthorizationCode:
    def __init__(self, code, user, redirect_uri, scope, nonce, challenge, method):
        self.code, self.user, self.redirect_uri, self.scope = code, user, redirect_uri, scope
        self.nonce, self.code_challenge, self.code_challenge_method = nonce, challenge, method
        self.auth_time = int(time.time())
        self.created = time.time()

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return None

    def is_expired(self):
        return time.time() - self.created > 120


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code, req):
        data = req.payload.data
        with lock:
            state["codes"][code] = AuthorizationCode(
                code, req.user, req.payload.redirect_uri, req.payload.scope, data.get("nonce"),
                data.get("code_challenge"), data.get("code_challenge_method"),
            )

    def query_authorization_code(self, code, client):
        with lock:
            item = state["codes"].get(code)
        if item and not item.is_expired():
            return item
        return None

    def delete_authorization_code(self, authorization_code):
        # One-time codes: a second exchange of the same code finds nothing (invalid_grant).
        with lock:
            state["codes"].pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.user


class ToedelingOpenIDCode(OpenIDCode):
    def exists_nonce(self, nonce, req):
        return False

    def resolve_client_private_key(self, client):
        with lock:
            return state["keys"][0]

    def get_client_claims(self, client):
        return {"iss": ISSUER, "aud": [client.get_client_id()], "exp": int(time.time()) + 300}

    def get_encode_header(self, client):
        with lock:
            return {"alg": "RS256", "kid": state["keys"][0].kid}

    def generate_user_info(self, user, scope):
        info = UserInfo(sub=user["sub"], name=user["name"])
        if "email" in scope:
            info["email"] = user["email"]
            info["email_verified"] = user.get("email_verified", True)
        return info

    def encode_id_token(self, token, req):
        token_text = super().encode_id_token(token, req)
        with lock:
            fault, state["fault"] = state["fault"], None
            state["issued"] += 1
            key = state["keys"][0]
        if not fault:
            return token_text
        claims = json.loads(base64.urlsafe_b64decode(token_text.split(".")[1] + "=="))
        header = {"alg": "RS256", "kid": key.kid}
        if fault == "handtekening":
            # Signed by a key the provider never published, under the published key's id.
            return jwt.encode(header, claims, new_key(key.kid), ["RS256"])
        if fault == "audience":
            claims["aud"] = ["een-andere-toepassing"]
        elif fault == "verlopen":
            claims["iat"], claims["exp"] = int(time.time()) - 7200, int(time.time()) - 3600
        elif fault == "nonce":
            claims["nonce"] = "een-andere-nonce"
        elif fault == "issuer":
            claims["iss"] = "http://127.0.0.1:1/niet-de-provider"
        elif fault == "geen-handtekening":
            def part(value):
                return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
            return part({"alg": "none"}) + "." + part(claims) + "."
        return jwt.encode(header, claims, key, ["RS256"])


app = Flask(__name__)
app.secret_key = secrets.token_bytes(32)
app.config["SESSION_COOKIE_NAME"] = "idp_session"
server = AuthorizationServer(app, query_client=lambda cid: CLIENT if cid == CLIENT.client_id else None, save_token=lambda t, r: None)
server.register_grant(CodeGrant, [ToedelingOpenIDCode(require_nonce=True), CodeChallenge(required=True)])


@app.get("/.well-known/openid-configuration")
def discovery():
    return jsonify({
        "issuer": ISSUER,
        "authorization_endpoint": ISSUER + "/authorize",
        "token_endpoint": ISSUER + "/token",
        "jwks_uri": ISSUER + "/jwks",
        "end_session_endpoint": ISSUER + "/logout",
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"],
    })


@app.get("/jwks")
def jwks():
    with lock:
        keys = list(state["keys"])
    return jsonify(KeySet(keys).as_dict(private=False))


LOGIN_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test-IdP: inloggen</title></head>
<body><main><h1>Test-IdP</h1><p>{message}</p>
<form method="post" action="/authorize?{query}">
<label for="username">Gebruikersnaam</label> <input id="username" name="username" autocomplete="username">
<label for="password">Wachtwoord</label> <input id="password" name="password" type="password">
<button type="submit" id="login">Inloggen</button></form></main></body></html>"""


@app.route("/authorize", methods=["GET", "POST"])
def authorize():
    query = html.escape(request.query_string.decode("ascii"), quote=True)
    if request.method == "GET":
        try:
            server.get_consent_grant(end_user=None)
        except Exception as error:  # a malformed request: authlib's own error page
            return f"Ongeldig verzoek: {html.escape(str(error))}", 400
        user = USERS.get(session.get("user", ""))
        if user:
            return server.create_authorization_response(grant_user=user)
        return LOGIN_PAGE.format(message="Log in bij de identiteitsprovider.", query=query)
    user = USERS.get(request.form.get("username", ""))
    if not user or not secrets.compare_digest(request.form.get("password", ""), user["password"]):
        return LOGIN_PAGE.format(message="Onbekende gebruiker of verkeerd wachtwoord.", query=query), 401
    session["user"] = user["username"]
    return server.create_authorization_response(grant_user=user)


@app.post("/token")
def token():
    with lock:
        state["exchanges"].append({"verifier": bool(request.form.get("code_verifier")), "grant_type": request.form.get("grant_type")})
    return server.create_token_response()


@app.get("/logout")
def logout():
    session.pop("user", None)
    with lock:
        state["logouts"] += 1
    target = request.args.get("post_logout_redirect_uri")
    if request.args.get("client_id") == CLIENT.client_id and target == args.post_logout_redirect_uri:
        return redirect(target)
    return "Uitgelogd bij de Test-IdP.", 200


# -- test control (loopback only) --------------------------------------------------------------

@app.post("/test/fout")
def fault():
    with lock:
        state["fault"] = request.get_json(force=True).get("fout")
    return jsonify({"ok": True})


@app.post("/test/roteer")
def rotate():
    with lock:
        number = len(state["keys"]) + 1
        state["keys"].insert(0, new_key(f"sleutel-{number}"))
        if request.args.get("oude") == "weg":
            del state["keys"][1:]
        kid = state["keys"][0].kid
    return jsonify({"kid": kid})


@app.post("/test/gebruiker")
def user_update():
    change = request.get_json(force=True)
    with lock:
        USERS.setdefault(change["username"], {}).update(change)
    return jsonify({"ok": True})


@app.get("/test/stand")
def status():
    with lock:
        return jsonify({"issued": state["issued"], "exchanges": state["exchanges"], "logouts": state["logouts"],
                        "kids": [k.kid for k in state["keys"]]})


if __name__ == "__main__":
    import logging
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app.run(host="127.0.0.1", port=args.port, threaded=True)
