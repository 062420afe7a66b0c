#!/usr/bin/env bash
# Makes docs/screenshot-graduation.png: a throwaway dev server on a free port, five headless
# guests who walk to the check-in desk and talk, and a sixth whose screenshot is the picture.
# Usage: tools/readme-screenshot.sh [build-dir]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build/release}
PORT=${MOIM_SHOT_PORT:-7791}
DATA=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

"$BUILD/server/moim-server" --dev --port "$PORT" --data-dir "$DATA" --maps maps >"$DATA/server.log" 2>&1 &
SERVER=$!
sleep 1

guest() {  # name, then script steps
  local name=$1
  shift
  "$BUILD/client/app/moim-client" --headless --server "ws://127.0.0.1:$PORT" --name "$name" \
    --room graduation-1f --frames 1 --script "$@" >/dev/null 2>&1 &
}
guest 박서준 goto:25,32 wait:3 "say:사진 찍어요 📸" wait:12
guest 이지은 goto:31,32 wait:12
guest 정하늘 goto:28,30 wait:3.5 "say:다음은 스티커 부스! 👉" wait:12
guest Daniel goto:33,34 wait:4 "say:Congrats everyone 🎉" wait:12
guest 최수아 goto:23,35 wait:12
sleep 1
"$BUILD/client/app/moim-client" --headless --server "ws://127.0.0.1:$PORT" --name 김민지 \
  --room graduation-1f --frames 30 \
  --script goto:28,34 wait:3 "say:졸업 축하해요! 🎓" wait:1 \
  --screenshot docs/screenshot-graduation.png
sleep 1
echo "wrote docs/screenshot-graduation.png"
