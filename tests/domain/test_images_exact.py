"""Image headers read to the byte: the size a PNG, JPEG, GIF or WebP header states, the
lengths at which a header is just long enough, the JPEG markers that are skipped and the
exact reasons a persona photo is refused. Import and export trust these answers, so an
off-by-one here lets a broken file in or keeps a good portrait out."""

import struct

import pytest

from app.domain.images import MAX_PHOTO_BYTES, ImageHeader, photo_problem, read_image_header


def png(width: int, height: int) -> bytes:
    """A PNG signature and a complete IHDR chunk (33 bytes)."""
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
            + struct.pack(">II", width, height) + b"\x08\x06\x00\x00\x00" + b"\x00" * 4)


def segment(marker: int, payload: bytes = b"") -> bytes:
    """A JPEG marker segment whose length counts itself and the payload."""
    return struct.pack(">BBH", 0xFF, marker, 2 + len(payload)) + payload


def sof(width: int, height: int, marker: int = 0xC0) -> bytes:
    """A start-of-frame segment: precision, height, width and one component."""
    return segment(marker, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")


APP0 = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")


def jpeg(*parts: bytes) -> bytes:
    return b"\xff\xd8" + b"".join(parts)


def gif(width: int, height: int, version: bytes = b"GIF89a") -> bytes:
    return version + struct.pack("<HH", width, height) + b"\xf7\x00\x00"


def riff(chunk: bytes, body: bytes, form: bytes = b"WEBP", magic: bytes = b"RIFF") -> bytes:
    """A RIFF container whose first chunk is `chunk` (the header ends at byte 20)."""
    return (magic + struct.pack("<I", 12 + len(body)) + form + chunk
            + struct.pack("<I", len(body)) + body)


def vp8x(width: int, height: int) -> bytes:
    """An extended WebP header: flags, then width-1 and height-1 in 24 bits (30 bytes)."""
    return riff(b"VP8X", b"\x10\x00\x00\x00" + (width - 1).to_bytes(3, "little")
                + (height - 1).to_bytes(3, "little"))


def vp8l(width: int, height: int) -> bytes:
    """A lossless WebP header: 0x2F, then 14 bits each of width-1 and height-1 (25 bytes)."""
    bits = (width - 1) | (height - 1) << 14 | 1 << 28  # bit 28: has alpha
    return riff(b"VP8L", b"\x2f" + bits.to_bytes(4, "little"))


def vp8(width_field: int, height_field: int) -> bytes:
    """A lossy WebP header: frame tag, start code, 16-bit width and height (30 bytes)."""
    return riff(b"VP8 ", b"\x30\x01\x00\x9d\x01\x2a"
                + struct.pack("<HH", width_field, height_field))


# --- PNG ---------------------------------------------------------------------------------


def test_a_png_states_its_size_in_the_ihdr_chunk():
    assert read_image_header(png(640, 480)) == ImageHeader("image/png", 640, 480)


def test_a_png_cut_right_after_the_ihdr_size_is_still_read():
    # 24 bytes hold the signature, the chunk length, "IHDR" and both sizes: nothing more
    # is needed, and one byte fewer is not enough.
    assert read_image_header(png(3, 2)[:24]) == ImageHeader("image/png", 3, 2)
    assert read_image_header(png(3, 2)[:23]) is None


def test_a_png_whose_first_chunk_is_not_ihdr_has_no_size():
    data = png(640, 480).replace(b"IHDR", b"IDAT")
    assert read_image_header(data) is None


def test_png_sizes_are_unsigned_32_bit_numbers():
    # 2**31 would be negative read as signed, and the image refused as zero-sized.
    assert read_image_header(png(2**31, 2**32 - 1)) == ImageHeader(
        "image/png", 2**31, 2**32 - 1)


# --- JPEG --------------------------------------------------------------------------------


def test_a_jpeg_states_its_size_in_the_frame_after_the_app_segments():
    data = jpeg(APP0, segment(0xDB, b"\x00" * 65), sof(1024, 768), b"\xff\xda")
    assert read_image_header(data) == ImageHeader("image/jpeg", 1024, 768)


SOF_MARKERS = [m for m in range(0xC0, 0xD0) if m not in (0xC4, 0xC8, 0xCC)]


@pytest.mark.parametrize("marker", SOF_MARKERS, ids=[f"{m:02X}" for m in SOF_MARKERS])
def test_every_start_of_frame_marker_gives_the_size(marker):
    data = jpeg(APP0, sof(300, 200, marker))
    assert read_image_header(data) == ImageHeader("image/jpeg", 300, 200)


@pytest.mark.parametrize("marker", [0xC4, 0xC8, 0xCC], ids=["C4-DHT", "C8-JPG", "CC-DAC"])
def test_c4_c8_and_cc_are_not_frames_and_are_skipped_by_their_length(marker):
    # Their payload looks like a frame of 9x9; the real frame after them says 300x200.
    fake = segment(marker, struct.pack(">BHHB", 8, 9, 9, 1))
    assert read_image_header(jpeg(fake, sof(300, 200))) == ImageHeader("image/jpeg", 300, 200)


@pytest.mark.parametrize("fill", [1, 2, 3], ids=["one-fill", "two-fill", "three-fill"])
def test_fill_bytes_before_a_marker_are_skipped_one_at_a_time(fill):
    before_frame = jpeg(b"\xff" * fill + sof(50, 40)[1:])
    assert read_image_header(before_frame) == ImageHeader("image/jpeg", 50, 40)
    before_app = jpeg(b"\xff" * fill + APP0[1:], sof(50, 40))
    assert read_image_header(before_app) == ImageHeader("image/jpeg", 50, 40)


@pytest.mark.parametrize("marker", [0x01, *range(0xD0, 0xD8)],
                         ids=["TEM", *(f"RST{i}" for i in range(8))])
def test_markers_without_a_length_are_skipped_as_two_bytes(marker):
    data = jpeg(APP0, bytes([0xFF, marker]), sof(50, 40))
    assert read_image_header(data) == ImageHeader("image/jpeg", 50, 40)
    first = jpeg(bytes([0xFF, marker]), sof(50, 40))
    assert read_image_header(first) == ImageHeader("image/jpeg", 50, 40)


def test_a_start_of_image_marker_inside_the_headers_is_not_a_restart_marker():
    # Only TEM and RST0-RST7 stand alone: a stray D8 is read with a length (here FFC0),
    # which runs past the end, so the broken file has no size.
    assert read_image_header(jpeg(b"\xff\xd8", sof(50, 40))) is None


def test_an_empty_segment_of_length_two_is_stepped_over():
    data = jpeg(segment(0xFE), sof(50, 40))
    assert data[4:6] == b"\x00\x02"
    assert read_image_header(data) == ImageHeader("image/jpeg", 50, 40)


@pytest.mark.parametrize("length", [0, 1], ids=["zero", "one"])
def test_a_segment_length_below_two_makes_the_jpeg_unreadable(length):
    data = jpeg(struct.pack(">BBH", 0xFF, 0xE0, length), sof(50, 40))
    assert read_image_header(data) is None


def test_segment_lengths_are_unsigned_so_a_long_segment_is_skipped_whole():
    # 0x8000 and more would be negative read as signed (and the file refused).
    long_app = segment(0xE1, b"\x00" * 0x9000)
    assert read_image_header(jpeg(long_app, sof(50, 40))) == ImageHeader("image/jpeg", 50, 40)


def test_jpeg_sizes_are_unsigned_16_bit_numbers():
    data = jpeg(sof(65535, 40000))
    assert read_image_header(data) == ImageHeader("image/jpeg", 65535, 40000)


def test_a_frame_cut_right_after_the_width_is_still_read():
    data = jpeg(sof(50, 40))[:11]  # FFD8, FFC0, length, precision, height, width
    assert read_image_header(data) == ImageHeader("image/jpeg", 50, 40)
    assert read_image_header(data[:10]) is None
    assert read_image_header(data[:8]) is None


def test_a_jpeg_that_ends_without_a_frame_has_no_size():
    assert read_image_header(jpeg(APP0)) is None
    assert read_image_header(jpeg(APP0, b"\xff")) is None
    assert read_image_header(jpeg(APP0, b"\xff\xd0")) is None


def test_a_jpeg_whose_next_byte_is_not_a_marker_has_no_size():
    assert read_image_header(jpeg(APP0, b"\x00", sof(50, 40))) is None


# --- GIF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [b"GIF87a", b"GIF89a"], ids=["87a", "89a"])
def test_both_gif_versions_state_their_size_little_endian(version):
    assert read_image_header(gif(320, 200, version)) == ImageHeader("image/gif", 320, 200)


def test_a_gif_cut_right_after_its_height_is_still_read():
    assert read_image_header(gif(320, 200)[:10]) == ImageHeader("image/gif", 320, 200)
    assert read_image_header(gif(320, 200)[:9]) is None


def test_gif_sizes_are_unsigned_16_bit_numbers():
    assert read_image_header(gif(65535, 40000)) == ImageHeader("image/gif", 65535, 40000)


@pytest.mark.parametrize("version", [b"gif89a", b"GIF87A", b"GIF88a"],
                         ids=["lower", "upper-A", "88a"])
def test_other_spellings_of_the_gif_signature_are_not_gifs(version):
    assert read_image_header(gif(320, 200, version)) is None


# --- WebP --------------------------------------------------------------------------------


def test_an_extended_webp_states_its_size_in_24_bits_plus_one():
    assert read_image_header(vp8x(1920, 1080)) == ImageHeader("image/webp", 1920, 1080)
    big = vp8x(0x123457, 0xABCDEF)  # every byte of both fields non-zero
    assert read_image_header(big) == ImageHeader("image/webp", 0x123457, 0xABCDEF)
    assert read_image_header(vp8x(1, 1)) == ImageHeader("image/webp", 1, 1)


def test_an_extended_webp_of_exactly_30_bytes_is_read_and_29_are_not():
    data = vp8x(1920, 1080)
    assert len(data) == 30
    assert read_image_header(data) == ImageHeader("image/webp", 1920, 1080)
    assert read_image_header(data[:29]) is None


def test_the_chunks_after_an_extended_header_do_not_change_its_size():
    data = vp8x(1920, 1080) + b"VP8 " + b"\x07" * 20
    assert read_image_header(data) == ImageHeader("image/webp", 1920, 1080)


def test_a_lossless_webp_states_its_size_in_two_14_bit_fields_plus_one():
    assert read_image_header(vp8l(640, 480)) == ImageHeader("image/webp", 640, 480)
    assert read_image_header(vp8l(16384, 16384)) == ImageHeader("image/webp", 16384, 16384)
    assert read_image_header(vp8l(12345, 1)) == ImageHeader("image/webp", 12345, 1)


def test_a_lossless_webp_of_exactly_25_bytes_is_read_and_24_are_not():
    data = vp8l(640, 480)
    assert len(data) == 25
    assert read_image_header(data) == ImageHeader("image/webp", 640, 480)
    assert read_image_header(data[:24]) is None
    assert read_image_header(data[:20]) is None


def test_a_lossless_webp_without_its_signature_byte_has_no_size():
    data = bytearray(vp8l(640, 480))
    data[20] = 0x30
    assert read_image_header(bytes(data)) is None
    # The signature sits at byte 20, not 21.
    shifted = riff(b"VP8L", b"\x00\x2f" + b"\x7f\x07\x00\x00")
    assert read_image_header(shifted) is None


def test_a_lossy_webp_drops_the_two_scale_bits_of_its_16_bit_sizes():
    assert read_image_header(vp8(640, 480)) == ImageHeader("image/webp", 640, 480)
    scaled = vp8(0xC000 | 640, 0x4000 | 480)
    assert read_image_header(scaled) == ImageHeader("image/webp", 640, 480)
    assert read_image_header(vp8(0xFFFF, 0x3FFF)) == ImageHeader("image/webp", 0x3FFF, 0x3FFF)


def test_a_lossy_webp_of_exactly_30_bytes_is_read_and_29_are_not():
    data = vp8(640, 480)
    assert len(data) == 30
    assert read_image_header(data) == ImageHeader("image/webp", 640, 480)
    assert read_image_header(data[:29]) is None
    assert read_image_header(data[:26]) is None


def test_the_frame_data_after_a_lossy_header_does_not_change_its_size():
    data = vp8(640, 480) + b"\x11" * 40
    assert read_image_header(data) == ImageHeader("image/webp", 640, 480)


def test_a_lossy_webp_without_the_start_code_has_no_size():
    data = vp8(640, 480).replace(b"\x9d\x01\x2a", b"\x9d\x01\x2b")
    assert read_image_header(data) is None


@pytest.mark.parametrize("chunk", [b"vp8x", b"vp8l", b"vp8 ", b"VP8Y", b"ALPH"],
                         ids=["vp8x", "vp8l", "vp8-space", "VP8Y", "ALPH"])
def test_an_unknown_first_chunk_has_no_size_whatever_follows(chunk):
    # The body carries a lossless signature at 20 and a lossy start code at 23.
    body = b"\x2f\x00\x00\x9d\x01\x2a" + struct.pack("<HH", 640, 480) + b"\x00" * 20
    assert read_image_header(riff(chunk, body)) is None


def test_each_webp_header_is_read_only_under_its_own_chunk_name():
    # A lossless header padded past 30 bytes stays lossless; the lossy body under the
    # lossless name has no 0x2F at byte 20, the extended one no start code at 23.
    lossless = vp8l(640, 480) + b"\x00" * 15
    assert read_image_header(lossless) == ImageHeader("image/webp", 640, 480)
    assert read_image_header(vp8(640, 480).replace(b"VP8 ", b"VP8L")) is None
    assert read_image_header(vp8x(640, 480).replace(b"VP8X", b"VP8 ")) is None


@pytest.mark.parametrize("magic, form", [(b"RIFX", b"WEBP"), (b"RIFF", b"AVI "),
                                         (b"riff", b"WEBP"), (b"RIFF", b"webp")],
                         ids=["RIFX", "AVI", "riff-lower", "webp-lower"])
def test_a_webp_needs_both_riff_and_webp_in_its_container(magic, form):
    data = riff(b"VP8X", vp8x(640, 480)[20:], form=form, magic=magic)
    assert read_image_header(data) is None


# --- Sizes of zero and unknown formats ------------------------------------------------------


@pytest.mark.parametrize("data", [png(0, 480), png(640, 0), png(0, 0), jpeg(sof(0, 480)),
                                  jpeg(sof(640, 0)), gif(0, 200), gif(320, 0),
                                  vp8(0, 480), vp8(640, 0xC000)],
                         ids=["png-w0", "png-h0", "png-0x0", "jpeg-w0", "jpeg-h0", "gif-w0",
                              "gif-h0", "vp8-w0", "vp8-h0-scaled"])
def test_an_image_with_a_zero_side_is_no_image(data):
    assert read_image_header(data) is None


@pytest.mark.parametrize("data, mime", [(png(1, 1), "image/png"), (jpeg(sof(1, 1)), "image/jpeg"),
                                        (gif(1, 1), "image/gif"), (vp8(1, 1), "image/webp")],
                         ids=["png", "jpeg", "gif", "webp"])
def test_a_single_pixel_image_is_an_image(data, mime):
    assert read_image_header(data) == ImageHeader(mime, 1, 1)


@pytest.mark.parametrize("data", [b"", b"\x89PNG", b"BM" + b"\x00" * 40, b"\xff\xd8\x00\x00"],
                         ids=["empty", "png-prefix", "bmp", "jpeg-no-marker"])
def test_other_bytes_are_no_image(data):
    assert read_image_header(data) is None


# --- Persona photos ------------------------------------------------------------------------


def test_no_photo_is_no_problem():
    assert photo_problem(None, "image/png") is None


def test_a_photo_of_exactly_the_maximum_size_is_accepted():
    photo = png(400, 400)
    photo += b"\x00" * (MAX_PHOTO_BYTES - len(photo))
    assert len(photo) == MAX_PHOTO_BYTES == 16 * 2**20
    assert photo_problem(photo, "image/png") is None


def test_one_byte_over_the_maximum_is_refused_with_both_sizes_in_mb():
    photo = png(400, 400)
    photo += b"\x00" * (MAX_PHOTO_BYTES + 1 - len(photo))
    assert photo_problem(photo, "image/png") == (
        "the photo is 16 MB; a persona photo may be at most 16 MB")


def test_the_size_of_a_large_photo_is_rounded_to_whole_mb():
    photo = b"\x00" * (30 * 2**20 + 3 * 2**18)  # 30.75 MB
    assert photo_problem(photo, "image/png") == (
        "the photo is 31 MB; a persona photo may be at most 16 MB")


def test_png_and_jpeg_photos_of_their_stated_type_are_accepted():
    assert photo_problem(png(400, 300), "image/png") is None
    assert photo_problem(jpeg(APP0, sof(400, 300)), "image/jpeg") is None


def test_bytes_that_are_no_image_are_refused():
    assert photo_problem(b"not a picture", "image/png") == "the photo is not a PNG or JPEG image"
    assert photo_problem(png(0, 300), "image/png") == "the photo is not a PNG or JPEG image"


@pytest.mark.parametrize("data, kind", [(gif(40, 40), "GIF"), (vp8x(40, 40), "WEBP")],
                         ids=["gif", "webp"])
def test_a_gif_or_webp_photo_is_refused_by_its_kind(data, kind):
    assert photo_problem(data, f"image/{kind.lower()}") == (
        f"the photo is a {kind} image; a persona photo must be PNG or JPEG")


def test_a_photo_whose_bytes_contradict_its_mime_says_both():
    assert photo_problem(png(40, 40), "image/jpeg") == (
        "the photo is a PNG image but photo_mime says 'image/jpeg'")
    assert photo_problem(jpeg(sof(40, 40)), "image/png") == (
        "the photo is a JPEG image but photo_mime says 'image/png'")


def test_a_long_mime_is_quoted_to_its_first_40_characters():
    mime = "image/" + "x" * 34 + "YZ-and-more"
    assert photo_problem(png(40, 40), mime) == (
        "the photo is a PNG image but photo_mime says 'image/" + "x" * 34 + "'")
