"""Staff photos for the demo: initials on a coloured circle, so every reply shows a face."""

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

SIZE = 240
# Muted colours with enough contrast for white letters (at least 4.5:1).
COLOURS = ("#1f5f8b", "#7a3e9d", "#2e7d32", "#b23c17", "#00695c", "#6d4c41", "#ad1457", "#37474f")


@cache
def _font() -> ImageFont.ImageFont:
    # Pillow's bundled font: no font files to ship or find on the machine.
    return ImageFont.load_default(size=SIZE * 2 // 5)


@cache
def _circle(colour: str) -> Image.Image:
    # Drawn at twice the size and scaled down, because Pillow's ellipse has no anti-aliasing.
    big = SIZE * 2
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((0, 0, big - 1, big - 1), fill=colour)
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def initials_png(initials: str, colour_index: int) -> bytes:
    image = _circle(COLOURS[colour_index % len(COLOURS)]).copy()
    ImageDraw.Draw(image).text(
        (SIZE / 2, SIZE / 2), initials, font=_font(), fill="white", anchor="mm"
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)  # fast enough for hundreds
    return buffer.getvalue()
