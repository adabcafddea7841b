import json
import subprocess
import sys


KEYS = {"file", "encoding", "title", "doc_number", "issuers", "date", "year", "year_source", "date_role", "dates",
        "kind", "attachments", "lines", "pages", "text", "entities", "tables"}


def run_parse(*args):
    return subprocess.run([sys.executable, "-m", "reader", "parse", *args],
                          capture_output=True, text=True, encoding="utf-8")


def test_parse_json_has_exactly_the_contract_keys(seed_files):
    out = run_parse("--json", str(seed_files[0]))
    assert out.returncode == 0, out.stderr
    records = [json.loads(record) for record in out.stdout.splitlines()]
    assert records
    for r in records:
        assert set(r) == KEYS
        assert r["file"] == str(seed_files[0])
        first, last = r["lines"]
        assert 1 <= first <= last
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"]
        for t in r["tables"]:  # each row a paragraph of tab-separated cells, at its offsets
            assert r["text"][t["start"]:t["end"]].split("\n") == ["\t".join(row) for row in t["rows"]]
            assert first <= t["lines"][0] <= t["lines"][1] <= last


def test_unreadable_file_gives_error_line_and_status_but_others_parse(tmp_path, seed_files):
    missing = tmp_path / "nope.txt"
    out = run_parse("--json", str(missing), str(seed_files[1]))
    assert out.returncode != 0
    lines = [json.loads(record) for record in out.stdout.splitlines()]
    assert set(lines[0]) == {"file", "error"} and lines[0]["file"] == str(missing)
    assert lines[0]["error"]
    assert len(lines) > 1 and all("title" in record for record in lines[1:])


def test_output_cut_short_by_a_pipe_is_not_a_crash(seed_files):
    # --json prints the reading texts: far more than a pipe buffer holds
    cmd = [sys.executable, "-m", "reader", "parse", "--json", *map(str, seed_files)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait() == 0
    assert "Traceback" not in err
