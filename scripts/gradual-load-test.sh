#!/usr/bin/env bash
# The runbook's gradual load test (step 5): gradually increasing REAL load against the service. Ramps from FROM to
# TO requests per second over SECONDS with the project's open-loop load generator (loadgen/target/loadgen.jar), in
# the foreground, printing a live line each second (target vs achieved rate, p50/p95/p99, errors) and a summary.
#
#   gradual-load-test.sh SECONDS [FROM_RPS] [TO_RPS]          (defaults: 50 → 800 rps)
#   gradual-load-test.sh --demo SECONDS [FROM_RPS] [TO_RPS]   (the simulated demo, see below)
#
# TARGET_URL is the service to load (default http://127.0.0.1:8080/); LOADGEN_OPTS adds load-generator options,
# e.g. LOADGEN_OPTS="--connections 64 --json run.json"; LOADGEN_JAR overrides the jar's path.
#
# --demo, or DEMO_CONTROL_URL set, or TARGET_URL unset while a `failover-lab demo` answers on its default control
# address: the behaviour for the demo (docs/runbook-local.md), whose web app is simulated (and whose agent, not a
# web app, listens on 8080): sets the simulated ramp through the demo's control API (DEMO_CONTROL_URL, default
# http://127.0.0.1:8081), which then holds TO rps, and returns at once (needs curl).
#
# Bad input, a missing tool or an unreachable control API print one line on stderr and exit 1; the load
# generator's own bad-input errors (e.g. an unreachable TARGET_URL) are one line too and exit 2.
set -u -o pipefail

me="gradual-load-test"
usage="usage: gradual-load-test.sh [--demo] SECONDS [FROM_RPS] [TO_RPS], e.g. gradual-load-test.sh 300"

die() {
    local code="$1"
    shift
    printf '%s: %s\n' "$me" "$*" >&2
    exit "$code"
}

default_control="http://127.0.0.1:8081"
demo=0
if [[ "${1:-}" == "--demo" ]]; then
    demo=1
    shift
elif [[ -n "${DEMO_CONTROL_URL:-}" ]]; then
    demo=1
fi
[[ "${1:-}" != -* ]] || die 1 "unknown option '$1' ($usage)"
(($# >= 1 && $# <= 3)) || die 1 "expected 1 to 3 arguments, got $# ($usage)"
over="$1"
from="${2:-50}"
to="${3:-800}"
[[ "$over" =~ ^[0-9]+$ ]] && ((10#$over > 0)) || die 1 "SECONDS must be a whole number > 0, got '$over' ($usage)"
[[ "$from" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die 1 "FROM_RPS must be a number >= 0, got '$from' ($usage)"
[[ "$to" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die 1 "TO_RPS must be a number >= 0, got '$to' ($usage)"
over=$((10#$over))

# the demo prints plain "scripts/gradual-load-test.sh 300 &": with no TARGET_URL, a running demo means its
# simulated load is wanted (8080 is then the agent, not a web app to load)
if ((demo == 0)) && [[ -z "${TARGET_URL:-}" ]] && command -v curl >/dev/null 2>&1 &&
    curl -sf -m 1 -o /dev/null "$default_control/control/status" 2>/dev/null; then
    printf '%s: the failover-lab demo answers at %s: ramping its simulated load (set TARGET_URL for real load)\n' \
        "$me" "$default_control" >&2
    demo=1
fi

if ((demo == 0)); then
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    jar="${LOADGEN_JAR:-$root/loadgen/target/loadgen.jar}"
    target="${TARGET_URL:-http://127.0.0.1:8080/}"
    command -v java >/dev/null 2>&1 || die 1 "java (17 or later) is required and was not found on PATH"
    [[ -f "$jar" ]] || die 1 "load generator not found at $jar (build it: mvn -q -pl loadgen package -DskipTests)"
    # word splitting of LOADGEN_OPTS is intended: it carries several options
    # shellcheck disable=SC2086
    exec java -jar "$jar" "$target" --ramp "$from:$to" --duration "${over}s" ${LOADGEN_OPTS:-}
fi

control_url="${DEMO_CONTROL_URL:-$default_control}"
control_url="${control_url%/}"
command -v curl >/dev/null 2>&1 || die 1 "curl is required and was not found on PATH"
body="{\"from\":$from,\"to\":$to,\"over_seconds\":$over}"
response="$(curl -sS -X POST -H 'Accept: text/plain' -H 'Content-Type: application/json' --data-binary "$body" \
    -w $'\n%{http_code}' "$control_url/control/load" 2>/dev/null)" ||
    die 1 "cannot reach the demo's control API at $control_url (is 'failover-lab demo' running? set DEMO_CONTROL_URL for another address)"
code="${response##*$'\n'}"
text="${response%$'\n'*}"
text="${text%$'\n'}"
if [[ "$code" != 2?? ]]; then
    [[ -n "$text" ]] || text="HTTP $code from $control_url/control/load"
    die 1 "${text%%$'\n'*}"
fi
printf '%s (then holds %s rps; watch it: scripts/demo-kubectl.sh get pods -w, or GET %s/control/status)\n' \
    "$text" "$to" "$control_url"
