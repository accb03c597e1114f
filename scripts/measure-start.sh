#!/bin/bash
# Measures `npm install && npm start` from a fresh clone until /api/v1/tables answers 200.
# Usage: git clone <repo> DIR && scripts/measure-start.sh DIR   (port 3000 must be free)
cd "$1"
t0=$(date +%s)
npm install --no-audit --no-fund > /tmp/start-install.log 2>&1
t1=$(date +%s)
echo "install: $((t1-t0)) s"
(npm start > /tmp/start-run.log 2>&1 &)
while true; do
  code=$(curl -s -o /dev/null -w '%{http_code}' http://localhost:3000/api/v1/tables || true)
  if [ "$code" = "200" ]; then break; fi
  sleep 1
  if [ $(( $(date +%s) - t1 )) -gt 900 ]; then echo "timeout"; break; fi
done
t2=$(date +%s)
echo "start to serving: $((t2-t1)) s; whole: $((t2-t0)) s"
echo "npm start keeps serving (log: /tmp/start-run.log); stop it with: fuser -k 3000/tcp"
