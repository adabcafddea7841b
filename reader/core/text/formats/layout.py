"""Reading order of a page from the positions of its text (PDF characters, OFD text codes).

1. pieces of text (a character, or an OFD TextCode) are cut into RUNS: neighbours on one baseline
   with no gap wider than GAP_RUN_EM (RunBuilder);
2. runs are grouped into printed LINES by their vertical centres;
3. a page is TWO-COLUMN when an x position near the middle is crossed by few runs while long
   runs (prose, not table cells) fill one side and the other holds text too; then the page is
   read in bands: a line with a run that crosses the gutter (a title over both columns, the
   running header) ends a band, and within a band the left column is read top to bottom before
   the right one;
4. within a line, runs further apart than GAP_TAB_EM are cells (a tab: reader.core.text.tables reads
   rows of tab-separated cells as a table); smaller gaps become one space.

Coordinates: x grows to the right, y UPWARDS (PDF's; OFD's downward y is negated by its reader).
Running headers and page numbers come out as lines of their own; reader.core.text.normalise removes
them as it does in text extractions. A blank line marks a vertical gap of more than BLANK_GAP
line pitches (paragraph spacing, space before a signature).
"""
from __future__ import annotations

from dataclasses import dataclass

GAP_RUN_EM = 1.2
GAP_TAB_EM = 2.0
GAP_SPACE_EM = 0.25
BLANK_GAP = 1.7
MIN_COLUMN_RUNS = 4


@dataclass(slots=True)
class Run:
    text: list[str]
    x0: float
    x1: float
    top: float  # PDF coordinates: y grows upwards
    bottom: float
    em: float

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


class RunBuilder:
    """Pieces of text in drawing order → runs (see the module doc)."""

    def __init__(self) -> None:
        self.runs: list[Run] = []
        self._run: Run | None = None

    def add(self, text: str, x0: float, x1: float, top: float, bottom: float, em: float, space: bool = False) -> None:
        """One piece; `space`: a space character came before it in the source."""
        run = self._run
        if run is not None:
            gap = x0 - run.x1
            if -0.5 * em < gap < GAP_RUN_EM * em:
                run_top, run_bottom = run.top, run.bottom
                half = 0.5 * min(top - bottom, run_top - run_bottom)
                if -half < (top + bottom - run_top - run_bottom) * 0.5 < half:  # same line: centres close
                    if space or gap > GAP_SPACE_EM * em:
                        run.text.append(" ")
                    run.text.append(text)
                    if x1 > run.x1:
                        run.x1 = x1
                    if top > run_top:
                        run.top = top
                    if bottom < run_bottom:
                        run.bottom = bottom
                    return
        self._run = Run([text], x0, x1, top, bottom, em)
        self.runs.append(self._run)


def _group_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs sorted top to bottom, grouped into printed lines by their vertical centres."""
    lines: list[list[Run]] = []
    for r in sorted(runs, key=lambda r: -r.mid):
        if lines:
            last = lines[-1]
            ref = last[0]
            if abs(r.mid - ref.mid) < 0.45 * min(r.top - r.bottom, ref.top - ref.bottom):
                last.append(r)
                continue
        lines.append([r])
    return lines


def _gutter(runs: list[Run]) -> float | None:
    """The x of the gap between two columns of prose, or None for a one-column page.

    Candidates are the edges of runs near the middle of the text's width; the gutter is the one
    crossed by fewest runs, provided both sides hold at least MIN_COLUMN_RUNS long runs (cells of
    a table are short: a table page is not cut in two) and few runs cross it.
    """
    if len(runs) < 8:
        return None
    left = min(r.x0 for r in runs)
    right = max(r.x1 for r in runs)
    width = right - left
    if width <= 0:
        return None
    lo, hi = left + 0.3 * width, left + 0.7 * width
    candidates = sorted({r.x1 + 0.1 for r in runs if lo <= r.x1 <= hi} | {r.x0 - 0.1 for r in runs if lo <= r.x0 <= hi})
    best, best_cross = None, None
    for x in candidates:
        cross = sum(1 for r in runs if r.x0 < x < r.x1)
        if best_cross is None or cross < best_cross:
            best, best_cross = x, cross
    if best is None:
        return None
    # prose on one side at least; the other may be a column's last few lines (the end of an issue)
    long_left = sum(1 for r in runs if r.x1 <= best and (r.x1 - r.x0) >= 0.25 * width)
    long_right = sum(1 for r in runs if r.x0 >= best and (r.x1 - r.x0) >= 0.25 * width)
    some_left = any(r.x1 <= best and (r.x1 - r.x0) >= 0.15 * width for r in runs)
    some_right = any(r.x0 >= best and (r.x1 - r.x0) >= 0.15 * width for r in runs)
    prose = (long_left >= MIN_COLUMN_RUNS and some_right) or (long_right >= MIN_COLUMN_RUNS and some_left)
    if prose and best_cross <= 0.25 * len(runs):
        return best
    return None


def order(runs: list[Run]) -> list[str]:
    """The page's lines in reading order (see the module doc)."""
    if not runs:
        return []
    gutter = _gutter(runs)
    if gutter is None:
        return _texts(_group_lines(runs))
    out: list[str] = []
    band: list[Run] = []

    def flush() -> None:
        if band:
            out.extend(_texts(_group_lines([r for r in band if r.x1 <= gutter])))
            out.extend(_texts(_group_lines([r for r in band if r.x1 > gutter])))
            band.clear()

    for line in _group_lines(runs):
        spanning = [r for r in line if r.x0 < gutter < r.x1]
        if spanning:
            flush()
            out.extend(_texts([line]))
        else:
            band.extend(line)
    flush()
    return out


def _texts(lines: list[list[Run]]) -> list[str]:
    """Each line's runs left to right, joined by a tab (cells) or a space; blank lines for wide gaps."""
    out: list[str] = []
    pitches = [a[0].mid - b[0].mid for a, b in zip(lines, lines[1:])]
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else 0.0
    for k, line in enumerate(lines):
        if k and pitch > 0 and pitches[k - 1] > BLANK_GAP * pitch:
            out.append("")
        line.sort(key=lambda r: r.x0)
        parts = ["".join(line[0].text)]
        for prev, r in zip(line, line[1:]):
            gap = r.x0 - prev.x1
            parts.append("\t" if gap >= GAP_TAB_EM * max(prev.em, r.em) else " ")
            parts.append("".join(r.text))
        out.append("".join(parts))
    return out
