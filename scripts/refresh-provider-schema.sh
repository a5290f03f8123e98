#!/usr/bin/env bash
# Refreshes provider-schema/<name>@<version>.json from the real provider. Needs the Terraform
# registry (it is not reachable on every machine); the offline build never runs this.
# Usage: scripts/refresh-provider-schema.sh <namespace/name> <version>
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <namespace/name> <version>   e.g. $0 signoz/signoz 0.0.17" >&2
  exit 2
fi
source_addr="$1"
version="$2"
name="${source_addr##*/}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/main.tf.json" <<JSON
{ "terraform": { "required_providers": { "$name": { "source": "$source_addr", "version": "$version" } } } }
JSON
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
if ! terraform -chdir="$work" init -input=false -backend=false >"$work/init.log" 2>&1; then
  echo "terraform init failed (is registry.terraform.io reachable from here?):" >&2
  tail -n 20 "$work/init.log" >&2
  exit 1
fi
terraform -chdir="$work" providers schema -json > "$work/schema.json"
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  fs.writeFileSync(process.argv[2], JSON.stringify(doc, null, 2) + "\n");
' "$work/schema.json" "$work/pretty.json"
mv "$work/pretty.json" "$root/provider-schema/$name@$version.json"
echo "wrote provider-schema/$name@$version.json; run npm run gen to regenerate the bindings"
