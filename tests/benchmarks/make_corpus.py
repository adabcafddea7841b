"""Build a realistic benchmark corpus from the seeds.

    .venv/bin/python tests/benchmarks/make_corpus.py --mb 10 --out /tmp/gw-corpus-10

The seeds are parsed into documents; each document's *source lines* (with
their PDF line breaks, headers and page numbers) are shuffled into new files
of 1–8 documents, under varied folder and file names, some years and numbers
changed so copies differ, and about one file in five re-encoded to GB18030.
Only the output folder is written.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FOLDERS = ["公报", "通知", "2021", "2022", "2023", "市政府办公厅/规范性文件", "财政局", "归档/旧文件",
           "会议纪要", "收文/待办"]
NAMES = ["{y}年第{n}期政府公报", "关于{w}的通知", "{w}实施意见", "收文{n:04d}", "gazette_{y}_{n:02d}",
         "{w}（{y}）", "扫描件OCR_{n}", "文件汇编 {y}-{n}", "{w}_final", "附件{n}"]
WORDS = ["金融支持", "外贸发展", "产业基础", "残疾人事业", "城市国际化", "领导分工", "非税收入", "创业投资",
         "数字经济", "安全生产"]


def seed_documents(seeds: Path) -> list[list[str]]:
    """The source lines of every document the pipeline finds in the seeds."""
    from reader.core.documents.pipeline import parse_file

    blocks = []
    for f in sorted(seeds.glob("*.txt")):
        lines = f.read_text(encoding="utf-8").splitlines()
        result = parse_file(f)
        for d in result.documents:
            blocks.append(lines[d.first_line - 1 : d.last_line])
        if not result.documents:
            blocks.append(lines)
    return [b for b in blocks if b]


def vary(lines: list[str], rng: random.Random) -> list[str]:
    """Change years and some numbers so copies are not identical."""
    year = str(rng.choice([2019, 2020, 2021, 2022, 2023, 2024]))
    bump = rng.randint(1, 99)

    def num(m: re.Match) -> str:
        return str(int(m.group()) + bump) if rng.random() < 0.3 else m.group()

    out = []
    for line in lines:
        line = line.replace("2022", year)
        line = re.sub(r"(?<![0-9])[0-9]{2,3}(?![0-9])", num, line)
        out.append(line)
    return out


def make(out: Path, mb: float, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    docs = seed_documents(ROOT / "seeds")
    target = int(mb * 1024 * 1024)
    out.mkdir(parents=True, exist_ok=True)
    total = files = 0
    while total < target:
        k = rng.randint(1, 8)
        picked = [vary(rng.choice(docs), rng) for _ in range(k)]
        text = "\n\n".join("\n".join(b) for b in picked) + "\n"
        folder = out / rng.choice(FOLDERS)
        folder.mkdir(parents=True, exist_ok=True)
        name = rng.choice(NAMES).format(y=rng.randint(2019, 2024), n=rng.randint(1, 9999), w=rng.choice(WORDS))
        path = folder / f"{name}.txt"
        i = 2
        while path.exists():
            path = folder / f"{name} ({i}).txt"
            i += 1
        encoding = "gb18030" if rng.random() < 0.2 else "utf-8"
        data = text.encode(encoding, errors="replace")
        path.write_bytes(data)
        total += len(data)
        files += 1
    return files, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if a.out.exists() and any(a.out.iterdir()):
        sys.exit(f"{a.out} is not empty; choose a new folder")
    files, total = make(a.out, a.mb, a.seed)
    print(f"{files} files, {total / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
