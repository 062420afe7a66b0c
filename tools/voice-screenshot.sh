#!/usr/bin/env bash
# Makes docs/screenshot-voice.png: the tech-talk hall with people talking. A throwaway dev server,
# two headless guests whose microphones are phrases from espeak-ng (SDL's disk audio driver), and
# a third, talking too, whose screenshot (voice panel open, speaking rings on) is the picture.
# Usage: tools/voice-screenshot.sh [build-dir]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build/release}
PORT=${MOIM_SHOT_PORT:-7792}
DATA=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

"$BUILD/server/moim-server" --dev --port "$PORT" --data-dir "$DATA" --maps maps >"$DATA/server.log" 2>&1 &
SERVER=$!
sleep 1

mic() {  # file, text: 4 s of silence (join, walk), then the phrase three times
  espeak-ng -s 140 -w "$DATA/p.wav" "$2"
  sox -n -r 48000 -c 1 -b 16 -e signed-integer -t raw "$DATA/s.raw" trim 0 4
  sox "$DATA/p.wav" -r 48000 -c 1 -b 16 -e signed-integer -t raw "$DATA/p.raw"
  cat "$DATA/s.raw" "$DATA/p.raw" "$DATA/p.raw" "$DATA/p.raw" >"$1"
}
mic "$DATA/a.raw" "Shall we go through the slides again after the talk?"
mic "$DATA/b.raw" "Yes, and I have a question about the second example."
mic "$DATA/c.raw" "Let us sit together, there is room here."

guest() {  # name, mic file, then script steps
  local name=$1 in=$2
  shift 2
  SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILEIN="$in" SDL_DISKAUDIOFILE=/dev/null \
    "$BUILD/client/app/moim-client" --headless --server "ws://127.0.0.1:$PORT" --name "$name" \
    --room hall --frames 1 --script "$@" >/dev/null 2>&1 &
}
guest 박서준 "$DATA/a.raw" goto:22,20 talk:on wait:14
guest Daniel "$DATA/b.raw" goto:26,20 talk:on wait:14
sleep 1
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILEIN="$DATA/c.raw" SDL_DISKAUDIOFILE=/dev/null \
  "$BUILD/client/app/moim-client" --headless --server "ws://127.0.0.1:$PORT" --name 김민지 \
  --room hall --frames 1 --script goto:24,22 talk:on voice:panel wait:6.2 \
  --screenshot docs/screenshot-voice.png
sleep 1
echo "wrote docs/screenshot-voice.png"
