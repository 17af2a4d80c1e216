#!/usr/bin/env bash
# Install Debian's docker-compose (1.29) so that the tests can validate docker-compose.yml
# (`docker-compose config`); no Docker engine is needed for that. Without apt, root or sudo the
# set-up goes on and tests/unit/test_compose.py skips the check, saying why (with CI set it fails).
set -uo pipefail
command -v docker-compose >/dev/null && exit 0
as_root=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then as_root=(sudo -n); fi
echo "Installing docker-compose to validate docker-compose.yml (apt-get install docker-compose)..."
if ! { command -v apt-get >/dev/null \
       && { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose \
            || { "${as_root[@]}" apt-get update -q \
                 && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose; }; }; }; then
  echo "WARNING: docker-compose could not be installed; the compose-file check will be skipped" \
       "(and fail when CI is set)." >&2
fi
exit 0
