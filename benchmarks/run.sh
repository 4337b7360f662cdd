#!/usr/bin/env bash
# Benchmarks for hubsdk: SDK call overhead vs a java.net.http + Jackson baseline (with the emulator in the
# same JVM, and alone against a canned-answer server in another process), rate-limit pacing, fan-out,
# the emulator's throughput vs WireMock, paging at scale, retained heap while streaming, cold start, build
# cost. Prints a ratio table computed from this run.
#
#   benchmarks/run.sh [short|full] [step ...]
#
#   short  a quick look, about 10 minutes on 2 cores (few iterations, 1 fork)
#   full   for the record, about 25-30 minutes (more iterations, 2 forks, both modes at 1 and 8 threads,
#          clean `mvn -B verify` of the whole reactor)
#   steps  any of: overhead sdkalone pacing fanout throughput paging heap coldstart build retention cli-start
#          (default: all, in that order)
#
# The steps that compare two sides (sdkalone, pacing, fanout, throughput) measure each side at least twice
# in one run (rounds, or two JMH runs), alternating, and the table shows every round: the machine is shared,
# and one round alone says little. The load average is logged at every step (loadavg.txt).
#
# Results go to benchmarks/results/<mode>-<UTC time>/ (or $RESULTS_DIR): JMH JSON files, harness JSON,
# build logs and summary.md (the table). JMH_ARGS is appended to every JMH command line, MVN_ARGS to the
# build's (e.g. -Dmaven.repo.local=...); SKIP_BUILD=1 reuses an existing benchmarks/target/benchmarks.jar.
# PACING_RUN, FANOUT_RUN and THROUGHPUT_RUN override a step's arguments (see the step).
# See docs/performance.md and benchmarks/README.md.
set -euo pipefail

MODE=${1:-short}
shift || true
case "$MODE" in
  short|full) ;;
  *) echo "usage: $0 [short|full] [overhead|sdkalone|pacing|fanout|throughput|paging|heap|coldstart|build|retention|cli-start ...]" >&2; exit 2 ;;
esac
STEPS=${*:-overhead sdkalone pacing fanout throughput paging heap coldstart build retention cli-start}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${RESULTS_DIR:-$ROOT/benchmarks/results/$MODE-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
JAR=$ROOT/benchmarks/target/benchmarks.jar
JAVA=${JAVA:-java}
JMH_ARGS=${JMH_ARGS:-}
MVN_ARGS=${MVN_ARGS:-}

log() {
  printf '\n=== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"
  printf '%s load %s  %s\n' "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$*" >> "$OUT/loadavg.txt"
}

# --- the machine, for the record -------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "mode: $MODE"
  echo "steps: $STEPS"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(grep -m1 MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1048576}')"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

# SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar as it is (on a loaded machine the build takes minutes).
if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ]; then
  log "build: skipped (SKIP_BUILD=1), using $JAR as built $(date -u -r "$JAR" +%H:%M:%S)"
else
  log "build: mvn -B -q -DskipTests -Dbenchmarks.jar.skip=false -pl benchmarks -am package $MVN_ARGS"
  mvn -B -q -DskipTests -Dbenchmarks.jar.skip=false -pl benchmarks -am package $MVN_ARGS
fi
test -f "$JAR"

if [ "$MODE" = short ]; then
  OVERHEAD_RUN="-f 1 -wi 2 -w 1s -i 3 -r 1s"
  AB_RUN="40 20 2000"
  AB_ALONE_RUN="40 40 2000"
  PAGING_RUN="-f 1 -wi 1 -i 3"
  COLD_RUNS=5
  PACING_RUN=${PACING_RUN:-"50 5 2"}          # limit, window (s), rounds: 250 calls, ideal 25 s per side and round
  FANOUT_RUN=${FANOUT_RUN:-"100 20 20 16 2"}  # repositories, items each (2 pages of 10), latency ms, in flight, rounds
  THROUGHPUT_RUN=${THROUGHPUT_RUN:-"5 2"}         # seconds per measurement, rounds
else
  OVERHEAD_RUN="-f 2 -wi 3 -w 1s -i 5 -r 1s"
  AB_RUN="150 20 5000"
  AB_ALONE_RUN="150 40 5000"
  PAGING_RUN="-f 2 -wi 1 -i 5"
  COLD_RUNS=15
  PACING_RUN=${PACING_RUN:-"100 10 3"}
  FANOUT_RUN=${FANOUT_RUN:-"100 20 20 16 4"}
  THROUGHPUT_RUN=${THROUGHPUT_RUN:-"10 4"}
fi

has() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- 1. call overhead ----------------------------------------------------------------------------------
if has overhead; then
  log "overhead: interleaved A/B, 1 thread (rounds, calls per block, warm-up calls: $AB_RUN)"
  "$JAVA" -Xms1g -Xmx1g -cp "$JAR" io.github.hubsdk.benchmarks.OverheadAB $AB_RUN "$OUT/overhead-ab.json" \
    > "$OUT/overhead-ab.txt"
  cat "$OUT/overhead-ab.json"
  if [ "$MODE" = short ]; then
    log "overhead: latency at 1 thread (avgt) with -prof gc"
    "$JAVA" -jar "$JAR" CallOverheadBenchmark $OVERHEAD_RUN -t 1 -bm avgt -tu us -prof gc \
      -rf json -rff "$OUT/overhead-t1.json" $JMH_ARGS | tee "$OUT/overhead-t1.txt" | grep -E '^(Benchmark|CallOverhead)' || true
    log "overhead: throughput at 8 threads (thrpt) with -prof gc"
    "$JAVA" -jar "$JAR" CallOverheadBenchmark $OVERHEAD_RUN -t 8 -bm thrpt -tu s -prof gc \
      -rf json -rff "$OUT/overhead-t8.json" $JMH_ARGS | tee "$OUT/overhead-t8.txt" | grep -E '^(Benchmark|CallOverhead)' || true
  else
    for t in 1 8; do
      log "overhead: $t thread(s), latency (avgt, us/op) and throughput (thrpt, ops/s) with -prof gc"
      "$JAVA" -jar "$JAR" CallOverheadBenchmark $OVERHEAD_RUN -t "$t" -bm avgt -tu us -prof gc \
        -rf json -rff "$OUT/overhead-t$t-avgt.json" $JMH_ARGS | tee "$OUT/overhead-t$t-avgt.txt" | grep -E '^(Benchmark|CallOverhead)' || true
      "$JAVA" -jar "$JAR" CallOverheadBenchmark $OVERHEAD_RUN -t "$t" -bm thrpt -tu s -prof gc \
        -rf json -rff "$OUT/overhead-t$t-thrpt.json" $JMH_ARGS | tee "$OUT/overhead-t$t-thrpt.txt" | grep -E '^(Benchmark|CallOverhead)' || true
    done
  fi
fi

# --- 1b. the SDK alone: a canned-answer server in another process ---------------------------------------
if has sdkalone; then
  for run in 1 2; do
    for t in 1 8; do
      log "sdk alone, run $run: $t thread(s), avgt with -prof gc, server in another process"
      "$JAVA" -jar "$JAR" SdkAloneBenchmark $OVERHEAD_RUN -t "$t" -bm avgt -tu us -prof gc \
        -rf json -rff "$OUT/sdkalone-t$t-run$run.json" $JMH_ARGS | tee "$OUT/sdkalone-t$t-run$run.txt" \
        | grep -E '^(Benchmark|SdkAlone)' || true
    done
  done
  for t in 1 8; do
    log "sdk alone: $t thread(s), interleaved A/B time per call (rounds, calls per thread and block, warm-up calls: $AB_ALONE_RUN)"
    "$JAVA" -Xms1g -Xmx1g -cp "$JAR" io.github.hubsdk.benchmarks.SdkAloneAB $AB_ALONE_RUN "$t" \
      "$OUT/ab-sdkalone-t$t.json" > "$OUT/ab-sdkalone-t$t.txt"
    cat "$OUT/ab-sdkalone-t$t.json"
  done
fi

# --- 1c. rate-limit pacing: paced vs retry-on-429 -------------------------------------------------------
if has pacing; then
  log "pacing: 8 threads, 5 windows' worth of calls, paced vs rateLimitPacing(false) (limit, window s, rounds: $PACING_RUN)"
  "$JAVA" -Xms512m -Xmx512m -cp "$JAR" io.github.hubsdk.benchmarks.Pacing $PACING_RUN "$OUT/pacing.json" > "$OUT/pacing.txt"
  cat "$OUT/pacing.json"
fi

# --- 1d. fan-out: FanOut at 16 in flight vs sequential, retained heap -----------------------------------
if has fanout; then
  log "fan-out: repositories, items each, latency ms, in flight, rounds: $FANOUT_RUN"
  "$JAVA" -XX:+UseSerialGC -Xms256m -Xmx256m -cp "$JAR" io.github.hubsdk.benchmarks.FanOutBench $FANOUT_RUN \
    "$OUT/fanout.json" > "$OUT/fanout.txt"
  cat "$OUT/fanout.json"
fi

# --- 1e. the emulator's throughput vs WireMock serving the same answer canned ---------------------------
if has throughput; then
  log "throughput: emulator vs WireMock, 8 client threads (seconds each, rounds: $THROUGHPUT_RUN)"
  "$JAVA" -Xms1g -Xmx1g -cp "$JAR" io.github.hubsdk.benchmarks.EmulatorThroughput $THROUGHPUT_RUN \
    "$OUT/throughput.json" > "$OUT/throughput.txt"
  cat "$OUT/throughput.json"
fi

# --- 2. paging at scale --------------------------------------------------------------------------------
if has paging; then
  log "paging: 10,000 images, 20 ms per request: sequential vs parallelism(4), (8), baseline loop"
  "$JAVA" -jar "$JAR" PagingBenchmark $PAGING_RUN -rf json -rff "$OUT/paging.json" $JMH_ARGS \
    | tee "$OUT/paging.txt" | grep -E '^(Benchmark|PagingBenchmark)' || true
fi

# --- 3. retained heap while streaming ------------------------------------------------------------------
if has heap; then
  log "heap: retained while streaming 10,000 items (SerialGC, full GC at every 1,000 items)"
  "$JAVA" -XX:+UseSerialGC -Xms256m -Xmx256m -cp "$JAR" io.github.hubsdk.benchmarks.StreamingHeap \
    10000 1,4,8 0 "$OUT/heap.json" > "$OUT/heap.txt"
  cat "$OUT/heap.json"
fi

# --- 4. cold start -------------------------------------------------------------------------------------
if has coldstart; then
  log "cold start: $COLD_RUNS fresh JVMs per side, JVM start to first completed call"
  "$JAVA" -cp "$JAR" io.github.hubsdk.benchmarks.ColdStart "$COLD_RUNS" "$OUT/coldstart.json" > "$OUT/coldstart.txt"
  grep -E 'Median' "$OUT/coldstart.json" || true
fi

# --- 5. build cost -------------------------------------------------------------------------------------
if has build; then
  if [ "$MODE" = short ]; then
    BUILD=(mvn -B -DskipTests -pl sdk-generated,sdk-extensions -am)
  else
    BUILD=(mvn -B)
  fi
  elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
  log "build: ${BUILD[*]} clean verify (timed)"
  s=$(date +%s.%N)
  build_ok=true
  "${BUILD[@]}" clean verify > "$OUT/build-clean.log" 2>&1 || { build_ok=false; tail -30 "$OUT/build-clean.log"; }
  clean=$(elapsed "$s")
  log "build: no-change ${BUILD[*]} verify (timed)"
  s=$(date +%s.%N)
  "${BUILD[@]}" verify > "$OUT/build-nochange.log" 2>&1 || { build_ok=false; tail -30 "$OUT/build-nochange.log"; }
  nochange=$(elapsed "$s")
  echo "clean: ${clean} s, no-change: ${nochange} s, both succeeded: $build_ok"
  # The sdk-generated module's part of the no-change log: is the client regenerated or recompiled?
  strip() { sed 's/\x1b\[[0-9;]*m//g'; }
  strip < "$OUT/build-nochange.log" > "$OUT/build-nochange.plain.log"
  sed -n '/Building hubsdk SDK (generated)/,/Building hubsdk SDK extensions/p' "$OUT/build-nochange.plain.log" \
    > "$OUT/build-nochange-sdk-generated.log"
  gen_line=$(grep -m1 'Code generation is skipped' "$OUT/build-nochange-sdk-generated.log" || true)
  compile_line=$(grep -A3 'compile (default-compile)' "$OUT/build-nochange-sdk-generated.log" \
    | grep -m1 -E 'Nothing to compile|Compiling [0-9]+ source' || true)
  ext_line=$(sed -n '/Building hubsdk SDK extensions/,/Building hubsdk [^S]/p' "$OUT/build-nochange.plain.log" \
    | grep -A3 'compile (default-compile)' | grep -m1 -E 'Nothing to compile|Compiling [0-9]+ source' || true)
  echo "sdk-generated, generator: ${gen_line:-<no 'Code generation is skipped' line>}"
  echo "sdk-generated, compiler:  ${compile_line:-<no compiler line>}"
  echo "sdk-extensions, compiler: ${ext_line:-<no compiler line>}"
  json_str() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
  cat > "$OUT/build.json" <<JSON
{"command": "$(json_str "${BUILD[*]} verify")", "cleanSeconds": $clean, "noChangeSeconds": $nochange,
 "succeeded": $build_ok,
 "generationSkipped": $([ -n "$gen_line" ] && echo true || echo false),
 "generatedNothingToCompile": $(echo "$compile_line" | grep -q 'Nothing to compile' && echo true || echo false),
 "generatorLine": "$(json_str "$gen_line")", "compilerLine": "$(json_str "$compile_line")",
 "extensionsCompilerLine": "$(json_str "$ext_line")"}
JSON
  # A clean of the whole reactor removes the benchmarks jar; the report below needs it.
  test -f "$JAR" || mvn -B -q -DskipTests -Dbenchmarks.jar.skip=false -pl benchmarks -am package
fi

# --- 6. retention plan at namespace scale, and the CLI's start time ----------------------------------------
if has retention; then
  if [ "$MODE" = short ]; then RET_RUNS=1; else RET_RUNS=3; fi
  log "retention: namespace-wide plan, 100 repositories x 200 tags, 20 ms per request, parallelism 1/4/8/16"
  "$JAVA" -XX:+UseSerialGC -Xms768m -Xmx768m -cp "$JAR" io.github.hubsdk.benchmarks.RetentionPlanBenchmark \
    100 200 20 1,4,8,16 "$RET_RUNS" "$OUT/retention.json" > "$OUT/retention.txt"
  cat "$OUT/retention.json"
fi
if has cli-start; then
  log "cli-start: hubsdk-cli --help, JVM start to exit; the jar's size"
  mvn -B -q -DskipTests -pl cli -am package
  CLI_JAR=$(ls "$ROOT"/cli/target/hubsdk-cli-*.jar | grep -v original | head -1)
  CLI_BYTES=$(stat -c %s "$CLI_JAR")
  if command -v hyperfine > /dev/null; then
    hyperfine --warmup 2 --runs 10 --export-json "$OUT/cli-start.json" "$JAVA -jar $CLI_JAR --help" \
      | tee "$OUT/cli-start.txt"
  else
    "$JAVA" -jar "$CLI_JAR" --help > /dev/null
    : > "$OUT/cli-start.txt"
    for i in 1 2 3 4 5 6 7 8 9 10; do
      t0=$(date +%s%N); "$JAVA" -jar "$CLI_JAR" --help > /dev/null; t1=$(date +%s%N)
      echo $(( (t1 - t0) / 1000000 )) >> "$OUT/cli-start.txt"
    done
    sort -n "$OUT/cli-start.txt" | awk -v bytes="$CLI_BYTES" '{ a[NR] = $1 } END {
      printf "{\"runs\": %d, \"medianMillis\": %d, \"minMillis\": %d, \"maxMillis\": %d, \"jarBytes\": %d}\n",
        NR, a[int((NR + 1) / 2)], a[1], a[NR], bytes }' > "$OUT/cli-start.json"
  fi
  echo "jar: $CLI_JAR, $CLI_BYTES bytes" | tee -a "$OUT/cli-start.txt"
  cat "$OUT/cli-start.json"
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
log "summary ($OUT/summary.md)"
"$JAVA" -cp "$JAR" io.github.hubsdk.benchmarks.Report "$OUT"
