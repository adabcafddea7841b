"""公文阅读器 — an offline reader for Chinese official documents."""

__version__ = "0.1.0"
