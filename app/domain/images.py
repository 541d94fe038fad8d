"""Recognise image bytes by their header, without decoding them (pure Python, no Qt or PIL).

Used to check that a persona photo read from a file really is the image it claims to be.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

# Persona photos are kept as PNG or JPEG (the editor re-encodes what it is given); a photo
# is shown a few centimetres wide, so anything near this size is not a portrait.
PHOTO_MIMES = ("image/png", "image/jpeg")
MAX_PHOTO_BYTES = 16 * 1024 * 1024

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


@dataclass(frozen=True)
class ImageHeader:
    """What the header of an image file says: its media type and pixel size."""

    mime: str
    width: int
    height: int


def _png(data: bytes) -> ImageHeader | None:
    # The IHDR chunk must come first, right after the signature.
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return ImageHeader("image/png", width, height)


def _jpeg(data: bytes) -> ImageHeader | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        if length < 2:
            return None
        if marker in _SOF_MARKERS:
            if at + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return ImageHeader("image/jpeg", width, height)
        at += 2 + length
    return None


def _gif(data: bytes) -> ImageHeader | None:
    if len(data) < 10:
        return None
    width, height = struct.unpack("<HH", data[6:10])
    return ImageHeader("image/gif", width, height)


def _webp(data: bytes) -> ImageHeader | None:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
    elif chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    elif chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width, height = (v & 0x3FFF for v in struct.unpack("<HH", data[26:30]))
    else:
        return None
    return ImageHeader("image/webp", width, height)


def read_image_header(data: bytes) -> ImageHeader | None:
    """The type and size of a PNG, JPEG, GIF or WebP image, or None if it is none of them."""
    if data.startswith(_PNG_SIGNATURE):
        header = _png(data)
    elif data.startswith(b"\xff\xd8\xff"):
        header = _jpeg(data)
    elif data[:6] in (b"GIF87a", b"GIF89a"):
        header = _gif(data)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        header = _webp(data)
    else:
        return None
    if header is None or header.width <= 0 or header.height <= 0:
        return None
    return header


def photo_problem(photo: bytes | None, mime: str) -> str | None:
    """Why these bytes cannot be a persona photo of type `mime`, or None when they can."""
    if photo is None:
        return None
    if len(photo) > MAX_PHOTO_BYTES:
        return (f"the photo is {len(photo) / 2**20:.0f} MB; a persona photo may be at most "
                f"{MAX_PHOTO_BYTES // 2**20} MB")
    header = read_image_header(photo)
    if header is None:
        return "the photo is not a PNG or JPEG image"
    if header.mime not in PHOTO_MIMES:
        kind = header.mime.removeprefix("image/").upper()
        return f"the photo is a {kind} image; a persona photo must be PNG or JPEG"
    if header.mime != mime:
        kind = header.mime.removeprefix("image/").upper()
        return f"the photo is a {kind} image but photo_mime says {mime[:40]!r}"
    return None
