#!/usr/bin/env bash
# The sandbox's browser test drives Debian's Chromium (with an emoji font, as
# Slack's messages use emoji). Installs them from Debian's packages when missing.
set -euo pipefail
packages=(chromium fonts-noto-color-emoji)
if dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  exit 0
fi
run=()
if [ "$(id -u)" -ne 0 ]; then run=(sudo); fi
echo "Installing ${packages[*]} from Debian's packages"
"${run[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
