"""Render a PreflightReport as a text table, JSON, or a one-page PDF summary."""

from __future__ import annotations

import html
import json
import textwrap
from pathlib import Path

from .model import Finding, PreflightReport

_RESULT = {"error": "FAIL", "warning": "WARN", "info": "ok"}
_ORDER = {"error": 0, "warning": 1, "info": 2}


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5] -> '1-3, 5'."""
    if not pages:
        return "-"
    pages = sorted(set(pages))
    parts, start, prev = [], pages[0], pages[0]
    for p in pages[1:] + [None]:  # type: ignore[list-item]
        if p is not None and p == prev + 1:
            prev = p
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if p is not None:
            start = prev = p
    return ", ".join(parts)


def grouped(report: PreflightReport) -> list[tuple[str, str, str, str]]:
    """(check, result, pages, message) rows; identical messages on several pages merged."""
    order: list[str] = []
    groups: dict[tuple[str, str, str], list[int | None]] = {}
    for f in report.findings:
        if f.check not in order:
            order.append(f.check)
        groups.setdefault((f.check, f.severity, f.message), []).append(f.page)
    rows = []
    for (check, severity, message), pages in sorted(
        groups.items(), key=lambda kv: (order.index(kv[0][0]), _ORDER[kv[0][1]])
    ):
        numbers = [p for p in pages if p is not None]
        rows.append((check, _RESULT[severity], page_ranges(numbers) if numbers else "-", message))
    return rows


def verdict(report: PreflightReport) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    standard = "PDF/X-4" if report.options.standard == "x-4" else "PDF/X-1a"
    counts = f"{errors} error(s), {warnings} warning(s)"
    if report.passed:
        return f"PASS: {report.path.name} is ready for print as {standard} ({counts})."
    return f"FAIL: {report.path.name} is not ready for print as {standard} ({counts})."


def format_table(report: PreflightReport, width: int = 100) -> str:
    rows = grouped(report)
    headers = ("check", "result", "pages", "message")
    w_check = max([len(headers[0])] + [len(r[0]) for r in rows])
    w_result = max(len(headers[1]), 4)
    w_pages = min(max([len(headers[2])] + [len(r[2]) for r in rows]), 16)
    w_msg = max(30, width - w_check - w_result - w_pages - 6)
    indent = " " * (w_check + w_result + w_pages + 6)

    def line(check: str, result: str, pages: str, message: str) -> list[str]:
        page_lines = textwrap.wrap(pages, w_pages) or [""]
        msg_lines = textwrap.wrap(message, w_msg) or [""]
        out = [f"{check:<{w_check}}  {result:<{w_result}}  {page_lines[0]:<{w_pages}}  {msg_lines[0]}"]
        extra_pages = page_lines[1:]
        for i, msg in enumerate(msg_lines[1:] + [""] * max(0, len(extra_pages) - len(msg_lines) + 1)):
            p = extra_pages[i] if i < len(extra_pages) else ""
            if not msg and not p:
                continue
            out.append(f"{'':<{w_check}}  {'':<{w_result}}  {p:<{w_pages}}  {msg}".rstrip())
        return out

    out = [f"Preflight of {report.path} ({report.pages} page{'' if report.pages == 1 else 's'}, "
           f"{'PDF/X-4' if report.options.standard == 'x-4' else 'PDF/X-1a'})", ""]
    out += line(*headers)
    out.append("-" * min(width, len(indent) + w_msg))
    for row in rows:
        out += line(*row)
    out += ["", verdict(report)]
    return "\n".join(out) + "\n"


def format_json(report: PreflightReport) -> str:
    data = report.to_dict()
    data["verdict"] = verdict(report)
    return json.dumps(data, indent=2, ensure_ascii=False)


_PDF_CSS = """
@page { size: A4; margin: 15mm; @bottom-right { content: counter(page) "/" counter(pages);
  font-size: 8pt; } }
html { font-family: sans-serif; font-size: 9pt; color: #000; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
.meta { color: #444; margin-bottom: 4mm; }
.verdict { font-size: 12pt; font-weight: bold; padding: 2mm 3mm; margin: 3mm 0; }
.pass { border: 1.5pt solid #000; } .fail { background: #000; color: #fff; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm;
  border-bottom: 0.5pt solid #999; }
th { border-bottom: 1pt solid #000; }
td.r-FAIL { font-weight: bold; } td.r-WARN { font-style: italic; }
"""


def report_html(report: PreflightReport) -> str:
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(c)}</td><td class='r-{esc(r)}'>{esc(r)}</td><td>{esc(p)}</td>"
        f"<td>{esc(m)}</td></tr>"
        for c, r, p, m in grouped(report)
    )
    o = report.options
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Preflight report: {esc(report.path.name)}</title><style>{_PDF_CSS}</style>"
        f"</head><body><h1>Preflight report</h1>"
        f"<div class='meta'>{esc(str(report.path))} &middot; {report.pages} "
        f"page{'' if report.pages == 1 else 's'} &middot; "
        f"checked as {'PDF/X-4' if o.standard == 'x-4' else 'PDF/X-1a'}, ink limit {o.max_tac:g}%, "
        f"images &ge; {o.min_ppi:g} ppi, lines &ge; {o.min_line_width_pt:g} pt, bleed "
        f"{o.expected_bleed_mm:g} mm{', saddle stitch' if o.saddle_stitch else ''}</div>"
        f"<div class='verdict {'pass' if report.passed else 'fail'}'>{esc(verdict(report))}</div>"
        f"<table><thead><tr><th>Check</th><th>Result</th><th>Pages</th><th>Details</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></body></html>"
    )


def write_pdf_report(report: PreflightReport, path: Path) -> Path:
    """Write a short PDF summary of the report (to send with the print file)."""
    from weasyprint import HTML  # imported lazily: ~0.5 s

    path = Path(path)
    HTML(string=report_html(report)).write_pdf(path)
    return path


__all__ = ["Finding", "format_json", "format_table", "page_ranges", "report_html",
           "verdict", "write_pdf_report"]
