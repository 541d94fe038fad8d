"""Persona photos made fit to print: a huge stored image is scaled down before it is embedded.

A photo prints at most 160 pt wide (a circle on the persona page), so 640 px is more than
300 dpi there. Embedding a 12,000 × 12,000 photo as it is took 2 GB and minutes.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image

MAX_SIDE = 640  # pixels on the long side of an embedded photo


def print_image(data: bytes) -> Image.Image:
    """The photo decoded at most MAX_SIDE px on its long side (aspect kept)."""
    with warnings.catch_warnings():
        # Beyond Pillow's pixel limit it raises (and the export draws initials instead);
        # just under it, it only warns: the image is scaled down next, so say nothing.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        # A JPEG decodes straight at 1/2 … 1/8 scale: the full image is never in memory.
        image.draft(image.mode if image.mode in ("RGB", "L") else "RGB", (MAX_SIDE, MAX_SIDE))
        if max(image.size) > MAX_SIDE:
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        image.load()
    return image
