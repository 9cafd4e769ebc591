#!/usr/bin/env python3
"""Replays a repository's history through onramp's CI gate and counts false "new" findings.

For each of N consecutive first-parent commits C (ending at --end, default HEAD) of REPO (a clone with history):
  file mode:   at C^ `onramp baseline -o B`, at C `onramp check --baseline B`
  commit mode: at C  `onramp check --baseline-commit C^`
A finding reported as new is *false* when C^ already had it: a finding of C^ with the same rule, the same file (renames
in `git diff -M C^ C` mapped back) and the same message once numbers are blanked out (a multiset: C^ must have more of
them than C has known ones). The others are *true* new findings. Also counted: new findings whose span touches no line
that C added or changed ("untouched"), the looser measure.

  scripts/replay_baseline.py REPO --onramp build/onramp --count 80 --mode file
Prints one line per commit with false/true counts, then the totals. The checkout is a temporary detached worktree
under $TMPDIR; REPO's own work tree is not touched.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def changed_lines(repo, parent, commit):
    """{path at C: set of added line numbers, or {0} for a file whose content changed with no added line}."""
    out = {}
    path = None
    diff = git(repo, "diff", "-M", "-U0", "--no-color", parent, commit)
    for line in diff.splitlines():
        if line.startswith("+++ "):
            path = None if line[4:] == "/dev/null" else line[6:]
            if path is not None:
                out.setdefault(path, set())
        elif line.startswith("@@") and path is not None:
            m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
            start, count = int(m.group(1)), int(m.group(2) or "1")
            out[path].update(range(start, start + count))
    return out


def renames(repo, parent, commit):
    """{path at C: path at C^} for the files C renamed."""
    out = {}
    for line in git(repo, "diff", "-M", "--name-status", parent, commit).splitlines():
        parts = line.split("\t")
        if parts[0].startswith("R") and len(parts) == 3:
            out[parts[2]] = parts[1]
    return out


def key(f, mapping=None):
    path = mapping.get(f["path"], f["path"]) if mapping else f["path"]
    return (f["rule"], path, re.sub(r"\d+", "#", f["message"]))


def touches(changed, finding):
    lines = changed.get(finding["path"])
    if lines is None:
        return False
    first, last = finding["line"], max(finding["line"], finding.get("end_line") or finding["line"])
    if first == 0:
        return True
    return any(first <= n <= last for n in lines)


def run(onramp, args, cwd):
    p = subprocess.run([onramp, *args], cwd=cwd, capture_output=True, text=True)
    if p.returncode == 2:
        sys.exit(f"onramp {' '.join(args)} failed in {cwd}: {p.stderr.strip()}")
    return p


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("repo")
    ap.add_argument("--onramp", required=True)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--end", default="HEAD")
    ap.add_argument("--mode", choices=["file", "commit"], default="file")
    ap.add_argument("--verbose", action="store_true", help="print each false new finding")
    a = ap.parse_args()
    onramp = os.path.abspath(a.onramp)
    commits = git(a.repo, "rev-list", "--first-parent", f"-n{a.count}", a.end).split()[::-1]
    tmp = tempfile.mkdtemp(prefix="onramp-replay-")
    wt = os.path.join(tmp, "wt")
    git(a.repo, "worktree", "add", "--detach", "-q", wt, commits[0])
    total_false = total_true = total_untouched = 0
    try:
        for c in commits:
            parent = git(a.repo, "rev-parse", f"{c}^").strip()
            out = os.path.join(tmp, "check.json")
            everything = os.path.join(tmp, "all.json")
            git(wt, "checkout", "-q", "--detach", parent)
            run(onramp, ["check", "--fail-on", "info", "--format", "json", "-o", everything, "."], wt)
            with open(everything) as f:
                before = json.load(f)["findings"]
            git(wt, "checkout", "-q", "--detach", c)
            run(onramp, ["check", "--fail-on", "info", "--format", "json", "-o", everything, "."], wt)
            with open(everything) as f:
                after = json.load(f)["findings"]
            if a.mode == "file":
                base = os.path.join(tmp, "baseline.json")
                git(wt, "checkout", "-q", "--detach", parent)
                run(onramp, ["baseline", "-o", base, "."], wt)
                git(wt, "checkout", "-q", "--detach", c)
                run(onramp, ["check", "--baseline", base, "--fail-on", "info", "--format", "json", "-o", out, "."], wt)
            else:
                git(wt, "checkout", "-q", "--detach", c)
                run(onramp, ["check", "--baseline-commit", parent, "--fail-on", "info", "--format", "json", "-o", out,
                             "."], wt)
            with open(out) as f:
                fresh = json.load(f)["findings"]
            changed = changed_lines(a.repo, parent, c)
            mapping = renames(a.repo, parent, c)
            had = Counter(key(f) for f in before)
            has = Counter(key(f, mapping) for f in after)
            new_by_key = Counter(key(f, mapping) for f in fresh)
            carried = {k: min(n, max(0, had[k] - (has[k] - n))) for k, n in new_by_key.items()}
            false = []
            for f in fresh:
                k = key(f, mapping)
                if carried.get(k, 0) > 0:
                    carried[k] -= 1
                    false.append(f)
            true = len(fresh) - len(false)
            untouched = sum(1 for f in fresh if not touches(changed, f))
            total_false += len(false)
            total_true += true
            total_untouched += untouched
            subject = git(a.repo, "log", "-1", "--format=%s", c).strip()[:60]
            print(f"{c[:8]} false={len(false):3d} true={true:3d} untouched={untouched:3d}  {subject}")
            if a.verbose:
                for f in false:
                    print(f"    {f['path']}:{f['line']} [{f['rule']}] {f['message'][:100]}")
    finally:
        git(a.repo, "worktree", "remove", "--force", wt)
    print(f"total over {len(commits)} commits ({a.mode} mode): false new {total_false}, true new {total_true}, "
          f"untouched by the commit {total_untouched}")


if __name__ == "__main__":
    main()
