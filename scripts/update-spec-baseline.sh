#!/usr/bin/env bash
# Makes a released spec the new baseline of the breaking-change check (spec/baseline/).
#   scripts/update-spec-baseline.sh 1.2.0
# takes spec/docker-hub-api.yaml as of tag v1.2.0 (or the working copy if that tag does not exist) and records
# 1.2.0 in spec/baseline/VERSION. Run it after each release and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: $0 RELEASED_VERSION (e.g. 1.2.0)}"
if git rev-parse -q --verify "refs/tags/v${version}" >/dev/null; then
  git show "v${version}:spec/docker-hub-api.yaml" > spec/baseline/docker-hub-api.yaml
  echo "baseline <- spec/docker-hub-api.yaml at tag v${version}"
else
  cp spec/docker-hub-api.yaml spec/baseline/docker-hub-api.yaml
  echo "no tag v${version}: baseline <- working copy of spec/docker-hub-api.yaml"
fi
echo "${version}" > spec/baseline/VERSION
git --no-pager diff --stat -- spec/baseline || true
