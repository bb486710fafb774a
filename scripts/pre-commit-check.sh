#!/usr/bin/env bash
# The pre-commit hook in examples/.pre-commit-hooks.yaml, run by the real
# pre-commit tool on a scratch repository: a broken profile blocks the
# commit, a good one passes, and YAML that is not a profile
# (.pre-commit-config.yaml, a workflow) is never checked.
# Needs `pre-commit` and `pathways` on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
git init -q
git config user.email ci@example.org
git config user.name CI
mkdir -p profiles .github/workflows
cp "$here/tests/fixtures/valid/minimal.yaml" profiles/minimal.yaml
cp "$here/tests/fixtures/check/records-managers.yaml" profiles/records-managers.yaml
cp "$here/examples/github-workflow.yml" .github/workflows/check-profiles.yml
{
  echo "repos:"
  echo "  - repo: local"
  echo "    hooks:"
  sed -n '/^- id:/,$p' "$here/examples/.pre-commit-hooks.yaml" | sed 's/^/      /'
} > .pre-commit-config.yaml
git add -A

status=0
pre-commit run --all-files > run.log 2>&1 || status=$?
cat run.log
if [ "$status" -eq 0 ]; then echo "FAIL: the broken profile did not block the commit"; exit 1; fi
grep -q "records-managers.yaml" run.log || { echo "FAIL: the broken profile is not named"; exit 1; }
if grep -q "unknown-key\|check-profiles.yml\|pre-commit-config" run.log; then
  echo "FAIL: YAML that is not a profile was checked"; exit 1
fi

git rm -qf profiles/records-managers.yaml
rm -f run.log
pre-commit run --all-files > run.log 2>&1 || { cat run.log; echo "FAIL: the good profile did not pass"; exit 1; }
cat run.log
echo "pre-commit hook: a broken profile blocks the commit, a good one passes, other YAML is left alone"
