"""Full-build scaling, incremental rerun, and release size / load time (issue 7, items 2-4).

For each N (default 1, 10, 100, 1000) a synthetic corpus of N distinct reports is made by
copying the real reports (``seeds/`` and ``tests/fixtures/corpus/``) under distinct file
names, with the report's own area name replaced by a real prefecture-level city, so every
copy has its own content and sha256. Each corpus is built by the real main job,
``python -m pipeline release --seeds ... --releases ...``, as a subprocess with a fresh
``DAGSTER_HOME``; wall time, CPU time (user + sys of the process and all the workers it
waited for, from ``wait4``), the largest single-process RSS and the sampled peak RSS of the
whole process tree are reported.

Then, on the largest corpus (1,000 reports), one new report is added and the job rerun; the
run records in that ``DAGSTER_HOME`` are read back through ``DagsterInstance`` to count the
partitions materialized per asset, which proves how many reports were parsed and extracted.
Finally the published release is measured: bytes of CSV and Parquet per 1,000 figures, and
the time pandas and DuckDB take to load it.

    python -m benchmarks.build_scale                  # N = 1, 10, 100, 1000
    python -m benchmarks.build_scale --sizes 1,10,100 # quick run
    python -m benchmarks.build_scale --json           # machine-readable figures
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pipeline.config import DATASET_NAME, REPO_ROOT, list_report_files

#: Where the real reports come from; duplicates (same sha256) are used once.
SOURCE_DIRS = (REPO_ROOT / "seeds", REPO_ROOT / "tests" / "fixtures" / "corpus")

#: Files in those folders that document the corpus rather than being reports.
NOT_REPORTS = {"SOURCES.md", "README.md"}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Province-level names, used only to find which area a source report is about.
PROVINCES = _words(
    "北京 天津 上海 重庆 河北 山西 内蒙古 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 "
    "湖南 广东 广西 海南 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆"
)

#: Real prefecture-level cities (地级市), the areas given to the copies.
CITIES = _words(
    "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 "
    "运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 沈阳 大连 "
    "鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛 长春 四平 辽源 通化 白山 松原 白城 "
    "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州 "
    "苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 "
    "台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 "
    "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 "
    "抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 "
    "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 "
    "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 "
    "常德 张家界 益阳 郴州 永州 怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 "
    "梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 "
    "玉林 百色 贺州 河池 来宾 崇左 海口 三亚 儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 "
    "乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 "
    "保山 昭通 丽江 普洱 临沧 拉萨 日喀则 昌都 林芝 山南 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 "
    "安康 商洛 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 海东 银川 石嘴山 "
    "吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密"
)

DEFAULT_SIZES = (1, 10, 100, 1000)


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class SourceReport:
    """A real report used as a template: its bytes, encoding, text and main area name."""

    path: Path
    encoding: str
    text: str
    area: str | None


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "gb18030"):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(encoding), encoding
    raise ValueError("neither UTF-8 nor GB18030")


def _main_area(text: str) -> str | None:
    """The province or city named most often in ``text`` (the area the report is about)."""
    counts = {name: text.count(name) for name in (*PROVINCES, *CITIES)}
    name, count = max(counts.items(), key=lambda item: (item[1], len(item[0])))
    return name if count else None


def load_sources(dirs: tuple[Path, ...] = SOURCE_DIRS) -> list[SourceReport]:
    """The distinct real reports in ``dirs`` (first file wins for identical bytes)."""
    seen: set[str] = set()
    sources = []
    for folder in dirs:
        for path in list_report_files(folder):
            if path.name in NOT_REPORTS:
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            text, encoding = _decode(data)
            sources.append(SourceReport(path, encoding, text, _main_area(text)))
    return sources


def _retarget(text: str, old: str | None, city: str) -> str:
    """Move a report to ``city``: its area name (with 省/市/自治区 suffix) becomes the city."""
    if not old:
        return f"{city}市\n{text}"
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"):
        text = text.replace(old + suffix, city + "市")
    return text.replace(old, city)


def build_copy(sources: list[SourceReport], index: int) -> tuple[str, bytes]:
    """The ``index``-th synthetic report: (file name, bytes). Deterministic in ``index``."""
    source = sources[index % len(sources)]
    cities = [c for c in CITIES if c != source.area]
    lap, slot = divmod(index // len(sources), len(cities))
    city = cities[slot]
    text = _retarget(source.text, source.area, city)
    if lap:  # more copies than cities: keep each file distinct all the same
        text = f"{text}\n（第{lap + 1}版）\n"
    name = f"scale_{index:05d}_{source.path.stem}.txt"
    return name, text.encode(source.encoding.replace("-sig", ""))


def write_corpus(sources: list[SourceReport], start: int, stop: int, folder: Path) -> list[Path]:
    """Write copies ``start..stop-1`` into ``folder``; fail if two copies share a sha256."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, digests = [], set()
    for index in range(start, stop):
        name, data = build_copy(sources, index)
        digest = hashlib.sha256(data).hexdigest()
        if digest in digests:
            raise RuntimeError(f"copy {index} duplicates an earlier copy")
        digests.add(digest)
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- measuring a run


@dataclass
class RunCost:
    """What one ``python -m pipeline release`` subprocess cost."""

    returncode: int
    wall_s: float
    user_s: float
    sys_s: float
    max_rss_mb: float  # largest single process (wait4 ru_maxrss, covers waited-for workers)
    tree_peak_rss_mb: float  # sampled sum over the whole process tree
    load_avg: float  # mean 1-minute load average while it ran: > cores means others competed

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s


def _tree_rss_kb(root: int, page_kb: int) -> int:
    """Current RSS of ``root`` and all its descendants, from /proc (Linux only)."""
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(entry.name)
        children[int(fields[1])].append(pid)
        rss[pid] = int(fields[21]) * page_kb
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def run_measured(cmd: list[str], env: dict[str, str], log: Path, timeout_s: float) -> RunCost:
    """Run ``cmd`` to completion and measure it; output goes to ``log``."""
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    peak = [0]
    loads: list[float] = []
    done = threading.Event()
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

        def sample() -> None:
            while not done.wait(0.2):
                with contextlib.suppress(Exception):
                    peak[0] = max(peak[0], _tree_rss_kb(proc.pid, page_kb))
                loads.append(os.getloadavg()[0])

        def kill() -> None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        watchdog = threading.Timer(timeout_s, kill)
        watchdog.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        watchdog.cancel()
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return RunCost(
        returncode=proc.returncode,
        wall_s=wall,
        user_s=usage.ru_utime,
        sys_s=usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_peak_rss_mb=peak[0] / 1024,
        load_avg=sum(loads) / len(loads) if loads else os.getloadavg()[0],
    )


def run_release(seeds: Path, releases: Path, home: Path, log: Path, timeout_s: float) -> RunCost:
    """Run the main job on ``seeds`` with its own Dagster instance under ``home``."""
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    env.pop("SEEDS_DIR", None)
    env.pop("RELEASES_DIR", None)
    cmd = [sys.executable, "-m", "pipeline", "release", "--seeds", str(seeds), "--releases", str(releases)]
    cost = run_measured(cmd, env, log, timeout_s)
    if cost.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(cmd)} exited {cost.returncode}; log {log}:\n{tail}")
    return cost


# --------------------------------------------------------------------------- reading the instance


@contextlib.contextmanager
def _dagster_home(home: Path) -> Iterator[None]:
    old = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("DAGSTER_HOME", None)
        else:
            os.environ["DAGSTER_HOME"] = old


@dataclass
class RunEvents:
    """What the runs created since a moment materialized, read from the Dagster instance."""

    runs: int = 0
    steps_started: int = 0
    #: asset key -> number of distinct partitions materialized ("" counts an unpartitioned one)
    partitions_by_asset: dict[str, int] = field(default_factory=dict)
    materializations: int = 0

    def reports_processed(self, names: tuple[str, ...] = ("report_document", "report_indicators")) -> int:
        """Reports parsed/extracted: partitions of the named assets (or of any partitioned one)."""
        named = [n for key, n in self.partitions_by_asset.items() if key.split("/")[-1] in names]
        if named:
            return max(named)
        return max((n for n in self.partitions_by_asset.values()), default=0)


def read_run_events(home: Path, since: float) -> RunEvents:
    """Count step starts and materializations of every run created after ``since``."""
    from dagster import DagsterEventType, DagsterInstance, RunsFilter

    wanted = {DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.STEP_START}
    partitions: dict[str, set[str]] = defaultdict(set)
    events = RunEvents()
    with _dagster_home(home), DagsterInstance.get() as instance:
        created_after = datetime.fromtimestamp(since, tz=UTC)
        for record in instance.get_run_records(filters=RunsFilter(created_after=created_after)):
            events.runs += 1
            cursor = None
            while True:
                page = instance.get_records_for_run(
                    record.dagster_run.run_id, cursor=cursor, of_type=wanted, limit=5000
                )
                for entry in page.records:
                    event = entry.event_log_entry.dagster_event
                    if event is None:
                        continue
                    if event.event_type == DagsterEventType.STEP_START:
                        events.steps_started += 1
                    elif event.asset_key is not None:
                        events.materializations += 1
                        partitions[event.asset_key.to_user_string()].add(event.partition or "")
                if not page.has_more:
                    break
                cursor = page.cursor
    events.partitions_by_asset = {key: len(parts) for key, parts in sorted(partitions.items())}
    return events


# --------------------------------------------------------------------------- the release


def latest_release(releases: Path) -> Path:
    """The folder that ``releases/<dataset>/latest.json`` names."""
    dataset = releases / DATASET_NAME
    pointer = json.loads((dataset / "latest.json").read_text(encoding="utf-8"))
    return dataset / pointer.get("path", pointer["version"])


def _best_of(repeats: int, load: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        load()
        times.append(time.perf_counter() - start)
    return min(times)


def measure_release(folder: Path, repeats: int = 3) -> dict[str, float | int | str]:
    """Bytes per 1,000 figures and load times (best of ``repeats``) of a published release."""
    import duckdb
    import pandas as pd

    tables = ("indicators", "reports")
    files = {(t, ext): folder / f"{t}.{ext}" for t in tables for ext in ("csv", "parquet")}
    n_figures = len(pd.read_parquet(files["indicators", "parquet"]))
    n_reports = len(pd.read_parquet(files["reports", "parquet"]))
    per_k = 1000 / max(n_figures, 1)
    con = duckdb.connect()

    def duck(ext: str) -> None:
        reader = "read_csv_auto" if ext == "csv" else "read_parquet"
        for table in tables:
            path = str(files[table, ext]).replace("'", "''")
            con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM {reader}('{path}')")

    result: dict[str, float | int | str] = {
        "release": str(folder),
        "reports": n_reports,
        "figures": n_figures,
        "csv_bytes": files["indicators", "csv"].stat().st_size,
        "parquet_bytes": files["indicators", "parquet"].stat().st_size,
        "release_bytes": sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()),
    }
    result["csv_bytes_per_1k_figures"] = round(int(result["csv_bytes"]) * per_k)
    result["parquet_bytes_per_1k_figures"] = round(int(result["parquet_bytes"]) * per_k)
    result["pandas_read_csv_s"] = _best_of(repeats, lambda: [pd.read_csv(files[t, "csv"]) for t in tables])
    result["pandas_read_parquet_s"] = _best_of(
        repeats, lambda: [pd.read_parquet(files[t, "parquet"]) for t in tables]
    )
    result["duckdb_csv_s"] = _best_of(repeats, lambda: duck("csv"))
    result["duckdb_parquet_s"] = _best_of(repeats, lambda: duck("parquet"))
    con.close()
    return result


# --------------------------------------------------------------------------- driver


@dataclass
class SizeResult:
    """One full build of N reports."""

    n_reports: int
    corpus_mb: float
    cost: RunCost
    events: RunEvents

    def row(self) -> dict[str, float | int]:
        n = self.n_reports
        return {
            "n_reports": n,
            "corpus_mb": round(self.corpus_mb, 2),
            "wall_s": round(self.cost.wall_s, 2),
            "cpu_s": round(self.cost.cpu_s, 2),
            "wall_ms_per_report": round(1000 * self.cost.wall_s / n, 1),
            "cpu_ms_per_report": round(1000 * self.cost.cpu_s / n, 1),
            "max_rss_mb": round(self.cost.max_rss_mb, 1),
            "tree_peak_rss_mb": round(self.cost.tree_peak_rss_mb, 1),
            "load_avg": round(self.cost.load_avg, 2),
            "runs": self.events.runs,
            "reports_materialized": self.events.reports_processed(),
        }


def machine_info() -> dict[str, str | int]:
    """Date and machine, to print next to the figures."""
    import dagster

    mem_kb = 0
    with contextlib.suppress(OSError), open("/proc/meminfo", encoding="ascii") as meminfo:
        mem_kb = int(meminfo.readline().split()[1])
    return {
        "date": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count() or 0,
        "memory_gib": round(mem_kb / 2**20, 1),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "dagster": dagster.__version__,
    }


def build_size(sources: list[SourceReport], n: int, root: Path, timeout_s: float) -> SizeResult:
    """Write a corpus of ``n`` copies and build it from scratch."""
    seeds = root / f"n{n}" / "seeds"
    write_corpus(sources, 0, n, seeds)
    corpus_mb = sum(p.stat().st_size for p in seeds.iterdir()) / 2**20
    home = root / f"n{n}" / "home"
    since = time.time()
    cost = run_release(seeds, root / f"n{n}" / "releases", home, root / f"n{n}.log", timeout_s)
    return SizeResult(n, corpus_mb, cost, read_run_events(home, since))


def rerun_with_one_more(sources: list[SourceReport], full: SizeResult, root: Path, timeout_s: float) -> dict:
    """Add one new report to the published corpus of ``full`` and rebuild; count what ran."""
    n = full.n_reports
    base = root / f"n{n}"
    write_corpus(sources, n, n + 1, base / "seeds")
    since = time.time()
    cost = run_release(base / "seeds", base / "releases", base / "home", root / f"n{n}_plus1.log", timeout_s)
    events = read_run_events(base / "home", since)
    return {
        "base_reports": n,
        "wall_s": round(cost.wall_s, 2),
        "cpu_s": round(cost.cpu_s, 2),
        "max_rss_mb": round(cost.max_rss_mb, 1),
        "load_avg": round(cost.load_avg, 2),
        "ratio_to_full_build": round(cost.wall_s / full.cost.wall_s, 3),
        "runs": events.runs,
        "steps_started": events.steps_started,
        "reports_materialized": events.reports_processed(),
        "partitions_by_asset": events.partitions_by_asset,
    }


def format_report(info: dict, sizes: list[SizeResult], incremental: dict | None, release: dict | None) -> str:
    """The figures as Markdown tables."""
    lines = [
        f"Build scaling — {info['date']}, {info['cpus']} CPUs, {info['memory_gib']} GiB, "
        f"Python {info['python']}, Dagster {info['dagster']}",
        "",
        "| N reports | corpus MB | wall s | CPU s | wall ms/report | CPU ms/report | max RSS MB "
        "| tree peak RSS MB | runs | reports materialized | load avg |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in sizes:
        r = result.row()
        lines.append(
            f"| {r['n_reports']} | {r['corpus_mb']} | {r['wall_s']} | {r['cpu_s']} "
            f"| {r['wall_ms_per_report']} | {r['cpu_ms_per_report']} | {r['max_rss_mb']} "
            f"| {r['tree_peak_rss_mb']} | {r['runs']} | {r['reports_materialized']} | {r['load_avg']} |"
        )
    if incremental:
        i = incremental
        lines += [
            "",
            f"Incremental: {i['base_reports']} published + 1 new report: wall {i['wall_s']} s "
            f"({100 * i['ratio_to_full_build']:.1f}% of the full build), CPU {i['cpu_s']} s, "
            f"{i['runs']} run(s), {i['steps_started']} steps started, load avg {i['load_avg']}, "
            f"reports parsed/extracted: {i['reports_materialized']}",
            "  partitions materialized per asset: "
            + ", ".join(f"{k}={v}" for k, v in i["partitions_by_asset"].items()),
        ]
    if release:
        r = release
        lines += [
            "",
            f"Release of {r['reports']} reports, {r['figures']} figures ({r['release_bytes']} bytes in all):",
            "",
            "| format | bytes (indicators) | bytes per 1,000 figures | pandas load s | DuckDB load s |",
            "|---|---:|---:|---:|---:|",
            f"| CSV | {r['csv_bytes']} | {r['csv_bytes_per_1k_figures']} | {r['pandas_read_csv_s']:.3f} "
            f"| {r['duckdb_csv_s']:.3f} |",
            f"| Parquet | {r['parquet_bytes']} | {r['parquet_bytes_per_1k_figures']} "
            f"| {r['pandas_read_parquet_s']:.3f} | {r['duckdb_parquet_s']:.3f} |",
        ]
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    """``"1,10,100"`` -> ``[1, 10, 100]``.

    >>> parse_sizes("1, 10,100")
    [1, 10, 100]
    """
    sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.build_scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes", type=parse_sizes, default=list(DEFAULT_SIZES), help="default: 1,10,100,1000"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--json-out", type=Path, default=None, help="also write the JSON figures here")
    parser.add_argument(
        "--no-warmup", action="store_true", help="skip the unmeasured N=1 build that warms caches first"
    )
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds allowed per build")
    parser.add_argument("--no-incremental", action="store_true", help="skip the add-one-report rerun")
    args = parser.parse_args(argv)

    sources = load_sources()
    info = machine_info()
    info["sources"] = [f"{s.path.name} ({s.area or '-'})" for s in sources]
    with contextlib.ExitStack() as stack:
        if args.keep:
            root = args.keep.resolve()
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="build_scale_")))
        if not args.no_warmup:  # first imports compile bytecode and fill the page cache
            print("warm-up build (not measured) ...", file=sys.stderr, flush=True)
            build_size(sources, 1, root / "warmup", args.timeout)
        results = []
        for n in args.sizes:
            print(f"building N={n} ...", file=sys.stderr, flush=True)
            results.append(build_size(sources, n, root, args.timeout))
            print(f"  {results[-1].row()}", file=sys.stderr, flush=True)
        largest = results[-1]
        release = measure_release(latest_release(root / f"n{largest.n_reports}" / "releases"))
        incremental = None
        if not args.no_incremental:
            print(f"rerun N={largest.n_reports} + 1 ...", file=sys.stderr, flush=True)
            incremental = rerun_with_one_more(sources, largest, root, args.timeout)

    payload = {
        "machine": info,
        "sizes": [{**r.row(), "partitions_by_asset": r.events.partitions_by_asset} for r in results],
        "incremental": incremental,
        "release": release,
        "run_costs": {r.n_reports: asdict(r.cost) for r in results},
    }
    if args.json_out:
        args.json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        print(format_report(info, results, incremental, release))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
