#!/usr/bin/env bash
# End-to-end security checks of the real `parley` binary (issue 5, "Done when"):
#   1. openapi-spec-validator: the served OpenAPI document is valid OpenAPI 3.1 and is the
#      repository's copy;
#   2. schemathesis: every API operation, fuzzed with the tokens of us-negotiator and
#      ru-negotiator (peers, so that reading one side's objects with the other's token is
#      tried), with no 5xx answer and no answer outside the document's schemas;
#   3. wapiti: the signed-in pages, with no form lacking a CSRF token, no missing security
#      header and no cookie without its flags.
# The server runs on loopback with `--demo` (a temporary database), `--port 0`, and
# `--secure-cookies`: cookies as they are behind TLS, which is how a server is deployed.
#
# Usage: bash scripts/lib/api-security.sh PATH_TO_PARLEY_BINARY
# The Python tools are installed with pip into virtual environments under
# $PARLEY_TOOLS (default ~/.cache/parley-security-tools) when they are not there yet.
# Limits: ST_MAX_EXAMPLES (default 15) examples per operation and phase.
set -euo pipefail

if [[ $# -ne 1 || ! -x $1 ]]; then
    echo "usage: $0 PATH_TO_PARLEY_BINARY" >&2
    exit 2
fi
PARLEY=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${PARLEY_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/parley-security-tools}
MAX_EXAMPLES=${ST_MAX_EXAMPLES:-15}
WORK=$(mktemp -d)
SERVER_PID=

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'api-security: FAIL: %s\n' "$*" >&2; exit 1; }

cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- Tools -----------------------------------------------------------------------------------
# Each tool gets its own virtual environment: wapiti3 pins versions schemathesis cannot share.
tool_env() {  # name, pip packages…
    local name=$1; shift
    if [[ ! -x $TOOLS/$name/bin/python ]]; then
        python3 -m venv "$TOOLS/$name"
    fi
    # Installed already at exactly these versions? (pip check-style: `pip freeze` lists name==version.)
    local missing=0 package
    for package in "$@"; do
        "$TOOLS/$name/bin/python" -m pip freeze 2>/dev/null | grep -qix "$package" || missing=1
    done
    if [[ $missing == 1 ]]; then
        say "installing $* into $TOOLS/$name"
        "$TOOLS/$name/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
    fi
}
mkdir -p "$TOOLS"
# Versions pinned: a run today fuzzes as a run next month does.
tool_env schemathesis schemathesis==4.32.5 openapi-spec-validator==0.9.0
tool_env wapiti wapiti3==3.2.3
ST=$TOOLS/schemathesis/bin
WAPITI=$TOOLS/wapiti/bin/wapiti

# --- Server ----------------------------------------------------------------------------------
say "starting $PARLEY serve --demo on loopback"
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
mkdir -p "$WORK/tmp"
# TMPDIR: the demo database is made there, so it goes when $WORK goes.
# From $WORK, and with no database named, so that nothing is written beside the caller.
(cd "$WORK" && exec env -u PARLEY_DATABASE_URL -u PARLEY_PORT -u PARLEY_HOST TMPDIR="$WORK/tmp" \
    PARLEY_DEMO_PASSWORD="$PASSWORD" "$PARLEY" serve --demo --host 127.0.0.1 --port 0 --secure-cookies \
    >"$WORK/serve.out" 2>"$WORK/serve.err") &
SERVER_PID=$!
PORT=
for _ in $(seq 600); do
    PORT=$(sed -n 's|^Parley listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$|\1|p' "$WORK/serve.out" | head -n 1)
    [[ -n $PORT ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err" >&2; fail "the server exited before listening"; }
    sleep 0.2
done
[[ -n $PORT ]] || fail "the server printed no address within 120 s"
BASE=http://127.0.0.1:$PORT
echo "listening on $BASE"

token() {  # username → bearer token
    curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\",\"label\":\"api-security\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
US_TOKEN=$(token us-negotiator)
RU_TOKEN=$(token ru-negotiator)
MECHANISM=$(curl -sf "$BASE/api/v1/mechanisms" -H "Authorization: Bearer $US_TOKEN" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["mechanisms"][0]["id"])')
echo "mechanism $MECHANISM"

# A signed-in page session for wapiti, made before schemathesis's random sign-ins get this
# address throttled. The sign-in form carries a CSRF token tied to its nonce cookie.
# Cookies are read from the headers by hand: they are Secure, and curl keeps no Secure cookie
# that came over plain HTTP.
cookie() {  # header file, cookie name → name=value
    tr -d '\r' <"$1" | sed -n "s/^[Ss]et-[Cc]ookie: \($2=[^;]*\).*/\1/p" | head -n 1
}
curl -sf -D "$WORK/form.headers" -o "$WORK/form.html" "$BASE/sign-in"
NONCE=$(cookie "$WORK/form.headers" __Host-parley_signin)
CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/form.html" | head -n 1)
curl -sf -D "$WORK/signin.headers" -o /dev/null -X POST "$BASE/sign-in" -H "Cookie: $NONCE" \
    --data-urlencode "csrf=$CSRF" --data-urlencode "username=us-negotiator" --data-urlencode "password=$PASSWORD"
SESSION_COOKIE=$(cookie "$WORK/signin.headers" __Host-parley_session)
[[ -n $SESSION_COOKIE ]] || fail "could not sign in to the pages as us-negotiator"

# --- 1. The document -------------------------------------------------------------------------
say "openapi-spec-validator"
curl -sf "$BASE/api/openapi.json" -o "$WORK/openapi.json"
cmp -s "$WORK/openapi.json" "$ROOT/Sources/ParleyWeb/Resources/openapi.json" ||
    fail "the served document is not Sources/ParleyWeb/Resources/openapi.json"
python3 "$ROOT/scripts/lib/openapi.py" --check || fail "the document is not what scripts/lib/openapi.py writes"
"$ST/openapi-spec-validator" "$WORK/openapi.json"

# --- 2. schemathesis -------------------------------------------------------------------------
say "schemathesis (at most $MAX_EXAMPLES examples per operation and phase)"
cat >"$WORK/wfc-auth.json" <<JSON
{"auth": [
  {"name": "us-negotiator", "fixedHeaders": [{"name": "Authorization", "value": "Bearer $US_TOKEN"}]},
  {"name": "ru-negotiator", "fixedHeaders": [{"name": "Authorization", "value": "Bearer $RU_TOKEN"}]}
]}
JSON
# The two sides are peers: what one side reads of its own must not reach the other.
# The mechanism id is fixed, or every generated request would miss it and answer 404.
cat >"$WORK/schemathesis.toml" <<TOML
base-url = "$BASE"
# One worker: hypothesis's caches are not safe across threads (a KeyError inside it was seen).
workers = 1
request-timeout = 10.0

[parameters]
"path.id" = "$MECHANISM"

[generation]
max-examples = $MAX_EXAMPLES

# Negotiating texts are shared by design: the other side reading a text one side started is the
# point of them, so the object-level check does not apply to that tag.
[[operations]]
include-tag = "texts"
checks.object_level_authorization.enabled = false

[auth.wfc]
path = "$WORK/wfc-auth.json"
peers = ["us-negotiator", "ru-negotiator"]
TOML
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance
CHECKS=$CHECKS,response_schema_conformance,ignored_auth,object_level_authorization,use_after_free
CHECKS=$CHECKS,ensure_resource_availability
(cd "$WORK" && "$ST/schemathesis" --config-file "$WORK/schemathesis.toml" run "$WORK/openapi.json" \
    --checks "$CHECKS" --seed "${ST_SEED:-1}" --report junit --report-dir "$WORK/schemathesis-report") ||
    fail "schemathesis found problems (above)"

# --- 3. wapiti -------------------------------------------------------------------------------
say "wapiti (csrf, http_headers, cookieflags) on the signed-in pages"
"$WAPITI" --url "$BASE/" --scope folder \
    --cookie-value "$SESSION_COOKIE" \
    --start "$BASE/mechanisms" --start "$BASE/account" --start "$BASE/mechanisms/$MECHANISM" \
    --start "$BASE/mechanisms/$MECHANISM/texts" --start "$BASE/mechanisms/$MECHANISM/texts/TXT-1" \
    --exclude "$BASE/sign-out" --module csrf,http_headers,cookieflags,csp \
    --depth 4 --max-links-per-page 60 --max-scan-time 240 --tasks 4 \
    --store-session "$WORK/wapiti-session" --store-config "$WORK/wapiti-config" --flush-session \
    --format json --output "$WORK/wapiti.json" --no-bugreport --verbose 1 >"$WORK/wapiti.log" 2>&1 ||
    { cat "$WORK/wapiti.log" >&2; fail "wapiti did not run"; }
grep -i "launching module" "$WORK/wapiti.log" || true
for module in csrf http_headers cookieflags csp; do
    grep -qi "launching module $module" "$WORK/wapiti.log" || { cat "$WORK/wapiti.log" >&2; fail "wapiti did not run $module"; }
done
python3 - "$WORK/wapiti.json" <<'PY' || fail "wapiti found problems (above)"
import json, sys
report = json.load(open(sys.argv[1]))
crawled = report.get("infos", {}).get("crawled_pages_nbr", 0)
found = {name: items for name, items in report.get("vulnerabilities", {}).items() if items}
found.update({"anomaly: " + name: items for name, items in report.get("anomalies", {}).items() if items})
print(f"wapiti crawled {crawled} pages")
for name, items in found.items():
    for item in items:
        print(f"  {name}: {item.get('info')} ({item.get('method')} {item.get('path')})")
if crawled < 5:
    sys.exit("wapiti crawled fewer than 5 pages: was the session cookie accepted?")
sys.exit(1 if found else 0)
PY

say "api-security: all checks passed"
