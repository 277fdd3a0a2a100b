#!/usr/bin/env bash
# Voice, video and drawing in headless Chromium: mouth-to-ear latency (peer-to-peer and through Janus), a Janus
# room growing until this machine saturates, the first frame of the largest park, frame time with 100 avatars.
# Publishes the server (Release, with its browser bundle, as an operator deploys it), builds the load tool and the
# benchmark in Release, starts a throwaway Janus on loopback
# (tools/janus/janus-loopback.sh, the one ./test.sh uses), runs, stops Janus.
#   bench/media.sh                                  # everything (~10 min)
#   bench/media.sh --parts latency --samples 20     # options: bench/media.sh --help
# Results: bench/results/media.json
set -euo pipefail
cd "$(dirname "$0")/.."
server_dir=${TMPDIR:-/tmp}/lingjing-media-bench-server
dotnet publish src/Lingjing.Server -c Release -o "$server_dir" -v quiet -nologo
dotnet build tools/Lingjing.Bots -c Release -v quiet -nologo
dotnet build bench/Lingjing.Bench.Media -c Release -v quiet -nologo

janus_dir=$(mktemp -d /tmp/lingjing-media-bench-janus.XXXXXX)
export JANUS_HTTP_PORT=${JANUS_HTTP_PORT:-58190} JANUS_RTP_PORT_RANGE=${JANUS_RTP_PORT_RANGE:-42000-42999}
janus_args=()
if command -v janus > /dev/null && tools/janus/janus-loopback.sh start "$janus_dir"; then
  trap 'tools/janus/janus-loopback.sh stop "$janus_dir" || true' EXIT
  janus_args=(--janus "http://127.0.0.1:$JANUS_HTTP_PORT/janus" --janus-secret lingjing-test-api-secret
              --janus-admin-key lingjing-test-admin-key --janus-pid "$(cat "$janus_dir/janus.pid")")
else
  echo "Janus is not installed or did not start (apt-get install janus): measuring without it" >&2
fi
dotnet bench/Lingjing.Bench.Media/bin/Release/net10.0/Lingjing.Bench.Media.dll --server-dll "$server_dir/Lingjing.Server.dll" "${janus_args[@]}" "$@"
