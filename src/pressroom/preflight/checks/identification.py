"""PDF/X identification (Info + XMP), Trapped, version, and the OutputIntent."""

from __future__ import annotations

import re

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, get, icc_components, open_pdf, resolve

PDFX_CHECK = "pdfx-version"
INTENT_CHECK = "output-intent"

# Identification string prefix and highest PDF version for each standard.
_STANDARDS = {
    "x-4": ("PDF/X-4", (1, 6), "PDF/X-4"),
    "x-1a": ("PDF/X-1a", (1, 4), "PDF/X-1a:2003"),
}


def _xmp_text(reader) -> str:
    meta = get(reader.trailer.get("/Root"), "/Metadata")
    if meta is None:
        return ""
    try:
        return meta.get_data().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - broken metadata stream
        return ""


def _xmp_value(xmp: str, prefix: str, name: str) -> str | None:
    """Value of prefix:name in XMP, as an element or as an attribute."""
    m = re.search(rf"<{prefix}:{name}>\s*([^<]*?)\s*</{prefix}:{name}>", xmp)
    if m:
        return m.group(1)
    m = re.search(rf"\b{prefix}:{name}\s*=\s*[\"']([^\"']*)[\"']", xmp)
    return m.group(1) if m else None


def _pdf_version(reader) -> tuple[int, int] | None:
    versions = []
    m = re.match(r"%PDF-(\d)\.(\d)", reader.pdf_header or "")
    if m:
        versions.append((int(m.group(1)), int(m.group(2))))
    catalog_version = get(reader.trailer.get("/Root"), "/Version")
    if catalog_version is not None:
        m = re.match(r"/?(\d)\.(\d)", str(catalog_version))
        if m:
            versions.append((int(m.group(1)), int(m.group(2))))
    return max(versions) if versions else None


def check_pdfx_version(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    label, max_version, example = _STANDARDS[options.standard]
    findings: list[Finding] = []

    def error(msg: str) -> None:
        findings.append(Finding(PDFX_CHECK, "error", msg))

    if reader.is_encrypted:
        error("The PDF is encrypted or password-protected. PDF/X files must not be "
              "encrypted: export again without security settings.")

    info = resolve(reader.trailer.get("/Info"))
    info_version = get(info, "/GTS_PDFXVersion")
    info_version = str(info_version) if info_version is not None else None
    xmp = _xmp_text(reader)
    xmp_version = _xmp_value(xmp, "pdfxid", "GTS_PDFXVersion")

    fix = f"Export the PDF as {example} (e.g. pdf_variant=\"pdf/{options.standard}\")."
    if options.standard == "x-4":
        if xmp_version is None:
            error("The PDF is not identified as PDF/X-4: the XMP metadata has no "
                  f"pdfxid:GTS_PDFXVersion. {fix}")
        elif not xmp_version.startswith(label):
            error(f"The PDF is identified as {xmp_version!s} in its XMP metadata, not {label}. {fix}")
        if info_version is not None and not info_version.startswith(label):
            error(f"The document info says GTS_PDFXVersion {info_version}, which contradicts "
                  f"{label}. {fix}")
    else:
        if info_version is None:
            error("The PDF is not identified as PDF/X-1a: the document info has no "
                  f"GTS_PDFXVersion. {fix}")
        elif not info_version.startswith(label):
            error(f"The PDF is identified as {info_version}, not {label}. {fix}")
        if info_version == "PDF/X-1a:2001":
            conformance = get(info, "/GTS_PDFXConformance")
            if conformance is None or not str(conformance).startswith("PDF/X-1a"):
                error("PDF/X-1a:2001 needs GTS_PDFXConformance 'PDF/X-1a:2001' in the "
                      f"document info. {fix}")
        if xmp_version is not None and not xmp_version.startswith(label):
            error(f"The XMP metadata says {xmp_version}, which contradicts {label}. {fix}")

    trapped = get(info, "/Trapped")
    trapped_values = {str(trapped).lstrip("/")} if trapped is not None else set()
    xmp_trapped = _xmp_value(xmp, "pdf", "Trapped")
    if xmp_trapped:
        trapped_values.add(xmp_trapped)
    if not trapped_values & {"True", "False"}:
        error("The Trapped flag is missing or 'Unknown'. PDF/X needs Trapped set to True or "
              "False; set it when exporting (False unless the file was trapped).")

    version = _pdf_version(reader)
    if version is not None and version > max_version:
        error(f"The file is PDF {version[0]}.{version[1]}, but {label} allows at most PDF "
              f"{max_version[0]}.{max_version[1]}. Export with the {label} preset.")

    if not findings:
        found = xmp_version if options.standard == "x-4" else info_version
        v = f"PDF {version[0]}.{version[1]}" if version else "unknown PDF version"
        findings.append(Finding(PDFX_CHECK, "info", f"Identified as {found} ({v})."))
    return findings


def check_output_intent(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    intents = get(reader.trailer.get("/Root"), "/OutputIntents") or []
    pdfx = [resolve(i) for i in intents if get(i, "/S") == "/GTS_PDFX"]
    how = ("Add a PDF/X output intent with the printer's CMYK profile (pressroom: "
           "@color-profile device-cmyk { src: url(pressroom-fogra39.icc); components: "
           "cyan, magenta, yellow, black }).")
    if not pdfx:
        return [Finding(INTENT_CHECK, "error", f"The PDF has no PDF/X output intent. {how}")]
    if len(pdfx) > 1:
        return [Finding(INTENT_CHECK, "error", "The PDF has more than one PDF/X output intent; "
                        "keep exactly one.")]
    intent = pdfx[0]
    ident = str(get(intent, "/OutputConditionIdentifier") or "(none)")
    profile = get(intent, "/DestOutputProfile")
    if profile is None:
        registry = get(intent, "/RegistryName")
        if options.standard == "x-1a" and registry is not None:
            return [Finding(INTENT_CHECK, "warning",
                            f"The output intent names the registered condition '{ident}' but does "
                            "not embed its ICC profile. Allowed for PDF/X-1a, but embed the "
                            "profile so every printer gets it.")]
        return [Finding(INTENT_CHECK, "error",
                        f"The output intent '{ident}' has no embedded ICC profile. {how}")]
    n = icc_components(profile)
    if n != 4:
        return [Finding(INTENT_CHECK, "error",
                        f"The output intent profile has {n} colour components, not CMYK (4). "
                        "Use the printer's CMYK press profile.")]
    findings = []
    try:
        data = profile.get_data()
        device_class = data[12:16]
    except Exception:  # noqa: BLE001
        device_class = b""
    if device_class and device_class != b"prtr":
        findings.append(Finding(INTENT_CHECK, "warning",
                                f"The output intent profile is a '{device_class.decode('latin-1')}' "
                                "profile, not an output (printer) profile."))
    findings.append(Finding(INTENT_CHECK, "info", f"CMYK output intent '{ident}' is embedded."))
    return findings
