"""Draw the app icon: a white page with a red header band (红头) holding 文, text lines, a magnifier.

Reproducible: `python resources/icons/make_icons.py` rewrites every file next to this script
(app-<N>.png for each size, app.svg, app.ico for Windows, app.icns for macOS). The design is a
list of primitives on a 256×256 canvas, drawn with QPainter for the PNGs and written out as SVG
by hand, so both come from the same numbers. The 文 glyph is taken from a CJK font once, as an
outline, so app.svg needs no font. Small sizes (< 32 px) leave out the glyph and the magnifier,
which would only be noise there.
"""
from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk type for each PNG size (several types share a pixel size: 16@2x, 32@2x…).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"icp6", 64), (b"ic12", 64),
    (b"ic07", 128), (b"ic08", 256), (b"ic13", 256), (b"ic09", 512), (b"ic14", 512),
)
GLYPH = "文"
GLYPH_FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei")

RED = "#c8161d"
PAGE = "#ffffff"
PAGE_EDGE = "#c3cad4"
SHADOW = "#0f172a"
TEXT_LINE = "#98a2b3"
LENS_RING = "#24364b"
LENS_GLASS = "#dbeafe"

# Canvas 256×256. Page and band.
PX, PY, PW, PH, PR = 36.0, 14.0, 172.0, 228.0, 16.0
BAND_H = 74.0
# Text lines under the band: (y, x_end).
LINES = ((112, 184), (136, 184), (160, 150), (184, 130), (208, 112))
LINES_SMALL = ((124, 184), (164, 184), (204, 150))
# Magnifier: lens centre, radius, ring width; handle end.
LENS_C, LENS_R, RING_W = (170.0, 174.0), 42.0, 14.0
HANDLE_END, HANDLE_W = (236.0, 240.0), 22.0


@dataclass
class Shape:
    kind: str  # "rrect" | "band" | "line" | "circle" | "path"
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0
    opacity: float = 1.0
    geom: tuple = ()
    path: QPainterPath | None = None


def glyph_path() -> QPainterPath | None:
    """The outline of 文, centred in the red band; None when no CJK font is installed."""
    families = set(QFontDatabase.families())
    family = next((f for f in GLYPH_FONTS if f in families), None)
    if family is None:
        return None
    font = QFont(family)
    font.setPixelSize(100)
    font.setWeight(QFont.Weight.Black)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, GLYPH)
    box = path.boundingRect()
    target_h = BAND_H * 0.78
    scale = target_h / box.height()
    path = path.translated(-box.center())
    from PySide6.QtGui import QTransform

    t = QTransform()
    t.translate(PX + PW / 2, PY + BAND_H / 2 + 1)
    t.scale(scale, scale)
    return t.map(path)


def design(size: int, glyph: QPainterPath | None) -> list[Shape]:
    small = size < 32
    shapes = [
        Shape("rrect", fill=SHADOW, opacity=0.18, geom=(PX + 4, PY + 6, PW, PH, PR)),
        Shape("rrect", fill=PAGE, stroke=PAGE_EDGE, width=4 if small else 3, geom=(PX, PY, PW, PH, PR)),
        Shape("band", fill=RED, geom=(PX, PY, PW, BAND_H, PR)),
    ]
    line_w = 18.0 if small else 11.0
    for y, x_end in LINES_SMALL if small else LINES:
        shapes.append(Shape("line", stroke=TEXT_LINE, width=line_w, geom=(PX + 26, y, x_end, y)))
    if not small:
        if glyph is not None:
            shapes.append(Shape("path", fill=PAGE, path=glyph))
        cx, cy = LENS_C
        # Handle first, so the ring covers its inner end.
        hx = cx + (LENS_R + RING_W / 2 - 2) * 0.7071
        hy = cy + (LENS_R + RING_W / 2 - 2) * 0.7071
        shapes.append(Shape("line", stroke=LENS_RING, width=HANDLE_W, geom=(hx, hy, *HANDLE_END)))
        shapes.append(Shape("circle", fill=LENS_GLASS, opacity=0.85, geom=(cx, cy, LENS_R)))
        shapes.append(Shape("circle", stroke=LENS_RING, width=RING_W, geom=(cx, cy, LENS_R)))
    return shapes


def band_path(x: float, y: float, w: float, h: float, r: float) -> QPainterPath:
    """The header band: the page's rounded top corners, square bottom."""
    p = QPainterPath()
    p.moveTo(x, y + h)
    p.lineTo(x, y + r)
    p.arcTo(QRectF(x, y, 2 * r, 2 * r), 180, -90)
    p.lineTo(x + w - r, y)
    p.arcTo(QRectF(x + w - 2 * r, y, 2 * r, 2 * r), 90, -90)
    p.lineTo(x + w, y + h)
    p.closeSubpath()
    return p


def render_png(size: int, glyph: QPainterPath | None) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256.0, size / 256.0)
    for s in design(size, glyph):
        painter.setOpacity(s.opacity)
        painter.setBrush(QBrush(QColor(s.fill)) if s.fill else Qt.BrushStyle.NoBrush)
        if s.stroke:
            pen = QPen(QColor(s.stroke), s.width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        if s.kind == "rrect":
            x, y, w, h, r = s.geom
            painter.drawRoundedRect(QRectF(x, y, w, h), r, r)
        elif s.kind == "band":
            painter.drawPath(band_path(*s.geom))
        elif s.kind == "line":
            x1, y1, x2, y2 = s.geom
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
        elif s.kind == "circle":
            cx, cy, r = s.geom
            painter.drawEllipse(QPointF(cx, cy), r, r)
        elif s.kind == "path":
            painter.drawPath(s.path)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def path_d(path: QPainterPath) -> str:
    """SVG path data for a QPainterPath (move, line and cubic elements)."""
    out: list[str] = []
    i, n = 0, path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            out.append(f"M{e.x:.2f} {e.y:.2f}")
            i += 1
        elif e.type == QPainterPath.ElementType.LineToElement:
            out.append(f"L{e.x:.2f} {e.y:.2f}")
            i += 1
        else:  # CurveToElement followed by two CurveToDataElements
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.2f} {e.y:.2f} {c2.x:.2f} {c2.y:.2f} {end.x:.2f} {end.y:.2f}")
            i += 3
    return "".join(out) + "Z"


def render_svg(glyph: QPainterPath | None) -> str:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
             "<title>公文阅读器</title>"]
    for s in design(256, glyph):
        attrs = f'fill="{s.fill or "none"}"'
        if s.stroke:
            attrs += f' stroke="{s.stroke}" stroke-width="{s.width:g}" stroke-linecap="round"'
        if s.opacity != 1.0:
            attrs += f' opacity="{s.opacity:g}"'
        if s.kind == "rrect":
            x, y, w, h, r = s.geom
            parts.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{r:g}" {attrs}/>')
        elif s.kind == "band":
            parts.append(f'<path d="{path_d(band_path(*s.geom))}" {attrs}/>')
        elif s.kind == "line":
            x1, y1, x2, y2 = s.geom
            parts.append(f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" {attrs}/>')
        elif s.kind == "circle":
            cx, cy, r = s.geom
            parts.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{r:g}" {attrs}/>')
        elif s.kind == "path":
            parts.append(f'<path fill-rule="nonzero" d="{path_d(s.path)}" {attrs}/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise RuntimeError("Qt could not encode PNG")
    buf.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: 'icns' + length, then (type, length, PNG) chunks."""
    body = b"".join(t + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for t, s in ICNS_TYPES if s in pngs)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    glyph = glyph_path()
    if glyph is None:
        print("warning: no CJK font found; the icon is drawn without the 文 glyph", file=sys.stderr)
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        pngs[size] = png_bytes(render_png(size, glyph))
        (HERE / f"app-{size}.png").write_bytes(pngs[size])
    (HERE / "app.svg").write_text(render_svg(glyph), encoding="utf-8")
    (HERE / "app.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (HERE / "app.icns").write_bytes(icns_bytes(pngs))
    print(f"wrote {len(SIZES)} PNGs, app.svg, app.ico, app.icns to {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
