"""The CSS that makes a WeasyPrint test document a conforming CMYK PDF/X-4."""

from __future__ import annotations

from pressroom.icc import cmyk_profile_path

# CSS that makes a WeasyPrint document a conforming CMYK PDF/X-4:
# the output intent, CMYK default text colour, 3 mm bleed without marks.
CMYK_CSS = f"""
@color-profile device-cmyk {{
  src: url({cmyk_profile_path().as_uri()});
  components: cyan, magenta, yellow, black;
}}
@page {{ size: A5; bleed: 3mm; margin: 15mm; }}
html {{ color: device-cmyk(0 0 0 1); font-size: 10pt; }}
"""
