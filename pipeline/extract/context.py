"""The context of a figure: period, target or actual, estimate, area, subject and section.

The number grammar finds spans; this module says what they mean in their report. A
:class:`ContextResolver` indexes one document once, in linear time (sentence and
paragraph boundaries, time phrases, target and estimate markers, 下同 notes, place names,
headings and the report's own structure), after which :meth:`ContextResolver.describe`
answers for one figure with bisects and a look-back window of at most ``LOOK_BACK``
characters.

Decisions (generic report language, never one document):

- period: the nearest time phrase before the figure in its sentence; else a year-level
  phrase earlier in the paragraph (or a sub-year phrase opening a sentence); else the
  document scope. The scope is set by headings and by paragraphs that open with a time
  phrase (2020年，… / 五年来，… / “十三五”收官…). In a government work report the first
  top-level part reviews the year before the report's year and later parts plan the
  report's year. A statistical communiqué is about the year in its title. 前三季度 and
  1-N月 give cumulative spans (2021Q1-Q3, 2021M01-M11) that govern the rest of their
  paragraph, and in news the paragraphs after one that opens with them.
- value_kind: ``target`` after a goal word in the same sentence (预期目标, 力争, 确保, 要,
  将, 拟, 计划, 努力, 控制在, 原定) unless a word of completion (已, 如期完成) is nearer,
  in the planning parts of a government work report, or when the period lies after the
  report's year; else ``actual``.
- is_estimate: 预计 before the figure in the same clause group (up to ；/。), 预计数 notes
  right after it, and “下同” notes extending to later figures until the next heading or
  change of period scope. 初步统计/初步核算/初步测算 mark preliminary actuals, not estimates.
- area: the nearest place named before the figure in its sentence that is not a yardstick
  (比全省平均, 居全国第二, 占全省一半), a 分别 list of places distributing over its items;
  else the last place named in the paragraph; else the report's area.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from pipeline.extract.anchored import Anchored
from pipeline.extract.context_area import (
    CITY_PROVINCE,
    AreaMention,
    canonical_area,
    count_at,
    example_list,
    group_area,
    is_list_item,
    level_of,
    names_facility,
    nearest_of_level,
    next_subject,
    owns_value,
    paragraph_topics,
    place_after_de,
    place_run,
    ranks_member,
    scan_areas,
    title_city,
)
from pipeline.extract.context_period import (
    CENSUS,
    CLOSING_MONTH,
    PREVIOUS_MONTH,
    SAME_PERIOD_LAST_YEAR,
    YEARS_LATER,
    Mention,
    change_role,
    closing_month,
    format_period,
    held_for_years,
    is_cumulative,
    is_year_span,
    month_earlier,
    period_in_span,
    resolve,
    scan_mentions,
    start_year_of,
    year_earlier,
    year_of,
)
from pipeline.extract.context_subject import _LEAD as _LEAD_WORDS
from pipeline.extract.context_subject import (
    LOOK_BACK,
    clause_start,
    list_areas,
    list_head_before,
    list_slot,
    subject_before,
    subject_from_previous,
)
from pipeline.extract.context_vocab import (
    ACTUAL_WORDS,
    BUDGET_PLAN_WORDS,
    ESTIMATE_WORDS,
    GWR_DELIVERY_MARKERS,
    GWR_MARKERS,
    REVIEW_HEADING_WORDS,
    STATCOMM_MARKERS,
    TARGET_NOUNS_AFTER,
    TARGET_WORDS,
)
from pipeline.extract.context_year import parse_report_year
from pipeline.ingest.document import Document

__all__ = ["LOOK_BACK", "Context", "ContextResolver"]


class Context(NamedTuple):
    """What a figure means in its report, beyond its number and unit.

    A named tuple: one is built per figure, and a tuple is the cheapest immutable record.
    """

    period: str | None
    value_kind: str
    is_estimate: bool
    area: str | None
    subject: str | None
    section: str | None


_new_tuple = tuple.__new__
#: ``describe``'s default for ``words``: read the subject's words there.
_READ = object()
#: The first characters group_area accepts (个, 的, 省, or nothing): other figures skip the call.
_GROUP_AREA_FIRST = "个的省"

_GROUP_END = re.compile(r"[。！？!?\n；;]")
#: The ends of a clause group that end no sentence: a sentence ends at 。！？!? or a line break.
_GROUP_ONLY_END = "；;"
_TARGET = re.compile(
    "|".join(map(re.escape, sorted(TARGET_WORDS, key=len, reverse=True)))
    + r"|(?<![主重需纲摘概提简首紧必只想不])要(?![求素点件闻务领害紧塞])"
    # 将 as a future marker comes right before a verb (将于, 将继续, 将新增); 将 + noun is 把.
    + r"|即将|(?<![大主老即])将(?=于|在|继续|进一步|全面|新增|达到|实现|完成|建成|开工|投入|启动|推出|扩大|"
    + r"提高到|增加到|超过|突破|形成|带动|新建|实施|加快|持续|着力|大力|重点|有|会|要|力争|努力|确保|保持|"
    + r"累计|全部|基本|逐步|进一步|再)"
    + r"|(?<![才高超])计划(?=[新完投建实开到在用内安达引培改\d])"  # 超计划19家 beat the plan
    + r"|目标(?=[是为：:，,值]|平均值|中位数)"
)
#: 6%的经济增长目标, 5.5%左右的增长目标: a number qualifying a goal noun is the goal's value.
_TARGET_AFTER = re.compile(
    r"(?:左右|以上|以内)?的[^，,。；;！？!?\d]{0,10}?(?:"
    + "|".join(map(re.escape, sorted(TARGET_NOUNS_AFTER, key=len, reverse=True)))
    + ")"
)
#: Target words that also report an outturn when said of a past year (控制在2.8%).
_KEPT_WITHIN = ("控制在",)
_TARGET_SCAN = Anchored(_TARGET)  # tried only where a target word can start (see ``anchored``)
#: Around a target word, words that make it no goal: an effort already made (经过努力), an outturn
#: measured against expectations (超预期) or against the goal (比目标值高出2.9个百分点, 与目标值相差,
#: 高于预期目标): the figure is an actual comparison, not what the goal sets.
_TARGET_BLOCK = re.compile(
    r"(?:共同|经过|在各方|各方)努力|努力下|超预期|好于预期|低于预期|符合预期|预期寿命|(?:市场|外界|机构|普遍)预期"
    r"|(?:比|与|[高低]于|超[出过]|(?:完成|实现)了?)(?:全年|年度|年初|预期|原定)*目标"
)
_ACTUAL = re.compile("|".join(map(re.escape, sorted(ACTUAL_WORDS, key=len, reverse=True))))
_ESTIMATE = re.compile("|".join(map(re.escape, ESTIMATE_WORDS)))
_BUDGET_PLAN = re.compile("|".join(map(re.escape, sorted(BUDGET_PLAN_WORDS, key=len, reverse=True))))
#: Bound words stripped to compare a restated goal with the goal (5.5%左右 … 5.5%是务实理性的).
_BOUND = re.compile(r"^(?:约|近|超过|超|逾|突破|不到|不足)|(?:左右|以上|以内|以下|多)$")
_HAS_UNIT = re.compile(r"\d[^\d.]")
#: A report (or its plan) as the subject that sets out what follows: 政府工作报告中提出，今年…
_REPORT_SETS = re.compile(r"(?:工作报告|规划纲要|规划|报告)[中里]?(?:提出|明确|要求|部署)")
_REPORT_REACH = 120  # characters of the figure's sentence searched for it
#: A place named as where a meeting sits or a dispatch is filed (在北京开幕, 新华社北京3月5日电):
#: no figure is about it.
_VENUE = re.compile(r"(?:开幕|闭幕|召开|举行|\d{1,2}月\d{1,2}日电)")
_NATIONAL_BODY = re.compile(r"国务院|全国人大|全国人民代表大会|全国政协|全国两会|国家统计局|国家发展改革委")
_NOTE = re.compile(r"[（(][^（）()]{0,16}下同[^（）()]{0,6}[）)]|[（(]([^（）()]{0,12})[）)]")
_TOP_HEADING = re.compile(r"^[\s\u3000]*[一二三四五六七八九十]{1,3}[、．.]")
_SUB_HEADING = re.compile(r"^[\s\u3000]*[（(][一二三四五六七八九十]{1,3}[）)]")
#: The first character after the leading spaces (``str.lstrip`` strips what ``\s`` matches) of a
#: line either heading pattern matches.
_HEADING_FIRST = frozenset("一二三四五六七八九十（(")
_SENTENCE_MARK = re.compile("[，,。；;]")
#: The period a relative phrase names from the governing one: 去年同期, 上月, 当月.
_RELATIVE_PERIODS = {
    SAME_PERIOD_LAST_YEAR: year_earlier,
    PREVIOUS_MONTH: month_earlier,
    CLOSING_MONTH: closing_month,
}
#: Words of a review of several years (see ``_opening_span``), and how far into a text they are read.
_SPAN_MARKS = re.compile(r"年均|五年(?:来|间|累计|生产|净增|新增|共)|[比较]“十[一二三四五]五”")
_YEAR_REVIEW = re.compile(r"过去一年|一年来|刚刚过去的|(?:19|20)\d{2}年(?:工作回顾|，)")
_OPENING_SPAN_REACH = 1500
#: What may stand before a time phrase that opens a clause (。20年后，安徽GDP超过4万亿元).
_CLAUSE_OPENERS = "，,。；;：:！!？?\n\u3000 （(“"
#: After a five-year plan's name, words that make its start or its close an event of one year, not
#: a period (实现“十四五”圆满收官 closes the year's review; “十三五”收官 alone still heads a review
#: of its years).
_PLAN_MILESTONE = re.compile(
    r"[”\"」]?(?:规划)?(?:(?:良好)?(?:开局|起步|开好局|起好步)|(?:圆满|顺利|胜利)收官)"
)
_CLAUSE_BREAK = re.compile("[，,；;]")
#: After a number right behind a yardstick place: the number is the yardstick's own value.
_REFERENCE_VALUE = re.compile(r"的(?:平均)?(?:水平|增速|增幅|速度|增长)")
_PREDICATE_OPENING = re.compile(r"(?:比|较|同比|环比|增长|下降|提高|增加|减少|上涨|回落|降低)")


#: First characters of a text after a number that can make it a goal's value (see ``_is_goal_value``;
#: "" is in every string, so an empty text still gets the full test).
#: A heading over a list of goals (2025年经济社会发展的主要预期目标, 目标任务); review words
#: (回顾, 成绩, 完成情况) make it a look back at goals instead.
_GOAL_HEADING = re.compile(r"(?:预期|主要|发展)目标|目标任务")
_GOAL_HEADING_REVIEW = re.compile("|".join([*REVIEW_HEADING_WORDS, "完成", "实现情况"]))
_GOAL_OPENERS = '左以的”"」'


def _is_goal_value(after: str) -> bool:
    """True when the number qualifies a goal noun after it (6%的经济增长目标, 5.5%左右的增长目标).

    A closing quote may stand between them: 经济增长“5.5%左右”的预期目标.
    """
    if after[:1] in '”"」':
        after = after[1:]
    return after[:1] in "左以的" and _TARGET_AFTER.match(after) is not None


def _is_topic(before: str) -> bool:
    """True when only time words and connectives stand between a clause start and a place."""
    return not before or bool(_LEAD_WORDS.fullmatch(before))


#: 7、8、9三个月 / 7、8、9月份: a list of months whose figures follow as a 分别 list, one each.
_MONTH_LIST = re.compile(r"((?:1[0-2]|[1-9])(?:[、和](?:1[0-2]|[1-9]))+)(?:月份?|[两三四五六七八九十]个月)")
#: The last item of a month list with its month word (、9月, 和9个月): every list ends on one.
_MONTH_TAIL = re.compile(r"[、和](?:1[0-2]|[1-9])(?:月|[两三四五六七八九十]个月)")
#: What a month list is written with before its month word.
_MONTH_LIST_CHARS = frozenset("0123456789、和")


def _month_lists(text: str) -> list[re.Match[str]]:
    """The matches of ``_MONTH_LIST.finditer(text)``, looked for only before their tails.

    Trying the list pattern at every digit of a report costs a pass that finds nothing in
    most reports; a tail (、 or 和, a month, 月) is rare, and its 、/和 start a cheap scan.
    Equivalent: a list is digits and joiners up to its tail, so any match that ends at a
    tail starts inside the run of such characters before the tail's joiner, and no match
    ends anywhere but at a tail (月份: one character more). Runs are cut at the end of the
    previous match, as ``finditer`` resumes there.

    >>> [m.group() for m in _month_lists("7、8、9三个月，10和11月份，5%、6月")]
    ['7、8、9三个月', '10和11月份']
    """
    out: list[re.Match[str]] = []
    last_end = 0
    for tail in _MONTH_TAIL.finditer(text):
        start = tail.start()
        if start < last_end:
            continue  # the tail of the match just found
        while start > last_end and text[start - 1] in _MONTH_LIST_CHARS:
            start -= 1
        m = _MONTH_LIST.search(text, start, tail.end() + 1)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


#: A change in a population census's counts (人口增量为152.67万, 增长5.68%, 减少约80万): over the
#: ten years since the census before, not the census year alone.
_CENSUS_CHANGE = re.compile(r"(?:增量|增加|增长|减少|净增|增幅)(?![至到])")
#: A government reviewing its own work, as only a report's body does (这五年，我们坚定不移…,
#: 主要做了以下工作): an excerpt with no address to the congress is still a report.
_GOVERNMENT_REVIEW = re.compile(
    r"(?:这五年|五年来|过去五年|一年来|过去一年)，我们|主要做了以下工作"
)
#: A month's end framing what follows (6月末，…存款余额…。…贷款余额…).
_END_FRAMES = ("末，", "末,", "底，", "底,")
_LEAD_PARAGRAPHS = 2  # a news story's lead: its dateline or first paragraph and the next
_OPENING = 14  # a time phrase this near a paragraph's start sets the scope for what follows
_YEAR_IN = re.compile(r"((?:19|20)\d{2})年")
_LEAD_SPACES = " \u3000\t"
#: The base of a comparison stated with its value (相比2020年广东GDP总量110760.94亿元的数据,
#: 比2020年的73129亿元增加了…): that value is the base year's. A change verb between the year and
#: the figure (比2020年增长8%) makes the figure the change, dated by the sentence as before.
_BASE_WITH_VALUE = re.compile(r"(?:相比|对比|比|较)((?:19|20)\d{2})年(?!同期|以来)[^，,；;。：:比较]{0,12}$")
_CHANGE_VERB = re.compile(r"[增减提降升上下回扩缩多少高低涨跌翻超]")
#: A paragraph opening on these is background (近年，湖南大力发展数字经济，2020年湖南…): a year
#: it names dates its own paragraph, never the story.
_BACKGROUND_OPENINGS = ("近年", "近些年", "近几年", "这些年", "多年来", "长期以来")
#: A sentence opening on the present (目前58.3%的增速…) leaves the past its paragraph had turned to.
_NOW = ("目前", "当前", "如今", "现在", "眼下")
#: An average over years (年均增长9.3%): over the reviewed span, whatever single year was named last.
_SPAN_AVERAGE = re.compile(r"年均")
#: A change against a named base year in the figure's clause: 比2015年增加115天.
_BASE_YEAR = re.compile(r"[比较]((?:19|20)\d{2})年(?!同期)[^，,。；;]{0,12}$")


class ContextResolver:
    """Answer :meth:`describe` for the figures of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        text = doc.clean_text
        self.text = text
        self._group = [m.end() for m in _GROUP_END.finditer(text)]
        # every sentence end also ends a clause group: one scan of the text finds both
        self._sent = [end for end in self._group if text[end - 1] not in _GROUP_ONLY_END]
        self._para = [m.end() for m in re.finditer("\n", text)]
        self._period_years: dict[str | None, tuple[int | None, int | None]] = {}
        #: Goals met so far in a news text (figures are described in text order): value -> period.
        self._goals: dict[str, str | None] = {}
        self._init_document_kind()
        self._init_sections()
        self._init_periods()
        self._init_markers()
        self._init_areas()
        self._init_month_lists()

    # ------------------------------------------------------------------ set-up

    def _init_document_kind(self) -> None:
        """Report year, kind (gwr / statcomm / other) and the year a communiqué covers."""
        doc, head = self.doc, self.text[:600]
        title = doc.title or ""
        probe = title + "\n" + head
        self.kind = "other"
        if any(w in title for w in GWR_MARKERS) or any(
            w in line for line in head.split("\n") if not _SENTENCE_MARK.search(line) for w in GWR_MARKERS
        ):
            self.kind = "gwr"  # named in the title or a heading line: news citing a report is not one
        elif self.text.startswith("各位代表") or any(w in self.text for w in GWR_DELIVERY_MARKERS):
            self.kind = "gwr"  # the body of a report, speaking to the congress
        elif len(_GOVERNMENT_REVIEW.findall(self.text)) >= 2:
            self.kind = "gwr"  # an excerpt of a report's review: 这五年，我们…; 一年来，我们…
        elif any(w in probe for w in STATCOMM_MARKERS):
            self.kind = "statcomm"
        #: A report about its own area (not news): read once per figure by the area rules.
        self._own_report = self.kind in ("gwr", "statcomm")
        ref = parse_report_year(doc)  # metadata, else the page's dating clues (see context_year)
        self.ref_year = ref
        self._ref_str = None if ref is None else str(ref)
        self.base_year: int | None = None  # the year a report looks back on
        if self.kind == "statcomm":
            m = _YEAR_IN.search(title or head)
            self.base_year = int(m.group(1)) if m else (ref - 1 if ref else None)
        elif self.kind == "gwr" and ref is not None:
            self.base_year = ref - 1
        #: News written in the first quarter (its 全年 outturns are of the year before, see
        #: _full_year_past).
        self._early_page = (
            self.kind == "other"
            and ref is not None
            and bool(doc.published_at)
            and doc.published_at[:4] == self._ref_str
            and doc.published_at[5:7] in ("01", "02", "03")
        )
        self.area = canonical_area(doc.area)
        self.area_level = level_of(self.area)
        #: The quantity a news title is about (粤苏鲁…GDP总量相加超30万亿元 -> GDP), else None.
        self._topic = _title_topic(title) if self.kind == "other" else None

    def _init_sections(self) -> None:
        """Heading offsets: the document's own, or headings detected from the text."""
        doc = self.doc
        sections = list(doc.sections)
        self._sec_starts = [s.clean_start for s in sections]
        self._sec_titles = [s.title for s in sections]
        #: Per section: its heading announces goals, not a review of them (see _value_kind); read once here.
        self._sec_goal = [
            bool(_GOAL_HEADING.search(t)) and not _GOAL_HEADING_REVIEW.search(t) for t in self._sec_titles
        ]
        self._any_goal_heading = any(self._sec_goal)
        self._sec_levels = [s.level for s in sections]
        # A section is under a goal heading when it or an enclosing heading announces goals:
        # 二、2018年发展主要预期目标 over its items 1、国内生产总值增长6.5%左右 (read once here).
        stack: list[tuple[int, bool]] = []  # (level, under goals) of the enclosing headings
        self._sec_under_goal: list[bool] = []
        for level, goal in zip(self._sec_levels, self._sec_goal, strict=True):
            while stack and stack[-1][0] >= level:
                stack.pop()
            under = goal or (bool(stack) and stack[-1][1])
            stack.append((level, under))
            self._sec_under_goal.append(under)
        # Headings used for scope: from the document, plus enumerated lines of the text.
        heads: dict[int, int] = {s.clean_start: s.level for s in sections}
        top: list[int] = []
        for start in [0, *self._para]:
            line = self.text[start : start + 12]
            if line.lstrip()[:1] not in _HEADING_FIRST:
                continue  # most lines open on neither pattern's numeral or bracket: two matches saved
            if _TOP_HEADING.match(line):
                heads.setdefault(start, 1)
                top.append(start)
            elif _SUB_HEADING.match(line):
                heads.setdefault(start, 2)
        self._heads = sorted(heads.items())
        # The parts of a report are its enumerated top-level headings (一、…); unnumbered
        # headings are topics within a part and do not change what the part is about.
        self._top_starts = top

    def _para_start(self, pos: int) -> int:
        i = bisect_right(self._para, pos)
        return self._para[i - 1] if i else 0

    def _para_end(self, pos: int) -> int:
        i = bisect_right(self._para, pos)
        return self._para[i] if i < len(self._para) else len(self.text)

    def _sent_start(self, pos: int) -> int:
        i = bisect_right(self._sent, pos)
        return self._sent[i - 1] if i else 0

    def _init_periods(self) -> None:
        """Resolve every time phrase in document order and build the scope segments."""
        text = self.text
        mentions = scan_mentions(text)
        top_starts = self._top_starts
        top_set = set(top_starts)
        head_starts = {pos for pos, _ in self._heads}
        # Role of each top-level part: the first part of a report looks back, later parts plan,
        # unless their heading says they look back.
        roles: list[tuple[int, str]] = [(0, "review")]
        for k, pos in enumerate(top_starts):
            heading = text[pos : self._para_end(pos)]
            role = "review" if k == 0 or any(w in heading for w in REVIEW_HEADING_WORDS) else "plan"
            roles.append((pos, role))
        self._role_starts = [p for p, _ in roles]
        self._roles = [r for _, r in roles]

        def default_period(pos: int) -> str | None:
            if self.kind == "gwr" and self.ref_year is not None:
                role = self._role_at(pos)
                return str(self.ref_year if role == "plan" else self.base_year)
            return None if self.base_year is None else str(self.base_year)

        # Scope events in document order: top-level part starts reset the scope to the part's
        # default; paragraphs opening with a time phrase set it.
        scope_pos: list[int] = [0]
        scope_val: list[str | None] = [self._opening_span() or default_period(0) or self._title_period()]
        resolved: list[tuple[int, int, str | None]] = []
        local: set[int] = set()  # mentions that govern only their own clause
        carry_pos: list[int] = []
        carry_val: list[str | None] = []
        sent_year: int | None = None
        sent_idx = -1
        para_year: int | None = None
        para_idx = -1
        top_i = 0
        set_para = -1
        news_scoped = False
        lead_end = self._lead_end() if self.kind == "other" else len(text)
        frame = (-1, 0)  # (sentence start, carry count) of a news paragraph's opening frame
        for m in mentions:
            while top_i < len(top_starts) and top_starts[top_i] <= m.start:
                scope_pos.append(top_starts[top_i])
                scope_val.append(default_period(top_starts[top_i]))
                top_i += 1
            p_start = self._para_start(m.start)
            s_start = self._sent_start(m.start)
            if p_start != para_idx:
                para_idx, para_year = p_start, None
            if s_start != sent_idx:
                sent_idx, sent_year = s_start, None
            if frame[0] == s_start and len(carry_pos) == frame[1] and not _is_sub_of(m, carry_val[-1]):
                # 今年一季度，…，经过二季度后，…: a sentence naming two periods frames no paragraph
                carry_pos.pop()
                carry_val.pop()
                frame = (-1, 0)
            if p_start >= lead_end:
                news_scoped = True  # past the lead, a paragraph's period is its own
            scope = scope_val[-1]
            scope_year = year_of(scope)
            if m.rel == YEARS_LATER and m.start and text[m.start - 1] not in _CLAUSE_OPENERS:
                continue  # 晋祠泉断流30年后稳定复流: after a verb, N年后 is how long, not a date
            if m.rel in YEAR_ANAPHORS or m.rel == YEARS_LATER:
                # 2001年，中国加入WTO…。这一年，安徽GDP仅有3502.8亿元: the year just named
                context_year = sent_year or para_year or _last_year(resolved, p_start) or scope_year
            elif m.kind == "rel" and m.rel not in ("今年", "去年", "前年", "明年", "本年"):
                context_year = sent_year or scope_year  # 全年, 年末: the year in scope
                if context_year is None and m.rel == "全年" and self._early_page:
                    context_year = self._full_year_past(s_start, m.end)
            else:
                context_year = sent_year or para_year or scope_year
            if m.rel in (SAME_PERIOD_LAST_YEAR, PREVIOUS_MONTH, CLOSING_MONTH):
                governing = next((r[2] for r in reversed(resolved[-8:]) if r[0] >= p_start and r[2]), scope)
                if m.rel == CLOSING_MONTH and carry_pos and carry_pos[-1] >= p_start and governing == scope:
                    governing = carry_val[-1]  # 前三季度，…。当月…: the paragraph's frame
                earlier = _RELATIVE_PERIODS[m.rel]
                resolved.append((m.start, m.end, earlier(governing)))
                continue  # its own sentence only: 去年同期，上海GDP为…。; 由上月的95.6%下降至…
            if m.kind == "fyp" and _PLAN_MILESTONE.match(text, m.end):
                # 确保“十五五”良好开局, 今年是“十五五”起步之年: the plan's start as an event,
                # not the period of the figures after it (主要预期目标是：… are this year's)
                continue
            period = resolve(m, ref_year=self.ref_year, context_year=context_year)
            is_sub = m.sub is not None
            cumulative = is_sub and is_cumulative(m.sub)
            resolved.append((m.start, m.end, period))
            if period is not None and not is_sub and m.start and text[m.start - 1] in "从由":
                local.add(len(resolved) - 1)  # 从2013年的1.76缩小到1.61: the start of a change
            elif period is None and m.since:
                # 2016年来“双倍增”，…比重达到48.6%: a span up to now with no schema form
                # blocks its own clause only; the next clause is back in the paragraph's period
                local.add(len(resolved) - 1)
            elif period is not None and m.rel == CENSUS:
                sent_year = m.year  # 七普数据显示，…: the census dates its own sentence
            elif period is not None and not is_sub and self._milestone(m):
                sent_year = m.year  # 充分考虑了2035年…的需要: a future milestone, this sentence only
            elif (
                period is not None
                and not is_sub
                and text[m.end : m.end + 1] not in "，,："
                and _year_in_span(m, carry_pos, carry_val, p_start, scope)
            ):
                # 五年来，…。2020年空气质量优良天数242天…。: the span resumes after it (a frame,
                # 2020年，…, still governs what follows)
                sent_year = m.year
            elif period is not None and not is_sub:
                sent_year = year_of(period) if not is_year_span(period) else sent_year
                # year-level phrases govern the rest of their paragraph; sub-year ones
                # (一季度…，二季度…) only their own sentence.
                para_year = year_of(period)
                carry_pos.append(m.start)
                carry_val.append(period)
            elif cumulative:
                # 前三季度, 1-9月: a cumulative span governs the rest of its paragraph, so
                # later sentences must not fall back to the whole year.
                if period is not None and sent_year is None:
                    sent_year = year_of(period)
                carry_pos.append(m.start)
                carry_val.append(period)
            elif (
                self.kind == "other"
                and period is not None
                and (text[m.end : m.end + 1] in "，," or text[m.end : m.end + 2] in _END_FRAMES)
                and (
                    m.start - p_start <= _OPENING
                    # 统计显示，6月末，…: a frame opening a later sentence, the paragraph's first period
                    or (m.start - s_start <= _OPENING and (len(resolved) < 2 or resolved[-2][0] < p_start))
                )
            ):
                # news: 6月份，… / 上半年，… framing a paragraph governs its later sentences
                sent_year = sent_year or year_of(period)
                carry_pos.append(m.start)
                carry_val.append(period)
                frame = (s_start, len(carry_pos))
            elif period is not None and sent_year is None:
                sent_year = year_of(period)
            # news: 2021年一季度、上半年、前三季度，安徽GDP均超越上海: a list of periods frames
            # nothing (一、过去五年… is a numbered heading, not a list)
            after_item = len(resolved) > 1 and resolved[-2][1] + 1 == m.start and text[m.start - 1] == "、"
            listed = self.kind == "other" and (after_item or text[m.end : m.end + 1] == "、")
            # near the paragraph's start, or in the heading that opens it (（三）关于“十五五”…。)
            opening = (
                (m.start - p_start <= _OPENING or (p_start in head_starts and s_start == p_start))
                and set_para != p_start
                and not text.startswith(_BACKGROUND_OPENINGS, p_start)
                and not listed
            )
            if opening and cumulative:
                if self.kind == "other":
                    # news opening a paragraph with 前三季度 reports that span from here on
                    set_para = p_start
                    scope_pos.append(p_start)
                    scope_val.append(period)
                    if news_scoped and not _refines(scope, period):
                        # as below: a later opening governs its own paragraph, unless it narrows
                        # the story's plain year to part of it (今年有点悬 … 事实上，今年前三季度，…)
                        scope_pos.append(self._para_end(p_start))
                        scope_val.append(scope)
                    news_scoped = True
            elif opening and not m.since and period is not None:
                # A year+part phrase (2022年上半年) sets a sub-year scope only over a plain
                # year or nothing; a bare 一季度 never sets one.
                plain_scope = scope is None or len(scope) == 4
                new_scope = period if not is_sub or (m.kind in ("year", "rel") and plain_scope) else None
                if new_scope is not None and self.kind == "other" and self._passing(m, new_scope):
                    new_scope = None  # news: 去年, 6月, “十四五”期间将… open a paragraph in passing
                if new_scope is not None and self.kind == "other" and _refines(new_scope, scope):
                    new_scope = None  # 今年 in a story on this year's first half does not widen it
                if new_scope is not None and (m.kind != "rel" or m.rel in ("今年", "去年", "前年", "明年")):
                    set_para = p_start
                    scope_pos.append(p_start)
                    scope_val.append(new_scope)
                    if self.kind == "other" and p_start not in top_set:
                        if news_scoped and not _refines(scope, new_scope):
                            # News: the first period opening a paragraph is the story's; a later
                            # one (2020年，广州…) governs its own paragraph, then the story's returns.
                            # A part's heading (二、2018年发展主要预期目标) governs its whole part.
                            scope_pos.append(self._para_end(p_start))
                            scope_val.append(scope)
                        news_scoped = True
            elif (
                self.kind == "gwr"
                and m.kind == "past"
                and (m.year or 1) >= 2
                and period is not None
                and set_para != p_start
                and scope_pos[-1] <= p_start
                and self._only_span_ends_before(resolved, p_start, period)
            ):
                # （三）坚定不移大抓产业主攻工业。…。五年来，…: a review paragraph that names its span
                # only further on (or at its end) is about that span from its start; the paragraph
                # after it goes back to the scope before
                set_para = p_start
                if scope_pos[-1] == p_start:
                    scope_val[-1] = period  # the section's own default, set at its heading
                else:
                    scope_pos.append(p_start)
                    scope_val.append(period)
                scope_pos.append(self._para_end(p_start))
                scope_val.append(scope)
        for pos in top_starts[top_i:]:
            scope_pos.append(pos)
            scope_val.append(default_period(pos))
        self._scope_pos = scope_pos
        self._scope_val = scope_val
        self._m_start = [r[0] for r in resolved]
        self._m_end = [r[1] for r in resolved]
        self._m_period = [r[2] for r in resolved]
        self._m_local = local
        self._carry_pos = carry_pos
        self._carry_val = carry_val
        self._mentions: list[Mention] = mentions
        #: Population censuses named (七普 -> 2020) and where: their changes span the decade.
        self._census_at = {m.start: m.year for m in mentions if m.rel == CENSUS and m.year % 10 == 0}
        self._census_years = set(self._census_at.values())
        self._census_strs = frozenset(str(y) for y in self._census_years)
        #: A story about census results (中部六大省会人口PK, 七普数据公布): the census governs its
        #: figures even where a sentence does not name it.
        title = self.doc.title or ""
        self._census_story = self.kind == "other" and ("普" in title or "人口" in title)

    def _lead_end(self) -> int:
        """Where a news story's lead ends: after its first two paragraphs of sentences.

        A story states its period in its title or its lead, which may open on a one-line
        dateline (10月18日，三季度经济运行“成绩单”出炉。). A period opening a later paragraph
        (根据2021年上半年武汉经济数据，…) dates that paragraph only, never the rest of the story;
        byline and source lines without a sentence do not count.
        """
        text, seen, pos = self.text, 0, 0
        while pos < len(text):
            end = self._para_end(pos)
            if "。" in text[pos:end]:
                seen += 1
                if seen == _LEAD_PARAGRAPHS:
                    return end
            pos = end
        return len(text)

    def _title_period(self) -> str | None:
        """The period a news title names (27省份一季度GDP出炉): the story's until the text says otherwise.

        Only a year, a part of a year or 今年/去年: a span in a title (这十年, “十四五”) frames
        the story, it does not date each figure.
        """
        if self.kind != "other" or not self.doc.title:
            return None
        for m in scan_mentions(self.doc.title):
            if m.kind in ("year", "sub", "rel") and not m.since:
                return resolve(m, ref_year=self.ref_year, context_year=None)
        return None

    @staticmethod
    def _within_span(period: str, span: str, role: str | None, window: str, after: str, quote: str) -> str:
        """A single year named inside a reviewed span: the span's own measures still cover it.

        过去五年…增加到2016年的1650亿元，年均增长9.3%: the average and the unnamed starts of the
        later changes belong to the span; 比2015年增加115天 is a change over it.
        """
        base = _BASE_YEAR.search(window)
        if base is not None and int(span[:4]) - 1 == int(base.group(1)):
            return span
        if period == span[-4:] and (role == "from" or _SPAN_AVERAGE.search(window, clause_start(window))):
            return period_in_span(span, role, window, after, quote)
        return period

    def _paragraph_span(self, pos: int, para_start: int) -> str | None:
        """The multi-year span governing the paragraph at ``pos`` (a review's 五年来), if any."""
        j = bisect_right(self._carry_pos, pos) - 1
        while j >= 0 and self._carry_pos[j] >= para_start:
            if (value := self._carry_val[j]) and value[4:5] == "-":
                return value
            j -= 1
        value = self._scope_value(self._scope_pos, self._scope_val, pos)
        return value if value and value[4:5] == "-" else None

    @staticmethod
    def _only_span_ends_before(resolved: list[tuple[int, int, str | None]], p_start: int, span: str) -> bool:
        """True when the time phrases of the paragraph before the last one name only the span's ends.

        从2020年的…提高到2025年的… in a paragraph closed by 五年来 dates the ends of a change
        over the span (2020 and 2025 for 2021-2025); any other period opens a paragraph of its own.
        """
        ends = {str(int(span[:4]) - 1), span[-4:]}
        return all(r[2] in ends for r in resolved[:-1] if r[0] >= p_start)

    def _opening_span(self) -> str | None:
        """The five years a report's excerpt opens on, when it starts inside their review.

        An excerpt cut below the heading of a five-year review (——经济运行稳中有进。地区生产总值
        …年均增长5%。人均GDP从2020年的5.2万元提高到2025年的7.4万元。…五年生产原煤65亿吨) names
        no span, but its words are a span's: 年均, 五年累计, comparisons with the previous plan,
        changes from the year before the span to its last. Two such marks in the opening paragraph,
        before anything dates the text to one year (过去一年, 刚刚过去的2025年), make the span the
        opening scope.
        """
        if self.kind != "gwr" or self.ref_year is None:
            return None
        head = self.text[:_OPENING_SPAN_REACH]
        first_break = head.find("\n", 1)
        if first_break > 0:
            head = head[:first_break]  # the opening paragraph: a later one may open the year's review
        year_review = _YEAR_REVIEW.search(head)
        if year_review is not None:
            head = head[: year_review.start()]
        first, last = self.ref_year - 5, self.ref_year - 1
        marks = len(_SPAN_MARKS.findall(head)) + head.count(f"从{first - 1}年")
        return f"{first}-{last}" if marks >= 2 else None

    def _full_year_past(self, sent_start: int, pos: int) -> int | None:
        """The year a 全年 outturn in first-quarter news is of: the year before the page's.

        A page of January 2022 cannot report 2022's full year: 全年全市第三产业增加值比上年增长7.6%
        is 2021's. A goal for the year (全年…目标, 力争, 拟) is the page's own year's.
        """
        end = self.text.find("。", pos)
        sentence = self.text[sent_start : end if end >= 0 else len(self.text)]
        if _TARGET.search(sentence) or "目标" in sentence:
            return None
        return self.ref_year - 1 if self.ref_year is not None else None

    def _milestone(self, m: Mention) -> bool:
        """True for a single year after the report's inside a sentence: a horizon, not a scope.

        充分考虑了2035年与全国同步基本实现现代化的需要 names the year a goal is due; the
        figures of the next sentence still belong to the plan in hand (“十五五”). A future year
        that frames a clause (到2030年，…) still governs what follows.
        """
        ref = self.ref_year
        return (
            m.kind == "year"
            and ref is not None
            and m.year is not None
            and m.year > ref
            and self.text[m.end : m.end + 1] not in "，,：:"
        )

    def _passing(self, m: Mention, period: str) -> bool:
        """True when a news paragraph opens with a period its later paragraphs do not share.

        A news story is about its own period; 去年, a single month, a year before last or a
        future span (“十四五”期间，将…) opening a paragraph is a digression, not a new scope.
        """
        if m.rel == "去年" or (m.sub is not None and m.sub.startswith("M")):
            return True
        start = start_year_of(period)
        ref = self.ref_year
        end = year_of(period)
        if ref is not None and end is not None and end < ref - 1:
            return True  # history (2016年，郑州、武汉常住人口… in a 2021 story): its own paragraph only
        return ref is not None and start is not None and start >= ref and is_year_span(period)

    @staticmethod
    def _scope_value(pos_list: list[int], val_list: list[str | None], pos: int) -> str | None:
        i = bisect_right(pos_list, pos)
        return val_list[i - 1] if i else None

    def _role_at(self, pos: int) -> str:
        i = bisect_right(self._role_starts, pos)
        return self._roles[i - 1] if i else "review"

    def _init_markers(self) -> None:
        """Target, completion and estimate markers; 下同 notes and their reach."""
        text = self.text
        self._target = [
            m.end()
            for m in _TARGET_SCAN.finditer(text)
            if not _TARGET_BLOCK.search(text, max(0, m.start() - 4), m.end() + 3)
        ]
        self._actual = [m.end() for m in _ACTUAL.finditer(text)]
        self._estimate = [m.end() for m in _ESTIMATE.finditer(text)]
        # Notes in brackets right after figures: (预计数，下同) / （预计数）.
        notes_pos: list[int] = []
        ditto: list[tuple[int, int]] = []
        # 下同 reaches to the end of the part of the report it is in (the next enumerated
        # top-level heading), not only to the next topic heading.
        scope_changes = self._top_starts
        for m in _NOTE.finditer(text):
            body = m.group(0)
            if "预计" not in body:
                continue
            notes_pos.append(m.start())
            if "下同" in body:
                i = bisect_right(scope_changes, m.end())
                ditto.append((m.end(), scope_changes[i] if i < len(scope_changes) else len(text)))
        self._notes = notes_pos
        # Notes come in text order and each reaches to the next part heading, so the reach
        # ends never decrease: the last note before a figure reaches furthest (one bisect).
        self._ditto_starts = [note_end for note_end, _ in ditto]
        self._ditto_ends = [scope_end for _, scope_end in ditto]

    def _init_month_lists(self) -> None:
        """Month lists (7、8、9三个月): end offset, paragraph start and the months, in order."""
        self._ml_end: list[int] = []
        self._ml_para: list[int] = []
        self._ml_months: list[list[int]] = []
        for m in _month_lists(self.text):
            self._ml_end.append(m.end())
            self._ml_para.append(self._para_start(m.start()))
            self._ml_months.append([int(x) for x in re.split("[、和]", m.group(1))])

    def _list_month(self, pos: int, index: int, size: int) -> int | None:
        """The month of item ``index`` of a ``size``-item list after a month list in its paragraph."""
        i = bisect_right(self._ml_end, pos) - 1
        if i < 0 or self._ml_para[i] != self._para_start(pos):
            return None
        months = self._ml_months[i]
        return months[index] if len(months) == size else None

    def _init_areas(self) -> None:
        mentions = scan_areas(self.text)
        self._a_start = [a.start for a in mentions]
        self._areas: list[AreaMention] = mentions
        if (
            self.area is None
            and self.kind == "other"
            and _NATIONAL_BODY.search(self.text, 0, 600)
            and all(a.level not in ("province", "city") or _VENUE.match(self.text, a.end) for a in mentions)
        ):
            # news on a national report or briefing (国务院新闻办公室举行吹风会) that names no
            # province or city is about the country
            self.area, self.area_level = "全国", "nation"
        if self.kind == "other" and self.area_level in ("province", None) and self.doc.title:
            # news titled on a city (杭州今年GDP能破2万亿吗) whose page was placed in its province
            city = title_city(self.doc.title, _is_topic)
            if city is not None and (self.area is None or CITY_PROVINCE.get(city) == self.area):
                self.area, self.area_level = city, "city"
        #: News: the place each paragraph starts on (sections and openings about one place).
        self._topics: list[str | None] = []
        if self.kind == "other" and mentions:
            heads = {s for s, level in zip(self._sec_starts, self._sec_levels, strict=True) if level <= 2}
            paras = [0, *self._para]
            self._topics = paragraph_topics(self.text, mentions, paras, heads, _is_topic, self.area)

    # ------------------------------------------------------------------ queries

    def subjects(self, spans: Iterable[tuple[int, int, tuple[int, int] | None]]) -> list[str | None]:
        """The words naming what each figure measures, for ``describe(..., words=)``, in one pass.

        ``spans`` are ``(clean_start, clean_end, group)`` as ``describe`` takes them. Why a pass
        of its own: choosing the subject runs its own large set of patterns and vocabularies
        (``context_subject``), and interleaved with the other context rules figure by figure it
        runs with cold caches; run over all figures first it costs about a third less. The words
        are those ``describe`` reads itself (``_words``, a pure function of the text and the
        span), so passing them back changes nothing.
        """
        text, sent, words_of = self.text, self._sent, self._words
        out: list[str | None] = []
        add = out.append
        for clean_start, clean_end, group in spans:
            sent_i = bisect_right(sent, clean_start)  # describe's first lines, as it reads them
            sent_start = sent[sent_i - 1] if sent_i else 0
            win_start = clean_start - LOOK_BACK
            if win_start < sent_start:
                win_start = sent_start
            index, size = group if group else (None, None)
            window, quote = text[win_start:clean_start], text[clean_start:clean_end]
            add(words_of(clean_start, clean_end, sent_start, window, quote, index, size))
        return out

    def _words(
        self,
        clean_start: int,
        clean_end: int,
        sent_start: int,
        window: str,
        quote: str,
        index: int | None,
        size: int | None,
    ) -> str | None:
        """The subject as the words around the figure give it, before ``describe`` adjusts it."""
        text = self.text
        # the noun after a count may run longer than the 16 characters the other rules read
        after = text[clean_end : clean_end + 24]
        subject = subject_before(window, after, index=index, size=size, quote=quote)
        if subject is None and sent_start and clean_start - sent_start < LOOK_BACK:
            # 分季度看，三季度同比增长4.9%: a sentence naming no subject measures what the one before did
            subject = subject_from_previous(window, text[max(0, sent_start - LOOK_BACK) : sent_start])
        return subject

    def describe(
        self,
        clean_start: int,
        clean_end: int,
        *,
        group: tuple[int, int] | None = None,
        words: object = _READ,
    ) -> Context:
        """Context of the figure spanning ``clean_text[clean_start:clean_end]``.

        ``group=(index, size)`` when the figure is item ``index`` of ``size`` numbers sharing
        one predicate (A、B分别增长x、y). ``words``: this figure's entry of :meth:`subjects`,
        when the caller has read them all first; else they are read here.
        """
        text = self.text
        sent_i = bisect_right(self._sent, clean_start)
        sent_start = self._sent[sent_i - 1] if sent_i else 0
        win_start = clean_start - LOOK_BACK
        if win_start < sent_start:  # max(), inlined: once per figure
            win_start = sent_start
        i = bisect_right(self._para, clean_start)
        para_start = self._para[i - 1] if i else 0
        period, named_at = self._period(clean_start, sent_start, para_start)
        window = text[win_start:clean_start]
        after = text[clean_end : clean_end + 16]
        # change_role's own first test, made here: most windows name no change, and skip the call
        role = change_role(window, after) if "从" in window or "由" in window else None
        while role == "to" and named_at > 0 and text[named_at - 1] in "从由":
            # 从上半年的4.7%下跌至3.80%: the start's period is not the end's (nor an earlier start's)
            period, named_at = self._period(named_at - 1, sent_start, para_start)
        quote = text[clean_start:clean_end]
        # a year and a comparison word (比2015年增加): read by two rules below; most windows have neither
        year_compared = "年" in window and ("比" in window or "较" in window)
        if period is not None and period[4:5] == "-":  # is_year_span, inlined: once per figure
            period = period_in_span(period, role, window, after, quote)
        elif (
            period is not None
            # cheap guard: _within_span needs a from role, 年均, or 比/较 + a year
            and (role == "from" or "年均" in window or year_compared)
            and (span := self._paragraph_span(clean_start, para_start)) is not None
        ):
            period = self._within_span(period, span, role, window, after, quote)
        elif (
            role == "from"
            and period is not None
            and (len(period) > 4 or self.kind == "gwr")
            and named_at < clean_start - len(window) + max(window.rfind("从"), window.rfind("由"))
        ):
            # 占比由11.9%提高到12.5% in a story on 2021Q1, 由63.6%提高到64.2% in a report's review
            # of its year: the change is over the year, so its unnamed start is the same part of
            # the year before (news on a whole year may compare with any earlier year)
            period = year_earlier(period)
        if (
            year_compared  # cheap guard: most windows compare nothing
            and (base := _BASE_WITH_VALUE.search(window)) is not None
            and not _CHANGE_VERB.search(window, base.end(1) + 1)
            and not _CHANGE_VERB.match(quote)  # 比2020年分别下降65.3%: the quote itself is the change
        ):
            period = base.group(1)
        if period is None and self.kind == "other" and _says_now(text, sent_start, clean_start):
            # news: 数据显示，目前，东莞有19万家工业企业: a stock said of the present is the page's year's
            period = self._ref_str  # None when the page has no date
        if period in self._census_strs:  # a census year: most figures are of no census year
            period = self._census_change(period, named_at, window, quote, after, para_start, clean_start)
        if quote.endswith("周年"):
            period = None  # an anniversary counts years; it describes no period
        elif "年" in window and (held := held_for_years(period, window, quote)) is not None:
            period = held  # 粮食总产量连续9年稳定在[1300亿斤以上]: the years the level was held
        index, size = group if group else (None, None)
        if size and self._ml_end and "分别" in window:
            month = self._list_month(clean_start, index, size)
            year = year_of(period) or self.ref_year
            if month is not None and year is not None:
                period = f"{year}M{month:02d}"
        if words is _READ:
            subject = self._words(clean_start, clean_end, sent_start, window, quote, index, size)
        else:
            subject = words  # type: ignore[assignment]  # a str or None from subjects()
        if subject is not None and subject[:1] in "、，,；;.%）)0123456789":
            subject = _trim_list_residue(subject)
        if subject is not None and ("第" in quote or quote[:1] == "前"):
            # 增速暂居全国[第一] -> 增速; 稳居全国第一 after 依旧 names nothing: the title's quantity
            subject = _RANK_TAIL.sub("", subject) or None
        if self._topic is not None and subject is not None:
            subject = _with_topic(subject, self._topic, quote)
        if self._topic is not None and (subject is None or _is_place_only(subject)):
            # news on GDP: 其中广东以28498.79亿元居第一位 names no quantity, 玉环市排名第二位 only a
            # place: what is measured is the quantity the story's title is about
            subject = self._topic
        sec = bisect_right(self._sec_starts, clean_start) - 1  # _section, inlined: once per figure
        kind = self._value_kind(clean_start, sent_start, period, named_at, after, sec)
        if self.kind == "other":
            kind, period = self._news_goal(
                kind, period, named_at, quote, window, clean_start, sent_start, para_start
            )
            if period is None and kind == "target":
                # 《政府工作报告》设定的主要目标，是GDP增长速度6%以上: a goal that names no time of its
                # own is the year the page speaks in (a later year is always written: 到2035年)
                period = self._ref_str
        if (
            named_at < 0
            and self.kind == "other"
            and self.ref_year is not None
            and _is_goal_value(after)
            and (period is None or self._past(period) or _refines(self._ref_str, period))
        ):
            # news: 过去两年平均增长5.1%。5.5%左右的增长目标…: the value of a goal with no time
            # phrase of its own is the story's year's, not the past span of an earlier sentence
            # nor nothing (为实现经济增长“5.5%左右”的预期目标，今年要…), nor the part of the year
            # a story is on (一季度… 还能否实现5.5%左右的增速目标: the year's goal)
            period = str(self.ref_year)
        area = group_area(after) if after[:1] in _GROUP_AREA_FIRST else None  # group_area's own guard
        # the named tuple built by tuple.__new__: the same object as Context(...) without the
        # Python-level __new__ of a named tuple, once per figure
        return _new_tuple(
            Context,
            (
                period,
                kind,  # value_kind
                role != "from" and self._is_estimate(clean_start, clean_end, sent_start, sent_i),
                area or self._area(clean_start, sent_start, para_start, window, after, index, size),
                subject,
                self._sec_titles[sec] if sec >= 0 else None,  # section
            ),
        )

    def _census_in(self, start: int, end: int) -> bool:
        """True when a population census is named in ``text[start:end]``."""
        return any(start <= p < end for p in self._census_at)

    def _census_change(
        self, period: str, named_at: int, window: str, quote: str, after: str, para_start: int, pos: int
    ) -> str:
        """A change in a population census's counts is over the decade since the census before.

        七普数据显示，…河南人口绝对增量最多，达到534.2万人，增长5.68%: 2011-2020, as the census
        compares with the one ten years earlier; the census's stocks (已降至25.83%) stay in its
        year, and so does a change dated by a year of its own (2020年GDP增长3.6%). The census must
        be named in the figure's paragraph or be what the story is about: a report that mentions
        it elsewhere keeps its year's population change (全市常住人口增加5.2万人) in that year.
        """
        year = int(period)
        if year not in self._census_years or (named_at >= 0 and named_at not in self._census_at):
            return period
        if named_at < 0 and not self._census_story and not self._census_in(para_start, pos):
            return period  # a report that mentions the census: its year's changes stay its year's
        # the change may be named a clause back (增量最多，达到534.2万人), in the quote (减少约80万)
        # or after it (10个省辖市的常住人口也保持了正增长)
        words = window + quote + after[: _first_break(after)]
        if not _CENSUS_CHANGE.search(words) or "人口" not in words:
            return period
        return f"{year - 9}-{year}"

    def _period(self, pos: int, sent_start: int, para_start: int) -> tuple[str | None, int]:
        """The governing period, and where it was named in the figure's own sentence (else -1)."""
        i = bisect_right(self._m_end, pos) - 1
        if i >= 0 and self._m_start[i] >= sent_start:
            if i in self._m_local and _CLAUSE_BREAK.search(self.text, self._m_end[i], pos):
                i -= 1  # a change's start year (从2013年的…) stops at its clause
                if i >= 0 and self._m_start[i] >= sent_start:
                    return self._m_period[i], self._m_start[i]
            else:
                return self._m_period[i], self._m_start[i]
        if (
            i >= 0
            and self._m_start[i] >= para_start
            and self.text.startswith("其中", sent_start)
            and self._m_period[i] is not None
            and len(self._m_period[i]) == 7
            and self._m_period[i][4] == "M"
            and i not in self._m_local
        ):
            # 当月…全省进出口0.78万亿元。其中，出口0.49万亿元: the breakdown of the sentence before
            # is of its period, even a single month's (which frames no paragraph)
            return self._m_period[i], -1
        first = self.text[sent_start : sent_start + 1]
        if (
            self.kind == "other"
            and ("0" <= first <= "9" or first in _LEAD_SPACES)
            and self.text[sent_start : sent_start + 3].lstrip(_LEAD_SPACES)[:1].isdigit()
        ):
            # a news lead opening on its figure names the period after it (13151.38亿元，…，同比
            # 增长10%，今年前三季度，杭州经济…): the first time phrase later in the sentence
            k = bisect_right(self._m_start, pos)
            e = bisect_right(self._sent, pos)
            sent_end = self._sent[e] if e < len(self._sent) else len(self.text)
            if k < len(self._m_start) and self._m_start[k] < sent_end and self._m_period[k] is not None:
                return self._m_period[k], self._m_start[k]
        j = bisect_right(self._carry_pos, pos) - 1
        if j >= 0 and self._carry_pos[j] >= para_start and not self.text.startswith(_NOW, sent_start):
            return self._carry_val[j], -1
        return self._scope_value(self._scope_pos, self._scope_val, pos), -1

    def _value_kind(
        self, pos: int, sent_start: int, period: str | None, named_at: int, after: str, sec: int
    ) -> str:
        """Target or actual; ``sec`` is the index of the section ``pos`` is in (-1: none), as in describe."""
        if after[:1] in _GOAL_OPENERS and _is_goal_value(after):
            return "target"
        i = bisect_left(self._target, pos + 1) - 1
        if i >= 0 and self._target[i] > sent_start:
            j = bisect_left(self._actual, pos + 1) - 1
            if j < 0 or self._actual[j] <= self._target[i]:
                past = self.ref_year is not None and (self._years(period)[1] or self.ref_year) < self.ref_year
                # a past year's 财政赤字率控制在2.8%: the bound that was kept, an outturn
                kept = past and self.text.endswith(_KEPT_WITHIN, 0, self._target[i])  # marks are ends
                if not kept and not (past and named_at >= self._target[i]) and not (
                    past
                    and self.kind == "gwr"
                    and self._role_at(pos) == "review"
                    and _CLAUSE_BREAK.search(self.text, self._target[i], pos)
                ):
                    # unless the figure's own past period follows the goal word, or a report's
                    # review of a past year closes the effort clause first (努力加快…步伐，
                    # 全省地区生产总值达到5.53万亿元): what was reached is an outturn
                    return "target"
        ref = self.ref_year
        start_year, end_year = self._period_years.get(period) or self._years(period)
        if ref is not None and start_year is not None:
            if start_year > ref or (start_year >= ref and end_year is not None and end_year > ref):
                return "target"
            if start_year < ref:
                return "actual"
        if (
            self._any_goal_heading
            and ref is not None
            and start_year is not None
            and start_year >= ref
            and sec >= 0
            and self._sec_under_goal[sec]  # _under_goal_heading(pos), with the section describe found
        ):
            j = bisect_left(self._actual, pos + 1) - 1
            if j < 0 or self._actual[j] <= sent_start:
                return "target"  # ■ 2025年主要预期目标 / ●经济增长6%左右: the items are the goals
        own_year = period is not None and period == self._ref_str
        # _role_at(pos), inlined (the first part starts at 0, so the bisect is never 0): once per figure
        if self.kind == "gwr" and (
            self._roles[bisect_right(self._role_starts, pos) - 1] == "plan"
            or (own_year and not self._estimated(pos))
        ):
            # the plan part, or the report's own year wherever it is named (a digest with no part
            # headings: 居民医保人均财政补助标准提高30元 under 今年政府工作任务), unless its clause
            # estimates a fact of the year (预计今年高校毕业生超过1170万人)
            # background facts in the plan (今年已过去近5个月) stay actual
            j = bisect_left(self._actual, pos + 1) - 1
            if j >= 0 and self._actual[j] > sent_start:
                return "actual"
            return "target"
        return "actual"

    def _estimated(self, pos: int) -> bool:
        """True when an estimate word (预计) opens the figure's own clause."""
        window = self.text[max(0, pos - 40) : pos]
        return bool(_ESTIMATE.search(window, clause_start(window)))

    def _news_goal(
        self,
        kind: str,
        period: str | None,
        named_at: int,
        quote: str,
        window: str,
        pos: int,
        sent_start: int,
        para_start: int,
    ) -> tuple[str, str | None]:
        """Goals in news on a work report: what the report sets out, restated goals, the budget.

        What a sentence says the report sets out (报告提出/明确/要求/部署, not 指出, which also
        opens its review) is a goal unless its period is past.

        A commentary names the report's goal once as a goal (确定在增长5.5%左右) and then
        argues about the bare value (5.5%是务实理性的): a value equal to an earlier goal, in a
        sentence with no time phrase of its own, is that goal, of its period. The fiscal
        quantities of the report's own year (今年…财政支出超过26万亿元) are the budget it
        lays out, a plan, unless a completion word (已) or a running total (以来) says otherwise.

        A story on part of the year (1-2月份, 一季度) that restates the year's plan (中国定下5.5%
        左右增速, 财政支出规模比去年扩大2万亿元以上) gives the plan the whole year when neither
        the sentence nor the paragraph names the part: the part came from the story's lead.
        """
        key = _BOUND.sub("", quote)
        if named_at < 0 and _refines(self._ref_str, period) and not self._carried(pos, para_start):
            year = self._ref_str
            kind, year_period = self._news_goal(
                kind, year, named_at, quote, window, pos, sent_start, para_start
            )
            return (kind, year_period) if kind == "target" else (kind, period)
        if kind == "target":
            if _HAS_UNIT.search(key):
                self._goals.setdefault(key, period)
            return kind, period
        j = bisect_left(self._actual, pos + 1) - 1
        if j >= 0 and self._actual[j] > sent_start:
            return kind, period
        if named_at < 0 and key in self._goals:
            goal_period = self._goals[key]
            if period is None or period == goal_period:
                return "target", goal_period
        ref = self.ref_year
        if not self._past(period) and _REPORT_SETS.search(
            self.text, max(sent_start, pos - _REPORT_REACH), pos
        ):
            return "target", period  # 今年两会政府工作报告中提出，今年…资费再降低15%
        if ref is not None and period == str(ref) and "以来" not in window:
            clause = window[max(window.rfind("，"), window.rfind(","), window.rfind("；")) + 1 :]
            if _BUDGET_PLAN.search(clause):
                return "target", period
        return kind, period

    def _carried(self, pos: int, para_start: int) -> bool:
        """True when a period named earlier in the paragraph governs ``pos`` (see ``_period``)."""
        j = bisect_right(self._carry_pos, pos) - 1
        return j >= 0 and self._carry_pos[j] >= para_start

    def _past(self, period: str | None) -> bool:
        """True when ``period`` ends before the report's year."""
        last = self._years(period)[1]
        return last is not None and self.ref_year is not None and last < self.ref_year

    def _years(self, period: str | None) -> tuple[int | None, int | None]:
        """(first, last) year of a period string, parsed once per distinct period."""
        years = self._period_years.get(period)
        if years is None:
            years = self._period_years[period] = (start_year_of(period), year_of(period))
        return years

    def _is_estimate(self, start: int, end: int, sent_start: int, sent_i: int) -> bool:
        """预计 in the clause group, a 预计数 note later in the sentence, or a 下同 note reaching here.

        ``sent_i`` is ``bisect_right(self._sent, start)``, which :meth:`describe` has computed.
        """
        i = bisect_left(self._estimate, start + 1) - 1
        if i >= 0 and self._estimate[i] > sent_start:  # the clause-group bisect only when it can matter
            g = bisect_right(self._group, start)
            group_start = self._group[g - 1] if g else 0
            if self._estimate[i] > group_start:
                return True
        # a note in brackets later in the same sentence: 由一季度下降10.3%到全年增长2.8%(预计数，下同)
        k = bisect_left(self._notes, end)
        if k < len(self._notes):
            sent_end = self._sent[sent_i] if sent_i < len(self._sent) else len(self.text)
            if self._notes[k] < sent_end:
                return True
        d = bisect_right(self._ditto_starts, start) - 1
        return d >= 0 and start < self._ditto_ends[d]

    def _area(
        self,
        pos: int,
        sent_start: int,
        para_start: int,
        window: str,
        after: str,
        index: int | None,
        size: int | None,
    ) -> str | None:
        if "分别" in window:  # the three list rules all need 分别 before the figure: one test for most
            # 分别 lists of places: 福州、龙岩、三明固定资产投资增速分别为…
            clause = window[clause_start(window) :]
            slot = list_slot(clause, index, size)
            if slot:
                names = list_areas(slot[0], slot[2])
                if names:
                    return canonical_area(names[slot[1]])
            elif index is not None and (head := list_head_before(window, size)) is not None:
                names = list_areas(head, size)  # 其次为江苏和北京，分别高出2.6个、2.5个百分点
                if names:
                    return canonical_area(names[index])
            if index is not None and size and "分别" in clause:
                # 北京、广州等一线城市成交均冲高回落，环比降幅分别高达41%和60%: the sentence's list
                run = place_run(self.text, self._areas, bisect_left(self._a_start, pos), sent_start, size)
                if run is not None:
                    return run[index]
        start = pos
        if window.endswith(("在内的", "在内")) and (incl := window.rfind("包括")) >= 0:
            pos -= len(window) - incl  # 包括广州、佛山在内的14个地级市: the places only illustrate
        # A report about its own area names other places in passing (漳州核电投运，…，工业投资
        # 增长6.1%): there a place governs only its own clause. News about several places
        # carries a place through the sentence and the paragraph.
        own_report = self._own_report
        i = bisect_left(self._a_start, pos) - 1
        if not own_report and after[:1] == "的" and (owner := place_after_de(after)) is not None:
            return owner  # 距离10223.99亿元的湖南 (a report's 100亿元的宁德时代项目 names a firm)
        if i >= 0 and self.text[pos - 1] == "的" and self._a_start[i] < pos:
            a = self._areas[i]
            if a.end == pos - 1 and owns_value(self.text, a):
                return self._area_name(a, i)  # 仅次于湖北省的58.3%, 高于江苏的19.2%
        if own_report and (i < 0 or self._a_start[i] < sent_start):
            return self.area  # no place named in the sentence: the clause cannot name one either
        # 沈阳化工新材料、盘锦精细化工2个平台: a report's count of things named after places
        items = own_report and "、" in window and count_at(self.text, start)
        # 宝鸡、延安等4个基地, 汕头、湛江等地…: places given as examples (read only where 等 or a list is)
        examples = example_list(window, start, items=items) if items or "等" in window else None
        rank = self.text.startswith("第", start)  # 跻身全国169个国新区第11位: 全国 is the ranking's scope
        member = rank and ranks_member(after)  # 长三角…排名第三的城市，杭州…: the places before are scope
        if own_report:
            cut = clause_start(window)
            if _PREDICATE_OPENING.match(window, cut):  # …生产总值702356亿元，比上年增长5.0%
                cut = clause_start(window[: max(0, cut - 1)])
            sent_start = max(sent_start, pos - len(window) + cut)
            para_start = sent_start
        para_fallback: AreaMention | None = None
        while i >= 0 and self._areas[i].start >= para_start:
            a = self._areas[i]
            if (
                (rank and a.level == "own")
                or (member and a.start >= sent_start)
                or (examples and is_list_item(self.text, a, examples))
            ):
                i -= 1
                continue
            if not a.reference:
                if a.start >= sent_start:
                    if own_report and (
                        not _is_topic(self.text[sent_start : a.start]) or names_facility(self.text, a.end)
                    ):
                        i -= 1
                        continue  # 新增直接采认台湾地区职业技能资格: a place inside the noun
                    return self._area_name(a, i)
                if para_fallback is None:
                    para_fallback = a
                    break
            elif a.start >= sent_start and self.text[a.end : pos].lstrip("平均水值")[:1] in ("（", "("):
                return self._area_name(a, i)  # 全省平均水平（4.6%）
            elif a.end == pos and _REFERENCE_VALUE.match(after):
                return self._area_name(a, i)  # 超过全国9.8%的水平, 高于同期全省18.6%的增速
            i -= 1
        if para_fallback is not None:
            return self._area_name(para_fallback, i)
        if self._topics:  # news: the place the story is on (its section, its paragraph's opening)
            topic = self._topics[bisect_right(self._para, pos)]
            if topic is not None:
                return topic
            # else the place its sentence goes on to name (1260万常住人口，不仅使郑州一举反超…)
            k = bisect_right(self._sent, pos)
            sent_end = min(self._sent[k] if k < len(self._sent) else len(self.text), pos + 40)
            ahead = next_subject(self._areas, bisect_left(self._a_start, pos), sent_end)
            if ahead is not None:
                return ahead
        return self.area

    def _area_name(self, a: AreaMention, i: int) -> str | None:
        if a.level != "own":
            return a.name
        if a.name == "全国":
            return "全国"
        want = "province" if a.name == "@province" else "city" if a.name == "@city" else self.area_level
        if self.kind == "other" and a.name != "@own" and want is not None:
            # news on several places: the one named last before it in its sentence (武汉全市,
            # 《郑州市…》提出，到2022年全市), else the place its section is on (see paragraph_topics)
            near = nearest_of_level(self._areas, i, want, self._sent_start(a.start))
            topic = self._topics[bisect_right(self._para, a.start)] if self._topics else None
            # the section's place; a municipality (上海：GDP突破4万亿 … 全市) is a city too
            if near is None and topic and (level_of(topic) == want or (want == "city" and topic[-1] == "市")):
                near = topic
            if near is not None:
                return near
        if want == self.area_level or a.name == "@own":
            return self.area
        if want == "province" and self.area_level == "city" and self.area in CITY_PROVINCE:
            return CITY_PROVINCE[self.area]
        # the nearest named place of that level before it in the paragraph
        para_start = self._para_start(a.start)
        j = i - 1
        while j >= 0 and self._areas[j].start >= para_start:
            b = self._areas[j]
            if b.level == want or (want == "city" and b.level == "province" and b.name.endswith("市")):
                return b.name  # 全市 after 上海: a municipality is a city too
            j -= 1
        if want == "province" and self.area_level is None:
            return self.area
        if want == "city" and self.area and self.area.endswith("市"):
            return self.area
        return self.area if want == self.area_level else None

    def _section(self, pos: int) -> str | None:
        i = bisect_right(self._sec_starts, pos) - 1
        return self._sec_titles[i] if i >= 0 else None


#: Headline quantities a news title may be about, longest first where one contains another.
_TOPIC = re.compile(
    r"GDP|地区生产总值|生产总值|经济总量|人均可支配收入|可支配收入|常住人口|人口|一般公共预算收入|财政收入"
    r"|社会消费品零售总额|社零|进出口总额|进出口|外贸|固定资产投资|工业增加值|数字经济"
)


def _title_topic(title: str) -> str | None:
    """The first headline quantity a news title names (广东GDP十强进阶 -> GDP), else None."""
    m = _TOPIC.search(title)
    return m.group() if m else None


#: The tail of the list item before a subject cut from inside a list (.4%）、四川, 、安徽及上海).
_LIST_RESIDUE = re.compile(r"(?:[\d.]*%?[）)])?[、，,；;]+|[\d.]*%?[）)][、，,；;]*")


def _trim_list_residue(subject: str) -> str | None:
    """A subject cut from inside a list, without the tail of the item before (.4%）、四川 -> 四川).

    >>> _trim_list_residue(".4%）、四川"), _trim_list_residue("、安徽及上海"), _trim_list_residue("5G基站")
    ('四川', '安徽及上海', '5G基站')
    """
    m = _LIST_RESIDUE.match(subject)
    return subject if m is None else subject[m.end() :] or None


#: Nouns of a threshold crossed (突破万亿元大关, 4万亿元量级): where the figure stands, not what it measures.
_THRESHOLD_NOUNS = ("大关", "关口", "台阶", "量级", "门槛", "梯队")
#: A growth rate named without its quantity (江西增速, 省份增速, 增速实属不易): in a story about one
#: quantity, that quantity's growth. What may stand before it: places, time and filler words.
_BARE_GROWTH = re.compile(r"^(?:[^增]{0,8}?)(增速|增幅)")
_GROWTH_FILLERS = re.compile(
    r"省份|省|城市|地区|各|全国|其|今年|去年|前三季度|一季度|上半年|使得|的|同期|也|均"
)


def _with_topic(subject: str, topic: str, quote: str) -> str | None:
    """A subject that names a threshold or a bare growth rate, told with the story's quantity.

    >>> _with_topic("大关", "GDP", "突破万亿元"), _with_topic("江西增速", "GDP", "10%")
    (None, 'GDP增速')
    >>> _with_topic("工业增加值增速", "GDP", "5%"), _with_topic("增速", "GDP", "5%")
    ('工业增加值增速', '增速')
    >>> _with_topic("省份增速比上半年提高", "GDP", "5%"), _with_topic("地级市增速", "GDP", "12个")
    ('省份增速比上半年提高', '地级市增速')
    """
    if subject.endswith(_THRESHOLD_NOUNS):
        return None  # 初步预计2021年突破万亿元大关: the title's quantity, below
    m = _BARE_GROWTH.match(subject) if quote.endswith(("%", "％")) else None  # rates only, not 12个
    if m is None or topic in subject or "比" in subject[m.end(1) :]:
        return subject  # 增速比上半年提升: a change of the rate, named on its own terms
    prefix = subject[: m.start(1)]
    rest = _GROWTH_FILLERS.sub("", prefix)
    # only a place's growth (江西增速, 省份增速): a bare 增速 may be the clause before's quantity's
    if prefix == rest == "" or (rest and not _is_place_only(rest)):
        return subject
    return topic + m.group(1)


#: What a rank's subject may end on that is not what is ranked: the verb of ranking, its scope
#: and adverbs (增速暂居全国第一, 居全国各省区市第2位, 依旧稳居全国第一, 即便是排名第10位).
_RANK_TAIL = re.compile(
    r"(?:(?:[暂稳仍依旧继续均也都还已更即便是则]|依旧|依然|仍然|即便是?)*"
    r"(?:位居|居于|稳居|居|位列|排名|排在|排|名列|跻身|挺进|进入|升至|跃居|跃升至?)?"
    r"(?:全国|全省|全市|全球|世界|各省区市|各省份|省内|国内|同类城市中|城市中)*)$"
)
#: Words that open a list of places and their values (还包括内蒙古（5.8%）、…, 其中常熟市2例).
_LIST_LEADS = ("还包括", "包括", "其中", "以及", "还有", "而")


def _is_place_only(subject: str) -> bool:
    """True when a subject is nothing but places (玉环市, 江苏省昆山市, 安徽及上海): it names no quantity."""
    for lead in _LIST_LEADS:
        if subject.startswith(lead):
            subject = subject[len(lead) :]  # 还包括内蒙古（5.8%）、黑龙江（5.4%）: the list's places
            break
    covered = [c in "、和及与" for c in subject]
    for a in scan_areas(subject):  # a mention's end may reach past a name written without 省/市
        covered[a.start : a.end] = [True] * len(covered[a.start : a.end])
    return bool(subject) and all(covered) and not all(c in "、和及与" for c in subject)


#: Words that point back to the year just named (2001年，…。这一年，…; 同年，…).
YEAR_ANAPHORS = ("这一年", "那一年", "同年")


def _last_year(resolved: list[tuple[int, int, str | None]], since: int) -> int | None:
    """The single year last named at or after ``since`` (the paragraph's start), else None."""
    for start, _end, period in reversed(resolved[-6:]):
        if start < since:
            return None
        if period is not None and len(period) == 4:
            return int(period)
    return None


def _says_now(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (a sentence up to a figure) speaks of the present (目前, 当前)."""
    return any(w in text[start:end] for w in _NOW)


def _first_break(text: str) -> int:
    """Where the clause that ``text`` continues ends (its length when no break follows)."""
    m = _CLAUSE_BREAK.search(text)
    return m.start() if m else len(text)


def _is_sub_of(m: Mention, period: str | None) -> bool:
    """True when mention ``m`` repeats the frame ``period`` rather than naming another period."""
    return m.sub is not None and period is not None and period[4:] == m.sub and m.kind in ("sub", "rel")


def _refines(scope: str | None, period: str | None) -> bool:
    """True when ``period`` is part of the plain year ``scope`` (2021 -> 2021Q1-Q3).

    >>> _refines("2021", "2021Q1-Q3"), _refines("2021", "2020H1"), _refines("2021Q1", "2021H1")
    (True, False, False)
    """
    if scope is None or period is None:
        return False
    return len(scope) == 4 and len(period) > 4 and period[:4] == scope


def _year_in_span(
    m: Mention, carry_pos: list[int], carry_val: list[str | None], para_start: int, scope: str | None
) -> bool:
    """True for a single year inside the multi-year span its paragraph reviews (五年来…2020年…)."""
    if m.kind != "year" or m.year is None:
        return False
    governing = carry_val[-1] if carry_pos and carry_pos[-1] >= para_start else scope
    if not governing or governing[4:5] != "-":
        return False
    return int(governing[:4]) <= m.year <= int(governing[-4:])


_ = format_period  # re-exported for callers formatting their own periods
