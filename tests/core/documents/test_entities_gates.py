"""The gates entities puts before its scans let through everything the scans can find."""
from __future__ import annotations

import re

import pytest

from reader.core.documents import entities as E


def test_trigger_gate_is_the_triggers_first_characters():
    gate = E._first_chars(E._TRIGGER_WORDS)
    # the scan is one alternative per first character (牵(?:头负责|头|总)|…): those characters are the gate
    assert sorted(alt[0] for alt in E._alternatives(E._TRIGGER_RE.pattern)) == sorted(gate)
    for word in ("牵头", "负责", "会同", "主管", "商", "由", "邀请", "要", "批准", "起诉"):
        assert word[0] in gate
    # the words inside 主管(?=全国|本行政区域|…) and 商(?=国务院|…|市|区|县|…) start no trigger
    for ch in "市区县国有本各同省":
        assert ch not in gate
    assert E._TRIGGER_RE.search("由市住建局牵头") is not None


def test_trigger_scan_is_the_ordered_alternation():
    # grouped by first character, the scan finds what "(?P<left>…)|(?P<right>…)|…" finds, word and
    # kind: the first alternative that matches wins (协助 before 协助分管, 会同 is left's)
    import random

    plain = re.compile(
        f"(?=[{E._first_chars(E._TRIGGER_WORDS)}])(?:(?P<left>{E._LEFT_TRIGGERS})|(?P<right>{E._RIGHT_TRIGGERS})"
        f"|(?P<approve>{E._APPROVALS})|(?P<sue>{E._SUITS}))")
    words = [w for w in re.split(r"[|()?=]", E._TRIGGER_WORDS) if w]
    pieces = words + sorted(set("".join(words))) + ["市", "局", "，"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += ["协助分管市财政局", "由市住建局会同市财政局", "主管全国", "主管部门", "商国务院", "商务局", "要求市局"]
    kinds = set()
    for text in texts:
        want = [(m.span(), m.lastgroup, m.group()) for m in plain.finditer(text)]
        got = [(m.span(), E._TRIGGER_KIND[m.group()], m.group()) for m in E._TRIGGER_RE.finditer(text)]
        assert got == want, text
        kinds.update(k for _, k, _ in got)
    assert kinds == {"left", "right", "approve", "sue"}


def test_trigger_scan_refuses_a_word_after_its_guarded_twin():
    # 主管(?=全国)|…|主管: the second 主管 would match where the first's look-ahead fails, with
    # another kind than the one the word table gives
    with pytest.raises(ValueError):
        E._trigger_scan((("left", "主管(?=全国)"), ("right", "主管")))


def test_trigger_gate_refuses_a_pattern_it_cannot_read():
    with pytest.raises(ValueError):
        E._first_chars("牵头|[甲乙]负责")


def test_comma_bearer_gate():
    text = "对材料齐全的，执收单位应当当场受理。"
    assert E._BEARER_DUTY_WORDS_RE.search(text) and E._COMMA_BEARER_RE.search(text)
    assert [text[a:b] for a, b in E._conditional_subjects(text)] == ["执收单位"]
    assert E._conditional_subjects("对材料齐全的，执收单位当场受理。") == []  # no duty word: the gate shuts


def test_publicity_gate_of_the_splitter():
    # split._Rows tries _PUBLICITY.fullmatch only on a row that opens with a bracket
    from reader.core.documents import split as S

    assert S._PUBLICITY.pattern.startswith("[（(]")
    assert S._PUBLICITY.fullmatch("（此件公开发布）") and not S._PUBLICITY.fullmatch("此件公开发布）")


def test_fast_span_is_the_constructors_span():
    import dataclasses
    import pickle

    from reader.core.model import Span

    made, built = E._span("date", 3, 9, "2024年"), Span("date", 3, 9, "2024年")
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert vars(made) == vars(built) and list(vars(made)) == [f.name for f in dataclasses.fields(Span)]
    assert pickle.dumps(made) == pickle.dumps(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 4


def test_attachment_owner_probe_is_in_every_key_it_stands_for():
    # split._attachment_owner looks for a row's first two characters in a name before making the
    # row's key: when they are alphanumeric the key starts with them (no _KEY_DROP character is)
    import sys

    from reader.core.documents import split as S

    dropped = [ch for ch in map(chr, range(sys.maxunicode + 1)) if S._KEY_DROP.fullmatch(ch)]
    assert dropped and not any(ch.isalnum() for ch in dropped)
    for row in ("关于印发《某某办法》的通知", "附件：某某实施方案", "2024年工作要点（试行）", "某某 规划"):
        if row[:2].isalnum():
            assert S._title_key(row).startswith(row[:2])


@pytest.mark.parametrize("title", ["宁波市某某实施方案", "《宁波市某某实施方案》"])
def test_attachment_owner_finds_a_name_through_the_probe(title, monkeypatch):
    # the title printed over the attachment is found as the notice's (probe from the row's
    # letters, or from its key when it opens with a bracket); another title is not
    from reader.core.documents import split as S
    from reader.core.text.normalise import clean_lines

    found = []
    owner = S._attachment_owner

    def spy(rows, i, sp):
        hit = owner(rows, i, sp)
        if hit:
            found.append(rows.c[i])
        return hit

    monkeypatch.setattr(S, "_attachment_owner", spy)
    notice = ("宁波市人民政府办公厅关于印发宁波市某某实施方案的通知\n甬政办发〔2024〕1号\n各区县人民政府：\n"
              "现将《宁波市某某实施方案》印发给你们，请认真贯彻执行。\n宁波市人民政府办公厅\n2024年1月2日\n")
    S.split_documents(clean_lines(notice + f"{title}\n一、总体要求\n做好工作。\n"))
    assert found == [title]
    found.clear()
    S.split_documents(clean_lines(notice + "宁波市另一项工作方案\n一、总体要求\n做好工作。\n"))
    assert found == []


def test_bearer_duty_gate_is_the_duty_scan():
    # _conditional_subjects reads "is there a bearer noun right before a duty word" off the
    # duty words' own scan: the same answer as _BEARER_DUTY_WORDS_RE.search on any text
    import random

    def from_scan(text):
        return any(text.endswith(E._BEARER_NOUNS, 0, m.start()) for m in E._BEARER_DUTY_RE.finditer(text))

    pieces = ["单位", "企业", "服务提供者", "应当", "须", "必须", "负责", "必", "应", "位", "者", "，", "。", "市"]
    rng = random.Random(12)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    texts += ["执收单位必须受理", "单位必须", "企业负责", "单位应", "单元必须", "服务提供者须", "提供者须"]
    seen = set()
    for text in texts:
        answer = bool(E._BEARER_DUTY_WORDS_RE.search(text))
        assert from_scan(text) == answer, text
        seen.add(answer)
    assert seen == {True, False}


def test_bigram_seen_is_pair_in_corpus():
    # split._Rows.bigram_seen asks the regex engine (escaped pair) what `pair in corpus` answers
    from reader.core.documents import split as S
    from reader.core.text.normalise import clean_lines

    rows, _ = S._prepare(clean_lines("第一条（目的）为了规范管理。\n第二条 a.b*c 适用[本]办法\n"))
    for pair in ("目的", "的）", "。第", "a.", ".b", "b*", "*c", "[本", "）为", "a*", ".*", "的的", "（目", "()"):
        assert rows.bigram_seen(pair) == (pair in rows.corpus), pair
        assert rows.bigram_seen(pair) == (pair in rows.corpus), pair  # cached


def _random_texts(pieces, count, seed, longest=14):
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


_DATE_PIECES = list("0123456789０１２９年月日号季度半上下中旬底末初第前后今明去当本次每至到-—~－./ \u3000\n"
                    "一二三四五六七八九十〇零两个÷=周起内以之午晚Xa份元") + [
    "2022", "1999", "2021-2025", "12", "30", "上半年", "季度", "年底前", "每年", "之前", "一九九0"]


def test_date_scan_finds_what_the_plain_pattern_finds():
    # _DATE_RE reports every position a date starts at (gate first); _find_dates keeps the first
    # date at or after the end of the last: the dates a plain "(?=[…])(?:…)" finditer finds
    plain = re.compile(f"(?=[{E._DATE_FIRST}]){E._DATE}")
    found = 0
    texts = _random_texts(_DATE_PIECES, 30000, 3) + ["政府\n2022年5月23日", "12022年", "2022.9.30", "2021-2025年"]
    for text in texts:
        want = [(m.span(), m.group("yr"), m.group("yr2")) for m in plain.finditer(text)]
        got, last = [], 0
        for m in E._DATE_RE.finditer(text):
            if m.start("date") >= last:
                got.append((m.span("date"), m.group("yr"), m.group("yr2")))
                last = m.end("date")
        assert got == want, text
        # as _find_dates reads it: searched from the end of the last date
        searched, last = [], 0
        while m := E._DATE_RE.search(text, last):
            searched.append((m.span("date"), m.group("yr"), m.group("yr2")))
            last = m.end("date")
        assert searched == want, text
        found += bool(want)
    assert found > 3000


def test_iso_date_written_out_is_the_back_reference():
    # 2022-9-30 · 2022.9.30 · 2022/9/30: the same separator twice (no back-reference in a look-behind)
    month = E._ISO_MONTH
    with_ref = re.compile(f"{E._YEAR}(?P<sep>[-./]){month}(?P=sep)(?:3[01]|[12][0-9]|0?[1-9])")
    written = re.compile(f"{E._YEAR}(?:-{month}-|\\.{month}\\.|/{month}/)(?:3[01]|[12][0-9]|0?[1-9])")
    for text in _random_texts(list("0129-./") + ["2022", "1999"], 30000, 4, longest=8) + ["2022-9-30", "2022.9/30"]:
        assert bool(with_ref.fullmatch(text)) == bool(written.fullmatch(text)), text
    assert f"(?:-{month}-|\\.{month}\\.|/{month}/)" in E._DATE  # the form tested is the one in use


_CUE_PIECES = ["单位", "企业", "应当", "应", "须", "必须", "负责", "，", ",", "并", "则", "也", "可以", "由其", "由",
               "可", "必", "负", "当", "。", "；", "\n", "！", "？", "在", "市局"]


def test_duties_read_off_the_trigger_scan_are_the_duty_scan():
    # _prose_units hands _conditional_subjects the duty words its trigger scan passes (负责 inside
    # 牵头负责 too): the matches of _BEARER_DUTY_RE's own scan, on texts of every trigger word
    words = sorted(E._TRIGGER_KIND) + _CUE_PIECES
    for text in _random_texts(words, 20000, 5, longest=12):
        derived = [m.start() + k for m in E._TRIGGER_RE.finditer(text)
                   for k in E._DUTY_OFFSETS.get(m.group(), ())]
        assert derived == [m.start() for m in E._BEARER_DUTY_RE.finditer(text)], text
    text = "燃气经营单位应当建立制度。"
    assert E._conditional_subjects(text, [6]) == E._conditional_subjects(text) == [(0, 6)]


def test_duty_offsets_refuse_a_trigger_that_hides_a_duty(monkeypatch):
    # a trigger word ending with the start of a duty word (…应 | 当…) would hide the duty from both
    monkeypatch.setitem(E._TRIGGER_KIND, "责任应", "left")
    with pytest.raises(ValueError):
        E._duty_offsets()


def test_later_modal_commas_are_the_later_modal_scan():
    for text in _random_texts(_CUE_PIECES, 20000, 6, longest=16):
        found = sorted(m.start() for rx in E._LATER_COMMA_RES for m in rx.finditer(text))
        assert found == [m.start() for m in E._LATER_MODAL_RE.finditer(text)], text


@pytest.mark.parametrize("near", [E._SENTENCE_NEAR, 3])
def test_sentences_holding_are_the_sentences_between_ends(near, monkeypatch):
    # the same sentences as splitting at every end and taking those that hold a position
    # (with a window of 3 characters too: most starts then lie before it)
    import bisect
    import random

    monkeypatch.setattr(E, "_SENTENCE_NEAR", near)

    rng = random.Random(6)
    for text in _random_texts(_CUE_PIECES, 20000, 7, longest=20):
        if not text:
            continue
        positions = [rng.randrange(len(text)) for _ in range(rng.randint(0, 5))]
        ends = [k for k, ch in enumerate(text) if ch in E._SENTENCE_ENDS] + [len(text)]
        held = sorted({k for p in positions if (k := bisect.bisect_right(ends, p)) == 0 or p > ends[k - 1]})
        want = [(ends[k - 1] + 1 if k else 0, ends[k]) for k in held]
        assert E._sentences_holding(text, positions) == want, (text, positions)


def test_name_verb_stop_gate_is_the_plain_stop():
    # the stop tried at every character of a name opens with a look-ahead at the verbs' first
    # characters: at every position it says what the plain (?!会同|牵头|…) says
    gated = re.compile(E._ORG_VERB_STOP)
    plain = re.compile(f"(?!{E._ORG_VERBS})")
    words = [w for w in re.split(r"[|()?=!]", E._ORG_VERBS) if w]
    pieces = words + sorted(set("".join(words))) + ["市", "局", "中心", "部"]
    stopped = 0
    for text in _random_texts(pieces, 5000, 10, longest=6):
        for k in range(len(text) + 1):
            assert bool(gated.match(text, k)) == bool(plain.match(text, k)), (text, k)
            stopped += not plain.match(text, k)
    assert stopped > 1000


@pytest.mark.parametrize("inner", [
    "[多余]?[十百千万亿萬億]{1,3}[多余]?|[多余]",
    "[.．][0-9]{1,8}",
    "/(?:万元|元|[亩人])",
    "(?P<x>[0-9]{1,2})元(?P<y>人民币)?",
])
def test_maybe_is_the_optional_group(inner):
    # _maybe(x) is "(?:x|)": the choice matches what the optional group (?:x)? matches, groups too
    # (it spares the regex engine a repeat context; the number patterns use it)
    optional = re.compile(f"(?:{inner})?(?P<rest>[元万多0-9]*)")
    choice = re.compile(f"{E._maybe(inner)}(?P<rest>[元万多0-9]*)")
    pieces = list("多余十百千万亿.．0123/元亩人民币x")
    for text in _random_texts(pieces, 5000, 11, longest=8):
        for k in range(len(text) + 1):
            a, b = optional.match(text, k), choice.match(text, k)
            assert (a.span(), a.groups()) == (b.span(), b.groups()), (text, k)


def test_level_word_scans_are_the_level_word_scan():
    pieces = ["人民政府", "国务院", "各级", "各地", "各市", "各区（县）", "各县（市、区）", "各", "人民", "国务",
              "（", "、", "市"]
    for text in _random_texts(pieces, 20000, 12, longest=10):
        merged = sorted((m.span() for rx in E._LEVEL_WORD_SCANS for m in rx.finditer(text)))
        assert merged == [m.span() for m in E._LEVEL_WORD_RE.finditer(text)], text


def test_doc_number_scans_are_the_doc_number_scan():
    pieces = ["〔", "［", "[", "(", "（", "【", "〕", "］", "]", ")", "）", "】", "2022", "1999", "2", " ", "第", "号",
              "號", "甬政发", "12", "\u3000"]
    for text in _random_texts(pieces, 20000, 13, longest=12):
        merged = sorted(m.span() for rx in E._DOCREF_YEAR_SCANS for m in rx.finditer(text))
        assert merged == [m.span() for m in E._DOCREF_YEAR_RE.finditer(text)], text


def test_label_scans_are_the_label_scan():
    from reader.core.text.patterns import LABEL_QUALIFIER, LABEL_ROLE, LABEL_ROLE_ALT

    pieces = E._LABEL_NOUNS + list(E._BARE_ROLES) + ["：", ":", "】", "]", " ", "\u3000", "责任", "【", "单", "位",
                                                     "市局", "，"]
    optional = re.compile(f"{LABEL_QUALIFIER}?{LABEL_ROLE}?{LABEL_ROLE_ALT}?$")
    for text in _random_texts(pieces, 20000, 14, longest=10):
        for scans, rx in ((E._LABEL_END_SCANS, E._LABEL_END_RE), (E._LABEL_END_BARE_SCANS, E._LABEL_END_BARE_RE)):
            merged = sorted((m.span(), m.group("boxed")) for scan in scans for m in scan.finditer(text))
            assert merged == [(m.span(), m.group("boxed")) for m in rx.finditer(text)], text
        for m in E._LABEL_END_BARE_RE.finditer(text):
            assert bool(m.group("bare")) == text.startswith(E._BARE_ROLES, m.start())
        for k in range(len(text) + 1):
            assert E._LABEL_HEAD_RE.search(text, max(0, k - 10), k).span() == optional.search(
                text, max(0, k - 10), k).span()


def test_weak_trigger_scan_finds_every_name_end_before_a_weak_verb():
    # scanned from the verbs' first characters, the scan finds the positions the plain scan from a
    # name's last character finds (that character's end is the verb's start)
    last = "".join(sorted(set(w[-1] for w in E._ORG_SUFFIX_LIST))) + "）"
    plain = re.compile(f"[{re.escape(last)}](?={E._WEAK_TRIGGERS})")
    words = [w for w in re.split(r"[|()?=!]", E._WEAK_TRIGGERS) if w]
    pieces = words + list(last) + ["意见", "部", "法", "向", "市", "，"]
    found = 0
    for text in _random_texts(pieces, 20000, 15, longest=10):
        want = [m.end() for m in plain.finditer(text)]
        assert [m.start() for m in E._WEAK_TRIGGER_RE.finditer(text)] == want, text
        found += len(want)
    assert found > 10000


def test_decided_scan_from_its_last_character_is_the_decided_scan():
    pieces = list(E._DECIDED_WORDS) + ["的", "审核", "确", "认", "定", "审", "以", "市局", "，"]
    for text in _random_texts(pieces, 20000, 16, longest=10):
        got = [(m.start(m.lastindex), m.end()) for m in E._DECIDED_SCAN.finditer(text)]
        assert got == [m.span() for m in E._DECIDED_RE.finditer(text)], text
    with pytest.raises(ValueError):
        E._ending_scan(("指定", "的确"), "的")


def test_literal_scan_is_the_regex_scan():
    # from the literal's first occurrence: the same matches, a look-behind still seeing the text before
    scan = E._LiteralScan("令", "(?<=府令)第?[0-9]+号")
    plain = re.compile("令(?<=府令)第?[0-9]+号")
    for text in _random_texts(["令", "府", "第", "1", "号", "市", "政"], 20000, 17, longest=10):
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert list(scan.finditer("市政府第1号")) == []


def test_walk_marks_hold_every_character_the_walk_tests():
    # a character outside _WALK_MARKS only steps the walk on: none of its tests may pick it out
    tested = set(E._ITEM_SPLIT_CHARS) | set(E._BR_CLOSE) | set(E._BR_OPEN) | E._LEFT_BOUNDARY | set("由 \u3000")
    assert tested <= E._WALK_MARKS
    assert E._org_items_before("会议明确，区水利局、区财政局牵头", 14) == [(5, 9), (10, 14)]
