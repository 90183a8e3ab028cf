#!/usr/bin/env bash
# The runbook's gradual load test (step 5) for `failover-lab demo` (docs/runbook-local.md): ramps the simulated
# load from FROM to TO requests per second over SECONDS, then holds TO (the real script stops; the later steps of
# the runbook need traffic). It sets the ramp through the demo's control API and returns at once.
#
#   gradual-load-test.sh SECONDS [FROM_RPS] [TO_RPS]      (defaults: 50 → 800 rps)
#
# DEMO_CONTROL_URL points at the control API (default http://127.0.0.1:8081). Needs only bash and curl; on any
# error it prints one line on stderr and exits 1.
set -u -o pipefail

me="gradual-load-test"
control_url="${DEMO_CONTROL_URL:-http://127.0.0.1:8081}"
control_url="${control_url%/}"
usage="usage: gradual-load-test.sh SECONDS [FROM_RPS] [TO_RPS], e.g. gradual-load-test.sh 300"

die() {
    printf '%s: %s\n' "$me" "$*" >&2
    exit 1
}

command -v curl >/dev/null 2>&1 || die "curl is required and was not found on PATH"
(($# >= 1 && $# <= 3)) || die "expected 1 to 3 arguments, got $# ($usage)"
over="$1"
from="${2:-50}"
to="${3:-800}"
[[ "$over" =~ ^[0-9]+$ ]] && ((10#$over > 0)) || die "SECONDS must be a whole number > 0, got '$over' ($usage)"
[[ "$from" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "FROM_RPS must be a number >= 0, got '$from' ($usage)"
[[ "$to" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "TO_RPS must be a number >= 0, got '$to' ($usage)"

body="{\"from\":$from,\"to\":$to,\"over_seconds\":$((10#$over))}"
response="$(curl -sS -X POST -H 'Accept: text/plain' -H 'Content-Type: application/json' --data-binary "$body" \
    -w $'\n%{http_code}' "$control_url/control/load" 2>/dev/null)" ||
    die "cannot reach the demo's control API at $control_url (is 'failover-lab demo' running? set DEMO_CONTROL_URL for another address)"
code="${response##*$'\n'}"
text="${response%$'\n'*}"
text="${text%$'\n'}"
if [[ "$code" != 2?? ]]; then
    [[ -n "$text" ]] || text="HTTP $code from $control_url/control/load"
    die "${text%%$'\n'*}"
fi
printf '%s (then holds %s rps; watch it: scripts/demo-kubectl.sh get pods -w, or GET %s/control/status)\n' \
    "$text" "$to" "$control_url"
