#!/usr/bin/env bash
# Regenerates the WAV fixtures in packages/voice/test-data with espeak-ng and sox (both must be installed).
# Every file is synthetic speech made here: no recording of a person, no data set.
set -euo pipefail
cd "$(dirname "$0")/../test-data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { # say OUT RATE PITCH AMPLITUDE VOICE TEXT  -> 8 kHz mono 16-bit
  espeak-ng -v "$5" -s "$2" -p "$3" -a "$4" -w "$tmp/raw.wav" "$6"
  sox "$tmp/raw.wav" -r 8000 -b 16 -c 1 "$1"
}

text="Please check the status of my order and tell me when the parcel will be delivered to my house."
say slow.wav 110 50 100 en-us "$text"
say fast.wav 240 50 100 en-us "$text"

# A stereo call at 8 kHz: agent left, customer right, each turn 0.6 s after the previous one ends. The customer is
# calm in three turns and loud, high and fast in two: the first of those (angry words) starts 1 s before the agent
# has finished, so both talk at once; the second has calm words in an agitated voice. call-stereo.vtt is its
# transcript, with the times printed below.
cursor=0.3
piece() { # piece CHANNEL GAP RATE PITCH AMPLITUDE VOICE TEXT
  n=$(ls "$tmp" | grep -c "^$1-" || true)
  say "$tmp/u.wav" "$3" "$4" "$5" "$6" "$7"
  start=$(echo "$cursor + $2" | bc)
  sox "$tmp/u.wav" "$tmp/$1-$n.wav" pad "$start"
  cursor=$(echo "$start + $(soxi -D "$tmp/u.wav")" | bc)
  echo "$1 $start $cursor $7" >>"$tmp/timeline"
}
calm() { piece customer 0.6 150 45 70 en-us+f3 "$1"; }
agent() { piece agent 0.6 150 40 90 en-us "$1"; }
agent "Thank you for calling. How can I help?"
calm "Hi, my order has not arrived yet."
agent "I am sorry to hear that. Let me check the tracking."
piece customer -1.0 200 85 200 en-us+f3 "This is the third time I called! I want my money back now!"
agent "I understand. I have issued a full refund."
calm "Thank you. When will I see it?"
agent "Within five working days."
piece customer 0.6 200 85 200 en-us+f3 "Okay, that is fine, thank you."
agent "Is there anything else I can do?"
calm "No, that is all. Goodbye."
cat "$tmp/timeline"
vtt_time() {
  local m
  m=$(echo "$1 / 60" | bc)
  printf "%02d:%06.3f" "$m" "$(echo "$1 - 60 * $m" | bc -l)"
}
{
  echo "WEBVTT"
  while read -r who from to words; do
    label=$([ "$who" = agent ] && echo Agent || echo Customer)
    printf "\n%s --> %s\n<v %s>%s</v>\n" "$(vtt_time "$from")" "$(vtt_time "$to")" "$label" "$words"
  done <"$tmp/timeline"
} >call-stereo.vtt
total=$(echo "$cursor + 0.3" | bc)

for side in agent customer; do
  args=()
  for f in "$tmp/$side"-*.wav; do args+=(-v 1 "$f"); done
  sox -m "${args[@]}" "$tmp/$side.wav"
  sox "$tmp/$side.wav" "$tmp/$side-full.wav" pad 0 40 trim 0 "$total"
done
sox -M "$tmp/agent-full.wav" "$tmp/customer-full.wav" call-stereo.wav
ls -l ./*.wav
