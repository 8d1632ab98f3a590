#!/usr/bin/env bash
# Real Apache Kafka (KRaft, single node: broker + controller) without Docker or the Apache download
# site: the jars come from Maven Central into a cache outside the repository, storage is formatted
# once, the JVM runs on loopback and is stopped cleanly.
#   deploy/local/kafka.sh fetch|start|stop|status|classpath   (classpath: the jars, for Kafka's own Java client)
# Environment: KAFKA_VERSION (3.9.1), TONGBAN_CACHE (~/.cache/tongban), KAFKA_DATA_DIR (.data/kafka),
# KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HEAP (512m), KAFKA_JMX_PORT (unset: no JMX;
# set: JMX on loopback without authentication, for the bench's request counts — never on a shared host),
# KAFKA_SECURITY (plaintext | sasl): sasl makes the client listener SASL/SCRAM-SHA-512 with the
# StandardAuthorizer (deny by default); users come from KAFKA_SCRAM_USERS ("name:password ..."),
# created when the storage is formatted; ACLs are set by tools/kafka-acls.ts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="${KAFKA_VERSION:-3.9.1}"
cache="${TONGBAN_CACHE:-$HOME/.cache/tongban}/kafka-$version"
libs="$cache/libs"
data="${KAFKA_DATA_DIR:-$repo/.data/kafka}"
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-9093}"
node_id="${KAFKA_NODE_ID:-1}"
pidfile="$data/kafka.pid"
security="${KAFKA_SECURITY:-plaintext}"
# A node of a multi-node cluster (deploy/local/kafka-cluster.sh) gets the voters, the shared cluster
# id and the replication of internal topics from its caller.
voters="${KAFKA_QUORUM_VOTERS:-$node_id@127.0.0.1:$cport}"
internal_rf="${KAFKA_INTERNAL_RF:-1}"

die() { echo "kafka.sh: $*" >&2; exit 1; }

require_tools() {
  command -v java >/dev/null 2>&1 || die "Java 17+ is required to run the local Kafka broker (or set KAFKA_BROKERS to use an existing cluster)"
  local major
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [ "${major:-0}" -ge 17 ] || die "Java 17+ is required to run the local Kafka broker; found Java ${major:-unknown}"
}

fetch() {
  if [ -f "$libs/.complete" ]; then return 0; fi
  command -v mvn >/dev/null 2>&1 || die "Maven is required to fetch Apache Kafka $version from Maven Central (or set KAFKA_BROKERS to use an existing cluster)"
  echo "kafka.sh: resolving Apache Kafka $version from Maven Central into $libs"
  mkdir -p "$libs"
  mvn -B -q -f "$here/kafka/pom.xml" -Dkafka.version="$version" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs" \
    || die "could not resolve org.apache.kafka:kafka_2.13:$version from Maven Central"
  touch "$libs/.complete"
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

write_config() {
  mkdir -p "$data/logs" "$data/kraft"
  local client_protocol=PLAINTEXT
  [ "$security" = sasl ] && client_protocol=SASL_PLAINTEXT
  cat > "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=$node_id
controller.quorum.voters=$voters
listeners=CLIENT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=CLIENT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:$client_protocol,CONTROLLER:PLAINTEXT
log.dirs=$data/kraft
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=$internal_rf
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=$internal_rf
transaction.state.log.min.isr=$(( internal_rf > 1 ? 2 : 1 ))
min.insync.replicas=$(( internal_rf > 1 ? 2 : 1 ))
default.replication.factor=$internal_rf
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
  if [ "$security" = sasl ]; then
    cat >> "$data/server.properties" <<PROPS
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:-admin-secret}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
# admin over SCRAM; ANONYMOUS is the broker itself on the loopback controller listener
super.users=User:admin;User:ANONYMOUS
PROPS
  fi
}

start() {
  if running; then echo "kafka.sh: broker already running (pid $(cat "$pidfile")) on 127.0.0.1:$port"; return 0; fi
  require_tools
  fetch
  write_config
  local cp="$libs/*"
  if [ ! -f "$data/kraft/meta.properties" ]; then
    local cluster="${KAFKA_CLUSTER_ID:-}"
    [ -n "$cluster" ] || cluster="$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    local scram=()
    if [ "$security" = sasl ]; then
      scram+=(--add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD:-admin-secret}]")
      for user in ${KAFKA_SCRAM_USERS:-}; do scram+=(--add-scram "SCRAM-SHA-512=[name=${user%%:*},password=${user#*:}]"); done
    fi
    java -cp "$cp" -Dlog4j.configuration="file:$here/kafka/log4j.properties" -Dkafka.logs.dir="$data/logs" \
      kafka.tools.StorageTool format -t "$cluster" -c "$data/server.properties" "${scram[@]}" >"$data/logs/format.log" 2>&1 \
      || die "formatting KRaft storage failed: $(tail -3 "$data/logs/format.log")"
  fi
  # setsid: the broker gets its own session, so a Ctrl-C in the terminal reaches it only via stop().
  local jmx=()
  if [ -n "${KAFKA_JMX_PORT:-}" ]; then
    jmx=(-Dcom.sun.management.jmxremote.port="$KAFKA_JMX_PORT" -Dcom.sun.management.jmxremote.rmi.port="$KAFKA_JMX_PORT"
      -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1
      -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false)
  fi
  setsid nohup java -Xms256m -Xmx"${KAFKA_HEAP:-512m}" -XX:+UseG1GC -Djava.awt.headless=true "${jmx[@]}" \
    -Dlog4j.configuration="file:$here/kafka/log4j.properties" -Dkafka.logs.dir="$data/logs" \
    -cp "$cp" kafka.Kafka "$data/server.properties" >"$data/logs/stdout.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  if [ -n "${KAFKA_NO_WAIT:-}" ]; then echo "kafka.sh: node $node_id starting (pid $(cat "$pidfile"))"; return 0; fi
  for _ in $(seq 1 240); do
    running || die "broker exited during start-up: $(tail -5 "$data/logs/stdout.log" "$data/logs/server.log" 2>/dev/null)"
    if grep -q "Kafka Server started" "$data/logs/server.log" 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "kafka.sh: Apache Kafka $version listening on 127.0.0.1:$port (pid $(cat "$pidfile"), data $data)"
      return 0
    fi
    sleep 0.25
  done
  stop
  die "broker did not accept connections on 127.0.0.1:$port within 60 s"
}

stop() {
  if ! running; then rm -f "$pidfile"; echo "kafka.sh: broker not running"; return 0; fi
  local pid
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "kafka.sh: broker stopped"; return 0; }
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "kafka.sh: broker killed after 30 s"
}

case "${1:-}" in
  fetch) require_tools; fetch ;;
  classpath) require_tools; fetch >&2; echo "$libs/*" ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 1; fi ;;
  *) die "usage: kafka.sh fetch|start|stop|status" ;;
esac
