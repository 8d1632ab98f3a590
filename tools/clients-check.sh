#!/usr/bin/env bash
# Proof that freshly generated clients keep the facts of a 409. Generates the Python and the Java
# client from contracts/openapi.yaml with openapi-generator (contracts/generators/*.yaml), then each
# generated client calls a stand-in gateway that answers the contract's recorded 409 problems
# (components/responses/ClaimRefused examples, which test/integration/gateway.contract.test.ts keeps
# equal to what the gateway sends) and must hand the caller every member: not-responsible
# (responsibleRegion, since, serviceCode, periodStart) and already-claimed (claimedBy, claimId,
# claimedAt). Java: compiled and run (Jackson from Maven Central). Python: the installed pydantic,
# urllib3 and python-dateutil when present, else a venv under .data/clients-check (nothing global).
# Caches: the generator jar and Java libraries in ~/.m2, the Java classpath and the venv in
# .data/clients-check.   tools/clients-check.sh   (OPENAPI_GENERATOR_VERSION=7.x to try another 7.x)
set -euo pipefail
cd "$(dirname "$0")/.."
version="${OPENAPI_GENERATOR_VERSION:-7.25.0}"
cache=".data/clients-check"
mkdir -p "$cache"
started=$(date +%s)
say() { printf '[clients-check %3ss] %s\n' "$(($(date +%s) - started))" "$*"; }

jar="$HOME/.m2/repository/org/openapitools/openapi-generator-cli/$version/openapi-generator-cli-$version.jar"
if [ ! -f "$jar" ]; then
  say "fetching openapi-generator-cli $version from Maven Central"
  mvn -q -B -Dstyle.color=never dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$version" -Dtransitive=false > "$cache/mvn.log" 2>&1 ||
    { cat "$cache/mvn.log"; exit 1; }
fi

out="$(mktemp -d /tmp/tongban-clients-XXXXXX)"
trap 'rm -rf "$out"' EXIT
node -e '
const { parse } = require("yaml");
const doc = parse(require("fs").readFileSync("contracts/openapi.yaml", "utf8"));
const examples = doc.components.responses.ClaimRefused.content["application/problem+json"].examples;
console.log(JSON.stringify(Object.fromEntries(Object.entries(examples).map(([code, e]) => [code, e.value]))));
' > "$out/recorded.json"

say "generating the Python and Java clients with openapi-generator $version"
# from inside $out, so nothing a generator writes relative to the working directory lands in the repository
mkdir -p "$out/contracts" && cp contracts/openapi.yaml "$out/contracts/"
(cd "$out" && java -jar "$jar" batch --threads 2 --root-dir "$out" "$OLDPWD/contracts/generators/python.yaml" "$OLDPWD/contracts/generators/java.yaml") > "$out/generate.log" 2>&1 ||
  { tail -40 "$out/generate.log"; echo "clients-check: generation failed" >&2; exit 1; }

python=python3
if ! PYTHONPATH="$out/python" python3 -c 'import pydantic, urllib3, dateutil, typing_extensions' 2>/dev/null; then
  if ! "$cache/venv/bin/python" -c '' 2>/dev/null; then
    say "making a venv for the generated client's requirements"
    rm -rf "$cache/venv"
    python3 -m venv "$cache/venv"
  fi
  "$cache/venv/bin/pip" install -q -r "$out/python/requirements.txt"
  python="$cache/venv/bin/python"
fi
say "python: the generated client against the recorded 409s"
PYTHONPATH="$out/python" "$python" tools/clients-check/check_problems.py "$out/recorded.json"

classpath_file="$cache/java-classpath-$version.txt"
classpath=""
if [ -f "$classpath_file" ]; then
  classpath="$(cat "$classpath_file")"
  IFS=: read -r -a jars <<< "$classpath"
  for j in "${jars[@]}"; do [ -f "$j" ] || classpath=""; done
fi
if [ -z "$classpath" ]; then
  say "resolving the Java client's libraries (Jackson) from Maven Central"
  mvn -q -B -Dstyle.color=never -f "$out/java/pom.xml" dependency:build-classpath -DincludeScope=compile -Dmdep.outputFile="$PWD/$classpath_file" \
    > "$cache/mvn.log" 2>&1 || { cat "$cache/mvn.log"; exit 1; }
  classpath="$(cat "$classpath_file")"
fi
say "java: compiling the generated client (what the check uses) and running it against the recorded 409s"
mkdir -p "$out/classes"
javac -nowarn -encoding UTF-8 -d "$out/classes" -cp "$classpath" -sourcepath "$out/java/src/main/java" tools/clients-check/CheckProblems.java
java -cp "$out/classes:$classpath" CheckProblems "$out/recorded.json"
say "done"
