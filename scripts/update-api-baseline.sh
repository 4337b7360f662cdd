#!/usr/bin/env bash
# Refreshes the japicmp baselines: api-baseline/<artifactId>.jar for every module that opted in
# (<hubsdk.api.check.skip>false</hubsdk.api.check.skip> in its pom.xml), built from the working tree, and
# records VERSION as hubsdk.api.baseline.version in the root pom.xml.
#   scripts/update-api-baseline.sh [VERSION]     (default: revision without -SNAPSHOT)
# Run it after a release (from the release tag's checkout), or deliberately when an API break is accepted.
set -euo pipefail
cd "$(dirname "$0")/.."

revision="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' pom.xml | head -1)"
version="${1:-${revision%-SNAPSHOT}}"

modules=()
for pom in */pom.xml; do
  if grep -q '<hubsdk.api.check.skip>false</hubsdk.api.check.skip>' "$pom"; then
    modules+=("$(dirname "$pom")")
  fi
done
if [ ${#modules[@]} -eq 0 ]; then
  echo "no module opts in to the API check (hubsdk.api.check.skip=false)" >&2
  exit 1
fi
list="$(IFS=,; echo "${modules[*]}")"
echo "building ${list} ..."
mvn -B -q package -DskipTests -Dhubsdk.staging.skip=true -Dhubsdk.api.check.skip=true -pl "${list}" -am

mkdir -p api-baseline
for m in "${modules[@]}"; do
  artifact="$(sed -n '/<\/parent>/,$ s:^  <artifactId>\(.*\)</artifactId>:\1:p' "$m/pom.xml" | head -1)"
  jar="$(ls "$m"/target/"${artifact}"-*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | head -1)"
  cp "$jar" "api-baseline/${artifact}.jar"
  echo "api-baseline/${artifact}.jar <- ${jar}"
done
sed -i "s:<hubsdk.api.baseline.version>.*</hubsdk.api.baseline.version>:<hubsdk.api.baseline.version>${version}</hubsdk.api.baseline.version>:" pom.xml
echo "hubsdk.api.baseline.version = ${version} (pom.xml)"
