"""Text from documents and file names, made safe for the places Qt may read as rich text.

A tooltip (and a QLabel in AutoText mode) is rendered as HTML when Qt.mightBeRichText()
says the string looks like markup, so a title such as "关于<b>…</b>" or a file named
"<img src=…>.txt" would be interpreted. plain_tooltip() returns the string unchanged when Qt
would show it as plain text anyway, and otherwise an escaped rich-text version that shows
exactly the original characters (line breaks kept).
"""
from __future__ import annotations

import html

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    if not text or not Qt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
