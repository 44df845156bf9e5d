"""A real headless Chromium for tests, driven over the DevTools protocol on a pipe.

--remote-debugging-pipe makes Chromium read commands on fd 3 and answer on fd 4, as
NUL-terminated JSON: no websocket library and no browser download needed, only
Debian's `chromium` package.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from typing import Any

ANSWER_TIMEOUT = 30.0
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-pipe",
)


class Browser:
    def __init__(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="pressroom-chromium-")
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def pipes_at_3_and_4() -> None:
            # Copy first: a pipe may already be fd 3 or 4, and dup2 onto itself keeps close-on-exec.
            commands, answers = os.dup(commands_read), os.dup(answers_write)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self._process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            preexec_fn=pipes_at_3_and_4,
            close_fds=False,
            # Its own process group: the renderer and helper processes are stopped with it.
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next_id = 0
        self._session = ""

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", url=url)["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Browser.setDownloadBehavior", behavior="deny")

    def evaluate(self, expression: str) -> Any:
        answer = self.call("Runtime.evaluate", session=self._session, expression=expression, returnByValue=True)
        return answer["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0) -> Any:
        """Evaluate until the value is truthy (a page that is reloading answers with errors)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"the page never satisfied: {expression}")

    def call(self, method: str, session: str = "", **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(answer["error"])
                return answer["result"]

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if not select.select([self._answers], [], [], ANSWER_TIMEOUT)[0]:
                raise TimeoutError(f"chromium did not answer within {ANSWER_TIMEOUT} s")
            chunk = os.read(self._answers, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self) -> None:
        """Stop Chromium and every helper process it started, then remove its profile.
        Helpers outlive the main process for a moment and keep writing into the profile,
        so the whole process group is killed and the removal retried until it holds."""
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        try:
            os.killpg(self._process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        os.close(self._commands)
        os.close(self._answers)
        deadline = time.monotonic() + 10
        while True:
            try:
                shutil.rmtree(self._profile)
                return
            except FileNotFoundError:
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
