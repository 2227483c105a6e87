#!/usr/bin/env bash
# Sign-in through an OpenID Provider (issue "Sign-in"), against a real provider started here:
# scripts/tests/oidc_provider.py, built on authlib's server components (PyPI: Authlib, Flask), which
# enforces PKCE (S256), one-time codes and its registered redirect URIs. oidc.py runs the route tests
# of every refusal and then the browser test (headless Chromium through Selenium, as browser.sh) in
# which a coordinator, a koepel member and a liaison sign in on the provider's login page.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/pg.sh
toedeling_install_prerequisites
toedeling_install_packages chromium chromium-driver python3-venv

venv="${TOEDELING_OIDC_VENV:-.build/oidc-venv}"
if ! "$venv/bin/python" -c 'import authlib, flask, requests, selenium, sys; sys.exit(authlib.__version__ != "1.9.10" or selenium.__version__ != "4.51.0")' 2>/dev/null \
    || ! ls "$venv"/lib/python3*/site-packages/axe_playwright_python/axe.min.js >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "Authlib==1.9.10" "Flask>=3.1,<4" "requests>=2.31,<3" "selenium==4.51.0"
    # Only for the axe-core script it carries (as in browser.sh).
    "$venv/bin/pip" install -q --no-deps "axe-playwright-python==0.1.8"
fi
OIDC_AXE=$(ls "$venv"/lib/python3*/site-packages/axe_playwright_python/axe.min.js | head -n 1)
export OIDC_AXE
export OIDC_ARTIFACTS="${TOEDELING_TEST_ARTIFACTS:-$PWD/test-artifacts}/oidc"
rm -rf "$OIDC_ARTIFACTS"

toedeling_process_test oidc
"$venv/bin/python" scripts/tests/oidc.py "$@"
