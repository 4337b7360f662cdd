#!/usr/bin/env bash
# Reproducibility check: builds the working tree twice, each time from a clean copy at a different path
# (so no target/ output, generated source or absolute path carries over), with
#   mvn -B -q package -DskipTests
# and compares the sha256 of every jar the modules produce (main, sources and javadoc jars).
# Prints a table; exits 1 if any jar differs or exists in only one build.
#   scripts/check-reproducible.sh [extra maven args, e.g. -o]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hubsdk-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for run in 1 2; do
  dir="$work/build-$run/hubsdk"
  mkdir -p "$dir"
  # Same files as the working tree (committed or not), without build output or IDE files.
  (cd "$root" && tar --exclude='./.git' --exclude='*/target' --exclude='./target' --exclude='.flattened-pom.xml' \
      --exclude='.idea' -cf - .) | (cd "$dir" && tar -xf -)
  echo "build $run in $dir ..."
  start=$(date +%s)
  (cd "$dir" && mvn -B -q package -DskipTests "$@")
  echo "build $run took $(( $(date +%s) - start )) s"
  (cd "$dir" && find . -path '*/target/*.jar' -not -path '*/target/*/*' -type f | sort | xargs sha256sum) > "$work/run-$run.sha256"
done

python3 - "$work/run-1.sha256" "$work/run-2.sha256" <<'PY'
import sys
def load(p):
    d = {}
    for line in open(p):
        h, f = line.split(None, 1)
        d[f.strip()[2:]] = h
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
names = sorted(set(a) | set(b))
w = max(len(n) for n in names)
print(f"\n{'jar'.ljust(w)}  {'sha256 (build 1)':16}  {'sha256 (build 2)':16}  result")
print(f"{'-'*w}  {'-'*16}  {'-'*16}  ------")
bad = 0
for n in names:
    x, y = a.get(n, '(missing)'), b.get(n, '(missing)')
    ok = x == y
    bad += not ok
    print(f"{n.ljust(w)}  {x[:16]:16}  {y[:16]:16}  {'same' if ok else 'DIFFERENT'}")
print(f"\n{len(names)} jars, {len(names) - bad} identical, {bad} different")
sys.exit(1 if bad else 0)
PY
