#!/usr/bin/env bash
# Builds the reactor (without tests) and runs the benchmarks; extra arguments are JVM options, e.g. -Dbench.scale=0.2
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl benchmarks -am -DskipTests package >&2
exec java -Xms1g -Xmx1g -XX:+UseParallelGC "$@" \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.assistants4j.benchmarks.Benchmarks
