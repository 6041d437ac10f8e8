"""Word lists for page furniture and bylines, kept apart from the rules that use them.

Rules in :mod:`pipeline.ingest.lines` and :mod:`pipeline.ingest.metadata` are generic
(a line made only of these words is a widget line, a line opening with one of these
labels is a byline...). Extend the lists here, never add per-document rules.
"""

from __future__ import annotations

#: Words of share/comment/print/font-size widgets and page tools. A line made only of
#: Lines that open a list of links to other articles; the titles after them go too.
RELATED_HEADINGS: tuple[str, ...] = (
    "相关新闻",
    "相关报道",
    "相关阅读",
    "相关链接",
    "相关文章",
    "延伸阅读",
    "推荐阅读",
    "点击排行",
    "热点排行",
    "阅读排行",
    "热门推荐",
    "编辑推荐",
    "热点推荐",
    "猜你喜欢",
    "相关评论",
)

#: these (and separators) is furniture.
WIDGET_WORDS: tuple[str, ...] = (
    "分享到",
    "分享至",
    "分享",
    "我来说两句",
    "我要评论",
    "发表评论",
    "网友评论",
    "查看评论",
    "评论",
    "下载",
    "打印本页",
    "打印此页",
    "打印",
    "全屏",
    "收藏本页",
    "收藏",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "【字号",
    "字号",
    "字体",
    "加大",
    "还原",
    "减小",
    "默认",
    "大",
    "中",
    "小",
    "返回顶部",
    "返回首页",
    "返回",
    "顶部",
    "纠错",
    "举报",
    "复制链接",
    "扫一扫",
    "扫码",
    "微信",
    "微博",
    "新浪微博",
    "腾讯微博",
    "QQ空间",
    "QQ好友",
    "朋友圈",
    "人人网",
    "豆瓣",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "首页",
    "尾页",
    "末页",
    "跳转",
    "更多",
    "更多>>",
    *RELATED_HEADINGS,
)

#: Characters that separate widget words or navigation items.
SEPARATORS = " \t\u3000\xa0|｜/／·•>»›<«‹-—_:：,，、;；【】[]()（）「」"


#: Openings of breadcrumb lines ("您所在的位置：东南网 > …").
BREADCRUMB_PREFIXES: tuple[str, ...] = (
    "您所在的位置",
    "您的位置",
    "你的位置",
    "你所在的位置",
    "当前位置",
    "所在位置",
    "现在位置",
    "位置",
)

#: Promotion lines ("海量资讯、精准解读，尽在新浪财经APP"): a short line ending with one of these.
PROMO_ENDINGS: tuple[str, ...] = ("APP", "App", "客户端", "公众号", "二维码", "小程序")

#: Byline labels; a short line built from them (and names, dates) is metadata, not article.
SOURCE_LABELS: tuple[str, ...] = ("来源", "稿源", "出处", "转自", "信息来源", "文章来源")
EDITOR_LABELS: tuple[str, ...] = ("责任编辑", "编辑", "责编", "审核", "校对", "签发")
AUTHOR_LABELS: tuple[str, ...] = ("作者", "记者", "通讯员", "撰稿", "撰文", "文")
DATE_LABELS: tuple[str, ...] = ("发布时间", "发布日期", "发表时间", "更新时间", "时间", "日期")
OTHER_LABELS: tuple[str, ...] = ("原标题", "浏览次数", "阅读次数", "点击数", "访问量", "字数")

#: Office titles of a report's speaker ("国务院总理 李克强", "福建省人民政府省长 赵龙").
SPEAKER_OFFICES: tuple[str, ...] = (
    "副总理",
    "总理",
    "省长",
    "市长",
    "州长",
    "县长",
    "区长",
    "盟长",
    "旗长",
    "主席",
    "主任",
    "书记",
    "局长",
)

#: Endings of outlet names in a trailing reporter line ("人民网福建频道 林晓丽").
OUTLET_ENDINGS: tuple[str, ...] = ("网", "报", "社", "台", "频道", "新闻", "客户端")
