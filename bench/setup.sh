#!/usr/bin/env bash
# The bench's set-up (run by `npm run bench`): Debian's wrk generates the load and nginx is both the
# baseline (the page as a static file) and the proxy of deploy/nginx/kennisstad.conf. Installed
# when missing, as .ci/run installs Chromium.
set -euo pipefail

if [ -x /usr/bin/wrk ] && [ -x /usr/sbin/nginx ]; then exit 0; fi

retry() {
  # apt and dpkg refuse while another process holds their lock: wait and try again.
  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if "$@"; then return 0; fi
    echo "retrying ($attempt): $*" >&2
    sleep 15
  done
  return 1
}

if [ "$(id -u)" -ne 0 ]; then
  echo "bench set-up: wrk and nginx are needed; run: sudo apt-get install -y wrk nginx" >&2
  exit 1
fi
retry apt-get update -qq
retry env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx
