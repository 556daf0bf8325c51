#!/usr/bin/env bash
# Installs what the quality gates need (tests/test_kualitas.py, tests/test_gates.py):
#   Debian: chromium, chromium-driver (axe-core, keyboard check, screenshots),
#           a Java runtime (the Nu Html Checker, vnu.jar);
#   npm:    vnu-jar and axe-core, decap-cms (the staff editor) and pagefind 1.6.0 (the search
#           index; the build uses it when installed), pinned exactly in package.json /
#           package-lock.json.
# Idempotent and quick when everything is already there. Run as root, or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    echo "install-test-tools: apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt run on the same machine may hold the lock for a while: wait for it.
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "install-test-tools: chromium, chromedriver, java, npm sudah terpasang"
fi

# npm ci wipes node_modules/ and reinstalls: do it only when the lock file changed.
# --ignore-scripts: vnu-jar's postinstall would download a Java build; Debian's is used.
stamp=node_modules/.lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
        && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] && [ -f node_modules/axe-core/axe.min.js ] \
        && [ -d node_modules/pagefind ]; then
    echo "install-test-tools: node_modules sudah sesuai package-lock.json"
else
    echo "install-test-tools: npm ci"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
fi
