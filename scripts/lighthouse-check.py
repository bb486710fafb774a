#!/usr/bin/env python3
"""Lighthouse over HTML documents: accessibility, best practices and SEO
must each score 100.

    scripts/lighthouse-check.py LIGHTHOUSE ROOT PAGE...

LIGHTHOUSE is the lighthouse command (pinned in .ci/run), ROOT the folder
served over HTTP on 127.0.0.1 (Lighthouse does not audit file:// pages), and
each PAGE a path under ROOT. Chromium is found through CHROME_PATH.
Performance is left out: on a shared 2-core CI machine its score measures
the machine's load, not the page.
"""

import functools
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CATEGORIES = ["accessibility", "best-practices", "seo"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    lighthouse, root, *pages = sys.argv[1:]
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for page in pages:
            report = Path(scratch) / "report.json"
            subprocess.run(
                [
                    lighthouse,
                    f"http://127.0.0.1:{port}/{page}",
                    "--quiet",
                    "--chrome-flags=--headless=new --no-sandbox",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--output=json",
                    f"--output-path={report}",
                ],
                check=True,
                timeout=180,
            )
            result = json.loads(report.read_text())
            scores = {key: result["categories"][key]["score"] for key in CATEGORIES}
            shown = ", ".join(f"{key} {round((score or 0) * 100)}" for key, score in scores.items())
            if all(score == 1 for score in scores.values()):
                print(f"Lighthouse: {page}: {shown}")
                continue
            failed += 1
            print(f"Lighthouse: {page}: {shown}", file=sys.stderr)
            for audit in result["audits"].values():
                if audit.get("scoreDisplayMode") in ("binary", "numeric") and (
                    audit.get("score") is not None and audit["score"] < 1
                ):
                    print(f"  {audit['id']}: {audit['title']}", file=sys.stderr)
    server.shutdown()
    if failed:
        print(f"Lighthouse: {failed} of {len(pages)} pages scored below 100", file=sys.stderr)
        return 1
    print(f"Lighthouse: {len(pages)} pages score 100 in {', '.join(CATEGORIES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
