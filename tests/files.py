"""Small real files for upload tests, made in memory."""
from __future__ import annotations

import io

from PIL import Image

from portal.demo_data import sample_pdf


def pdf_bytes(text: str = "POKMAS test document") -> bytes:
    """A minimal valid one-page PDF."""
    return sample_pdf(text)


def jpeg_with_gps() -> bytes:
    """A JPEG carrying EXIF with a GPS position (Jakarta) and a camera model."""
    image = Image.new("RGB", (64, 48), (200, 120, 40))
    exif = Image.Exif()
    exif[0x0110] = "SecretCam 3000"  # Model
    gps = {1: "S", 2: (6.0, 12.0, 30.0), 3: "E", 4: (106.0, 49.0, 10.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 128, 0)).save(out, "PNG")
    return out.getvalue()


HTML_AS_PDF = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
