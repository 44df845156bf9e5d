from PIL import Image, ImageCms

from pressroom.icc import cmyk_profile_path, rgb_to_cmyk, rgb_to_cmyk_image


def test_profile_is_a_cmyk_output_profile():
    path = cmyk_profile_path()
    assert path.is_file()
    assert path.stat().st_size < 200_000
    data = path.read_bytes()
    assert data[16:20] == b"CMYK"  # colour space in the ICC header
    assert data[12:16] == b"prtr"  # output device class
    profile = ImageCms.getOpenProfile(str(path))
    assert profile.profile.xcolor_space.strip() == "CMYK"
    assert "FOGRA39" in ImageCms.getProfileDescription(profile)


def test_greys_are_k_only():
    assert rgb_to_cmyk(0, 0, 0) == (0.0, 0.0, 0.0, 1.0)
    assert rgb_to_cmyk(255, 255, 255) == (0.0, 0.0, 0.0, 0.0)
    previous = 1.0
    for v in (16, 64, 128, 192, 240):
        c, m, y, k = rgb_to_cmyk(v, v, v)
        assert (c, m, y) == (0.0, 0.0, 0.0)
        assert 0.0 < k < previous  # lighter grey -> less black
        previous = k


def test_colour_uses_profile_and_respects_ink_limit():
    c, m, y, k = rgb_to_cmyk(255, 0, 0)
    assert c < 0.05 and m > 0.8 and y > 0.7
    c, m, y, k = rgb_to_cmyk(0, 0, 1)  # near-black, not neutral
    assert c + m + y + k <= 3.0 + 0.02  # profile built with a 300 % TAC


def test_image_conversion():
    img = Image.new("RGB", (8, 8), (0, 102, 204))
    out = rgb_to_cmyk_image(img)
    assert out.mode == "CMYK" and out.size == (8, 8)
    c, m, y, k = out.getpixel((0, 0))
    assert c > m > y

    grey = rgb_to_cmyk_image(Image.new("L", (2, 2), 128))
    assert grey.getpixel((0, 0))[:3] == (0, 0, 0) and grey.getpixel((0, 0))[3] > 0

    transparent = rgb_to_cmyk_image(Image.new("RGBA", (2, 2), (255, 0, 0, 0)))
    assert transparent.getpixel((0, 0)) == (0, 0, 0, 0)  # flattened on white paper
