"""A document segment → its metadata: title, 文号, issuers, 成文日期, 文种, attachments.

Works on any Segment; a DocSegment from split.py also carries the header the split
found (title lines, 文号) and the file's context (which city 市政府 means).
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import contains

from reader.core.text import patterns as P
from reader.core.model import Line, Lines, Metadata, Segment, line_columns
from reader.core.documents.organisations import DOCNO_PLACE, canonical_org, expand

# ---------------------------------------------------------------- canonical issuers
canonical_issuer = canonical_org
"""市政府办公厅 → 宁波市人民政府办公厅; 区科技局 → 宁波市北仑区科学技术局: the one organisation
canonicaliser (reader.core.documents.organisations), the same name an organisation gets as a responsible unit."""


# ---------------------------------------------------------------- helpers
_ISSUER_SPLIT = re.compile(r"[ 　、]+")


_ORGAN_CUT = re.compile(
    rf"(?:人民政府|办公厅|办公室|委员会|管委会|常委会|政府|局|厅|委)(?=[{P.CJK}]{{2,4}}?[省市区县]|中共|中国共产党)")
_PREFIX_ORGAN = re.compile(
    r"^(.{2,30}?(?:人民代表大会常务委员会|人大常委会|人民政府办公厅|人民政府办公室|人民政府|委员会|管委会|办公厅|办公室|局))(?=.)")


def _split_joint(prefix: str) -> list[str]:
    """宁波市财政局宁波市人力资源和社会保障局 → the two organs (printed without a space)."""
    out, start = [], 0
    for m in _ORGAN_CUT.finditer(prefix):
        out.append(prefix[start:m.end()])
        start = m.end()
    out.append(prefix[start:])
    return [x for x in out if x]


_TITLE_ISSUER = re.compile(r"^(.{2,60}?)(?:关于|印发|转发)", re.S)
_BREAK_BEFORE_PLACE = re.compile(rf"\s*\n\s*(?=[{P.CJK}]{{1,4}}[省市区县]|中共)")


def _issuers_from_title(title: str, kind: str) -> list[str]:
    m = _TITLE_ISSUER.match(title)
    if not m:
        c = P.compact(title)
        if kind in ("纪要", "议程"):
            m3 = re.match(rf"^(.{{2,30}}?(?:委员会|常委会|人民政府|政府|办公厅|办公室))第[{P.CN_DIGITS}\d]+次", c)
            if m3:
                return [m3.group(1)]
        if kind in ("名单", "决定", "决议", "公告", "通告", "令", "命令") and not P.starts_about(c):
            m2 = _PREFIX_ORGAN.match(c)
            placed = re.match(rf"^(?:[{P.CJK}]{{2,3}}?[省市区县]|国务院|中共)", m2.group(1)) if m2 else None
            if placed and P.is_organ(m2.group(1)):
                return [m2.group(1)]
        return []
    prefix = m.group(1).strip()
    # organs printed one a line (最高人民法院 / 最高人民检察院 / 关于…): each line is an issuer
    by_line = [p for line in prefix.split("\n") for p in _ISSUER_SPLIT.split(line.strip()) if p]
    if len(by_line) > 1 and all(P.is_organ(p) for p in by_line):
        return [P.compact(p) for p in by_line]
    # a line break between organs separates them only when the next one names its place
    prefix = _BREAK_BEFORE_PLACE.sub(" ", prefix).replace("\n", "")
    parts = [p for p in _ISSUER_SPLIT.split(prefix) if p]
    if parts and all(P.is_organ(p) for p in parts):
        return [x for p in parts for x in _joint_organs(P.compact(p))]
    c = P.compact(prefix)
    if P.is_organ(c):
        return _joint_organs(c)
    return []


def _joint_organs(c: str) -> list[str]:
    """The organs of an organ name run together (某市城市管理局某市住房和城乡建设局), else [c]."""
    parts = _split_joint(c)
    return parts if len(parts) > 1 and all(P.is_organ(p) for p in parts) else [c]


class _Stripped:
    """texts[j].strip(), computed when asked (a signature looks at a few lines above its date)."""

    __slots__ = ("texts",)

    def __init__(self, texts: list[str]):
        self.texts = texts

    def __getitem__(self, j: int) -> str:
        return self.texts[j].strip()


def _signature(lines: Lines) -> tuple[list[str], str | None]:
    """The first signature block: organ lines (or 市长 X) directly above a date line."""
    raw = lines.texts  # stripped when looked at: most lines hold no 日 at all
    texts = _Stripped(raw)
    for i in compress(count(), map(contains, raw, repeat("日"))):  # the lines holding 日, found in C
        t = raw[i].strip()
        if not t.endswith("日") or len(t) > 60:
            continue
        signed = P.signed_date_line(t)
        if signed:
            return [signed[0]], P.iso(signed[1])
        d = P.date_line(t)
        if d is None or i == 0:
            continue
        organs: list[str] = []
        j = i - 1
        while j >= 0 and (P.is_organ(texts[j]) or P.ROLE_NAME_RE.match(P.compact(texts[j]))) and len(organs) < 4:
            parts = texts[j].split()
            if len(parts) > 1 and all(P.is_organ(p) for p in parts):
                organs[0:0] = parts  # several organs side by side on one signature line
            else:
                organs.insert(0, P.compact(texts[j]))
            j -= 1
        if organs or (j >= 0 and "此页无正文" in texts[j]):
            return [o for o in organs if P.is_organ(o)], P.iso(d)
    return [], None


BARE_NOTE_REACH = 3
"""A note printed without brackets is one of the first this many lines (title, note), with no
sentence before it."""


def _note(lines: Sequence[Line]) -> str:
    """The dated note under a title, compact: （2024年7月31日宁波市第十六届…会议通过）, a
    promulgation note （2006年7月24日中华人民共和国国务院令第472号公布 根据…修订）, or a bare
    （2024年7月31日）; "" when there is none in the first lines."""
    texts = [P.compact(t) for t in line_columns(lines)[1][:12] if t.strip()]
    joined = ""
    for k, t in enumerate(texts):
        if t.startswith(("（", "(")) and (P.DATE_RE.match(t[1:]) or P.CN_DATE_RE.match(t[1:])):
            joined = t
            continue
        if not joined and k < BARE_NOTE_REACH and P.BARE_ADOPTION_NOTE.match(t) \
                and not any("。" in x for x in texts[:k]):
            return f"（{t}）"  # printed without brackets (a Markdown file's note, a quote under the title)
        if joined and not joined.endswith(("）", ")")):
            joined += t
    return joined


_NOTE_ROLES = (("公布", "公布"), ("发布", "公布"), ("颁布", "公布"), ("修订", "修订"), ("修正", "修正"),
               ("通过", "通过"), ("批准", "通过"))
_NOTE_CLAUSE_END = re.compile(r"根据|[，,；;]|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def _adoption_date(note: str) -> tuple[str, str] | None:
    """(date, role) of the note's first clause (`note`: _note's): the date that makes the document
    (adopted, promulgated), never the 施行 date; a bare dated line has the role 成文."""
    if not note:
        return None
    d = P.find_date(note[:20])
    if not d:
        return None
    m = P.DATE_RE.search(note) or P.CN_DATE_RE.search(note)
    rest = note[m.end():] if m else note
    cut = _NOTE_CLAUSE_END.search(rest)
    clause = rest[:cut.start()] if cut else rest
    role = next((r for word, r in _NOTE_ROLES if word in clause), "成文" if len(clause) <= 1 else "通过")
    return P.iso(d), role


_CN_DATE_RENAMED = P.CN_DATE_RE.pattern.replace('?P<y>', '?P<cy>').replace('?P<m>', '?P<cm>').replace('?P<d>', '?P<cd>')
_DATE_ANY = re.compile(rf"{P.DATE_RE.pattern}|{_CN_DATE_RENAMED}")
_IN_FORCE = re.compile(r"^[^，。；]{0,4}起施行")


def _dated_roles(lines: Sequence[Line], note: str, signed: str | None) -> list[tuple[str, str]]:
    """Every (role, date) the note under the title (`note`: _note's) and the promulgating sentence
    state, then the signature's: 通过 / 批准 / 公布 / 修正 / 修订 / 施行 (自…起施行) / 成文."""
    found: list[tuple[str, str]] = []
    texts = [note, *_promulgating_sentences(lines)]
    for text in texts:
        dates = list(_DATE_ANY.finditer(text))
        shared: list[str] = []  # 某日A会议、某日B会议通过: both dates take the verb that follows
        for k, m in enumerate(dates):
            d = P.find_date(m.group(0))
            if not d:
                continue
            clause = text[m.end():dates[k + 1].start() if k + 1 < len(dates) else len(text)]
            if _IN_FORCE.match(clause):
                role = "施行"
            else:
                cut = re.search(r"根据|[，,；;]", clause)
                clause = clause[:cut.start()] if cut and cut.start() > 0 else clause
                role = next((r for word, r in _NOTE_ROLES if word in clause), "")
                role = "批准" if role == "通过" and "批准" in clause and "通过" not in clause else role
            if not role and clause.endswith("、"):
                shared.append(P.iso(d))
                continue
            for day in (*shared, P.iso(d)) if role else ():
                if (role, day) not in found:
                    found.append((role, day))
            shared = []
    if signed and ("成文", signed) not in found:
        found.append(("成文", signed))
    return found


_NOTE_ORGAN = re.compile(
    rf"^(?P<org>[{P.CJK}]{{2,40}}?)(?:第[{P.CN_DIGITS}\d]+次|令(?:\d{{4}}年)?第[{P.CN_DIGITS}\d]+号)")


def _note_issuer(note: str) -> str | None:
    """The organ that adopted or promulgated: …全国人民代表大会常务委员会第N次会议通过 → 全国人民代表大会
    常务委员会; 某省第十四届人民代表大会第二次会议 → 某省人民代表大会; 最高人民法院审判委员会第N次会议
    → 最高人民法院; 中华人民共和国国务院令第472号公布 → 中华人民共和国国务院; 某某部令2026年第3号公布 → 某某部.
    `note`: _note's."""
    m = P.DATE_RE.search(note) or P.CN_DATE_RE.search(note)
    if not m:
        return None
    o = _NOTE_ORGAN.match(note[m.end():])
    if not o:
        return None
    org = _session_organ(o["org"])
    org = re.sub(r"(?:审判委员会|检察委员会)$", "", org)
    if P.is_organ(org) or org.endswith("人民代表大会"):
        return org
    # 某某省法学会第七次会员代表大会通过: a society's congress adopts the society's own 章程
    members = note[m.end() + o.end():].startswith(("会员代表大会", "会员大会"))
    return org if members and org.endswith("会") and 3 <= len(org) <= 30 else None


def _session_organ(name: str) -> str:
    """第十四届全国人民代表大会第二次会议 → 全国人民代表大会: a session is its congress's;
    某某委员会第五届委员会第一次全体会议 → 某某委员会 (a body's term is the body)."""
    # 某某委员会第五届委员会第一次全体会议: the term of a body that is itself a 委员会 is that body
    c = re.sub(rf"(?<=会)第[{P.CN_DIGITS}\d]+届(?:委员会|理事会)(?=第|$)", "", P.compact(name))
    c = re.sub(rf"第[{P.CN_DIGITS}\d]+届", "", c)
    c = re.sub(rf"第[{P.CN_DIGITS}\d]+次(?:全体)?会议$", "", c)
    return c


_CONGRESS_ADOPTION = re.compile(
    rf"[（(](?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日([{P.CJK}]{{2,6}}?[市省区县])第[{P.CN_DIGITS}]+届"
    rf"(?:人民代表大会常务委员会|人大常委会)(?:第[{P.CN_DIGITS}\d]+次)?(主任会议|会议)?")


def _adoption_issuer(lines: Sequence[Line]) -> str | None:
    text = "".join(map(P.compact, line_columns(lines)[1][:12]))
    m = _CONGRESS_ADOPTION.search(text) if "届" in text else None  # (届: in every match)
    if m:
        # its 主任会议 is a meeting of the 常委会, as a government's 常务会议 is the government's
        return f"{m.group(1)}人民代表大会常务委员会"
    return None


def _speaker_issuer(header: list[Line], title_lines: set[int], around: tuple[str | None, ...] = ()) -> list[str]:
    """An organ or a role-and-name byline under the title. A governor named without a place
    (市长 林某) speaks for the place whose congress hears the report, else for the file's own
    district or city (`around`: where the file's masthead and signatures place it)."""
    place = ""  # the congress a report is made at (——某日在青川市第十七届人民代表大会…上)
    organs: list[str] = []  # a masthead's organs, one or more a line (某某局 / 某某局 / 文件)
    in_note = False  # the rows of a bracketed note wrapped over several lines name no byline
    for ln in header:
        if ln.no in title_lines:
            continue
        closes = ln.text.rstrip().endswith(("）", ")"))
        if in_note or (ln.text.lstrip().startswith(("（", "(")) and not closes):
            in_note = not closes
            continue
        parts = [p[:-2] if p.endswith("文件") and len(p) > 4 else p for p in ln.text.split()]
        if parts and all(P.is_organ(p) for p in parts):
            organs.extend(P.compact(p) for p in parts)
            continue
        if organs:
            return organs
        c = P.compact(ln.text)
        spoken = P.speech_date(c)
        if spoken:
            place = P.congress_place(spoken[1])
            continue
        if P.docno_line(c) or P.date_line(c):
            continue
        if P.is_organ(c):
            return [c]
        organ = next((o for p in (place, *around) if p and (o := P.byline_organ(c, p))), None) \
            or P.byline_organ(c)
        if organ and place and organ[0] in "省市区县" and place.endswith(organ[0]):
            organ = place + expand(organ[1:])  # 县人大常委会主任 at 岫川县's congress: 岫川县人民代表大会常务委员会
        if organ:
            return [organ]  # 国务院总理 李强 → 国务院
    return organs


_ATTACHMENT_LISTING = re.compile(r"^附件[:：](.+)$")


_TITLE_ATTACHMENT = re.compile(r"(印发|转发|发布|公布|印發|轉發|發布)(.+?)的(?:通知|決定|决定)$")
_QUOTED = re.compile(r"《([^》]+)》")
_ITEM_NUMBER = re.compile(r"^\d{1,2}[.．、]")
_SENDS_ON = re.compile(r"现(?:将|予)|印发给你们|已经.{0,20}同意")


def _attachments(title: str, lines: Lines) -> list[str]:
    out: list[str] = []
    m = _TITLE_ATTACHMENT.search(title)
    if m:
        verb, name = m.group(1), m.group(2).strip()
        quoted = _QUOTED.findall(name)
        if quoted:
            out.extend(quoted)
        elif verb not in ("公布", "发布", "發布") or P.ends_with_kind(name) or name.endswith(
                ("清单", "名单", "名录", "目录", "表")):
            # 印发 always carries what it names; 公布 only a list or a document
            out.append(name)
    if not out:
        # 附件说明: 附件：1.某某办法 / 2.某某表
        texts = lines.texts
        for i in compress(count(), map(contains, texts, repeat("附"))):  # the lines holding 附, found in C
            if _ATTACHMENT_LISTING.match(P.compact(texts[i])):
                out = _listed_attachments(texts, i)
                break
    if not out:
        for text in lines.texts[:40]:
            if "现" not in text and "印" not in text and "已" not in text:
                continue  # none of the words _SENDS_ON starts with
            c = P.compact(text)
            if _SENDS_ON.search(c):
                for q in _QUOTED.findall(c):
                    if P.ends_with_kind(q) and q not in out:
                        out.append(q)
                if out:
                    break
    return out


def _listed_attachments(texts: list[str], start: int) -> list[str]:
    """The items of the listing starting at texts[start] (附件：1.某某办法): that line's and each
    line's under it, while they are 附件：… or numbered items."""
    out: list[str] = []
    for text in texts[start:]:
        c = P.compact(text)
        m = _ATTACHMENT_LISTING.match(c)
        if not (m or _ITEM_NUMBER.match(c)):
            break
        item = _ITEM_NUMBER.sub("", m.group(1) if m else c).strip("。；;")
        if item and item not in out:
            out.append(item)
    return out


def _context_place(segment: Segment, doc_number: str | None) -> tuple[str | None, str | None]:
    ctx = getattr(segment, "context", None) or {}
    city, district = ctx.get("city"), ctx.get("district")
    if doc_number and doc_number[:1] in DOCNO_PLACE:
        c2, d2 = DOCNO_PLACE[doc_number[:1]]
        city = city or c2
        district = district or d2
    return city, district


# ---------------------------------------------------------------- main
def read_metadata(segment: Segment) -> Metadata:
    """The steps, in order: 文号, place, 令 number, title, 文种, issuers, identifying date, year, kind."""
    lines = _content_lines(segment.lines)
    header: list[Line] = list(getattr(segment, "header_lines", []) or []) or list(lines[:6])
    doc_number = getattr(segment, "doc_number", None)
    if doc_number is None:
        doc_number = _header_docno(header)
    city, district = _context_place(segment, doc_number)
    doc_number = _decree_with_place(doc_number, city)
    decree = P.promulgation_number(doc_number)
    raw_title = getattr(segment, "title", "") or _decree_title(decree, lines) or _untitled(lines)
    title, tail_number = _title_without_number(raw_title)
    note = _note(lines)  # the dated note under the title, read once for the four steps that look at it
    doc_number = doc_number or tail_number or _note_decree(note)
    title_kind = P.title_kind(title)
    if doc_number is None and title_kind == "纪要":
        doc_number = _minutes_number(lines)
    sig_issuers, sig_date = _signature(lines)
    issuers = _issuers(raw_title, title_kind, header, lines, note, sig_issuers, decree, (district, city))
    date, date_role = _identifying_date(lines, note, header, title_kind, sig_date)
    year, year_source = _year(date, doc_number)
    return Metadata(
        title=title,
        doc_number=doc_number,
        issuers=issuers,
        canonical_issuers=[canonical_issuer(x, city, district) for x in issuers],
        date=date,
        year=year,
        year_source=year_source,
        date_role=date_role,
        dated_roles=_dated_roles(lines, note, sig_date),
        kind=_kind(segment, lines, header, title_kind, decree),
        attachments=[a for a in _attachments(title, lines) if P.compact(a) != P.compact(title)],
    )


def _content_lines(seg_lines: Sequence[Line]) -> Lines:
    """The non-blank lines, as columns (a Line object is made only for a line looked at)."""
    nos, texts = line_columns(seg_lines)
    keep = list(map(str.strip, texts))  # "" for a blank line (whitespace only, or empty)
    return Lines(array("i", compress(nos, keep)), list(compress(texts, keep)))


def _header_docno(header: list[Line]) -> str | None:
    return next((d for ln in header if (d := P.docno_line(ln.text))), None)


def _decree_with_place(doc_number: str | None, city: str | None) -> str | None:
    """A 令 number names its organ in full: 市政府令第5号 in a 宁波 file → 宁波市人民政府令第5号."""
    decree = P.promulgation_number(doc_number)
    if not (decree and decree["what"] == "令" and city):
        return doc_number
    org = decree["org"]
    if not org or org in ("政府", "市政府", "市人民政府"):
        return f"{city}人民政府{doc_number[len(org):]}"
    if org.startswith("市"):
        return city + doc_number
    return doc_number


_TITLE_TAIL_SEQ = re.compile(rf"[（(]({P.DECREE_SEQ_LINE.pattern})[)）]$")
_TITLE_TAIL_NUMBER = re.compile(r"[（(]\s*([^（()）]{0,16}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*[号號])\s*[)）]$")


def _title_without_number(raw_title: str) -> tuple[str, str | None]:
    """The tidy title, and the 文号 printed at its end in brackets (…的通知（仑政办〔2022〕10号）,
    某某常委会公告（第十二号） → 某某常委会公告第十二号)."""
    title = P.tidy_title(raw_title)
    tail = _TITLE_TAIL_NUMBER.search(title)
    if tail:
        return title[: tail.start()].rstrip(), P.normalise_docno(tail.group(1))
    seq = _TITLE_TAIL_SEQ.search(title)
    if seq and title[:seq.start()].endswith(("公告", "令")):
        head = title[:seq.start()]
        return head, P.normalise_docno(head + seq.group(1))
    return title, None


def _note_decree(note: str) -> str | None:
    """The 令 number of a regulation printed with only its promulgation note:
    （2025年1月10日中华人民共和国国务院令第801号公布　自…起施行） → 中华人民共和国国务院令第801号.
    Only the note's first clause counts (…根据国务院令第N号修订 names a later change). `note`: _note's."""
    m = P.DATE_RE.search(note) or P.CN_DATE_RE.search(note)
    if not m:
        return None
    d = P.DECREE_RE.match(note, m.end())
    if not d or d["what"] != "令" or not note.startswith(("公布", "发布", "颁布"), d.end()):
        return None
    return P.normalise_docno(d.group(0))


def _minutes_number(lines: Sequence[Line]) -> str | None:
    """Minutes are often numbered without an organ prefix under the title: 〔2023〕9号."""
    for text in line_columns(lines)[1][:6]:
        m = P.BARE_DOCNO.fullmatch(P.compact(text))
        if m:
            return f"〔{m.group(1)}〕{m.group(2)}号"
    return None


_SESSION = re.compile(r"届.*第[^第]+次(?:全体)?会议$")


def _issuers(raw_title: str, title_kind: str, header: list[Line], lines: Lines, note: str,
             sig_issuers: list[str], decree, around: tuple[str | None, ...] = ()) -> list[str]:
    """Who issued it, from the first source that names anyone: the title, a byline under it,
    the signature, an adoption or promulgation note, a 解读's 解读机构 line, the 令 number."""
    issuers = [_session_organ(x) if _SESSION.search(x) else x
               for x in _issuers_from_title(raw_title, title_kind)]
    if issuers:
        return issuers
    title_texts = {t.strip() for t in raw_title.split("\n")}
    issuers = _speaker_issuer([ln for ln in header if ln.text.strip() not in title_texts], set(), around)
    if issuers and set(issuers) < set(sig_issuers):
        return sig_issuers  # the masthead printed one organ, the signature names every issuer
    issuers = issuers or sig_issuers
    if issuers:
        return issuers
    adopted = _adoption_issuer(lines) or _note_issuer(note)
    if adopted:
        return [adopted]
    if title_kind == "解读":
        for text in lines.texts:
            m = re.match(r"^解读(?:机构|单位)[:：](.{2,30})$", P.compact(text))
            if m and P.is_organ(m.group(1)):
                return [m.group(1)]
    return [decree["org"]] if decree and decree["org"] else []


def _identifying_date(lines: Sequence[Line], note: str, header: list[Line], title_kind: str,
                      sig_date: str | None) -> tuple[str | None, str]:
    """The date that identifies the document: its signature, else its adoption or promulgation
    note, else the date line of a report or speech, else (minutes) the meeting's; never the
    date it comes into force."""
    if sig_date:
        return sig_date, "成文"
    adopted = _adoption_date(note)
    if adopted:
        return adopted
    spoken = _speech_in(lines[:8])
    if spoken:
        return P.iso(spoken[0]), "成文"
    if title_kind == "纪要":
        # minutes: the meeting's date, told in the opening sentence
        opening = "".join(map(P.compact, line_columns(lines)[1][len(header):len(header) + 8]))
        d = P.find_date(re.split(r"[。]", opening)[0])
        if d:
            return P.iso(d), "成文"
    return None, ""


def _speech_in(lines: Sequence[Line]) -> tuple[tuple[int, int, int], str] | None:
    """The ——2024年3月5日在某会议上 line among these lines, also when wrapped onto the next one."""
    texts = [P.compact(t) for t in line_columns(lines)[1]]
    for k, c in enumerate(texts):
        spoken = P.speech_date(c) or (
            c[:1] in "—-－" and k + 1 < len(texts) and P.speech_date(c + texts[k + 1])) or None
        if spoken:
            return spoken
    return None


_DOCNO_YEAR = re.compile(r"〔(\d{4})〕")


def _year(date: str | None, doc_number: str | None) -> tuple[int | None, str]:
    if date:
        return int(date[:4]), "date"
    m = _DOCNO_YEAR.search(doc_number or "")
    return (int(m.group(1)), "doc_number") if m else (None, "")


_ANNOUNCED_KIND = re.compile(r"(?:提出|制定|现将)(?:如下|以下)?(?:实施)?(意见|通知|办法|规定|方案)")


def _kind(segment: Segment, lines: Sequence[Line], header: list[Line], title_kind: str, decree) -> str:
    """The 文种: the splitter's hint, the title's ending, a report's or speech's date line, the
    令/公告 number, or for an untitled fragment the kind its body announces (提出如下意见)."""
    kind = getattr(segment, "kind_hint", "") or title_kind
    if kind:
        return kind
    spoken = _speech_in(header)
    if spoken:
        # titled by its subject, delivered on a date: to a congress a report, elsewhere a speech
        return "报告" if "人民代表大会" in spoken[1] else "讲话"
    if decree:
        return decree["what"]
    if not getattr(segment, "title", ""):
        body = "".join(map(P.compact, line_columns(lines)[1][:30]))
        m = _ANNOUNCED_KIND.search(body)
        if m:
            return m.group(1)
    return ""


ISSUE_MIN_DATED = 3
"""An issue's year is trusted when at least this many of its documents are dated."""


def apply_issue_year(metas: list[Metadata]) -> None:
    """Documents of one file (a gazette issue) that carry no date and no 文号 year take the
    issue's year, marked year_source="issue": the year every dated document of the file has
    (at least ISSUE_MIN_DATED of them, all in one year — a file spanning years gives none).
    The 人大常委会公报 prints the adoption date on decisions but not on the reports and
    explanations between them."""
    years = {m.year for m in metas if m.year_source == "date"}
    dated = sum(1 for m in metas if m.year_source == "date")
    if dated < ISSUE_MIN_DATED or len(years) != 1:
        return
    (year,) = years
    for m in metas:
        if m.year is None:
            m.year, m.year_source = year, "issue"


_NAMED = re.compile(r"《([^《》]{8,80})》")
NAMED_TITLE_COVERAGE = 0.6
"""Share of a cited title's character pairs (issuer left out) the untitled document's text must hold."""


def name_untitled(docs: list[tuple[Metadata, str]]) -> None:
    """A document printed without a title line (its title read from its first sentence,
    "为贯彻落实《…》和…") takes the title another part of the same file gives it: a contents
    entry or a citation 《宁波市人民政府关于…的若干意见》 (a 解读 names what it explains) that
    begins with the document's issuer, ends in its 文种, and whose words the document holds."""
    untitled = [(m, text) for m, text in docs
                if m.kind and m.issuers and not P.title_kind(m.title) and (m.title.endswith("…") or "，" in m.title)]
    if not untitled:
        return
    named = {name for _, text in docs for name in _NAMED.findall(text)}
    for m, text in untitled:
        best, best_cover = "", NAMED_TITLE_COVERAGE
        text_pairs: set[str] | None = None
        for name in named:
            issuer = next((i for i in (*m.issuers, *m.canonical_issuers) if name.startswith(i)), None)
            if issuer is None or P.title_kind(name) != m.kind:
                continue
            if text_pairs is None:
                text_pairs = {text[k:k + 2] for k in range(len(text) - 1)}
            rest = P.compact(name[len(issuer):])
            pairs = {rest[k:k + 2] for k in range(len(rest) - 1)} - {"关于"}
            cover = len(pairs & text_pairs) / max(1, len(pairs))
            if cover > best_cover:
                best, best_cover = name, cover
        if best:
            m.title = best


def _decree_title(decree, lines: Sequence[Line]) -> str:
    """A 令 without a title of its own is the regulation it promulgates; an organ's 公告
    (某某常委会公告　第十二号) is titled 某某常委会公告."""
    if not decree:
        return ""
    if decree["what"] == "公告" and P.is_organ(decree["org"]):
        return decree["org"] + "公告"
    return _promulgated_name(lines)


def _promulgated_name(lines: Sequence[Line]) -> str:
    """A 政府令 with no title of its own: the regulation it promulgates (《X》已经…通过，现予公布)
    is what the document is and how it is cited."""
    for said in _promulgating_sentences(lines):
        return P.promulgated_name(said) or ""
    return ""


def _promulgating_sentences(lines: Sequence[Line]) -> list[str]:
    """The sentences 《X》已经…通过，现予公布 in the first lines, compact, each joined with the
    lines after it when the page wrapped it (…市人民政府 / 第31次常务会议审议通过，现予公布)."""
    texts = [P.compact(t) for t in line_columns(lines)[1][:9]]
    found = []
    for k, c in enumerate(texts[:8]):
        if not c.startswith(("《", "现")):
            continue
        said = c
        for more in texts[k + 1:k + 3]:  # a sentence wrapped over up to three lines
            if P.promulgated_name(said) or "。" in said:
                break
            said += more
        if P.promulgated_name(said):
            found.append(said)
    return found


def _untitled(lines: Sequence[Line]) -> str:
    """No title printed: the first line, or for a 主送-first fragment its first sentence."""
    if not lines:
        return ""
    first = lines[0].text.strip()
    if first.endswith(("：", ":")) and len(lines) > 1:
        text = "".join(map(P.compact, line_columns(lines)[1][1:6]))
        sentence = re.split(r"[。；]", text)[0]
        return sentence[:40] + ("…" if len(sentence) > 40 else "")
    return first[:80]
