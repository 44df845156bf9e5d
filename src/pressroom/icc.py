"""CMYK colour management: our bundled FOGRA39 profile and RGB -> CMYK helpers.

The profile (``data/icc/pressroom-fogra39.icc``) is built from Fogra's FOGRA39L
characterization data with ArgyllCMS; see ``data/icc/README.md`` for its
origin and licence.
"""

from __future__ import annotations

import io
import threading
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms

PROFILE_NAME = "pressroom-fogra39.icc"

PERCEPTUAL = ImageCms.Intent.PERCEPTUAL
# The transforms are cached and shared; LittleCMS keeps the last pixel it converted in the
# transform, so two threads (a batch's reports) must not apply one at the same time.
_ONE_AT_A_TIME = threading.Lock()
RELATIVE_COLORIMETRIC = ImageCms.Intent.RELATIVE_COLORIMETRIC


def cmyk_profile_path() -> Path:
    """Path of the bundled CMYK output profile (FOGRA39, TAC 300 %)."""
    return Path(__file__).resolve().parent / "data" / "icc" / PROFILE_NAME


@lru_cache(maxsize=None)
def _cmyk_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(str(cmyk_profile_path()))


@lru_cache(maxsize=None)
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@lru_cache(maxsize=8)
def _rgb_to_cmyk_transform(intent: int) -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(
        _srgb_profile(), _cmyk_profile(), "RGB", "CMYK", renderingIntent=intent
    )


def _srgb_to_lightness(value: float) -> float:
    """CIE L* (0-100) of the sRGB grey with all channels = value (0-255)."""
    c = value / 255.0
    lin = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    # For a neutral grey, Y = lin (D65 and D50 white have Y = 1).
    if lin > (6 / 29) ** 3:
        f = lin ** (1 / 3)
    else:
        f = lin / (3 * (6 / 29) ** 2) + 4 / 29
    return 116 * f - 16


@lru_cache(maxsize=None)
def _k_ramp_lightness() -> tuple[float, ...]:
    """L* (relative to paper white) of K-only patches K = 0..255 in our profile."""
    ramp = Image.new("CMYK", (256, 1))
    ramp.putdata([(0, 0, 0, k) for k in range(256)])
    lab = ImageCms.createProfile("LAB")
    to_lab = ImageCms.buildTransform(
        _cmyk_profile(), lab, "CMYK", "LAB", renderingIntent=RELATIVE_COLORIMETRIC
    )
    out = ImageCms.applyTransform(ramp, to_lab)
    lightness = [out.getpixel((k, 0))[0] * 100 / 255 for k in range(256)]
    # Make it strictly decreasing so it can be inverted by bisection.
    for k in range(1, 256):
        if lightness[k] >= lightness[k - 1]:
            lightness[k] = lightness[k - 1] - 1e-6
    return tuple(lightness)


def _grey_to_k(value: float) -> float:
    """K (0-1) whose printed lightness matches the sRGB grey ``value`` (0-255)."""
    if value >= 255:
        return 0.0
    if value <= 0:
        return 1.0
    ramp = _k_ramp_lightness()
    # Black-point compensation: sRGB's L* 0..100 is scaled onto the range the
    # K ink can reach on paper (solid K is about L* 17, not 0), so dark greys
    # stay distinguishable instead of all clipping to 100 % K.
    target = ramp[-1] + _srgb_to_lightness(value) / 100 * (ramp[0] - ramp[-1])
    # ramp is decreasing; search on the negated values.
    neg = [-v for v in ramp]
    i = bisect_left(neg, -target)
    if i <= 0:
        return 0.0
    if i >= len(ramp):
        return 1.0  # darker than the darkest K-only patch: solid black
    hi, lo = ramp[i - 1], ramp[i]
    frac = (hi - target) / (hi - lo) if hi != lo else 0.0
    return round((i - 1 + frac) / 255, 4)


def rgb_to_cmyk(
    r: float, g: float, b: float, intent: int = PERCEPTUAL
) -> tuple[float, float, float, float]:
    """Convert one sRGB colour (channels 0-255, as in CSS ``rgb()``) to CMYK.

    Returns (c, m, y, k) as floats 0.0-1.0, ready for CSS ``device-cmyk()``.
    Neutral greys (r == g == b), including black and white, become K only,
    with K chosen so the grey prints at the same relative lightness (with
    black-point compensation: sRGB black -> 100 % K): no rich black and no
    four-colour greys, which would misregister on press.
    """
    for v in (r, g, b):
        if not 0 <= v <= 255:
            raise ValueError(f"RGB channel {v!r} outside 0-255")
    if r == g == b:
        return (0.0, 0.0, 0.0, _grey_to_k(r))
    px = Image.new("RGB", (1, 1), (round(r), round(g), round(b)))
    with _ONE_AT_A_TIME:
        c, m, y, k = ImageCms.applyTransform(px, _rgb_to_cmyk_transform(int(intent))).getpixel((0, 0))
    return tuple(round(v / 255, 4) for v in (c, m, y, k))  # type: ignore[return-value]


def _flatten_on_white(img: Image.Image) -> Image.Image:
    rgba = img.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")


def rgb_to_cmyk_image(img: Image.Image, intent: int = PERCEPTUAL) -> Image.Image:
    """Convert an RGB (or grey / palette / RGBA) image to CMYK with our profile.

    * An embedded ICC profile in ``img.info["icc_profile"]`` is honoured as the
      source space; otherwise the image is assumed to be sRGB.
    * Transparency is flattened onto white paper (CMYK images carry no alpha).
    * Greyscale ("L"/"LA") images become K-only, like :func:`rgb_to_cmyk`.
    * A CMYK image is returned unchanged (a copy).
    """
    if img.mode == "CMYK":
        return img.copy()
    if img.mode in ("L", "LA", "1", "I", "I;16", "F"):
        grey = img.convert("LA") if img.mode == "LA" else img.convert("L")
        if grey.mode == "LA":
            grey = _flatten_on_white(grey).convert("L")
        lut = [round(_grey_to_k(v) * 255) for v in range(256)]
        k = grey.point(lut)
        zero = Image.new("L", img.size, 0)
        return Image.merge("CMYK", (zero, zero, zero, k))

    source = _srgb_profile()
    embedded = img.info.get("icc_profile")
    if embedded:
        try:
            candidate = ImageCms.ImageCmsProfile(io.BytesIO(embedded))
            if candidate.profile.xcolor_space.strip() == "RGB":
                source = candidate
        except (OSError, ImageCms.PyCMSError):
            pass

    has_alpha = img.mode in ("RGBA", "LA", "PA") or (
        img.mode == "P" and "transparency" in img.info
    )
    rgb = _flatten_on_white(img) if has_alpha else img.convert("RGB")
    if source is _srgb_profile():
        transform = _rgb_to_cmyk_transform(int(intent))
    else:
        transform = ImageCms.buildTransform(
            source, _cmyk_profile(), "RGB", "CMYK", renderingIntent=int(intent)
        )
    with _ONE_AT_A_TIME:
        out = ImageCms.applyTransform(rgb, transform)
    out.info.pop("icc_profile", None)
    return out
