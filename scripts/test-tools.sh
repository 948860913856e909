#!/usr/bin/env bash
# Installs what the tests need beyond Java and Maven, only when it is missing:
#  - Debian's chromium and chromium-driver for the browser tests (never a downloaded browser)
#  - Debian's postgresql-client: psql for the backup script's test, pgbench for the benchmark
#  (the npm packages, bpmnlint included, are installed by scripts/frontend.sh during the build)
# Maven runs this before the tests (see pom.xml); it is safe to run by hand too.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# psql for scripts/backup.sh (BackupRestoreTests); pgbench for mvn -Pbenchmark verify
command -v psql >/dev/null 2>&1 || need_apt+=(postgresql-client)

if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test-tools: installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
