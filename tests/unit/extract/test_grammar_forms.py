"""Forms of report language read by the grammar that the corpus documents show only once or not yet.

The phrases follow the wording of provincial and national reports (城乡居民收入比由2.5:1缩小到…,
算力规模达到…EFLOPS, 增速放缓至…); each row states what a reader of the sentence would record.
"""

# ruff: noqa: E501  (rows of sentences read better unwrapped)
from __future__ import annotations

import pytest

F = tuple  # (quote, value, unit, base_unit, measure, qualifier)

FORMS: list[tuple[str, list[F]]] = [
    # a ratio written against one: the value is the first term, the :1 belongs to the quote
    ("城乡居民收入比由2.5:1缩小到2.3:1。",
     [("2.5:1", 2.5, None, "multiple", "from", "exact"), ("2.3:1", 2.3, None, "multiple", "to", "exact")]),
    ("城乡居民收入比缩小到1.94：1，", [("1.94：1", 1.94, None, "multiple", "level", "exact")]),
    # a ratio noun governs only its own number: not a 比 of comparison, not a ratio of 1 to many
    ("城乡居民人均可支配收入比上年增长8.1%，", [("8.1%", 8.1, "%", "percent", "growth_pct", "exact")]),
    ("师生比为1:15", []),
    # computing power: P- and E-level units convert to petaflops; other Latin codes stay masked
    ("算力总规模达到10EFLOPS，智能算力占比超过30%", [
        ("10EFLOPS", 10, "EFLOPS", "pflops", "level", "exact"),
        ("超过30%", 30, "%", "percent", "rate_pct", "more_than")]),
    ("建成4800PFC示范线", []),
    # P after a magnitude is petaflops too; a bare P after digits (1080P) stays a code
    ("智能算力规模达到1.2万P，", [("1.2万P", 1.2, "万P", "pflops", "level", "exact")]),
    ("1080P高清视频", []),
    # after 放缓至/回升至 the number is the level reached, never a negative change
    ("全市GDP增速放缓至5.1%", [("5.1%", 5.1, "%", "percent", "rate_pct", "exact")]),
    ("增速由8.1%放缓至4.9%",
     [("8.1%", 8.1, "%", "percent", "from", "exact"), ("4.9%", 4.9, "%", "percent", "to", "exact")]),
    # an age with a bound before a noun names a group of people (3岁以下婴幼儿); an age reached is a figure
    ("每千人口拥有3岁以下婴幼儿托位数达到4.5个", [("4.5个", 4.5, "个", "item", "level", "exact")]),
    ("人均预期寿命提高到78.6岁", [("78.6岁", 78.6, "岁", "year", "level", "exact")]),
    # 多 inside the unit word (1个多百分点) or after a share (两成多) is a bound; a sign verb before
    # a share with a bound (下降了近一成) makes it a change
    ("比上年提高1个多百分点", [("1个多百分点", 1, "个百分点", "percentage_point", "change_pp", "more_than")]),
    ("下降三个多百分点", [("下降三个多百分点", -3, "个百分点", "percentage_point", "change_pp", "more_than")]),
    ("增长两成多", [("两成多", 0.2, None, "fraction", "growth_pct", "more_than")]),
    ("下降了近一成", [("下降了近一成", -0.1, None, "fraction", "growth_pct", "nearly")]),
    # 约 before the verb of a share (约占, 约为) makes it approximate
    ("约占全省的三分之一", [("三分之一", 1 / 3, None, "fraction", "share", "approx")]),
    ("约占全国三成", [("三成", 0.3, None, "fraction", "share", "approx")]),
    ("占全省三分之一", [("三分之一", 1 / 3, None, "fraction", "share", "exact")]),
    # 位 after a move in a ranking counts places, not people (a real sentence of the Guangdong news)
    ("居全国第13位，较2019年上升了2位", [
        ("全国第13位", 13, None, "rank", "rank", "exact"), ("2位", 2, "位", "rank", "level", "exact")]),
    ("排名下降3位", [("下降3位", -3, "位", "rank", "level", "exact")]),
    # 前十城市 names a group; 进入全国前五 is a rank
    ("前十城市合计占全国的23%", [("23%", 23, "%", "percent", "rate_pct", "exact")]),
    ("进入全国前五", [("前五", 5, None, "rank", "rank", "at_most")]),
    # quarters in a row are a duration (连续N个季度, like 连续N个月); 前3个季度 is a period
    ("实际使用外资连续5个季度居全国前列", [("连续5个季度", 5, "个季度", "quarter", "duration", "exact")]),
    ("连续五个季度增长", [("连续五个季度", 5, "个季度", "quarter", "duration", "exact")]),
    ("前3个季度，全省经济稳中向好", []),
    # N/M is a share only with the words of a share; a date, a score or a ratio above one is not
    ("占全省１／３", [("１／３", 1 / 3, None, "fraction", "share", "exact")]),
    ("不到全国的1/5", [("1/5", 0.2, None, "fraction", "share", "less_than")]),
    ("截至1/17，", []),
    ("约1/3的企业实现盈利", [("约1/3", 1 / 3, None, "fraction", "share", "approx")]),
    ("比分3/1", []),
    # a coefficient written without a unit is an index, and its change a from/to pair
    ("全国居民人均可支配收入基尼系数0.465", [("0.465", 0.465, None, "index", "level", "exact")]),
    ("基尼系数从0.47降至0.465",
     [("0.47", 0.47, None, "index", "from", "exact"), ("0.465", 0.465, None, "index", "to", "exact")]),
    # 上 before a round magnitude reaches it; 成千上万, 线上 and 基础上 do not
    ("上万人参加志愿服务", [("上万人", 1, "万人", "person", "level", "more_than")]),
    ("建成上千个村级服务站", [("上千个", 1000, "个", "item", "level", "more_than")]),
    ("成千上万的群众", []),
    ("在此基础上万众一心", []),
    ("迈上万亿元台阶", [("迈上万亿元", 1, "万亿元", "yuan", "level", "at_least")]),
    # a class named by a magnitude (千亿元级, 万亿之城) or a number (1类新药, 3类水) is no figure; nor 三方
    ("打造千亿元级产业集群", []),
    ("长沙成为GDP万亿之城", []),
    ("全省GDP迈入万亿元俱乐部", []),
    ("2款1类创新药获批上市", [("2款", 2, "款", "item", "level", "exact")]),
    ("签订3方协议", []),
    # a number set apart by spaces keeps its magnitude and unit; a year stays a date
    ("总投资 120 亿元", [("120 亿元", 120, "亿元", "yuan", "level", "exact")]),
    ("2021 年全市生产总值", []),
    ("全市生产总值突破 4000 亿，", [("突破 4000 亿", 4000, "亿", "yuan", "level", "exceeds")]),
    ("排名第 3 名", []),
    # a bound word across the whole and 的 governs a percentage; 新增 (newly added) is no growth verb
    ("新增装机超过全球的40%", [("40%", 40, "%", "percent", "rate_pct", "more_than")]),
    ("占全国的30%", [("30%", 30, "%", "percent", "rate_pct", "exact")]),
    ("审批时限缩短50%以上", [("缩短50%以上", -50, "%", "percent", "growth_pct", "at_least")]),
    # a start listed after another figure keeps its own from/to pair
    ("出口分别增长5%、从3%提高到4%", [("5%", 5, "%", "percent", "growth_pct", "exact"),
                                 ("3%", 3, "%", "percent", "from", "exact"), ("4%", 4, "%", "percent", "to", "exact")]),
]


@pytest.mark.parametrize(("sentence", "expected"), FORMS)
def test_form(extract_text, sentence, expected):
    got = [
        (f.quote, f.value, f.unit, f.base_unit, f.measure, f.qualifier) for f in extract_text(sentence).figures
    ]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[0] == e[0] and g[2:] == e[2:] and abs(g[1] - e[1]) < 1e-9, (g, e)


def test_group_of_leading_cities_is_the_area(extract_text):
    """前十城市合计占… takes the group as its area, not the last city named before it."""
    figures = extract_text("广州GDP增长9.7%。前十城市合计占全国的23%。").figures
    assert [(f.quote, f.area) for f in figures] == [("9.7%", "广州市"), ("23%", "前十城市")]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # an outturn measured against its goal is what happened
        ("全年经济增长6.5%，高于预期目标0.5个百分点。", ["actual", "actual"]),
        ("全市生产总值增长7%，超过预期目标1个百分点，", ["actual", "actual"]),
        ("去年全面完成全年目标，生产总值增长6%。", ["actual"]),
        ("GDP增速比全年目标高出0.4个百分点", ["actual"]),
        # the goal itself, and an effort to complete it, stay targets
        ("今年的预期目标为增长5%左右", ["target"]),
        ("确保完成全年目标，生产总值增长6%左右", ["target"]),
    ],
)
def test_comparison_with_a_goal_is_actual(extract_text, sentence, kinds):
    assert [f.value_kind for f in extract_text(sentence).figures] == kinds


def test_share_contributed_is_a_level_of_its_contributor(extract_text):
    """贡献了全国近30%的经济增长: a share of the whole's growth (a level), about the contributor."""
    figures = extract_text("深圳贡献了全国近30%的经济增长").figures
    assert [(f.quote, f.measure, f.area) for f in figures] == [("近30%", "rate_pct", "深圳市")]


@pytest.mark.parametrize(
    ("sentence", "areas"),
    [
        # a named place before 最 is the one that leads; 全国 before 最 is the scope of the superlative
        ("前三季度，广东各市中，深圳最高，增速达到9.9%。", ["深圳市"]),
        ("广东拥有全国最多的地级市数量，到达21个。", ["广东省"]),
        # 处于全国… places the subject within the country: 全国 is a yardstick there
        ("深圳处于全国第一梯队，增速达到9.9%。", ["深圳市"]),
    ],
)
def test_superlative_and_position_scopes(extract_text, sentence, areas):
    assert [f.area for f in extract_text(sentence).figures] == areas
