#!/usr/bin/env bash
# The hooks in .pre-commit-hooks.yaml, run by the real pre-commit tool on a
# scratch office repository whose .pre-commit-config.yaml points `repo:` at
# this clone (as an office's points at pathways): a broken profile blocks the
# commit, a good one passes, a staged profile that takes the id of one
# committed earlier is caught by pathways-check-all, and YAML that is not a
# profile (.pre-commit-config.yaml, a workflow) is never checked.
# Needs `pre-commit` and `pathways` on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# pre-commit clones the hook repository at a commit: this clone's HEAD, with
# the hooks file as it is in the working tree.
hooks_repo="$scratch/pathways"
git clone -q "$here" "$hooks_repo"
cp "$here/.pre-commit-hooks.yaml" "$hooks_repo/"
git -C "$hooks_repo" -c user.email=ci@example.org -c user.name=CI commit -qam "hooks under test" --allow-empty
rev=$(git -C "$hooks_repo" rev-parse HEAD)
export PRE_COMMIT_HOME="$scratch/cache"

office="$scratch/office"
mkdir -p "$office" && cd "$office"
git init -q
git config user.email ci@example.org
git config user.name CI
mkdir -p profiles .github/workflows
cp "$here/tests/fixtures/valid/minimal.yaml" profiles/minimal.yaml
cp "$here/tests/fixtures/check/records-managers.yaml" profiles/records-managers.yaml
cp "$here/examples/github-workflow.yml" .github/workflows/check-profiles.yml
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks_repo
    rev: $rev
    hooks:
      - id: pathways-check-all
      - id: pathways-check
YAML
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
git commit -qm "a good profile"

# A second profile with the id of the one committed: only it is staged.
cp profiles/minimal.yaml profiles/minimal-copy.yaml
git add profiles/minimal-copy.yaml
status=0
pre-commit run > run.log 2>&1 || status=$?
cat run.log
if [ "$status" -eq 0 ]; then echo "FAIL: a second profile with a committed id passed"; exit 1; fi
grep -q "duplicate-id" run.log || { echo "FAIL: the clash of ids is not named"; exit 1; }
grep -q "Check staged career profiles.*Passed" run.log \
  || { echo "FAIL: the staged-only hook was expected to pass (it cannot see the clash)"; exit 1; }
echo "pre-commit hooks: a broken profile blocks the commit, a good one passes, a clash with a committed profile is caught by pathways-check-all, other YAML is left alone"
