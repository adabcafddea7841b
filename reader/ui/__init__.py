"""The desktop app (PySide6). Qt only: models wrap reader.core results, widgets show them."""
