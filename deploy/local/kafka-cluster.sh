#!/usr/bin/env bash
# A three-node Apache Kafka cluster on one machine (each node broker + controller, KRaft quorum of
# three), same jars as kafka.sh; internal topics replicated three times with min.insync.replicas=2.
# Clients: KAFKA_BROKERS=127.0.0.1:9192,127.0.0.1:9292,127.0.0.1:9392 KAFKA_REPLICATION_FACTOR=3
#   deploy/local/kafka-cluster.sh start|stop|kill <node>|restart <node>|status
# Environment: KAFKA_CLUSTER_DIR (.data/kafka-cluster), KAFKA_CLUSTER_BASE_PORT (9192).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${KAFKA_CLUSTER_DIR:-$here/../../.data/kafka-cluster}"
base="${KAFKA_CLUSTER_BASE_PORT:-9192}"
nodes=(1 2 3)
unset KAFKA_JMX_PORT # one port for three JVMs would clash: the cluster's nodes run without JMX
port() { echo $((base + ($1 - 1) * 100)); }
cport() { echo $((base + ($1 - 1) * 100 + 1)); }
voters="$(for n in "${nodes[@]}"; do printf '%s@127.0.0.1:%s,' "$n" "$(cport "$n")"; done)"
voters="${voters%,}"

node() { # command node [extra env...]
  local n="$2"
  env KAFKA_NODE_ID="$n" KAFKA_PORT="$(port "$n")" KAFKA_CONTROLLER_PORT="$(cport "$n")" KAFKA_DATA_DIR="$root/node-$n" \
    KAFKA_QUORUM_VOTERS="$voters" KAFKA_INTERNAL_RF=3 KAFKA_CLUSTER_ID="$(cat "$root/cluster-id")" KAFKA_HEAP="${KAFKA_HEAP:-384m}" \
    "${@:3}" bash "$here/kafka.sh" "$1"
}

wait_ready() {
  for _ in $(seq 1 240); do
    local ready=0
    for n in "${nodes[@]}"; do
      grep -q "Kafka Server started" "$root/node-$n/logs/server.log" 2>/dev/null && ready=$((ready + 1))
    done
    [ "$ready" -eq "${#nodes[@]}" ] && { echo "kafka-cluster.sh: 3 nodes ready: $(for n in "${nodes[@]}"; do printf '127.0.0.1:%s ' "$(port "$n")"; done)"; return 0; }
    sleep 0.25
  done
  echo "kafka-cluster.sh: cluster did not become ready within 60 s" >&2
  return 1
}

case "${1:-}" in
  start)
    mkdir -p "$root"
    bash "$here/kafka.sh" fetch
    [ -f "$root/cluster-id" ] || java -cp "${TONGBAN_CACHE:-$HOME/.cache/tongban}/kafka-${KAFKA_VERSION:-3.9.1}/libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1 > "$root/cluster-id"
    for n in "${nodes[@]}"; do node start "$n" KAFKA_NO_WAIT=1; done
    wait_ready ;;
  # in parallel: a node stopped last would otherwise wait for a quorum that is already gone
  stop) for n in "${nodes[@]}"; do node stop "$n" & done; wait ;;
  kill) kill -9 "$(cat "$root/node-$2/kafka.pid")" && rm -f "$root/node-$2/kafka.pid" && echo "kafka-cluster.sh: node $2 killed (SIGKILL)" ;;
  restart) node start "$2" ;;
  status) for n in "${nodes[@]}"; do printf 'node %s: ' "$n"; node status "$n" || true; done ;;
  *) echo "usage: kafka-cluster.sh start|stop|kill <node>|restart <node>|status" >&2; exit 64 ;;
esac
