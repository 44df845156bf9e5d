"""Random and mutated report.yaml, Markdown, pictures and cover PDFs through `pressroom build`
(in-process, as the CLI runs it). Whatever the input: exit 0 or 1, never a traceback, done
within a generous time, the last good PDF kept whole when the build fails, and nothing read
outside the report folder (an audit hook watches every file opened).

Example counts stay small for CI (the "ci" profile, derandomized); HYPOTHESIS_PROFILE=dev
runs more.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pypdf
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from pressroom.cli import main
from report_folders import write_report

settings.register_profile(
    "ci", max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow], database=None
)
settings.register_profile("dev", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SECONDS_PER_BUILD = 90  # generous: a small report builds in about a second
CANARY = "canary-9f3c"
GOOD_TEXT = "# A heading\n\nSome text[^a] and ![A dot](dot.png).\n\n[^a]: A note.\n"

# Opened files, recorded while a build runs (an audit hook cannot be removed: it is switched).
_opened: list[str] | None = None


def _record_open(event: str, args: tuple) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_record_open)


def hostile_snippets(outside: str) -> list[str]:
    """Pieces of trouble, pointed at the canary folder beside the report."""
    return [
        f"![x](../outside/{CANARY}.png)",
        f"![x](file://{outside}/{CANARY}.png)",
        f"![x](file://localhost{outside}/{CANARY}.png)",
        "![x](dot.png)", "![x](<my chart.svg>)", "![x](picture.png)", "[annex](annex.pdf)",
        "[^a]", "^[inline ![x](picture.png)]", "[^a]: note\n", "\n    indented\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "[" * 300, "> " * 300, "*" * 500, "\x00", "\x1b[2J", "\r", "\ue000", "<script>alert(1)</script>",
        "{{ settings }}", "{% raw %}", "&amp;", "\u202e", "#" * 7 + " h\n", "`code`", "```\nfence\n```\n",
    ]


def yaml_snippets(outside: str) -> list[str]:
    return [
        "cover: cover.pdf\n", f"cover: ../outside/{CANARY}.pdf\n", "letterhead: cover.pdf\n",
        f"files: [../outside/{CANARY}.md]\n", "files: [\"te\\0xt.md\"]\n", "a: &a [1, 2]\nb: [*a, *a, *a]\n",
        "title: " + "[" * 200 + "\n", "date: 2017-13-45\n", "print: {bleed_mm: 99}\n", "style: ../../etc\n",
        "organisation: ../x\n", "keywords: [" + ", ".join("k" for _ in range(150)) + "]\n", "!!python/object:os.system x\n",
        "\t", ":", "- ", "'", "\x00", "\r", "page_size: A4\n", "language: 'en; drop'\n",
    ]


def mutated(data: bytes, draw: st.DrawFn) -> bytes:
    """Cut, flipped or spliced bytes: what a failed download or a bad sync makes of a file."""
    kind = draw(st.sampled_from(["keep", "cut", "flip", "splice", "random"]))
    if kind == "keep" or not data:
        return data
    if kind == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "random":
        return draw(st.binary(max_size=2000))
    position = draw(st.integers(0, len(data) - 1))
    if kind == "flip":
        return data[:position] + bytes([data[position] ^ draw(st.integers(1, 255))]) + data[position + 1 :]
    return data[:position] + draw(st.binary(max_size=200)) + data[position:]


def picture_bytes() -> dict[str, bytes]:
    out = {}
    for name, form in (("png", "PNG"), ("jpg", "JPEG")):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), (200, 40, 40)).save(buffer, form)
        out[name] = buffer.getvalue()
    return out


def cover_bytes() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595.28, 841.89)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PICTURES = picture_bytes()
COVER = cover_bytes()
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="9" height="9" fill="red"/>'
    '<image href="file://localhost{outside}/' + CANARY + '.png" width="9" height="9"/></svg>'
)


@st.composite
def report_inputs(draw: st.DrawFn, outside: str) -> dict:
    """One report folder's files, each either good, mutated or hostile."""
    snippets = hostile_snippets(outside)
    pieces = st.one_of(st.sampled_from(snippets), st.text(max_size=40)) if draw(st.booleans()) else st.text(max_size=40)
    chunks = draw(st.lists(pieces, max_size=12))
    markdown = GOOD_TEXT + "".join(chunks) if draw(st.booleans()) else "".join(chunks)
    extra_yaml = "".join(draw(st.lists(st.sampled_from(yaml_snippets(outside)), max_size=2)))
    return {
        "markdown": markdown,
        "extra_yaml": extra_yaml,
        "yaml_mutation": draw(st.sampled_from(["none", "none", "none", "cut", "flip"])),
        "yaml_cut": draw(st.integers(0, 400)),
        "picture": mutated(PICTURES[draw(st.sampled_from(["png", "jpg"]))], draw),
        "svg": mutated(SVG.format(outside=outside).encode(), draw),
        "cover": mutated(COVER, draw),
    }


def write_inputs(folder: Path, inputs: dict) -> None:
    write_report(folder, inputs["markdown"])
    yaml_path = folder / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8") + inputs["extra_yaml"]
    if inputs["yaml_mutation"] == "cut":
        text = text[: inputs["yaml_cut"]]
    elif inputs["yaml_mutation"] == "flip" and text:
        position = inputs["yaml_cut"] % len(text)
        text = text[:position] + chr((ord(text[position]) + 7) % 0x2FF or 1) + text[position + 1 :]
    yaml_path.write_text(text, encoding="utf-8", errors="surrogatepass")
    Image.new("RGB", (40, 30), (20, 40, 200)).save(folder / "dot.png")
    (folder / "picture.png").write_bytes(inputs["picture"])
    (folder / "my chart.svg").write_bytes(inputs["svg"])
    (folder / "cover.pdf").write_bytes(inputs["cover"])


def run_build(folder: Path, output: Path) -> tuple[int, str, float, list[str]]:
    global _opened
    err = io.StringIO()
    _opened = []
    started = time.perf_counter()
    try:
        with redirect_stderr(err), redirect_stdout(io.StringIO()):
            code = main(["build", str(folder), "-o", str(output), "--profile", "screen"])
    finally:
        opened, _opened = _opened, None
    return code, err.getvalue(), time.perf_counter() - started, opened


@given(st.data())
def test_any_input_builds_or_is_explained(data: st.DataObject) -> None:
    # The temporary folder is made first, so that the inputs can point at its canary.
    with tempfile.TemporaryDirectory(prefix="hostile-") as temporary:
        base = Path(temporary).resolve()
        _check_in(base, data.draw(report_inputs(str(base / "outside"))))


def last_good_pdf(cache: dict[str, bytes] = {}) -> bytes:  # noqa: B006 - built once per session
    if "pdf" not in cache:
        with tempfile.TemporaryDirectory(prefix="hostile-good-") as temporary:
            folder = write_report(Path(temporary) / "report", GOOD_TEXT)
            Image.new("RGB", (40, 30), (20, 40, 200)).save(folder / "dot.png")
            assert run_build(folder, Path(temporary) / "good.pdf")[0] == 0, "the good report builds"
            cache["pdf"] = (Path(temporary) / "good.pdf").read_bytes()
    return cache["pdf"]


def _check_in(base: Path, inputs: dict) -> None:
    outside = base / "outside"
    outside.mkdir()
    Image.new("RGB", (10, 10), "black").save(outside / f"{CANARY}.png")
    (outside / f"{CANARY}.md").write_text(f"{CANARY} secret text\n")
    (outside / f"{CANARY}.pdf").write_bytes(COVER)
    folder = base / "report"
    output = base / "out" / "report.pdf"
    output.parent.mkdir()
    last_good = last_good_pdf()
    output.write_bytes(last_good)
    write_inputs(folder, inputs)
    code, err, seconds, opened = run_build(folder, output)
    event(f"exit {code}")

    assert code in (0, 1), err
    assert "Traceback" not in err, err
    assert seconds < SECONDS_PER_BUILD
    assert any(path.endswith("report.yaml") for path in opened), "the hook sees what is opened"
    assert not [path for path in opened if CANARY in path], "read a file outside the report folder"
    if code == 1:
        assert output.read_bytes() == last_good, "a failed build changed the last good PDF"
    else:
        assert len(pypdf.PdfReader(output).pages) >= 1 and CANARY.encode() not in output.read_bytes()
