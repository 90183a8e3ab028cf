#!/usr/bin/env bash
# A tiny stand-in for kubectl against `failover-lab demo` (docs/runbook-local.md). It supports exactly the
# runbook's commands, sent to the demo's control API with curl:
#
#   demo-kubectl.sh patch deployment web-blue -n mcp-failover-clean -p '<json>'
#   demo-kubectl.sh rollout status deployment/web-blue -n mcp-failover-clean [--timeout=10m]
#   demo-kubectl.sh get pods -n mcp-failover-clean [-w]
#   demo-kubectl.sh get svc web -n mcp-failover-clean -o jsonpath={.spec.selector}
#
# DEMO_CONTROL_URL points at the control API (default http://127.0.0.1:8081); DEMO_WATCH_SECONDS sets the
# polling period of `get pods -w` (default 2). Needs only bash (3.2 or later) and curl. On any error it prints one
# line on stderr and exits 1.
set -u -o pipefail

me="demo-kubectl"
control_url="${DEMO_CONTROL_URL:-http://127.0.0.1:8081}"
control_url="${control_url%/}"
watch_seconds="${DEMO_WATCH_SECONDS:-2}"
supported="supported: patch deployment NAME -p JSON | rollout status deployment/NAME | get pods [-w] |"
supported="$supported get svc web -o jsonpath={.spec.selector}; each with -n NAMESPACE"

die() {
    printf '%s: %s\n' "$me" "$*" >&2
    exit 1
}

unreachable() {
    die "cannot reach the demo's control API at $control_url (is 'failover-lab demo' running? set DEMO_CONTROL_URL for another address)"
}

command -v curl >/dev/null 2>&1 || die "curl is required and was not found on PATH"

namespace=""
patch=""
patch_given=0
watch=0
output=""
timeout=""
args=()
while (($# > 0)); do
    case "$1" in
        -n | --namespace)
            (($# >= 2)) || die "$1 needs a value (the namespace)"
            namespace="$2"; shift 2 ;;
        --namespace=*) namespace="${1#*=}"; shift ;;
        -n?*) namespace="${1#-n}"; shift ;;
        -p | --patch)
            (($# >= 2)) || die "$1 needs a value (the patch JSON)"
            patch="$2"; patch_given=1; shift 2 ;;
        --patch=*) patch="${1#*=}"; patch_given=1; shift ;;
        -w | --watch) watch=1; shift ;;
        -o | --output)
            (($# >= 2)) || die "$1 needs a value (jsonpath={.spec.selector})"
            output="$2"; shift 2 ;;
        -o=* | --output=*) output="${1#*=}"; shift ;;
        -o?*) output="${1#-o}"; shift ;;
        --timeout)
            (($# >= 2)) || die "$1 needs a value (a duration such as 90s or 10m)"
            timeout="$2"; shift 2 ;;
        --timeout=*) timeout="${1#*=}"; shift ;;
        -*) die "unsupported flag '$1' ($supported)" ;;
        *) args+=("$1"); shift ;;
    esac
done
((${#args[@]} > 0)) || die "no command given ($supported)"

if [[ -n "$namespace" && ! "$namespace" =~ ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$ ]]; then
    die "'$namespace' is not a namespace name (lower-case letters, digits and '-')"
fi
query_ns=""
[[ -n "$namespace" ]] && query_ns="namespace=$namespace"

# Joins query parameters given as arguments (empty ones skipped) into "?a=b&c=d".
query() {
    local q="" part
    for part in "$@"; do
        [[ -z "$part" ]] && continue
        q="$q${q:+&}$part"
    done
    [[ -n "$q" ]] && printf '?%s' "$q"
}

# request METHOD PATH [BODY]: prints the server's text answer; one line on stderr and exit 1 when it is an error.
request() {
    local method="$1" path="$2" body="${3-}" response code text
    if [[ "$method" == POST ]]; then
        response="$(curl -sS -X POST -H 'Accept: text/plain' -H 'Content-Type: application/json' \
            --data-binary "$body" -w $'\n%{http_code}' "$control_url$path" 2>/dev/null)" || unreachable
    else
        response="$(curl -sS -H 'Accept: text/plain' -w $'\n%{http_code}' "$control_url$path" 2>/dev/null)" ||
            unreachable
    fi
    code="${response##*$'\n'}"
    text="${response%$'\n'*}"
    text="${text%$'\n'}"
    if [[ "$code" != 2?? ]]; then
        [[ -n "$text" ]] || text="HTTP $code from $control_url$path"
        die "${text%%$'\n'*}"
    fi
    printf '%s\n' "$text"
}

# A deployment named as "deployment/NAME", "deployment NAME" (also deploy, deployments, deployment.apps).
deployment_name() {
    local first="${1-}" second="${2-}"
    case "$first" in
        deployment/* | deployments/* | deploy/* | deployment.apps/*) printf '%s' "${first#*/}" ;;
        deployment | deployments | deploy | deployment.apps)
            [[ -n "$second" ]] || die "which deployment? e.g. deployment/web-blue"
            printf '%s' "$second" ;;
        *) die "only deployments are supported here, got '${first:-nothing}' ($supported)" ;;
    esac
}

check_name() {
    [[ "$1" =~ ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$ ]] || die "'$1' is not a resource name (lower-case letters, digits, '-')"
}

cmd_patch() {
    local name
    name="$(deployment_name "${args[1]-}" "${args[2]-}")" || exit 1
    check_name "$name"
    ((patch_given)) || die "patch needs -p '<json>' (the runbook's strategic-merge patch body)"
    request POST "/control/patch$(query "deployment=$name" "$query_ns")" "$patch"
}

cmd_rollout() {
    [[ "${args[1]-}" == status ]] || die "only 'rollout status' is supported, got 'rollout ${args[1]-}'"
    local name line last="" failed=0
    name="$(deployment_name "${args[2]-}" "${args[3]-}")" || exit 1
    check_name "$name"
    [[ -z "$timeout" || "$timeout" =~ ^[0-9a-z.]+$ ]] || die "--timeout: '$timeout' is not a duration like 90s or 10m"
    local timeout_param=""
    [[ -n "$timeout" ]] && timeout_param="timeout=$timeout"
    # the control API streams kubectl's progress lines; the last one says how it ended
    while IFS= read -r line; do
        case "$line" in
            "" | __curl_exit=0) ;;
            __curl_exit=*) failed=1 ;;
            error:*) die "$line" ;;
            *) printf '%s\n' "$line"; last="$line" ;;
        esac
    done < <(curl -sS -N -H 'Accept: text/plain' \
        "$control_url/control/rollout-status$(query "deployment=$name" "$query_ns" "$timeout_param")" 2>/dev/null
        printf '\n__curl_exit=%s\n' "$?")
    ((failed)) && unreachable
    [[ "$last" == *"successfully rolled out" ]] || die "the rollout status ended without success: ${last:-no answer}"
}

cmd_get_pods() {
    local table
    table="$(request GET "/control/pods$(query "$query_ns")")" || exit 1
    printf '%s\n' "$table"
    ((watch)) || return 0
    [[ "$watch_seconds" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "DEMO_WATCH_SECONDS must be a number of seconds, got '$watch_seconds'"
    # like -w: after the table, print a row whenever a pod appears or its READY, STATUS or RESTARTS change
    local seen name ready status restarts age signature
    seen="$(rows "$table")"
    while sleep "$watch_seconds"; do
        table="$(request GET "/control/pods$(query "$query_ns")")" || exit 1
        while read -r name ready status restarts age; do
            [[ "$name" == NAME || -z "$name" ]] && continue
            signature="$name $ready $status $restarts"
            if [[ $'\n'"$seen"$'\n' != *$'\n'"$signature"$'\n'* ]]; then
                printf '%s\n' "$(grep_row "$table" "$name")"
            fi
        done <<< "$table"
        seen="$(rows "$table")"
    done
}

# "name ready status restarts" per pod row of a table, one per line.
rows() {
    local name ready status restarts age
    while read -r name ready status restarts age; do
        [[ "$name" == NAME || -z "$name" ]] && continue
        printf '%s %s %s %s\n' "$name" "$ready" "$status" "$restarts"
    done <<< "$1"
}

# The row of a table that starts with a pod's name, as the server laid it out.
grep_row() {
    local line
    while IFS= read -r line; do
        [[ "$line" == "$2 "* ]] && { printf '%s' "$line"; return; }
    done <<< "$1"
}

cmd_get_svc() {
    local target="${args[2]-}"
    case "${args[1]-}" in
        svc/* | service/* | services/*) target="${args[1]#*/}" ;;
        svc | service | services) ;;
    esac
    [[ -n "$target" ]] || die "which service? e.g. get svc web"
    check_name "$target"
    output="${output//\'/}"
    output="${output//\"/}"
    [[ "$output" == "jsonpath={.spec.selector}" ]] ||
        die "only -o jsonpath={.spec.selector} is supported for a service, got '${output:-no -o}'"
    request GET "/control/selector$(query "service=$target" "$query_ns")"
}

case "${args[0]}" in
    patch) cmd_patch ;;
    rollout) cmd_rollout ;;
    get)
        case "${args[1]-}" in
            pods | pod | po) cmd_get_pods ;;
            svc | service | services | svc/* | service/* | services/*) cmd_get_svc ;;
            *) die "unsupported: get ${args[1]-} ($supported)" ;;
        esac ;;
    *) die "unsupported command '${args[*]}' ($supported)" ;;
esac
