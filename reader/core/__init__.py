"""The reader's core: plain Python, no Qt.

decode → normalise → split → metadata → entities → index → search → export.
"""
