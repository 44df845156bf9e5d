"""The live preview of `pressroom watch`: a page on 127.0.0.1 that shows the last good PDF,
the latest build's problems, and reloads itself when a new build finishes.

The page asks /status?after=N, which answers as soon as a build newer than N finishes
(or after WAIT_SECONDS, and the page asks again), then reloads: no polling delay. The PDF
is served from the output file, which a failed build never touches.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pressroom.resources import templates_dir

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
PAGE_TEMPLATE = "preview.html.j2"
PREVIEW_PATH = "/preview.pdf"
WAIT_SECONDS = 20.0  # a held /status request is answered at the latest after this


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
    pdf_path: str = "/report.pdf"  # or PREVIEW_PATH: the edited file alone, before the whole report
    pdf_page: int = 0  # the page to open at (0: the viewer's choice)


class PreviewServer:
    """Serves the page, /status and /report.pdf from a thread; `publish` updates the page."""

    def __init__(self, pdf: Path, page: PreviewPage, port: int = DEFAULT_PORT):
        self.pdf = pdf
        self.preview_pdf = b""  # the quick preview, served from memory
        self._page = page
        import jinja2  # here: the command line names the default port without loading it

        self._changed = threading.Condition()
        self._template = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir()), autoescape=True, undefined=jinja2.StrictUndefined
        ).get_template(PAGE_TEMPLATE)
        self._http = _Server((HOST, port), _Handler)
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

    def publish(self, page: PreviewPage, preview_pdf: bytes | None = None) -> None:
        with self._changed:
            if preview_pdf is not None:
                self.preview_pdf = preview_pdf
            self._page = page
            self._changed.notify_all()

    def page(self) -> PreviewPage:
        with self._changed:
            return self._page

    def page_after(self, version: int, timeout: float = WAIT_SECONDS) -> PreviewPage:
        """The page once its build is not `version` any more, or as it is after `timeout`."""
        with self._changed:
            self._changed.wait_for(lambda: self._page.version != version, timeout)
            return self._page

    def html(self) -> str:
        return self._template.render(page=self.page())


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser tab closed while its request waited is no error; anything else still is."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        preview: PreviewServer = self.server.preview  # type: ignore[attr-defined]
        port = self.server.server_address[1]
        # Only this machine's own names: a page elsewhere that renames itself to 127.0.0.1
        # (DNS rebinding) still sends its own host name, and gets nothing.
        if self.headers.get("Host", "") not in (f"{HOST}:{port}", f"localhost:{port}"):
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST)
            return
        url = urlsplit(self.path)
        path = url.path
        if path == "/":
            self._send(preview.html().encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/status":
            after = parse_qs(url.query).get("after", [""])[0]
            # isdigit() alone takes '²', which int() refuses
            page = preview.page_after(int(after)) if after.isascii() and after.isdigit() else preview.page()
            self._send(json.dumps(asdict(page)).encode("utf-8"), "application/json")
        elif path == "/report.pdf" and preview.pdf.is_file():
            self._send(preview.pdf.read_bytes(), "application/pdf")
        elif path == PREVIEW_PATH and preview.preview_pdf:
            self._send(preview.preview_pdf, "application/pdf")
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
