#!/usr/bin/env python3
"""Opens onramp's HTML report in headless Chromium: a screenshot, no console message at all (errors, CSP
violations, failed loads), and the filters change what is shown. Exit 77 (ctest: skipped) only when no chromium
is installed.

usage: html_report_test.py ONRAMP_BINARY REPO [SCREENSHOT.png]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(browser, profile, args, url):
    # As root (CI) Chromium needs --no-sandbox; a fresh profile keeps runs independent of each other.
    cmd = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1280,1000"] + args + [url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    # Every console call and every uncaught error is logged as INFO:CONSOLE; the page must log nothing.
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    if console:
        sys.exit("FAIL: console output from the report:\n" + "\n".join(console))
    if proc.returncode != 0:
        sys.exit("FAIL: chromium exited with %d:\n%s" % (proc.returncode, proc.stderr[-2000:]))
    return proc.stdout


def rows(dom):
    return re.findall(r'<tr class="finding">(.*?)</tr>', dom)


def main():
    binary, repo = sys.argv[1], sys.argv[2]
    browser = chromium()
    if browser is None:
        print("SKIPPED: chromium is not installed (apt-get install chromium); the HTML report was not opened")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.html")
        subprocess.run([binary, repo, "--format", "html", "-j", "1", "-o", report], check=True)
        url = "file://" + report
        shot = sys.argv[3] if len(sys.argv) > 3 else os.path.join(tmp, "report.png")
        run_browser(browser, os.path.join(tmp, "p1"), ["--screenshot=" + shot], url)
        with open(shot, "rb") as f:
            png = f.read()
        if not png.startswith(b"\x89PNG") or len(png) < 10000:
            sys.exit("FAIL: no screenshot (%d bytes)" % len(png))

        dom = run_browser(browser, os.path.join(tmp, "p2"), ["--dump-dom"], url)
        if 'data-ready="yes"' not in dom:
            sys.exit("FAIL: the report's script did not run to its end")
        everything = rows(dom)
        total = int(re.search(r'id="f-count"[^>]*>(\d+) of (\d+) findings<', dom).group(2))
        if not everything or len(everything) != min(total, 200):
            sys.exit("FAIL: %d finding rows drawn, %d findings" % (len(everything), total))

        errors = rows(run_browser(browser, os.path.join(tmp, "p3"), ["--dump-dom"], url + "#filter:severity=error"))
        if not errors or len(errors) >= len(everything) or any("sev-error" not in r for r in errors):
            sys.exit("FAIL: the severity filter shows %d of %d rows" % (len(errors), len(everything)))

        step = run_browser(browser, os.path.join(tmp, "p4"), ["--dump-dom"], url + "#filter:step=8&q=sleep")
        if len(rows(step)) != 1 or "time.sleep" not in step:
            sys.exit("FAIL: step 8 and the search for `sleep` show %d rows" % len(rows(step)))
    print("ok: %d findings drawn, %d with severity=error, screenshot of %d bytes" % (len(everything), len(errors),
                                                                                  len(png)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
