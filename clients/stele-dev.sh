# Sourced by run-tests and clients/restart-test.sh: starts `./stele dev` on a free port and waits for its banner.
# start_stele_dev ROOT DATA_DIR LOG sets dev_pid and url (http://host:port); returns 1, with the log on stdout, when
# the node exits or prints no URL within 60 s.
start_stele_dev() {
  local root="$1" data_dir="$2" log="$3"
  "$root/stele" dev --data-dir "$data_dir" --port 0 > "$log" 2>&1 &
  dev_pid=$!
  url=""
  for _ in $(seq 1 120); do
    url=$(sed -n 's|^  JSON-RPC: *\(http://[0-9.:]*\).*|\1|p' "$log")
    [ -n "$url" ] && return 0
    kill -0 "$dev_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "stele dev did not start:"; cat "$log"
  return 1
}
