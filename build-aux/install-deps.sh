#!/bin/sh
# Installs the Debian 12 packages listed in build-aux/debian-packages.txt
# that are not installed yet. Uses sudo when not root.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
list="$here/debian-packages.txt"
packages=$(grep -v '^#' "$list" | grep -v '^$')

missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
  esac
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "Installing system packages:$missing"

if [ "$(id -u)" -eq 0 ]; then
  run=""
elif command -v sudo >/dev/null 2>&1; then
  run="sudo"
else
  echo "Shiftcraft needs these Debian packages:$missing" >&2
  echo "Run this script as root, or install sudo, or install them with your package manager." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq
# shellcheck disable=SC2086
$run apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 $missing
