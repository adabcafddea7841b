"""Instructions the entity stage executes on the seeds, counted by callgrind: a noise-free measure.

    .venv/bin/python tests/benchmarks/bench_entities_instructions.py            # find_entities
    .venv/bin/python tests/benchmarks/bench_entities_instructions.py _find_dates  # one finder
    .venv/bin/python tests/benchmarks/bench_entities_instructions.py parse_text   # the whole pipeline
    .venv/bin/python tests/benchmarks/bench_entities_instructions.py split        # one stage: clean, split,
                                                                                # metadata or reflow

CPU time on this shared 2-core sandbox varies by 10-20 % from run to run (bench_split.py); an
instruction count does not, so a change of a few percent shows. The script builds the reading
texts of the seeds (each seed once: clean_lines → split_documents → reflow, as bench_split.py's
stages do), then runs itself twice under `valgrind --tool=callgrind` (apt package valgrind): once
only building the texts, once also passing each text to the function named (default
find_entities, or another function of reader.core.documents.entities). It prints the difference
in millions of instructions. `parse_text` counts instead the whole pipeline on each seed file,
against a run that only reads them. A stage's name (clean, split, metadata, reflow) counts that
stage of parse_text on each seed file, against a run that builds only its input (reflow is
reflow_paragraphs then tables.tabulate, as parse_text runs it). About 1 minute. Not collected by pytest.

On this sandbox (2 cores): find_entities 1144 M instructions at commit 79c5de2, 705 M after the
entity speed pass (branch entspeed), whose output is byte-identical (parse_snapshot.py); 741 M at
1e9977c, with blind set 9's unit rules; 674 M at 0634cf1, after a second speed pass. parse_text:
3,687 M at 79c5de2, 3,178 M at 1e9977c, 3,191 M at cb6def0 and 2,365 M at 0634cf1 (that pass, whose
output is byte-identical: clean 319 → 230 M, split 1,201 → 847, metadata 153 → 89, reflow 733 → 506).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _bodies() -> list[str]:
    from reader.core.documents import split
    from reader.core.text import normalise

    bodies = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for segment in split.split_documents(normalise.clean_lines(path.read_text(encoding="utf-8"))):
            bodies.append(normalise.reflow(segment.lines))
    return bodies


STAGES = ("clean", "split", "metadata", "reflow")


def _run_stage(stage: str, measure: bool) -> None:
    """Build the stage's inputs from the seed files, then (when `measure`) run the stage on them."""
    from reader.core.documents import metadata, split
    from reader.core.text import normalise, tables

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    warm = normalise.clean_lines("关于做好工作的通知\n各单位：\n现通知如下。\n")
    warm_segments = split.split_documents(warm)  # one-off costs (imports, first calls), in both runs
    metadata.read_metadata(warm_segments[0])
    tables.tabulate(normalise.reflow_paragraphs(warm_segments[0].lines))
    if stage == "clean":
        if measure:
            for text in texts:
                normalise.clean_lines(text)
        return
    lines = [normalise.clean_lines(text) for text in texts]
    if stage == "split":
        if measure:
            for file_lines in lines:
                split.split_documents(file_lines)
        return
    segments = [s for file_lines in lines for s in split.split_documents(file_lines) if s.lines]
    if measure:
        for s in segments:
            if stage == "metadata":
                metadata.read_metadata(s)
            else:
                tables.tabulate(normalise.reflow_paragraphs(s.lines))


def _run(function: str, measure: bool) -> None:
    """The measured program: build the texts, then (when `measure`) run the function on them.
    parse_text: the whole pipeline on each seed file (the texts are only read first)."""
    if function in STAGES:
        _run_stage(function, measure)
        return
    if function == "parse_text":
        from reader.core.documents.pipeline import parse_text

        files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
        parse_text("关于做好工作的通知\n各单位：\n现通知如下。\n", "warm.txt")  # one-off costs, in both runs
        if measure:
            for name, text in files:
                parse_text(text, name)
        return
    from reader.core.documents import entities

    bodies = _bodies()
    entities.find_entities("2022年5月，由市财政局牵头。")  # the first call's one-off costs, in both runs
    if measure:
        f = getattr(entities, function)
        for body in bodies:
            f(body)


def _count(function: str, measure: bool) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
         "--inside", function] + (["--measure"] if measure else []), capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"}).stderr  # the same string hashes in both runs
    return int(re.search(r"Collected : (\d+)", out).group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("function", nargs="?", default="find_entities")
    ap.add_argument("--inside", metavar="FUNCTION", help=argparse.SUPPRESS)
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inside:
        _run(args.inside, args.measure)
        return 0
    if not shutil.which("valgrind"):
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    mb = sum(len(p.read_bytes()) for p in (ROOT / "seeds").glob("*.txt")) / 1e6
    base, run = _count(args.function, False), _count(args.function, True)
    what = "the seed files" if args.function in ("parse_text", *STAGES) else "the seeds' reading texts"
    print(f"{args.function}: {(run - base) / 1e6:.0f} M instructions on {what} ({mb:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
