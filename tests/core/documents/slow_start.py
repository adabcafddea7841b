"""Imported by a worker process as it starts (tests/core/documents/test_workers.py passes it as a
module to warm): a worker that takes seconds to come up, as one does on a loaded machine."""
import time

SECONDS = 3.0
time.sleep(SECONDS)
