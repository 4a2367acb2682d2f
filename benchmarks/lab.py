"""JupyterLab benchmark: "Run All" on every notebook, driven in headless Chromium, as a reader would.

Starts `jupyter lab` (the project's environment, as `make lab` does) on a free port of 127.0.0.1, opens
each notebook, clears its outputs, runs "Run All" and waits until every code cell has run and the kernel
is idle. It prints, per notebook, the wall time of "Run All", the cells that raised or wrote to stderr,
the charts JupyterLab drew and the warnings its Vega renderer logged to the console. With --shots DIR it
also saves each chart as JupyterLab draws it and as the book draws it (from _build/html, `make book`),
to compare them by eye. Nothing here asserts a time.

    .venv/bin/python benchmarks/lab.py [--shots DIR] [NOTEBOOK ...]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from article_analysis.book.prerequisites import CHROMIUM
from article_analysis.core.theme import LIVE_CHARTS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ["intro.ipynb", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").glob("*.ipynb"))]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Charts as a live session draws them: Altair's widget (vega-embed, the specs' own Vega-Lite), and, where
# the Vega-Lite output is left to JupyterLab's built-in renderer (an older Vega-Lite), that renderer's.
LAB_CHART = ".vega-embed:has(canvas, svg)"
LAB_BUILT_IN_CHART = ".jp-RenderedVegaCommon5"
BOOK_CHART = ".vega-chart-view"

NOTEBOOK_STATE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.filter(cell => cell.model.type === 'code');
  const outputs = cells.map(cell => cell.model.sharedModel.toJSON().outputs || []);
  return {
    kernel: kernel ? kernel.status : 'none',
    pending: cells.filter(cell => cell.model.executionCount === null).length,
    errors: outputs.filter(list => list.some(o => o.output_type === 'error')).length,
    stderr: outputs.filter(list => list.some(o => o.name === 'stderr')).length,
  };
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# User settings for this run only: no news prompt over the notebook, and every cell kept in the page
# (JupyterLab otherwise lays out cells lazily, which moves charts while they are photographed).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def start_lab(port: int, settings: Path) -> subprocess.Popen:
    for name, values in LAB_SETTINGS.items():
        (settings / "user" / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / "user" / name).write_text(json.dumps(values), encoding="utf-8")
    jupyter = Path(sys.executable).parent / "jupyter"
    process = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
         "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={ROOT}",
         "--LabApp.expose_app_in_browser=True", f"--LabApp.workspaces_dir={settings}",
         f"--LabApp.user_settings_dir={settings / 'user'}",
         "--allow-root"],  # CI and this machine run as root
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, LIVE_CHARTS: "1"})  # as `make lab` and binder/start do
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=2)
            return process
        except OSError:
            time.sleep(1)
    stop_lab(process)
    raise RuntimeError("JupyterLab did not start within two minutes")


def stop_lab(process: subprocess.Popen) -> None:
    """Stop the server; one that has not shut down within 30 s is killed. On a loaded machine its
    shutdown alone has taken longer (a fresh-clone `make test`), and how fast it stops is not what the
    runs measure or test."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_for(page, predicate: str, timeout_s: float) -> dict:
    deadline = time.monotonic() + timeout_s
    while True:
        state = page.evaluate(NOTEBOOK_STATE)
        if page.evaluate(predicate, state):
            return state
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout_s} s: {state}")
        time.sleep(0.25)


def run_all(browser, base: str, notebook: str, shots: Path | None) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text)
            if message.type in ("warning", "error") else None)
    page.goto(f"{base}/lab/tree/{notebook}?reset")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.content", timeout=120_000)
    wait_for(page, "state => state.kernel === 'idle'", 120)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    wait_for(page, "state => state.pending > 0", 10)
    warnings.clear()
    start = time.monotonic()
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    state = wait_for(page, "state => state.pending === 0 && state.kernel === 'idle'", 900)
    seconds = time.monotonic() - start
    page.wait_for_timeout(3000)  # let the renderers draw the last outputs
    charts = page.locator(LAB_CHART)
    if shots:
        for index in range(charts.count()):
            charts.nth(index).scroll_into_view_if_needed()
            charts.nth(index).screenshot(path=shots / f"{Path(notebook).stem}-{index:02d}-lab.png")
    result = {"notebook": notebook, "seconds": seconds, "charts": charts.count(),
              "built_in_charts": page.locator(LAB_BUILT_IN_CHART).count(), **state,
              "warnings": sorted(set(warnings))}
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
    page.close()
    return result


def serve_book() -> str:
    """The built book on a free port of 127.0.0.1 (a daemon thread, gone when the script ends)."""
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(ROOT / "_build" / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def book_charts(browser, book: str, notebook: str, shots: Path) -> int:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("crash", lambda crashed: print(f"    the book's page crashed: {crashed.url}", flush=True))
    page.goto(f"{book}/{Path(notebook).with_suffix('.html').as_posix()}")
    page.wait_for_timeout(3000)
    charts = page.locator(BOOK_CHART)
    count = charts.count()
    for index in range(count):
        if charts.nth(index).is_visible():  # a chart in a folded section is not drawn until opened
            charts.nth(index).screenshot(path=shots / f"{Path(notebook).stem}-{index:02d}-book.png")
    page.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="folder for screenshots of every chart, lab and book")
    parser.add_argument("notebooks", nargs="*", default=NOTEBOOKS, help="notebooks to run (default: all)")
    args = parser.parse_args()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as settings:
        lab = start_lab(port, Path(settings))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                book = serve_book() if args.shots else None
                for notebook in args.notebooks:
                    result = run_all(browser, f"http://127.0.0.1:{port}", notebook, args.shots)
                    print(f"{notebook}: Run All {result['seconds']:.1f} s, cells raising {result['errors']}, "
                          f"writing to stderr {result['stderr']}, charts {result['charts']} (by JupyterLab's built-in "
                          f"Vega-Lite {result['built_in_charts']})", flush=True)
                    for warning in result["warnings"]:
                        print(f"    console: {warning[:300]}", flush=True)
                    if book:
                        print(f"    charts in the book: {book_charts(browser, book, notebook, args.shots)}", flush=True)
                browser.close()
        finally:
            stop_lab(lab)


if __name__ == "__main__":
    main()
