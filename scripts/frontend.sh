#!/usr/bin/env bash
# Installs the npm packages (package-lock.json) when needed and copies the browser assets the app
# serves itself (no CDN: departments may run on a closed network) to target/generated-resources/vendor,
# which Maven packages under static/vendor/.
set -euo pipefail
cd "$(dirname "$0")/.."

# axe-core (a devDependency) is read by the browser tests from node_modules/axe-core: never served by the app
if [ ! -d node_modules/bpmn-js ] || [ ! -d node_modules/chart.js ] || [ ! -d node_modules/axe-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "frontend: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

out=target/generated-resources/vendor
rm -rf "$out"
mkdir -p "$out/bpmn-js/bpmn-font/css" "$out/bpmn-js/bpmn-font/font" "$out/chart.js"
cp node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js "$out/bpmn-js/"
cp node_modules/bpmn-js/dist/assets/diagram-js.css node_modules/bpmn-js/dist/assets/bpmn-js.css "$out/bpmn-js/"
cp node_modules/bpmn-js/dist/assets/bpmn-font/css/bpmn.css "$out/bpmn-js/bpmn-font/css/"
cp node_modules/bpmn-js/dist/assets/bpmn-font/font/* "$out/bpmn-js/bpmn-font/font/"
cp node_modules/chart.js/dist/chart.umd.min.js "$out/chart.js/"
cp node_modules/chart.js/LICENSE.md "$out/chart.js/" 2>/dev/null || true
