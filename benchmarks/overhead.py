"""How much pressroom adds around WeasyPrint, measured in one run.

    .venv/bin/python benchmarks/overhead.py [--repeat 3]

For the briefing paper and the generated 100-page stress report (screen profile), it times
each stage of the pipeline, and plain WeasyPrint (no patches, no pressroom) on the very same
HTML and CSS. "around" = load + validate + markdown + template + audit + finish; the issue's
budget is at most 10% of WeasyPrint's own time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import weasyprint

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pressroom.audit import audit  # noqa: E402
from pressroom.catalog import catalog_finisher  # noqa: E402
from pressroom.finish import finish  # noqa: E402
from pressroom.layout import lay_out  # noqa: E402
from pressroom.load import load_source  # noqa: E402
from pressroom.markdown import render_markdown  # noqa: E402
from pressroom.profiles import profiles_for  # noqa: E402
from pressroom.template import fill_template  # noqa: E402
from pressroom.validate import validate  # noqa: E402
from stress_report import write_stress_report  # noqa: E402


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def measure(folder: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    source, times["load"] = timed(load_source, folder)
    (report, _), times["validate"] = timed(validate, source[0])
    (body, _), times["markdown"] = timed(render_markdown, report)
    screen = profiles_for("screen", report.settings)[0]
    document, times["template"] = timed(fill_template, report, body, screen)
    finisher = catalog_finisher(report.settings.language)
    (layout, _), times["layout (patched WeasyPrint)"] = timed(lay_out, document, screen.pdf_variant, None, finisher)
    result, times["audit"] = timed(audit, layout, body)
    _, times["finish"] = timed(finish, layout.pdf)

    def plain_weasyprint() -> bytes:
        stylesheets = [weasyprint.CSS(filename=str(path)) for path in document.stylesheets]
        html = weasyprint.HTML(string=document.html, base_url=str(document.base_dir) + "/")
        return html.write_pdf(stylesheets=stylesheets, pdf_variant=screen.pdf_variant)

    _, times["plain WeasyPrint, same HTML+CSS"] = timed(plain_weasyprint)
    times["pages"] = result.pages
    times["notes"] = result.notes
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="runs per document; the fastest is kept")
    args = parser.parse_args()
    weasyprint.HTML(string="<p>warm up</p>").write_pdf()  # import and font set-up cost out of the way
    with tempfile.TemporaryDirectory() as temporary:
        stress, _ = write_stress_report(Path(temporary) / "stress")
        for name, folder in (("briefing paper", ROOT / "report"), ("stress report", stress)):
            runs = [measure(folder) for _ in range(args.repeat)]
            best = {key: min(run[key] for run in runs) for key in runs[0]}
            around = sum(best[k] for k in ("load", "validate", "markdown", "template", "audit", "finish"))
            engine = best["plain WeasyPrint, same HTML+CSS"]
            print(f"\n{name}: {best['pages']:.0f} pages, {best['notes']:.0f} notes (best of {args.repeat})")
            for key, value in best.items():
                if key not in ("pages", "notes"):
                    print(f"  {key:<34} {value * 1000:8.1f} ms")
            print(f"  {'around WeasyPrint, total':<34} {around * 1000:8.1f} ms = {around / engine:.1%} of plain WeasyPrint")
            patches = best["layout (patched WeasyPrint)"] / engine - 1
            print(f"  {'patched vs plain WeasyPrint':<34} {patches:+8.1%}")


if __name__ == "__main__":
    main()
