"""Accuracy of the extractor against hand-made annotations (gold), per document and overall.

Gold lives in one CSV per document (``tests/annotations/<stem>.csv`` for the dev corpus,
``benchmarks/heldout/annotations/<stem>.csv`` for the held-out set), made by reading the text,
never by running the extractor. Each row names its span by ``anchor`` (a short string around
the figure), ``occurrence`` (which occurrence of the anchor in the decoded file, 1-based) and
``quote`` (the figure's text, found inside the anchor). ``coverage.csv`` in the same folder
is the index: the documents annotated and the character ranges read in full, so that a figure
the extractor reports outside them is not counted as a false positive.

A row whose ``note`` starts with ``optional`` is a borderline figure: missing it costs no
recall and finding it costs no precision.

Run: ``.venv/bin/python -m benchmarks.accuracy [--set dev|heldout|all] [--show-misses] [--json]``.
``--undated`` scores each document a second time on a copy with the page's own date evidence
blanked out (see :func:`ablate_own_dates`), to measure how periods fare on a page that does not
say when it was written.
It is a benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
import traceback
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_DIR = REPO / "tests" / "annotations"
HELDOUT_DIR = REPO / "benchmarks" / "heldout" / "annotations"
COVERAGE_FILE = "coverage.csv"

COLUMNS = (
    "quote", "occurrence", "anchor", "value", "unit", "unit_mult", "measure", "growth_basis",
    "qualifier", "value_kind", "is_estimate", "period", "area", "subject", "note",
)  # fmt: skip
#: Attributes compared among matched figures, in the order printed.
ATTRIBUTES = (
    "measure", "qualifier", "period", "value_kind", "unit", "unit_mult", "growth_basis", "area", "subject",
)  # fmt: skip
SUBJECT_RULE = (
    "subject is recognisably right when, after removing whitespace and punctuation, the two are "
    "equal, or one contains the other, or their character-overlap ratio "
    "2*|common chars (multiset)|/(len a + len b) is >= 0.6"
)
AREA_RULE = (
    "area matches when equal after dropping a trailing 省/市/自治区/县/区 (全国 = 中国 = 我国), "
    "or one contains the other"
)
REL_TOL = 1e-9


class GoldError(ValueError):
    """An annotation row that does not resolve to its source: the gold itself is wrong."""


@dataclass(frozen=True)
class GoldFigure:
    """One hand-annotated figure resolved to offsets in the decoded source."""

    quote: str
    char_start: int
    char_end: int
    value: float
    unit: str | None
    unit_mult: int
    measure: str
    growth_basis: str | None
    qualifier: str
    value_kind: str
    is_estimate: bool
    period: str | None
    area: str | None
    subject: str | None
    note: str = ""
    row: int = 0  # 1-based data row number in the CSV, for error messages

    @property
    def optional(self) -> bool:
        """Borderline figures: neither required for recall nor penalised for precision."""
        return self.note.strip().lower().startswith("optional")


@dataclass(frozen=True)
class Coverage:
    """A character range of a source file whose every figure is annotated."""

    file: str
    char_start: int
    char_end: int
    note: str = ""


# --------------------------------------------------------------------------- loading


def decode_source(path: str | Path) -> str:
    """Decode a report file as UTF-8 (BOM kept as a character), falling back to GB18030."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _nth(text: str, needle: str, n: int) -> int:
    """Offset of the n-th (1-based) occurrence of ``needle`` in ``text``, or -1."""
    pos = -1
    for _ in range(n):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def _opt(value: str) -> str | None:
    value = value.strip()
    return value or None


def parse_bool(text: str) -> bool:
    """Parse an ``is_estimate`` cell.

    >>> parse_bool("true"), parse_bool("False"), parse_bool("")
    (True, False, False)
    """
    text = text.strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no", ""):
        return False
    raise ValueError(f"not a boolean: {text!r}")


def load_coverage(folder: str | Path) -> list[Coverage]:
    """Read ``coverage.csv`` of an annotation folder (paths are relative to the repo root)."""
    path = Path(folder) / COVERAGE_FILE
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Coverage(r["file"], int(r["char_start"]), int(r["char_end"]), r.get("note") or "")
            for r in csv.DictReader(fh)
        ]


def source_for(gold_csv: str | Path) -> Path:
    """The source file a gold CSV annotates, looked up by stem in its folder's coverage.csv."""
    gold_csv = Path(gold_csv)
    for cov in load_coverage(gold_csv.parent):
        if Path(cov.file).stem == gold_csv.stem:
            return REPO / cov.file
    raise GoldError(f"{gold_csv}: no entry for stem {gold_csv.stem!r} in {COVERAGE_FILE}")


def load_gold(path: str | Path, source: str | Path | None = None) -> list[GoldFigure]:
    """Read a gold CSV and resolve every row to offsets in the decoded source.

    Raises GoldError (loudly, naming the row) when an anchor is not found at its occurrence
    or the quote is not inside it.
    """
    path = Path(path)
    text = decode_source(source if source is not None else source_for(path))
    figures = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise GoldError(f"{path}: missing columns {sorted(missing)}")
        for i, r in enumerate(reader, 1):
            where = f"{path.name} row {i} ({r['quote']!r})"
            anchor_at = _nth(text, r["anchor"], int(r["occurrence"]))
            if anchor_at < 0:
                raise GoldError(f"{where}: anchor {r['anchor']!r} occurrence {r['occurrence']} not found")
            inner = r["anchor"].find(r["quote"]) if r["quote"] else -1
            if inner < 0:
                raise GoldError(f"{where}: quote not inside anchor {r['anchor']!r}")
            start = anchor_at + inner
            figures.append(
                GoldFigure(
                    quote=r["quote"],
                    char_start=start,
                    char_end=start + len(r["quote"]),
                    value=float(r["value"]),
                    unit=_opt(r["unit"]),
                    unit_mult=int(r["unit_mult"] or 0),
                    measure=r["measure"].strip(),
                    growth_basis=_opt(r["growth_basis"]),
                    qualifier=r["qualifier"].strip() or "exact",
                    value_kind=r["value_kind"].strip() or "actual",
                    is_estimate=parse_bool(r["is_estimate"]),
                    period=_opt(r["period"]),
                    area=_opt(r["area"]),
                    subject=_opt(r["subject"]),
                    note=r["note"] or "",
                    row=i,
                )
            )
    return figures


# --------------------------------------------------------------------------- undated copies

#: A full date: 2021-01-17, 2021/1/17, 2021.01.17, 2021年1月17日.
_FULL_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}(?!\d)\s*日?"
)
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---\r?\n(.*?)\r?\n---", re.S)
_FRONT_DATE_LINE = re.compile(
    r"^[ \t]*(?:date|published|pubdate|pubDate|published_at|updated|lastmod|time)[ \t]*:.*$", re.M | re.I
)
_TIME_ELEMENT = re.compile(r"<time\b.*?(?:</time>|/>)", re.S | re.I)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_META_DATED = re.compile(r"date|time|pub", re.I)
_ADDRESS_IN = re.compile(r"(?:https?:)?//[^\s\"'<>()]+|(?:href|src)\s*=\s*[\"']?[^\s\"'<>]+", re.I)
#: A run of visible text: between tags and line breaks.
_SEGMENT = re.compile(r"[^<>\n]+")
_DATE_LABEL = re.compile(r"(?:发布|更新|发稿|录入)?(?:时间|日期)\s*[:：]")
_BYLINE_MAX = 80


def _blank_digits(chars: list[str], start: int, end: int, keep: list[tuple[int, int]]) -> None:
    """Replace the ASCII digits of chars[start:end] with X, leaving gold spans alone."""
    for i in range(start, end):
        if "0" <= chars[i] <= "9" and not any(a <= i < b for a, b in keep):
            chars[i] = "X"


def ablate_own_dates(text: str, keep: list[tuple[int, int]] = ()) -> str:
    """``text`` with the page's own date evidence blanked out, same length (digits become X).

    Blanked: date-like front-matter keys, ``<time>`` elements, ``<meta>`` tags that carry a date,
    the digits of every address (dated paths), and full dates in short runs of visible text with
    no full stop (bylines, 时间：2026-02-06, the delivery line ——2020年5月22日在…会议上, a
    standalone date). The article text and its title are left as they are; so are the spans in
    ``keep`` (the gold figures), so gold offsets stay valid.

    >>> ablate_own_dates("2021-01-17 09:55 来源:泉州晚报\\n2020年，全市增长3%。2021年3月5日，大会开幕。")
    'XXXX-XX-XX 09:55 来源:泉州晚报\\n2020年，全市增长3%。2021年3月5日，大会开幕。'
    >>> ablate_own_dates('---\\ndate: Fri, 12 Aug 2022 03:50:27 GMT\\n---\\n<a href="/n/2021-03/05/c.htm">')
    '---\\ndate: Fri, XX Aug XXXX XX:XX:XX GMT\\n---\\n<a href="/n/XXXX-XX/XX/c.htm">'
    """
    chars = list(text)
    front = _FRONT_MATTER.match(text)
    if front:
        for line in _FRONT_DATE_LINE.finditer(text, front.start(1), front.end(1)):
            _blank_digits(chars, line.start(), line.end(), keep)
    for pattern in (_TIME_ELEMENT, _ADDRESS_IN):
        for m in pattern.finditer(text):
            _blank_digits(chars, m.start(), m.end(), keep)
    for m in _META_TAG.finditer(text):
        if _META_DATED.search(m.group()) or _FULL_DATE.search(m.group()):
            _blank_digits(chars, m.start(), m.end(), keep)
    for seg in _SEGMENT.finditer(text):
        body = seg.group()
        short = len(body.strip()) <= _BYLINE_MAX and "。" not in body
        if not short and not _DATE_LABEL.search(body):
            continue
        for m in _FULL_DATE.finditer(body):
            _blank_digits(chars, seg.start() + m.start(), seg.start() + m.end(), keep)
    return "".join(chars)


def _source_codec(path: Path) -> str:
    """The codec :func:`decode_source` used for ``path`` (to write an ablated copy back)."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


# --------------------------------------------------------------------------- comparing


def _strip_punct(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if not ch.isspace() and unicodedata.category(ch)[0] not in "PS")


def check_subject(gold: str | None, got: str | None) -> bool:
    """Whether a subject is recognisably right (see SUBJECT_RULE).

    >>> check_subject("网络零售额", "全市网络零售额"), check_subject("快递业务量", "网络零售额")
    (True, False)
    """
    a, b = _strip_punct(gold), _strip_punct(got)
    if not a and not b:
        return True
    if not a or not b:
        return False
    if a == b or a in b or b in a:
        return True
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b)) >= 0.6


_NATION = ("全国", "中国", "我国", "中华人民共和国", "国家")


def _norm_area(area: str | None) -> str:
    area = _strip_punct(area)
    if area in _NATION:
        return "全国"
    for suffix in ("特别行政区", "自治区", "省", "市", "县", "区"):
        if area.endswith(suffix) and len(area) > len(suffix) + 1:
            return area[: -len(suffix)]
    return area


def check_area(gold: str | None, got: str | None) -> bool:
    """Whether two areas name the same place (see AREA_RULE).

    >>> check_area("泉州", "泉州市"), check_area("福建", "泉州市"), check_area("全国", "中国")
    (True, False, True)
    """
    a, b = _norm_area(gold), _norm_area(got)
    return a == b or bool(a and b and (a in b or b in a))


def _blank(value: object) -> object:
    return None if value in ("", None) else value


def check_attribute(name: str, gold: GoldFigure, got: object) -> bool:
    """Whether the predicted figure ``got`` has attribute ``name`` right."""
    want, have = getattr(gold, name), getattr(got, name, None)
    if name == "subject":
        return check_subject(want, have)
    if name == "area":
        return check_area(want, have)
    if name == "unit_mult":
        return int(want or 0) == int(have or 0)
    if name in ("unit", "period", "growth_basis"):
        want, have = _blank(want), _blank(have)
        return (str(want).strip() if want else None) == (str(have).strip() if have else None)
    return want == have


def same_value(a: float, b: float) -> bool:
    """Equal within a relative tolerance of 1e-9 (absolute for zero)."""
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1e-300) or a == b


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def match_figures(gold: list[GoldFigure], predicted: list) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): overlapping spans, equal values.

    Exact spans are paired first, then larger overlaps; each figure is used at most once.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            ov = _overlap(g.char_start, g.char_end, p.char_start, p.char_end)
            if ov > 0 and same_value(g.value, float(p.value)):
                exact = (g.char_start, g.char_end) == (p.char_start, p.char_end)
                candidates.append((not exact, -ov, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _covered(fig: object, ranges: list[Coverage]) -> bool:
    start, end = fig.char_start, fig.char_end
    return any(_overlap(start, end, c.char_start, c.char_end) > 0 for c in ranges)


# --------------------------------------------------------------------------- scoring


@dataclass
class DocResult:
    """Counts for one document (or a sum of documents)."""

    name: str
    n_gold: int = 0
    n_pred: int = 0
    n_match: int = 0
    n_exact: int = 0
    n_optional_hit: int = 0
    attr_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    attr_errors: list[dict] = field(default_factory=list)
    error: str | None = None
    year: int | None = None  # the report year the extractor inferred (parse_report_year)

    def add(self, other: DocResult) -> None:
        """Accumulate another document's counts (micro-averaging)."""
        for name in ("n_gold", "n_pred", "n_match", "n_exact", "n_optional_hit"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ATTRIBUTES:
            self.attr_right[name] += other.attr_right[name]

    def scores(self) -> dict[str, float | None]:
        """Precision, recall (overlap and exact span) and attribute accuracies."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        out = {
            "precision": ratio(self.n_match, self.n_pred),
            "recall": ratio(self.n_match, self.n_gold),
            "precision_exact_span": ratio(self.n_exact, self.n_pred),
            "recall_exact_span": ratio(self.n_exact, self.n_gold),
        }
        for name in ATTRIBUTES:
            out[name] = ratio(self.attr_right[name], self.n_match)
        return out


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def score_document(name: str, text: str, gold: list[GoldFigure], predicted: list, ranges: list) -> DocResult:
    """Compare one document's predicted figures with its gold figures."""
    result = DocResult(name)
    predicted = [p for p in predicted if _covered(p, ranges)]
    pairs = match_figures(gold, predicted)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    result.n_gold = sum(not g.optional for g in gold)
    optional_hits = {pi for gi, pi in pairs if gold[gi].optional}
    result.n_optional_hit = len(optional_hits)
    result.n_pred = len(predicted) - len(optional_hits)
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        if g.optional:
            continue
        result.n_match += 1
        result.n_exact += (g.char_start, g.char_end) == (p.char_start, p.char_end)
        for attr in ATTRIBUTES:
            if check_attribute(attr, g, p):
                result.attr_right[attr] += 1
            else:
                result.attr_errors.append(
                    {"attribute": attr, "quote": g.quote, "gold": getattr(g, attr),
                     "got": getattr(p, attr, None), "context": _context(text, g.char_start, g.char_end)}
                )  # fmt: skip
    for gi, g in enumerate(gold):
        if gi not in matched_g and not g.optional:
            result.misses.append(
                {"quote": g.quote, "value": g.value, "char_start": g.char_start,
                 "context": _context(text, g.char_start, g.char_end), "subject": g.subject}
            )  # fmt: skip
    for pi, p in enumerate(predicted):
        if pi not in matched_p:
            result.false_positives.append(
                {"quote": p.quote, "value": p.value, "char_start": p.char_start,
                 "context": _context(text, p.char_start, p.char_end), "measure": p.measure}
            )  # fmt: skip
    return result


def iter_documents(folder: Path) -> list[tuple[Path, Path, list[Coverage]]]:
    """(source, gold csv, covered ranges) for every document listed in a folder's coverage.csv."""
    by_file: dict[str, list[Coverage]] = {}
    for cov in load_coverage(folder):
        by_file.setdefault(cov.file, []).append(cov)
    return [(REPO / f, folder / f"{Path(f).stem}.csv", ranges) for f, ranges in by_file.items()]


def run_set(folder: Path, undated: bool = False) -> list[DocResult]:
    """Run the extractor on every annotated document of one set and score it.

    With ``undated``, the extractor reads a copy of each source with the page's own dates blanked
    out (:func:`ablate_own_dates`, same length, so gold offsets hold), saved under a neutral name
    with no side file.
    """
    from pipeline.extract import extract_figures
    from pipeline.extract.context_year import parse_report_year
    from pipeline.ingest import read_report

    results = []
    with tempfile.TemporaryDirectory(prefix="undated-") as tmp:
        for source, gold_csv, ranges in iter_documents(folder):
            name = source.name
            try:
                gold = load_gold(gold_csv, source)
                text = decode_source(source)
            except (GoldError, OSError) as err:
                results.append(DocResult(name, error=f"gold: {err}"))
                continue
            path = source
            if undated:
                text = ablate_own_dates(text, [(g.char_start, g.char_end) for g in gold])
                path = Path(tmp) / f"page{len(results)}{source.suffix}"
                path.write_bytes(text.encode(_source_codec(source)))
            try:
                doc = read_report(path)
                predicted = extract_figures(doc).figures
                year = parse_report_year(doc)
                if doc.source_text != text:
                    print(f"warning: {name}: read_report's source_text differs from the bytes decoded "
                          f"here ({doc.encoding}); offsets may not line up", file=sys.stderr)  # fmt: skip
            except Exception as err:  # a benchmark reports a crash instead of stopping
                res = DocResult(name, n_gold=sum(not g.optional for g in gold))
                res.error = f"extractor: {type(err).__name__}: {err}"
                traceback.print_exc(file=sys.stderr)
                results.append(res)
                continue
            result = score_document(name, text, gold, predicted, ranges)
            result.year = year
            results.append(result)
    return results


def print_undated(dated: list[DocResult], undated: list[DocResult]) -> None:
    """Per document: period accuracy and inferred report year, with the page's dates and without."""
    print("\n-- period with the page's own dates vs without (undated copy); year = inferred report year")
    print(f"{'document':42s} {'match':>6s} {'period':>7s} {'undated':>7s} {'year':>5s} {'undated':>7s}")
    for d, u in zip(dated, undated, strict=True):
        flag = "" if d.year == u.year else "  <- year differs"
        print(f"{d.name[:42]:42s} {u.n_match:>6d} {_fmt(d.scores()['period']):>7s} "
              f"{_fmt(u.scores()['period']):>7s} {d.year!s:>5s} {u.year!s:>7s}{flag}")  # fmt: skip


# --------------------------------------------------------------------------- printing


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_set(title: str, results: list[DocResult], show_misses: bool, per_document: bool = True) -> None:
    """Print a per-document table (unless ``per_document`` is off) and the micro-averaged total."""
    total = DocResult("TOTAL")
    for r in results:
        total.add(r)
    short = {"value_kind": "kind", "growth_basis": "basis", "unit_mult": "mult", "qualifier": "qual"}
    heads = ["gold", "pred", "match", "P", "R", "P_ex", "R_ex", *[short.get(a, a[:7]) for a in ATTRIBUTES]]
    print(f"\n== {title} ==")
    print(f"{'document':42s} " + " ".join(f"{h:>7s}" for h in heads))
    for r in [*results, total] if per_document else [total]:
        s = r.scores()
        cells = [str(r.n_gold), str(r.n_pred), str(r.n_match)]
        cells += [_fmt(s[k]) for k in ("precision", "recall", "precision_exact_span", "recall_exact_span")]
        cells += [_fmt(s[a]) for a in ATTRIBUTES]
        print(f"{r.name[:42]:42s} " + " ".join(f"{c:>7s}" for c in cells))
        if r.error:
            print(f"    ERROR {r.error}")
    if show_misses:
        for r in results:
            if r.misses or r.false_positives:
                print(f"\n-- {r.name}: {len(r.misses)} missed, {len(r.false_positives)} false positives")
            for m in r.misses:
                print(f"  FN @{m['char_start']:<6d} {m['value']!s:>10s}  {m['context']}")
            for m in r.false_positives:
                print(f"  FP @{m['char_start']:<6d} {m['value']!s:>10s}  {m['context']}  ({m['measure']})")


def print_attribute_errors(results: list[DocResult], attribute: str) -> None:
    """List matched figures whose ``attribute`` disagrees with gold."""
    for r in results:
        for e in r.attr_errors:
            if e["attribute"] == attribute:
                print(f"  {r.name[:30]:30s} gold={e['gold']!s:<14s} got={e['got']!s:<14s} {e['context']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--show-misses", action="store_true", help="list false negatives and positives")
    parser.add_argument("--show-attr", metavar="NAME", choices=ATTRIBUTES, help="list mismatches of NAME")
    parser.add_argument(
        "--heldout-details",
        action="store_true",
        help="per-document rows, --show-misses and --show-attr on the held-out set (default: total only)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable results")
    parser.add_argument(
        "--undated",
        action="store_true",
        help="also score copies with the page's own dates blanked out "
        "(bylines, <time>, meta, front matter, URLs)",
    )
    args = parser.parse_args(argv)

    sets = {"dev": DEV_DIR, "heldout": HELDOUT_DIR}
    chosen = list(sets) if args.set == "all" else [args.set]
    output = {}
    for name in chosen:
        folder = sets[name]
        if not (folder / COVERAGE_FILE).exists():
            print(f"({name}: no {folder / COVERAGE_FILE})", file=sys.stderr)
            continue
        results = run_set(folder)
        details = name == "dev" or args.heldout_details
        if args.json:
            total = DocResult("TOTAL")
            for r in results:
                total.add(r)
            docs = []
            for r in results:
                d = {"name": r.name, "n_gold": r.n_gold, "n_pred": r.n_pred, "n_match": r.n_match,
                     "n_exact_span": r.n_exact, "error": r.error, **r.scores()}  # fmt: skip
                if details:
                    d.update(misses=r.misses, false_positives=r.false_positives, attr_errors=r.attr_errors)
                docs.append(d)
            output[name] = {
                "documents": docs if details else len(docs),
                "total": {**asdict(total), **total.scores()},
            }
            for key in ("misses", "false_positives", "attr_errors", "name", "error", "attr_right"):
                output[name]["total"].pop(key, None)
            if args.undated:
                blanked_total = DocResult("TOTAL")
                for r in run_set(folder, undated=True):
                    blanked_total.add(r)
                output[name]["total_undated"] = blanked_total.scores()
        else:
            # Held-out: the total only, unless asked; per-document scores already point at documents.
            title = f"{name} ({folder.relative_to(REPO)}, {len(results)} documents)"
            print_set(title, results, args.show_misses and details, per_document=details)
            if args.show_attr and details:
                print(f"\n-- {name}: mismatches of {args.show_attr}")
                print_attribute_errors(results, args.show_attr)
            if args.undated:
                blanked = run_set(folder, undated=True)
                print_set(f"{title}, undated copies", blanked, args.show_misses and details, details)
                if args.show_attr and details:
                    print(f"\n-- {name} undated: mismatches of {args.show_attr}")
                    print_attribute_errors(blanked, args.show_attr)
                if details:
                    print_undated(results, blanked)
    if args.json:
        output["rules"] = {"match": "overlapping span and value equal within 1e-9 relative",
                           "subject": SUBJECT_RULE, "area": AREA_RULE}  # fmt: skip
        print(json.dumps(output, ensure_ascii=False, indent=1))
    else:
        print("\nmatch = overlapping span and equal value (1e-9 relative); P_ex/R_ex = exact span.")
        print(f"{SUBJECT_RULE}.\n{AREA_RULE}.")
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
