"""The live preview of `pressroom watch`: a page on 127.0.0.1 that shows the last good PDF,
the latest build's problems, and reloads itself when a new build finishes.

The page polls /status (a few bytes) and reloads when the build number changes; the PDF
is served from the output file, which a failed build never touches.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from pressroom.resources import templates_dir

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
PAGE_TEMPLATE = "preview.html.j2"
POLL_MILLISECONDS = 300


@dataclass(frozen=True)
class PreviewPage:
    """What the page shows: the latest build (`version`) and the last good PDF, if any."""

    title: str
    version: int = 0
    ok: bool = True
    summary: str = ""
    problems: tuple[str, ...] = field(default_factory=tuple)
    pdf_version: int = 0  # changes with each new PDF, so the browser does not show a cached one
    has_pdf: bool = False


class PreviewServer:
    """Serves the page, /status and /report.pdf from a thread; `publish` updates the page."""

    def __init__(self, pdf: Path, page: PreviewPage, port: int = DEFAULT_PORT):
        self.pdf = pdf
        self._page = page
        self._lock = threading.Lock()
        self._template = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir()), autoescape=True, undefined=jinja2.StrictUndefined
        ).get_template(PAGE_TEMPLATE)
        self._http = ThreadingHTTPServer((HOST, port), _Handler)
        self._http.preview = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._http.serve_forever, name="pressroom-preview", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self._http.server_address[1]}/"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():  # shutdown() waits for serve_forever, which may never have run
            self._http.shutdown()
        self._http.server_close()

    def publish(self, page: PreviewPage) -> None:
        with self._lock:
            self._page = page

    def page(self) -> PreviewPage:
        with self._lock:
            return self._page

    def html(self) -> str:
        return self._template.render(page=self.page(), poll=POLL_MILLISECONDS)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        preview: PreviewServer = self.server.preview  # type: ignore[attr-defined]
        path = urlsplit(self.path).path
        if path == "/":
            self._send(preview.html().encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/status":
            self._send(json.dumps(asdict(preview.page())).encode("utf-8"), "application/json")
        elif path == "/report.pdf" and preview.pdf.is_file():
            self._send(preview.pdf.read_bytes(), "application/pdf")
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the terminal shows builds, not requests."""
