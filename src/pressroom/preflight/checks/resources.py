"""Unused resources: fonts, colour spaces, graphics states and forms a page declares and
never draws with. Harmless to most RIPs, but strict preflight profiles report them, and an
unused Lab or ICC colour space makes a vendor look for colour that is not there."""

from __future__ import annotations

from pypdf.generic import StreamObject

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, get, open_pdf, resolve, unused_resources

CHECK = "unused-resources"
SHOWN = 4


def _forms(owner, seen: set[int]):
    for form in (resolve(get(resolve(get(owner, "/Resources")), "/XObject")) or {}).values():
        form = resolve(form)
        if isinstance(form, StreamObject) and get(form, "/Subtype") == "/Form" and id(form) not in seen:
            seen.add(id(form))
            yield form
            yield from _forms(form, seen)


def check_unused_resources(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[int] = set()
    for index, page in enumerate(open_pdf(pdf).pages):
        unused = unused_resources(page) + [name for form in _forms(page, seen) for name in unused_resources(form)]
        if unused:
            names = ", ".join(unused[:SHOWN]) + (f" and {len(unused) - SHOWN} more" if len(unused) > SHOWN else "")
            findings.append(Finding(
                CHECK, "warning",
                f"{len(unused)} resource(s) are declared and never used ({names}). Strict preflight "
                "profiles report them; export again with unused resources removed.", index + 1))
    if not findings:
        findings.append(Finding(CHECK, "info", "Every declared resource is used."))
    return findings
