#!/usr/bin/env bash
# A stand-in for the GitHub CLI in workflow sandbox tests: the calls the workflows make, answered from
# and recorded into the JSON file $GH_STATE ({comments: {<pr>: [..]}, pulls: [..], files: {<pr>: [..]},
# issues: [..], nextId, fail: [<operation>...]}). Every call is logged to $GH_STATE.log. An operation
# listed in `fail` answers like an API outage (exit 1), as the real CLI does.
set -euo pipefail
state="$GH_STATE"
echo "gh $*" >> "$state.log"

fail_if() {
  if jq -e --arg op "$1" '(.fail // []) | index($op)' "$state" > /dev/null; then
    echo "HTTP 502: Bad Gateway (stand-in outage of $1)" >&2
    exit 1
  fi
}
update() {
  jq "$@" "$state" > "$state.next"
  mv "$state.next" "$state"
}
jqf=''
out() {
  if [ -n "$jqf" ]; then jq -r "$jqf" <<< "$1"; else printf '%s\n' "$1"; fi
}
number_in() { sed -E "s#.*/$1/([0-9]+).*#\\1#" <<< "$2"; }

cmd=$1
shift
case "$cmd" in
  api)
    method=GET path='' body=''
    while [ $# -gt 0 ]; do
      case "$1" in
        --paginate) shift ;;
        --method | -X) method=$2; shift 2 ;;
        -F | -f)
          if [[ "$2" == body=@* ]]; then body=$(cat "${2#body=@}"); fi
          shift 2
          ;;
        --jq | -q) jqf=$2; shift 2 ;;
        *) path=$1; shift ;;
      esac
    done
    case "$method $path" in
      "GET repos/"*/issues/*/comments)
        fail_if comments
        out "$(jq -c --arg n "$(number_in issues "$path")" '.comments[$n] // []' "$state")"
        ;;
      "POST repos/"*/issues/*/comments)
        update --arg n "$(number_in issues "$path")" --arg body "$body" \
          '.comments[$n] = ((.comments[$n] // []) + [{id: .nextId, user: {login: "github-actions[bot]"}, body: $body}]) | .nextId += 1'
        echo '{}'
        ;;
      "PATCH repos/"*/issues/comments/*)
        update --argjson id "${path##*/}" --arg body "$body" '.comments |= map_values(map(if .id == $id then .body = $body else . end))'
        echo '{}'
        ;;
      "GET repos/"*/commits/*/pulls)
        sha=$(sed -E 's#.*/commits/([^/]+)/pulls#\1#' <<< "$path")
        out "$(jq -c --arg sha "$sha" '[.pulls[] | select(.merge_commit_sha == $sha)]' "$state")"
        ;;
      "GET repos/"*/pulls/*/files)
        out "$(jq -c --arg n "$(number_in pulls "$path")" '(.files[$n] // []) | map({filename: .})' "$state")"
        ;;
      *)
        echo "stand-in gh: unsupported api call: $method $path" >&2
        exit 1
        ;;
    esac
    ;;
  label) exit 0 ;;
  issue)
    sub=$1
    shift
    number='' title='' label='' bodyfile='' comment=''
    while [ $# -gt 0 ]; do
      case "$1" in
        --jq | -q) jqf=$2; shift 2 ;;
        --title) title=$2; shift 2 ;;
        --label) label=$2; shift 2 ;;
        --body-file) bodyfile=$2; shift 2 ;;
        --comment) comment=$2; shift 2 ;;
        --state | --limit | --json) shift 2 ;;
        *) number=$1; shift ;;
      esac
    done
    case "$sub" in
      list)
        fail_if issue-list
        out "$(jq -c --arg lbl "$label" '[.issues[] | select(.state == "open" and (.labels | index($lbl)))] | map({number, title})' "$state")"
        ;;
      create)
        update --arg title "$title" --arg lbl "$label" --rawfile body "$bodyfile" \
          '.issues += [{number: .nextId, title: $title, labels: [$lbl], body: $body, state: "open"}] | .nextId += 1'
        ;;
      edit) update --argjson n "$number" --rawfile body "$bodyfile" '.issues |= map(if .number == $n then .body = $body else . end)' ;;
      close) update --argjson n "$number" --arg c "$comment" '.issues |= map(if .number == $n then .state = "closed" | .closing = $c else . end)' ;;
      *)
        echo "stand-in gh: unsupported: gh issue $sub" >&2
        exit 1
        ;;
    esac
    ;;
  *)
    echo "stand-in gh: unsupported: gh $cmd" >&2
    exit 1
    ;;
esac
