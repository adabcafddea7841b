"""From bytes to reading text: decoding, normalisation (reflow), shared text patterns, tables."""
