"""normalise: clean_lines (noise, page furniture) and reflow (paragraphs from PDF lines)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.text.decode import decode_file
from reader.core.model import Line
from reader.core.text.tables import strip_layout_markup, table_row_texts
from reader.core.text.normalise import _UNSAFE_TRANSLATION  # noqa: E402  (the documented control-character rule)
from reader.core.text.normalise import (
    LAYOUT_SPACE,
    MAX_PAGE_WIDTH,
    RADICALS,
    clean_lines,
    clean_text,
    display_width,
    reflow,
    reflow_paragraphs,
    split_source_lines,
)


def squash(text: str) -> str:
    """Text with everything normalising may drop (whitespace, zero-width marks) removed."""
    return LAYOUT_SPACE.sub("", text)


def folded(raw: str) -> str:
    """The source line as clean_text may change it: full-width digits/letters/％ → ASCII;
    bidi controls and SUB dropped, other control characters shown as control pictures; Kangxi
    radicals and radical-supplement characters read as ideographs (RADICALS)."""
    return "".join(
        unicodedata.normalize("NFKC", ch)
        if ("０" <= ch <= "９" or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ" or ch == "％") else ch
        for ch in raw
    ).translate(_UNSAFE_TRANSLATION).translate(RADICALS)


def paragraphs(text: str) -> list[str]:
    return reflow(clean_lines(text)).split("\n")


def assert_only_whitespace_lost(lines, kept: str) -> None:
    """reflow's text holds kept's characters less whitespace: in kept's order, unless a
    footnote moved after the paragraph it interrupted (a paragraph printed after one whose
    source lines go past its own), then the same characters."""
    paras = reflow_paragraphs(lines)
    out = squash("".join(p for p, _, _ in paras))
    moved = any(b[1] < a[2] for a, b in zip(paras, paras[1:]))
    if moved:
        assert Counter(out) == Counter(squash(kept))
    else:
        assert out == squash(kept)


# ── clean_lines ──────────────────────────────────────────────────────────────


def test_one_line_per_source_line_with_editor_numbering():
    text = "第一行\r\n\r\n第三行\r第四行\n第五行\f仍是第五行\n"
    lines = clean_lines(text)
    assert [line.no for line in lines] == [1, 2, 3, 4, 5]
    assert [line.text for line in lines] == ["第一行", "", "第三行", "第四行", "第五行 仍是第五行"]


def test_reading_text_has_no_stray_line_separators():
    """Form feeds, U+2028/U+2029, NEL inside a line become spaces: the reading text's
    paragraphs are exactly its "\n"-separated parts, for Qt and str.splitlines alike."""
    text = "\f第一页第一行\n甲\u2028乙\u2029丙\x85丁\x1e戊\v己\n"
    out = reflow(clean_lines(text))
    assert out.splitlines() == out.split("\n")
    assert squash(out) == "第一页第一行甲乙丙丁戊己"


def test_empty_text_gives_no_lines():
    assert clean_lines("") == []
    assert clean_lines("\n") == [Line(1, "")]


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("\u3000\u3000各区（县、市）人民政府：\u00a0 ", "各区（县、市）人民政府："),
        ("\ufeff宁波市人民政府\u200b", "宁波市人民政府"),
        ("２０２２年５月１７日", "2022年5月17日"),
        ("ＡＢ角制度，增长１０％", "AB角制度，增长10%"),
        # CJK punctuation stays as printed: no blanket NFKC
        ("甬政办发〔２０２２〕１９号（一）：，", "甬政办发〔2022〕19号（一）：，"),
        # spaces around numbers in dates and quantities
        ("2024 年 7 月 1 日", "2024年7月1日"),
        ("于 2024 年 7 月 30 日下午至 31日", "于2024年7月30日下午至31日"),
        ("委员共 49人出席会议", "委员共49人出席会议"),
        ("仑政发〔2022〕1 号", "仑政发〔2022〕1号"),
        ("【十六届第 19号（总第 12期）】", "【十六届第19号（总第12期）】"),
        ("覆盖率 99.81 %", "覆盖率99.81%"),
        ("截至 2023年底，宁波市 2022 年度", "截至2023年底，宁波市2022年度"),
        ("（2024 年 7 月 31 日宁波市第十六届人民代表大会", "（2024年7月31日宁波市第十六届人民代表大会"),
        ("２０２４　年　７　月", "2024年7月"),
        ("燃气具。\t20 22 年 10 月\t区市场监管局", "燃气具。\t2022年10月\t区市场监管局"),  # a year cut in two
        ("第 20 22 条", "第 20 22条"),  # not a year: no 年 after it
        # meaningful spaces stay
        ("宁波市北仑区人民政府 宁波开发区管委会", "宁波市北仑区人民政府 宁波开发区管委会"),
        ("第一章  总  则", "第一章  总  则"),
        ("宁波市人民政府 2022年5月17日", "宁波市人民政府 2022年5月17日"),
        ("1 个停车 APP", "1个停车 APP"),
        ("2025年指标 2020年底基数 2025年指标 2020年底基数", "2025年指标 2020年底基数 2025年指标 2020年底基数"),
        ("全市 200 112 30000 15615", "全市 200 112 30000 15615"),
        ("序号\t指标\t2020基期值", "序号\t指标\t2020基期值"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


BODY = [
    "为贯彻落实创新驱动发展战略，推动全市创业创新，进一步规范创业投资引导基金的设立和运",
    "作，根据有关规定，结合本市实际，制定本办法。引导基金按照政府引导、市场运作的原则",
    "运行，不以营利为目的，通过参股方式吸引社会资本共同发起设立创业投资企业，加大对本",
    "市创新型企业的投资力度。",
]


def paged_file(pages: int, header: str, number_style: str, blank_between: bool = False) -> str:
    """A PDF extraction: body lines, then the running header and the page number per page."""
    out: list[str] = []
    for page in range(1, pages + 1):
        for k in range(6):
            out.append(f"第{page}页第{k}行：" + BODY[(page + k) % len(BODY)])
            if blank_between:
                out.append("")
        out += ["", "", header, "", number_style.format(page), ""]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("style", ["— {} —", "- {} -", "－{}－", "第 {} 页", "{}", "·{}·", "第{}页 共9页"])
def test_page_numbers_and_running_headers_are_dropped(style):
    header = "宁波市人民代表大会常务委员会公报【十六届第 19号（总第 12期）】"
    text = paged_file(9, header, style)
    lines = clean_lines(text)
    kept = "\n".join(line.text for line in lines)
    assert "公报" not in kept
    page_number = re.compile(r"[—\-－·]*\s*(第\s*)?\d+\s*(页)?(\s*共9页)?\s*[—\-－·]*")
    assert not any(page_number.fullmatch(line.text) and line.text for line in lines)
    # every body line survives, with its own source number
    raw = split_source_lines(text)
    body = [line for line in lines if line.text]
    assert len(body) == 9 * 6
    assert all(raw[line.no - 1].strip() == clean_text(raw[line.no - 1]) == line.text for line in body)


def test_header_beside_page_numbers_is_found_without_gazette_words():
    text = paged_file(5, "创业投资引导基金管理办法", "— {} —")
    kept = [line.text for line in clean_lines(text)]
    assert "创业投资引导基金管理办法" not in kept


@pytest.mark.parametrize("layout", ["{header}  — {page} —", "— {page} —  {header}", "{header} -{page}-"])
def test_header_and_page_number_on_one_line(layout):
    rows = []
    for page in range(1, 6):
        rows += [f"第{page}页：" + t for t in BODY]
        rows += ["", layout.format(header="创业投资引导基金管理办法", page=page), ""]
    kept = [line.text for line in clean_lines("\n".join(rows))]
    assert not any("管理办法" in t and "—" in t or "-" in t for t in kept)
    assert len([t for t in kept if t]) == 5 * len(BODY)


def test_repeated_body_lines_are_not_headers():
    """Salutations, signatures and list labels recur in a gazette but are body text."""
    blocks = []
    for k in range(6):
        blocks += [
            f"关于第{k}项工作的报告",
            "市人大常委会：",
            BODY[0],
            BODY[3],
            "宁波市人民政府",
            "2022年5月17日",
            "免去：",
            "",
        ]
    text = "\n".join(blocks)
    lines = clean_lines(text)
    texts = [line.text for line in lines]
    assert texts.count("市人大常委会：") == 6
    assert texts.count("宁波市人民政府") == 6
    assert texts.count("免去：") == 6
    assert len(lines) == len(split_source_lines(text))


def test_issuer_at_the_top_of_each_page_is_not_a_header():
    """Each document starts a page: page number, running header, then the issuer's name."""
    rows = []
    for page in range(1, 5):
        rows += [f"— {page} —", "", "江澜市人民政府公报\u30002023年第7期", "",
                 "江澜市人民政府", f"关于第{page}项工作的通知", ""]
        rows += [f"第{page}页：" + t for t in BODY] + ["", "江澜市人民政府", f"2023年6月{page}日", ""]
    texts = [line.text for line in clean_lines("\n".join(rows))]
    assert texts.count("江澜市人民政府") == 8
    assert not any("公报" in t for t in texts)


def test_bare_numbers_in_tables_and_text_are_kept():
    table = "\n\n".join(["序号", "1", "残疾人家庭人均可支配收入", "2", "困难残疾人生活补贴覆盖率",
                         "3", "重度残疾人护理补贴"])
    assert [line.text for line in clean_lines(table) if line.text][1] == "1"
    assert len([line for line in clean_lines(table) if line.text]) == 7
    # a number glued to the line above (a footnote mark) is not a page number
    text = "出台《关于缓解停车难的意见》\n12\n\n1 道路泊位“五统一”标准\n"
    assert "12" in [line.text for line in clean_lines(text)]


def test_isolated_bare_number_between_blank_lines_is_a_page_number():
    text = "\n".join(BODY * 3) + "\n\n17\n\n" + "\n".join(BODY * 3) + "\n"
    assert "17" not in [line.text for line in clean_lines(text)]


# ── reflow ───────────────────────────────────────────────────────────────────

WRAPPED = [  # 28 columns, first lines indented two characters (lost in extraction)
    "一、总体要求",
    "为进一步加强安全生产工作，切实保障人民群众生命财产安",
    "全，根据《中华人民共和国安全生产法》等有关法律法规的规定",
    "，结合本市实际，现就有关事项通知如下。各地各部门要高度重视",
    "安全生产工作，压实责任，确保各项措施落到实处，坚决遏制重",
    "特大事故发生。",
    "（一）压实属地责任。各区（县、市）政府要切实履行属地",
    "管理责任，建立健全安全生产责任体系，定期研究解决安全生产",
    "重大问题。",
    "（二）强化部门监管。",
    "宁波市人民政府办公厅",
    "2022年5月17日",
]
WRAPPED_PARAGRAPHS = [
    "一、总体要求",
    "为进一步加强安全生产工作，切实保障人民群众生命财产安全，根据《中华人民共和国安全生产法》等有关法律法规的规定，"
    "结合本市实际，现就有关事项通知如下。各地各部门要高度重视安全生产工作，压实责任，确保各项措施落到实处，坚决遏制重特大事故发生。",
    "（一）压实属地责任。各区（县、市）政府要切实履行属地管理责任，建立健全安全生产责任体系，定期研究解决安全生产重大问题。",
    "（二）强化部门监管。",
    "宁波市人民政府办公厅",
    "2022年5月17日",
]


def test_reflow_joins_layout_breaks_and_keeps_paragraphs():
    assert paragraphs("\n".join(WRAPPED)) == WRAPPED_PARAGRAPHS


def test_reflow_double_spaced_pdf_text():
    """A blank line after every text line (even mid-sentence) is layout, not paragraphs."""
    assert paragraphs("\n\n".join(WRAPPED) + "\n") == WRAPPED_PARAGRAPHS


def test_reflow_blank_lines_as_paragraph_breaks():
    """Here blank lines end paragraphs, and a short line without a blank does not."""
    text = "\n".join(WRAPPED[:6]) + "\n\n" + "\n".join(WRAPPED[6:9]) + "\n"
    assert paragraphs(text) == WRAPPED_PARAGRAPHS[:3]


def test_reflow_blank_paragraph_breaks_with_a_bare_page_break():
    """Blank lines end paragraphs, but a run of them after a full, unfinished line is a page break."""
    text = "\n".join(WRAPPED[:3]) + "\n\n\n\n" + "\n".join(WRAPPED[3:6]) + "\n\n" + "\n".join(WRAPPED[6:9]) + "\n"
    assert paragraphs(text) == WRAPPED_PARAGRAPHS[:3]


def test_reflow_across_a_removed_page_header():
    pages = []
    for page in range(1, 5):
        # each page's text differs, as real pages do: the body is numbered per page
        first = [f"{page}{t[1:]}" for t in WRAPPED[1:3]]
        rest = [f"{page}{t[1:]}" for t in WRAPPED[3:6]]
        pages += first + ["", "", "宁波市人民政府公报 2022年第1期", "", f"— {page} —", ""] + rest
    out = paragraphs("\n".join(pages))
    expected = "".join(f"1{t[1:]}" for t in WRAPPED[1:6])
    assert out[0] == expected
    assert "公报" not in "".join(out)
    assert not any(re.search(r"— \d —", p) for p in out)


def test_reflow_keeps_one_paragraph_per_line_documents():
    """Long lines that are already paragraphs (no page width) are never glued together."""
    long_lines = [
        "第一条 为了规范政府非税收入管理活动，提高政府公共管理和公共服务水平，根据《浙江省政府非税收入管理条例》"
        "等法律法规的规定，结合本市实际，制定本规定",
        "第二条 本规定适用于本市行政区域内政府非税收入的执收、资金、票据及相关管理活动，国家、省另有规定的，"
        "从其规定，本市其他有关规定与本规定不一致的，以本规定为准",
        "国家、省对政府非税收入管理另有规定的，从其规定",
        "财政部门应当加强政府非税收入收缴管理电子信息系统的建设、维护和管理，实现财政部门、执收单位、"
        "代收银行和非银行支付机构之间的信息共享",
        "鼓励采取网上银行、移动银行、第三方支付机构等多种电子化收缴方式，为执收单位、缴款义务人提供便利",
    ]
    for sep in ("\n", "\n\n"):
        assert paragraphs(sep.join(long_lines)) == long_lines
        wider = [t + "，" + t for t in long_lines]  # beyond any page width
        assert paragraphs(sep.join(wider)) == wider


def test_paragraph_per_line_text_continues_over_a_page_break():
    first = ("二、加强检测评估。市城市管理局要组织对全市城市桥梁开展一次全面检测，"
             "对评定为四类、五类的桥梁，要立即采取限载、限行或封闭交通等措施，力争在2023年底前完成")
    rows = []
    for page in range(1, 4):
        rows += [f"第{page}项：" + first, "", f"— {page} —", "", "江澜市人民政府公报\u30002023年第7期", "",
                 "首批危桥改造任务。", "", "三、严格超限运输管理。", ""]
    out = paragraphs("\n".join(rows))
    assert out[0] == "第1项：" + first + "首批危桥改造任务。"
    assert out[1] == "三、严格超限运输管理。"


def test_reflow_narrow_columns():
    narrow = [
        "宁波市第十六届人民代表大会常务委",
        "员会第十九次会议于 2024 年 7 月 30 日下",
        "午至 31日在市行政会议中心举行。",
        "市人大常委会主任张平、副主任华伟",
        "分别主持两次全体会议，副主任胡军、戎",
        "雪海、许亚南、印黎晴和秘书长陈国军及",
        "委员共 49人出席会议。副市长杨勇、金珊，",
        "市纪委常务副书记、市监委副主任柴高坤，",
        "市纪委副书记、市监委副主任杨国章，市",
        "中级法院副院长李红澜列席会议。",
    ]
    assert paragraphs("\n\n".join(narrow)) == [
        "宁波市第十六届人民代表大会常务委员会第十九次会议于2024年7月30日下午至31日在市行政会议中心举行。",
        "市人大常委会主任张平、副主任华伟分别主持两次全体会议，副主任胡军、戎雪海、许亚南、印黎晴和秘书长陈国军及"
        "委员共49人出席会议。副市长杨勇、金珊，市纪委常务副书记、市监委副主任柴高坤，市纪委副书记、市监委副主任杨国章，"
        "市中级法院副院长李红澜列席会议。",
    ]


def test_reflow_headings_signatures_titles_and_tables_stay_apart():
    text = "\n".join(
        [
            "宁波市人民政府办公厅关于印发宁波市",
            "创业投资引导基金管理办法的通知",
            "甬政办发〔2022〕20号",
            "各区（县、市）人民政府，市直及部省属驻甬各单位：",
            "《宁波市创业投资引导基金管理办法》已经市政府同意，现印发给你们，请认真贯彻执行",
            "宁波市人民政府办公厅",
            "2022年5月17日",
            "（此件公开发布）",
            "第一章  总  则",
            "第一条 为贯彻落实创新驱动发展战略，推动全市创业创新，进一步规范宁波市创业投资引",
            "导基金的设立和运作，根据有关规定，制定本办法。",
            "第二条 引导基金按照政府引导、市场运作的原则运行，不以营利为目的，通过参股方式吸引",
            "社会资本共同发起设立创业投资企业。",
            "序号\t指标\t2020基期值\t2025目标值",
            "1\t残疾人家庭人均可支配收入年均增长\t—\t与市生产总值增长同步",
            "区域  上市公司数  上市公司市值（亿元）",
            "全市  200  112",
            "海曙 24 15 900 418",
            "江北 16 9 900 581",
        ]
    )
    assert paragraphs(text) == [
        "宁波市人民政府办公厅关于印发宁波市创业投资引导基金管理办法的通知",  # one title, two lines
        "甬政办发〔2022〕20号",
        "各区（县、市）人民政府，市直及部省属驻甬各单位：",
        "《宁波市创业投资引导基金管理办法》已经市政府同意，现印发给你们，请认真贯彻执行",
        "宁波市人民政府办公厅",
        "2022年5月17日",
        "（此件公开发布）",
        "第一章  总  则",
        ("第一条 为贯彻落实创新驱动发展战略，推动全市创业创新，"
         "进一步规范宁波市创业投资引导基金的设立和运作，根据有关规定，制定本办法。"),
        ("第二条 引导基金按照政府引导、市场运作的原则运行，不以营利为目的，"
         "通过参股方式吸引社会资本共同发起设立创业投资企业。"),
        "序号\t指标\t2020基期值\t2025目标值",
        "1\t残疾人家庭人均可支配收入年均增长\t—\t与市生产总值增长同步",
        "区域  上市公司数  上市公司市值（亿元）",
        "全市  200  112",
        "海曙 24 15 900 418",
        "江北 16 9 900 581",
    ]


def test_reflow_keeps_table_of_contents_entries_apart():
    toc = [
        "江澜市人民政府关于公布第三批市级非物质文化遗产代表性项目名录的通知……（1）",
        "江澜市人民政府关于同意设立江澜青岫经济开发区的批复（江政函〔2023〕41号）…（2）",
        "江澜市人民政府办公室关于进一步加强城市道路桥梁安全管理的通知..........(3)",
        "江澜市人民政府关于沈立军等同志职务任免的通知（江政干〔2023〕9号）……………（6）",
    ]
    assert paragraphs("\n".join(["目  录"] + toc)) == ["目  录"] + toc


def test_reflow_signature_after_a_full_line_is_not_glued():
    lines = [BODY[0], BODY[1], BODY[2], BODY[0], BODY[1], "宁波市财政局", "宁波市人力资源和社会保障局", "2022年5月17日"]
    out = paragraphs("\n".join(lines))
    assert out[-3:] == ["宁波市财政局", "宁波市人力资源和社会保障局", "2022年5月17日"]


def test_reflow_keeps_a_space_between_ascii_words_only():
    lines = [
        "本办法所称的数据接口应当符合国家标准，包括 Open Data Platform",
        "Interface Specification 以及宁波市政务数据共享交换平台的接口规",
        "范，具体要求由市大数据局另行制定并向社会公布，各单位应当遵照",
        "执行，不得擅自变更接口规范，确需变更的应当报市大数据局同意。",
    ]
    out = paragraphs("\n".join(lines + lines[2:] + ["（完）"]))
    assert out[0].startswith(
        "本办法所称的数据接口应当符合国家标准，包括 Open Data Platform Interface Specification 以及宁波市")
    assert "接口规范，具体" in out[0]


def test_gb18030_crlf_double_spaced_paged_file_end_to_end(tmp_path):
    """decode → clean_lines → reflow on a file as a PDF export leaves it."""
    pages = []
    for page in range(1, 4):
        body = [f"{page}{t[1:]}" for t in WRAPPED[1:6]]
        pages += body[:3] + ["宁波市人民政府公报 2022年第1期", f"— {page} —"] + body[3:]
    path = tmp_path / "gazette.txt"
    path.write_bytes(("\r\n\r\n".join(pages) + "\r\n").encode("gb18030"))
    decoded = decode_file(path)
    assert decoded.encoding == "gb18030"
    out = reflow(clean_lines(decoded.text)).split("\n")
    assert out == ["".join(f"{page}{t[1:]}" for t in WRAPPED[1:6]) for page in range(1, 4)]


def test_reflow_of_nothing():
    assert reflow([]) == ""
    assert reflow([Line(1, ""), Line(2, "")]) == ""


# ── nothing is lost ──────────────────────────────────────────────────────────


def test_seeds_lose_nothing_but_whitespace_and_layout_markup(seed_files):
    """Reflow drops whitespace, and reads <table> markup into rows (the tags and a flat copy
    of the cells printed after them go); clean_lines drops whitespace and <p>/<br>/<ol>/**."""
    for path in seed_files:
        lines = clean_lines(decode_file(path).text)
        kept = "".join("".join(table_row_texts(line.text) or [line.text]) for line in lines)
        assert_only_whitespace_lost(lines, kept)
        raw = split_source_lines(decode_file(path).text)
        for line in lines:
            assert squash(line.text) == squash(strip_layout_markup(folded(raw[line.no - 1]))), (path.name, line.no)


def test_seeds_drop_only_page_furniture(seed_files):
    for path in seed_files:
        text = decode_file(path).text
        raw = split_source_lines(text)
        kept = {line.no for line in clean_lines(text)}
        dropped = [clean_text(raw[i - 1]) for i in range(1, len(raw) + 1) if i not in kept]
        for d in dropped:
            assert len(d) <= 80, (path.name, d)
            is_number = re.fullmatch(r"[—\-－·\s]*\d{1,4}[—\-－·\s]*", d)
            assert is_number or sum(1 for r in raw if clean_text(r) == d) >= 3, (path.name, d)


def test_seeds_reflow_joins_wrapped_lines_and_keeps_long_paragraph_lines(seed_files):
    for path in seed_files:
        lines = clean_lines(decode_file(path).text)
        body = [line.text for line in lines if line.text]
        out = reflow(lines).split("\n")
        assert len(out) <= len(body)
        # Lines wider than any page are paragraphs of their own: two in a row never merge
        # when the first ends its sentence or clause (one cut inside a word continues).
        wide = {t for t in body if display_width(t) > MAX_PAGE_WIDTH}
        for a, b in zip(body, body[1:]):
            if a in wide and b in wide and re.search(r"[。！？；：!?;:…）)”’》」』】〕]$", a):
                assert not any(a + b in p for p in out), path.name


def test_seed_page_headers_are_gone(seed_files):
    for path in seed_files:
        out = reflow(clean_lines(decode_file(path).text))
        assert not re.search(r"^— \d+ —$", out, re.M)
        assert "公报【" not in out


# ── properties ───────────────────────────────────────────────────────────────

LINE_TEXT = st.text(
    alphabet=st.sampled_from(
        list("宁波市人民政府关于通知第条章一二三、（）〔〕：，。；！？“”")
        + list("0123456789０１２年月日号期人—-－ \u3000\u00a0\tABCabc%％")
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE_TEXT, max_size=60), st.sampled_from(["\n", "\r\n", "\r"]))
def test_clean_and_reflow_never_raise_and_lose_only_whitespace_and_furniture(rows, newline):
    text = newline.join(rows)
    lines = clean_lines(text)
    assert_only_whitespace_lost(lines, "".join(line.text for line in lines))
    raw = split_source_lines(text)
    kept = {line.no for line in lines}
    for line in lines:
        assert squash(line.text) == squash(folded(raw[line.no - 1]))
    for no in range(1, len(raw) + 1):
        if no not in kept:
            dropped = clean_text(raw[no - 1])
            repeats = sum(1 for r in raw if clean_text(r) == dropped)
            assert re.search(r"\d", dropped) or repeats >= 3


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_raises(text):
    lines = clean_lines(text)
    out = reflow(lines)
    assert_only_whitespace_lost(lines, "".join(line.text for line in lines))
    assert not out or out.splitlines() == out.split("\n")
    raw = split_source_lines(text)
    for line in lines:
        source = squash(folded(raw[line.no - 1]))
        if any(mark in source for mark in "<*#"):
            # layout markup (<p>, **, "## ") is dropped: what is left is the source minus characters
            rest = iter(source)
            assert all(ch in rest for ch in squash(line.text))
        else:
            assert squash(line.text) == source


def test_title_is_not_joined_to_the_addressee_line_after_a_gap():
    from reader.core.model import Line
    from reader.core.text.normalise import reflow

    lines = [Line(1, "某某县人民政府办公室关于印发某某县农村供水保障提升实施方案（2024—2026年）的通知"),
             Line(2, ""), Line(3, "各乡镇人民政府，县政府各部门："),
             Line(4, "现将方案印发给你们，请认真组织实施。")]
    text = reflow(lines)
    assert text.split("\n")[:2] == [lines[0].text, lines[2].text]
    # the header lines come without their blank line (a gap in line numbers): same rule
    assert reflow([lines[0], lines[2], lines[3]]).split("\n")[:2] == [lines[0].text, lines[2].text]


# ── a line broken inside a sentence is joined (own text, the shapes of real breaks) ──

CLOSED_PARAGRAPHS = [
    "一、总体要求",
    "坚持问题导向，统筹推进城乡供水一体化建设，到2025年全市农村供水保障水平显著提高，群众满意度持续提升。",
    "（一）加强水源保护。严格落实饮用水水源地保护制度，全面排查水源地周边风险隐患，依法清理违规项目。"
    "建立水源地巡查制度，每季度开展一次联合执法检查，发现问题限期整改到位，整改情况向社会公开。",
    "（二）完善管网设施。加快推进老旧管网更新改造，提高供水管网覆盖率和运行效率，减少管网漏损。",
    "（三）健全运维机制。推进县级统管，落实专业化管护队伍。",
    "（四）强化组织保障。各区县（市）要把城乡供水工作列入重要议事日程，明确牵头部门和责任人。",
]


def test_cut_inside_a_word_in_paragraph_per_line_text_is_joined_across_the_blank():
    """Paragraph lines that end their sentences: one that stops inside a word ("…对低保" /
    "标准…", "…每个镇（街" / "道）…", "…（牵头单位：市水" / "利局）") was cut by a converter."""
    cut_a = "（五）加大资金投入。对在册的低保户、低保边缘户给予水费减免，减免幅度不低于当地低保"
    rest_a = "标准的一半，所需资金由各区县（市）财政统筹安排。"
    cut_b = "（六）提升服务水平。推动供水服务向农村延伸，每个镇（街"
    rest_b = "道）至少设立1个便民服务点。（牵头单位：市水"
    rest_b2 = "利局；配合单位：市财政局）"
    lines = CLOSED_PARAGRAPHS + [cut_a, rest_a, cut_b, rest_b, rest_b2, "五、附则"]
    out = paragraphs("\n\n".join(lines))
    assert out[: len(CLOSED_PARAGRAPHS)] == CLOSED_PARAGRAPHS
    assert out[len(CLOSED_PARAGRAPHS):] == [cut_a + rest_a, cut_b + rest_b + rest_b2, "五、附则"]


def test_lines_without_their_full_stop_are_not_cuts():
    """A text whose paragraphs all lack the final 。 says nothing about cuts: lines stay apart."""
    lines = [p.rstrip("。") for p in CLOSED_PARAGRAPHS]
    assert paragraphs("\n\n".join(lines)) == lines


def test_label_lines_and_numbered_sections_are_not_cuts():
    lines = CLOSED_PARAGRAPHS + [
        "常务副指挥长：分管自然资源和规划的副区长、区政府办公室分管副主任、区应急管理局局长、区公安分局分管负责人",
        "成员：区委宣传部、区发展和改革局、区财政局、区农业农村局、区水利局、区气象局等单位分管负责人",
        "负责统一领导、组织和指挥全区抢险救灾工作，研究决定重大事项，协调解决有关问题，指导各街道开展工作",
        "2.2 成员单位职责",
    ]
    assert paragraphs("\n\n".join(lines))[-4:] == lines[-4:-1] + ["2.2成员单位职责"]  # "2.2 成" squeezed like "2 成"


def test_an_ordinal_cut_before_its_numeral_is_not_a_heading():
    """"…升至计划单列市第" / "二、副省级城市第五；…": 二、 completes 第, it opens no heading."""
    para = ("全年全市实际使用外资总额增长较快，增幅分别高于全国和全省平均水平，外资规模升至计划单列市第"
            "二、副省级城市第五；引进市外内资规模继续扩大，同比增长明显，为全年目标任务的一百零五倍。")
    cut = para.index("第二、") + 1
    width = next(w for w in range(15, 31) if cut % w == 0 and len(para) % w > 3)
    lines = [para[i:i + width] for i in range(0, len(para), width)]
    k = cut // width
    assert lines[k - 1].endswith("第") and lines[k].startswith("二、")
    out = paragraphs("\n".join(lines * 3 + ["二、存在的主要问题"]))
    assert out == [para] * 3 + ["二、存在的主要问题"]


def test_a_bracket_opened_on_one_line_and_closed_on_the_next_is_one_paragraph():
    lines = [
        "江澜市人大常委会任免名单",
        "（2023年6月30日江澜市第九届人民代表大会",
        "常务委员会第八次会议通过）",
        "任命：",
    ]
    assert paragraphs("\n\n".join(lines)) == [
        "江澜市人大常委会任免名单",
        "（2023年6月30日江澜市第九届人民代表大会常务委员会第八次会议通过）",
        "任命：",
    ]


def test_a_title_printed_over_several_lines_is_one_paragraph():
    body = "为进一步加强城市桥梁安全管理，现就有关事项通知如下。"
    three = ["江澜市人民政府办公室", "关于进一步加强城市道路桥梁", "安全管理的通知", "江政办发〔2023〕15号", body]
    assert paragraphs("\n".join(three)) == [
        "江澜市人民政府办公室关于进一步加强城市道路桥梁安全管理的通知", "江政办发〔2023〕15号", body]
    # an attachment's title, its 文种 tail set apart by a blank line
    spaced = ["附件", "", "江澜市城市桥梁安全隐患排查整治", "", "工作方案（2023-2025年）", "", body]
    assert paragraphs("\n".join(spaced)) == ["附件", "江澜市城市桥梁安全隐患排查整治工作方案（2023-2025年）", body]
    # a title ending in a report's 文种 continued by another ("…的审议意见" / "研究处理情况的报告")
    report = ["关于2023年度江澜市国有资产", "管理情况报告的审议意见", "研究处理情况的报告", "市政府", "市人大常委会："]
    assert paragraphs("\n".join(report))[0] == "关于2023年度江澜市国有资产管理情况报告的审议意见研究处理情况的报告"


def test_titles_of_a_list_and_numbered_sections_stay_apart():
    listing = [
        "江政发〔2023〕41号",
        "江澜市人民政府关于公布第三批",
        "市级非物质文化遗产代表性项目名录的通知",
        "关于同意设立江澜青岫经济开发区的批复",
    ]
    out = paragraphs("\n".join(listing))
    assert out[1:] == ["江澜市人民政府关于公布第三批市级非物质文化遗产代表性项目名录的通知",
                       "关于同意设立江澜青岫经济开发区的批复"]
    sections = ["7 附则", "7.1 表述说明", "3.2 应急处置", "3.2.1 信息报告"]
    assert paragraphs("\n".join(sections)) == sections


def test_the_reading_pane_draws_headings_by_the_cores_rule():
    from reader.core.text.patterns import section_heading

    assert section_heading("二、主要任务") and section_heading("（三）强化组织保障")
    assert section_heading("第一章  总  则")
    assert section_heading("附件2")
    assert not section_heading("二、副省级城市第五；引进市外内资2124.5亿元，同比增长6.1%，为全年目标的105%。")
    assert not section_heading("二是加强组织领导")


def test_rows_of_an_issued_documents_list_never_run_together():
    """A 发文目录 row opens with its 文号: "…规划的通知" then "江政办发〔2023〕59号   …" are two rows,
    even when the page put the rest of a long title first."""
    rows = [
        "江澜市人民政府、市政府办公厅9月份发文目录",
        "江政办发〔2023〕58号   江澜市人民政府办公厅关于印发江澜市制造业高质量发展“十四五”",
        "规划的通知",
        "江政办发〔2023〕59号   江澜市人民政府办公厅关于加快推进电子居住证应用工作的通知",
        "江政办发〔2023〕60号   江澜市人民政府办公厅关于印发江澜市食品安全事故应急预案的通知",
    ]
    out = paragraphs("\n".join(rows * 3))
    assert all(p.count("号   ") <= 1 for p in out)
    assert sum(p.startswith("江政办发〔2023〕59号") for p in out) == 3


def test_a_full_line_narrowed_by_its_digits_still_continues():
    """"2024 年 7月 30 日至 31日，市十六届" filled the printed line, but once its spaces go and
    its digits count half it looks short: ending inside a word after a comma, it goes on."""
    narrow = [
        "江澜市人大常委会第九届常务委员会第十次会议",
        "审议通过了关于加强城市管理工作的决定，会议",
        "要求各级政府认真贯彻落实决定的各项要求，确",
        "保各项工作任务按期完成，取得实实在在成效。",
        "2024 年 7月 30 日至 31日，江澜市第九届",
        "人大常委会第十次会议听取和审议了市政府关于",
        "城市管理工作情况的报告，提出了审议意见。",
    ]
    out = paragraphs("\n\n".join(narrow))
    assert out[-1] == ("2024年7月30日至31日，江澜市第九届人大常委会第十次会议"
                       "听取和审议了市政府关于城市管理工作情况的报告，提出了审议意见。")



@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("a甲 \r\n\f\v\x1c\x85\u2028\u3000"), max_size=40))
def test_source_lines_split_at_cr_lf_and_crlf_only(text):
    """split_source_lines takes str.splitlines' fast path only when the text holds no other break."""
    raw = re.split(r"\r\n|\r|\n", text) if text else []
    if raw and raw[-1] == "":
        raw.pop()
    assert split_source_lines(text) == raw



# ── footnotes, connectives and table titles (issue 11) ──────────────────────

def test_a_footnote_at_the_foot_of_a_page_goes_after_the_sentence_it_interrupts():
    # a page 21 characters wide, double spaced, as PDF extraction prints it; the sentence stops
    # at the foot of the page, the note's marker printed right under it, then the note, the
    # running header and page number, and the sentence goes on on the next page
    body = ["江澜市属企业持续深化三项制度改革，全面推进", "管理人员能上能下、员工能进能出、收入能增",
            "能减的市场化改革，经理层成员绩效薪酬占比不"]
    foot = ["注2：绩效薪酬是指按年度考核结果发放的薪酬，不含", "基本年薪和各类补贴"]
    header = ["江澜市人大常委会公报", "— 7 —"]
    rest = ["低于百分之五十，坚决杜绝保底绩效年薪，不断", "完善考核分配制度。", "（二）完善国有资本监管体制。"]
    pages = "\n\n".join(header + body) + "\n2\n\n" + "\n\n".join(foot + header[:1] + ["— 8 —"] + rest
                                                                       + header[:1] + ["— 9 —"])
    out = paragraphs(pages)
    assert out == [
        "江澜市属企业持续深化三项制度改革，全面推进管理人员能上能下、员工能进能出、收入能增能减的市场化改革，"
        "经理层成员绩效薪酬占比不低于百分之五十，坚决杜绝保底绩效年薪，不断完善考核分配制度。",
        "2 注2：绩效薪酬是指按年度考核结果发放的薪酬，不含基本年薪和各类补贴",
        "（二）完善国有资本监管体制。",
    ]
    lines = clean_lines(pages)
    assert_only_whitespace_lost(lines, "".join(line.text for line in lines))  # the note moved, nothing lost


def test_a_note_labelled_zhu_without_a_marker_line_moves_when_a_page_break_follows():
    body = ["江澜市持续优化营商环境，全面推行涉企事项", "“一件事”集成办理，企业开办时间压缩至"]
    notes = ["注：“一件事”集成办理指将多个部门的相关事项整合为一件事办理。"]
    rest = ["1个工作日以内，惠及市场主体两万余户。", "（三）深化投资审批制度改革。"]
    text = "\n".join(body + notes + ["江澜市人大常委会公报", "— 7 —"] + rest + ["江澜市人大常委会公报", "— 8 —"]
                     + ["江澜市人大常委会公报", "— 9 —"])
    assert paragraphs(text) == [
        "江澜市持续优化营商环境，全面推行涉企事项“一件事”集成办理，企业开办时间压缩至1个工作日以内，惠及市场主体两万余户。",
        "注：“一件事”集成办理指将多个部门的相关事项整合为一件事办理。",
        "（三）深化投资审批制度改革。",
    ]
    # without a page break after it, a 注 line under an unfinished line stays where it is
    table_note = body + notes + ["（三）深化投资审批制度改革。"]
    assert "".join(paragraphs("\n".join(table_note))) == "".join(table_note)


def test_several_numbered_notes_under_one_marker_line():
    lines = [
        "江澜市近年通过建设公共停车场、增设道路泊位等方式补充停车位",
        "供给。出台《关于缓解老旧小区停车难的若干意见》，统一泊位标",
        "34",
        "3 道路泊位“五统一”标准：即统一建设审批流程、统一泊位编码规则、统一设置要求、统",
        "一收费标准。",
        "4 停车一体化系统：即1个数据平台、1个停车应用和4个子平台。",
        "准，新增停车位4.9万余个。",
        "二、存在的主要问题",
    ]
    out = paragraphs("\n".join(lines))
    assert out == [
        "江澜市近年通过建设公共停车场、增设道路泊位等方式补充停车位供给。出台《关于缓解老旧小区停车难的若干意见》，"
        "统一泊位标准，新增停车位4.9万余个。",
        "34 3 道路泊位“五统一”标准：即统一建设审批流程、统一泊位编码规则、统一设置要求、统一收费标准。",
        "4 停车一体化系统：即1个数据平台、1个停车应用和4个子平台。",
        "二、存在的主要问题",
    ]


def test_numbers_on_their_own_lines_that_are_no_footnotes_stay_in_place():
    # after a finished sentence: a page or row number, not a footnote marker
    done = ["江澜市全面完成年度改革任务，各项指标均达到预期目标。", "3", "3 附表说明", "下一步工作"]
    assert "".join(paragraphs("\n".join(done))) == "".join(done)
    # a marker with no note under it, inside a sentence: kept where it was printed, the sentence joined
    marker = ["江澜市加快发展多层次资本市场，推动企业发行ESG报", "1", "告试点，促进国有企业更好履行社会责任。"]
    assert paragraphs("\n".join(marker)) == [
        "江澜市加快发展多层次资本市场，推动企业发行ESG报1告试点，促进国有企业更好履行社会责任。"]


def test_an_annex_title_ending_in_a_table_name_is_one_title():
    lines = ["附件：", "", "2023年度市政府挂牌督办重点项目单位和区域", "", "汇总表", "",
             "序号\t单位\t地址\t督办单位", "1\t江澜大厦\t长江路8号\t市消防救援支队",
             "2\t江澜物流园\t港城路9号\t区应急管理局"]
    out = paragraphs("\n".join(lines))
    assert out[:2] == ["附件：", "2023年度市政府挂牌督办重点项目单位和区域汇总表"]
    assert len(out) == 5
    # a line ending in 代表 or 发表 is no table's name
    speech = ["附件：", "", "江澜市第九届人民代表大会第三次会议", "", "全体代表", "", "各位代表："]
    assert paragraphs("\n".join(speech)) == ["附件：", "江澜市第九届人民代表大会第三次会议", "全体代表", "各位代表："]


def test_a_line_never_ends_or_starts_with_a_conjunction():
    rows = ["主要经济指标", "地区生产总值 亿元 5204.9 8.0", "工业生产及", "用电量",
            "规模以上工业总产值 亿元 1954.7 15.6", "固定资产投资", "及房地产开发", "固定资产投资 % 13.2"]
    out = paragraphs("\n".join(rows))
    assert "工业生产及用电量" in out and "固定资产投资及房地产开发" in out
    assert "主要经济指标" in out and len(out) == 6
    # blank lines that end paragraphs still do
    apart = ["江澜市统计局和", "", "国家统计局江澜调查队"]
    out = paragraphs("\n".join(apart * 2 + ["联合发布以下数据：", "一、总体情况。", "参与", "表决。"]))
    assert out[-2:] == ["参与", "表决。"]
