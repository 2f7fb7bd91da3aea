"""Cleaning: Unicode normalisation, Markdown, furniture removal from plain text."""

from __future__ import annotations

import pytest

from factmap.ingest import prepare
from factmap.ingest.clean import (
    is_breadcrumb,
    is_title_like,
    markdown_title,
    normalize_text,
    remove_furniture,
    strip_markdown,
)
from factmap.model import SourceRecord

HEADLINE = "Russian volunteers claim raid into Belgorod region"
DATELINE = (
    "KYIV, June 2, 2023 (Reuters) - Two groups of Russian volunteers fighting for "
    "Ukraine said they had crossed into the Belgorod region."
)
BODY = 'The legion said its fighters had entered two villages. "We will return," a spokesman said.'
SHORT = "It was short."


def _page(*furniture: str) -> str:
    return "\n".join([HEADLINE, *furniture, "", DATELINE, "", *furniture, BODY, SHORT, *furniture])


def _clean(text: str) -> str:
    return remove_furniture(normalize_text(text))


def _assert_content_kept(text: str) -> None:
    for sentence in (HEADLINE, DATELINE, BODY, SHORT):
        assert sentence in text
    assert text.startswith(HEADLINE)


def test_clean_normalize_text_unicode():
    raw = (
        "\ufeffKyiv\u2019s \u201cLegion\u201d \u2013 1\u20132 \u2014 x \u2212 y\r\n"
        "a\u00a0b\u202fc\u2007d  e\u200bf\u00adg\r\n\r\n\r\n\r\nnext\t\tline   \n"
    )
    assert normalize_text(raw) == 'Kyiv\'s "Legion" - 1-2 - x - y\na b c d efg\n\nnext line'


def test_clean_normalize_text_nfc():
    assert normalize_text("Cafe\u0301") == "Caf\u00e9"


def test_clean_strip_markdown_keeps_words():
    md = (
        "# The **Legion** raid\n\n"
        "![a photo](img.jpg)\n"
        "The *Freedom of Russia Legion* said [in a statement](https://x.org/a) that "
        "__fighters__ crossed. See `code` and <https://example.org>.\n\n"
        "> A quoted line\n\n"
        "* item one\n\n"
        "[ref]: https://example.org/ref\n"
    )
    text = normalize_text(strip_markdown(md))
    assert text.split("\n")[0] == "The Legion raid"
    assert "The Freedom of Russia Legion said in a statement that fighters crossed." in text
    assert "See code and https://example.org." in text
    assert "A quoted line" in text and "- item one" in text
    assert "img.jpg" not in text and "https://x.org/a" not in text and "[ref]" not in text
    assert markdown_title(md) == "The Legion raid"


FURNITURE = {
    "navigation": ["Skip to navigation", "Skip to main content", "Menu   Search   Sign in", "Log in | Subscribe"],
    "image": [
        "View image in fullscreen",
        "Image caption, Fighters of the legion near the border",
        "Image source, Getty Images",
        "Fighters near the border. Photograph: Jane Doe/AP",
        "Photograph: Jane Doe/AP",
        "Photo: Reuters",
        "(Getty Images)",
    ],
    "read_more": ["Read more: Who are the Russians fighting for Ukraine?", "Also read"],
    "pitches": [
        "Sign up for the morning briefing",
        "Subscribe to our newsletter",
        "Support our journalism",
    ],
    "share": [
        "Share",
        "Share this article",
        "Follow us on X",
        "Comments (12)",
        "Click to share on Facebook (Opens in new window)",
    ],
    "ads": ["Advertisement", "ADVERTISEMENT", "Sponsored"],
    "reading_time": ["4 min read", "4 min read·Jun 2, 2023"],
    "separators": ["* * *", "---", "•"],
    "tags": ["Tags: Ukraine, Russia, Belgorod"],
    "cookies": [
        "We use cookies to improve your experience. By continuing you accept our cookie policy."
    ],
    "copyright": ["Copyright © 2023 The Daily Example. All rights reserved."],
    "newsletter_wrappers": [
        "Thanks for reading. Reply to this email with tips.",
        "You are receiving this because you subscribed at example.org. Forwarded this? Sign up here.",
        "You are reading the web version of our weekly newsletter. Forwarded this email? Sign up here.",
        "Tomorrow: the new cabinet and the north.",
        "Get The Example Explains in your inbox every Monday",
    ],
    "outlet_lines": [
        "EXAMPLE VALLEY NEWS - English version",
        "Translated automatically. For the original text see the Polish version.",
        "Example Wire - trusted news from the Lowlands. Licensing enquiries: sales@example.org",
        "Example Dispatch is an independent newsroom. Support us from 2 euros a month.",
        "Follow Example24 on WhatsApp for breaking news",
        "Comment the article",
    ],
}


@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_clean_furniture_removed_from_plain_text(kind):
    cleaned = _clean(_page(*FURNITURE[kind]))
    for line in FURNITURE[kind]:
        assert normalize_text(line) not in cleaned.split("\n"), line
    _assert_content_kept(cleaned)


@pytest.mark.parametrize(
    ("tail", "gone", "ending"),
    [
        pytest.param(
            "\nMost read\nUkraine war at a glance\nWhat we know on day 465\n"
            "\nRelated:\nKremlin says the border is secure\n\nThe end of the story is here.",
            ("Most read", "Ukraine war at a glance", "What we know on day 465", "Related:",
             "Kremlin says the border is secure"),
            "The end of the story is here.",
            id="link block under a heading",
        ),
        pytest.param(
            "\nUkraine says it shot down drones\nMoscow blames Kyiv for the raid\n"
            "Legion fighters pose with a captured vehicle",
            ("Moscow blames Kyiv", "shot down drones"),
            None,
            id="run of three headlines",
        ),
    ],
)
def test_clean_link_lists_removed(tail, gone, ending):
    cleaned = _clean(_page() + tail)
    for line in gone:
        assert line not in cleaned
    if ending:
        assert cleaned.endswith(ending)
    _assert_content_kept(cleaned)


def test_clean_real_content_kept():
    text = (
        "Legion claims raid\n\n"
        "Fighters crossed.\n\n"
        "Background\n\n"
        '"We are fighting for a free Russia"\n\n'
        "The coalition includes:\n"
        "Freedom of Russia Legion\n"
        "Russian Volunteer Corps\n"
        "Siberian Battalion\n\n"
        "Who are they?\n\n"
        "KYIV (AP) - The statement was read out on Monday."
    )
    assert _clean(text) == normalize_text(text)


def test_clean_two_short_lines_are_not_a_headline_run():
    text = "Legion claims raid\n\nA subheading here\n\nAnother subheading\n\nA sentence."
    assert _clean(text) == text


def test_clean_is_title_like():
    assert is_title_like("Russian volunteers claim raid into Belgorod")
    assert not is_title_like("The legion said it crossed the border.")
    assert not is_title_like('"We will return"')
    assert not is_title_like("Who are they?")
    assert is_title_like("Who are they?", allow_question=True)


def test_clean_prepare_plain_text_page():
    page = _page(*[line for lines in FURNITURE.values() for line in lines])
    record = SourceRecord(id="p1", source="p1.txt", content=page, format="text", sha256="abc")
    doc = prepare(record)
    _assert_content_kept(doc.text)
    assert doc.title == HEADLINE
    assert doc.sha256 == "abc" and doc.source == "p1.txt" and doc.id == "p1"
    assert "Advertisement" not in doc.text and "Share" not in doc.text
    assert doc.text.count("\n\n\n") == 0


def test_clean_prepare_markdown():
    md = "# Legion **claims** raid\n\nThe [legion](https://x.org) said it *crossed* the border.\n"
    doc = prepare(SourceRecord(id="m", source="m.md", content=md, format="markdown", sha256="h"))
    assert doc.text == "Legion claims raid\n\nThe legion said it crossed the border."
    assert doc.title == "Legion claims raid"


def test_clean_signature_block_is_not_a_headline_run():
    text = (
        "Joint statement on the border\n\n"
        "The consuls condemned the shelling of the city.\n\n"
        "Andriy Hrynchuk, Honorary Consul of the Netherlands to Ukraine\n"
        "Karel Burger Dirven, Honorary Consul of Ukraine to the Netherlands\n"
        "Lviv, March 24, 2022"
    )
    assert _clean(text) == text


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Pavel Polityuk; Editing by Alex Richardson",
        "Author/author: TAS/KA",
        "Source: PAP, Reuters",
        "Expand",
        "Image 1 of 3 next",
        "CLICK HERE TO GET THE OPINION NEWSLETTER",
        "Story continues below advertisement",
    ],
)
def test_clean_credit_and_widget_lines_removed(line):
    cleaned = _clean(_page(line))
    assert line not in cleaned
    _assert_content_kept(cleaned)


# --- navigation, kickers, platform residue, link lists, Russian furniture ----------

STORY = (
    "Partisans claim strike on rail depot near the border\n\n"
    "The group said on Friday that its members had set fire to a signal box.\n\n"
    "Ukraine denied it.\n\n"
    '"We did what we promised," one member said.'
)


def _story_with(*furniture: str, top: bool = True) -> str:
    head, *rest = STORY.split("\n\n")
    lines = [*furniture, head, *rest] if top else [head, *rest, *furniture]
    return "\n\n".join(lines)


def _assert_story_kept(cleaned: str) -> None:
    for paragraph in STORY.split("\n\n"):
        assert paragraph in cleaned.split("\n"), paragraph


@pytest.mark.parametrize(
    "line",
    [
        "NORTHERN HERALD | Home | Regions | Economy | Opinion",
        "The Harbour Times | Politics | Caucasus",
        "Home > Regions > Caucasus",
        "Regions | Caucasus",
        "Главная > Регионы > Кавказ",
        "Новости / Общество",
        "City life · Arts",
        "Home » World » Asia",
    ],
)
def test_clean_breadcrumb_lines_removed(line):
    cleaned = _clean(_story_with(line))
    assert line not in cleaned
    _assert_story_kept(cleaned)
    assert cleaned.startswith(STORY.split("\n\n")[0])


def test_clean_headline_with_kicker_is_not_a_breadcrumb():
    assert not is_breadcrumb("Analysis | Why the partisans keep hitting the railways")
    assert not is_breadcrumb("Kyiv and/or Moscow")
    assert not is_breadcrumb("Results: 3 / 4 / 5 were counted.")
    assert is_breadcrumb("Sport | Tennis")


@pytest.mark.parametrize(
    "kicker",
    [
        ["COMMENT"],
        ["Explainer"],
        ["Live blog"],
        ["NEWS RELEASE", "FOR IMMEDIATE RELEASE"],
        ["Members-only story"],
        ["THE NORTHERN HERALD"],
        ["Culture"],
        ["Мнение"],
    ],
)
def test_clean_kickers_and_mastheads_above_headline_removed(kicker):
    cleaned = _clean(_story_with(*kicker))
    for line in kicker:
        assert line not in cleaned.split("\n")
    assert cleaned.startswith(STORY.split("\n\n")[0])
    _assert_story_kept(cleaned)


def test_clean_short_headline_is_not_a_kicker():
    text = "Partisans strike again\n\nA depot burned\n\nThe group said it had set fire to a box."
    assert _clean(text) == text
    shouting = "BORDER RAID\n\nThe group said it had set fire to a signal box."
    assert _clean(shouting) == shouting  # no longer headline follows: it is the headline


def test_clean_section_word_in_body_is_kept():
    text = f"{STORY}\n\nAnalysis\n\nThe raid shows the group can still reach the border."
    assert _clean(text) == text


@pytest.mark.parametrize(
    "line",
    [
        "Listen",
        "Listen to this article (4 min)",
        "Share",
        "Share on WhatsApp | Share on Telegram | Copy URL",
        "Press contact: newsroom@harbour-times.example",
        "Contact: info@example.org",
        "Our Standards: The Harbour Times Editorial Principles.",
        "Note: The views expressed in this column are the author's own and do not "
        "necessarily reflect those of the Harbour Times.",
        "Editor's note: The opinions in guest essays belong to their authors.",
        "Promoted: Ten gadgets every traveller needs this summer",
        "Advertisement - Scroll to continue",
        "Partner content: How one town rebuilt its bakery",
        "Key events",
        "Show key events only",
        "Please enable JavaScript to view the live timeline.",
        "This feature requires JavaScript.",
        "(Reporting by Desk staff; editing by J. Roe)",
    ],
)
def test_clean_platform_residue_removed(line):
    cleaned = _clean(_story_with(line, top=False))
    assert line not in cleaned
    _assert_story_kept(cleaned)


def test_clean_bulleted_link_list_under_heading_removed():
    text = (
        f"{STORY}\n\nSee also:\n- Depot fires across the region, a timeline\n"
        "- Who are the partisans?\n\nThe end of the story."
    )
    cleaned = _clean(text)
    assert "Depot fires" not in cleaned and "Who are the partisans?" not in cleaned
    assert "See also" not in cleaned and cleaned.endswith("The end of the story.")
    _assert_story_kept(cleaned)


def test_clean_bulleted_headline_run_removed_in_any_script():
    for first, second in (
        ("- Rail strikes: what we know so far", "- Five towns hit by power cuts"),
        ("- Партизаны подожгли релейный шкаф", "- Что известно о движении «Атеш»"),
        ("• Storm warning for the coast", "• Ferry timetable changes, explained"),
    ):
        cleaned = _clean(f"{STORY}\n\n{first}\n{second}")
        assert first not in cleaned and second not in cleaned
        _assert_story_kept(cleaned)


def test_clean_introduced_bullet_lists_are_kept():
    text = (
        f"{STORY}\n\nThe group named three targets:\n- Rail depot at Novy Gorod\n"
        "- Signal box near the bridge\n\nKey facts\n- Founded in 2022\n- Active in three regions\n\n"
        "Its demands were:\n- The release of prisoners.\n- An end to mobilisation."
    )
    assert _clean(text) == text


def test_clean_russian_furniture_removed():
    furniture = [
        "Смотрите также:",
        "Партизаны подожгли релейный шкаф под Москвой",
        "Что известно о движении «Атеш»",
        "Подпишитесь на наш канал в Telegram",
        "Поделиться",
        "Реклама",
        "Автор: Иван Петров",
        "Время чтения: 5 мин",
    ]
    title = "Партизаны заявили о поджоге на железной дороге"
    body = "Группа сообщила, что её участники подожгли релейный шкаф. Украина это отрицает."
    cleaned = _clean("\n".join([title, "Новости / Регионы", "", body, "", *furniture]))
    assert cleaned == f"{title}\n\n{body}"


def test_clean_one_line_paragraph_and_quote_survive_among_furniture():
    text = f'{STORY}\n\nShare\n\nUkraine denied it.\n\n"No comment."\n\nListen'
    cleaned = _clean(text)
    assert cleaned.endswith('Ukraine denied it.\n\n"No comment."')


# --- promos, credits and other stories' headlines seen on real news pages ----------


@pytest.mark.parametrize(
    "line",
    [
        "JOIN US ON SIGNAL! Follow our reporting of the crisis on @example_news.",
        "Newsletter When it matters",
        "The Weekend Moment: A newsletter for only the biggest weekend stories",
        "skip past newsletter promotion Sign up to Morning Brief Free daily newsletter",
        "You can read more recent information on Example.pl.",
        "More reports from the region on Example.pl's main page",
        "You can find more such stories on the Portal's main page.If you like them - subscribe",
        "For more information, please visit Example",
        "You can follow the siege around the clock in our live coverage",
        "The article comes from the Example Wave website",
        "Read more here.",
        "NEW You can now listen to Example News articles!",
        "See the video why did the talks fail?Analyst: Nobody wanted them",
        "VIEW VIDEO Minister: The border is safe",
        "The rest of the text is under the video material.",
        "Watch TV live on Example GO",
        "2:14 Mayor says the harbour will reopen - video",
        "Example Agency's Jane Roe and John Doe contributed to this report.",
        "The Example Press contributed reporting.",
        "Reprinted from the author's @example blog! See the original here.",
        "Help the city, join the collection.You will pay at example.org.pl/help >>>",
        "Other Topics of Interest Who Is the New Harbour Master? He was appointed on Monday.",
        "(QX)",
        "Tanks on the road to the capital PAP",
        "Soldiers on the border with the province example.pl",
        "Troops on parade in the capital (Jane Roe/PA)",
        "A ferry at the pier.Credit: Example Tours",
        "Jane Roe Courtesy of Jane Roe",
        "ol",
    ],
)
def test_clean_promo_and_credit_lines_removed(line):
    cleaned = _clean(_page(line))
    assert line not in cleaned.split("\n")
    _assert_content_kept(cleaned)


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter is sent by the ministry every week.",
        "Russia joined us on the call, the envoy said.",
        "He said the plan was a map of the region.",
        "The video showed soldiers crossing the river.",
        "More than 200 people were evacuated from the main page of the list.",
    ],
)
def test_clean_sentences_with_promo_words_kept(line):
    cleaned = _clean(_page(line))
    assert line in cleaned
    _assert_content_kept(cleaned)


def test_clean_headlines_in_capitals_below_the_first_line_removed():
    link = "MAYOR VOWS THAT THE HARBOUR WILL REOPEN BEFORE WINTER"
    text = "HARBOUR CLOSED AFTER THE STORM HIT\n\n" + STORY + "\n\n" + link + "\n\nIt rained again."
    cleaned = _clean(text)
    assert link not in cleaned
    assert cleaned.startswith("HARBOUR CLOSED AFTER THE STORM HIT")  # the page's own headline stays
    assert "It rained again." in cleaned
    _assert_story_kept(cleaned)


def test_clean_short_capitals_line_in_body_kept():
    cleaned = _clean(STORY + "\n\nNATO SUMMIT\n\nThe leaders met.")
    assert "NATO SUMMIT" in cleaned.split("\n")


# ---------------------------------------------------------------- generalisation round 2

BODY = (
    "The Varnen Workers' Front said on Monday that its members had left the coastal town "
    "of Ostrova after three days of talks with the regional council."
)


def test_clean_masthead_above_site_menu_and_kicker_removed():
    text = "\n".join(
        [
            "Institute for Lowland Studies",
            "Home | Papers | Briefings | Staff | Contact",
            "",
            "BRIEFING",
            "",
            "Why the Varnen Workers' Front left Ostrova",
            "",
            BODY,
        ]
    )
    cleaned = remove_furniture(text)
    assert "Institute for Lowland Studies" not in cleaned
    assert "BRIEFING" not in cleaned
    assert cleaned.startswith("Why the Varnen Workers' Front left Ostrova")
    assert BODY in cleaned


def test_clean_headline_above_share_buttons_is_kept():
    text = "\n".join(["Varnen strikers end their march", "Share | Email", "", BODY])
    assert remove_furniture(text).startswith("Varnen strikers end their march")


def test_clean_related_heading_with_a_kind_of_piece_drops_its_headlines():
    text = "\n".join(
        [BODY, "", "Related analysis:", "The long road to Ostrova", "How the Front chose its leaders"]
    )
    cleaned = remove_furniture(text)
    assert cleaned == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The Lowland Courier is reader-supported. Become a supporter today.",
        "[Home] [Topics] [Donate now]",
        "Was this explainer helpful? Share it with your friends.",
        "Did you enjoy this article? Share it with a friend.",
        "Share this blog",
        "Commenting has been disabled for this article.",
        "Marta Keel is a visiting fellow at the Lowland Institute. The views expressed here are her own.",
        "The opinions expressed are the author's own.",
    ],
)
def test_clean_pitch_menu_share_and_disclaimer_lines_removed(line):
    assert remove_furniture(f"{BODY}\n\n{line}") == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The union said its strike was supported by members of other unions.",
        "Opponents say the views expressed by the council are not shared by residents.",
    ],
)
def test_clean_sentences_like_pitches_or_disclaimers_kept(line):
    assert line in remove_furniture(f"{BODY}\n\n{line}")


def test_clean_key_points_list_after_a_sentence_item_kept():
    points = [
        "Key points",
        '- Strikers led by the Varnen Workers\' Front say Ostrova is "open again"',
        "- Lowland says the talks have ended",
        "- Council offers to meet the strikers",
    ]
    cleaned = remove_furniture("\n".join(["Strikers leave Ostrova", "", *points, "", BODY]))
    for line in points[1:]:
        assert line in cleaned


@pytest.mark.parametrize(
    "line",
    [
        "This interview has been edited for length and clarity.",
        "This conversation was lightly edited and condensed.",
        "Editor's note: This interview has been translated from Lowlandic.",
        "Answers have been edited for brevity.",
        "Edited for length and clarity.",
        "Varnen Radio International - News in English",
        "The Lowland Courier | News from Eastern Europe",
    ],
)
def test_clean_editor_notes_and_outlet_taglines_removed(line):
    assert remove_furniture(f"{BODY}\n\n{line}") == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The interview was translated into six languages.",
        "Officials said the footage had been edited for length before it was released.",
        "The council's statement has been translated and published by the union.",
        "Ostrova - news from the front reached the strikers on Monday.",
        "Varnen strikers hold out - latest news",
    ],
)
def test_clean_sentences_like_editor_notes_or_taglines_kept(line):
    assert line in remove_furniture(f"{BODY}\n\n{line}")


def test_clean_more_section_heading_drops_its_links():
    text = "\n".join(
        [BODY, "", "More interviews", "The strike leader who never sleeps", "Why Ostrova voted no"]
    )
    assert remove_furniture(text) == BODY


def test_clean_more_heading_that_is_not_a_section_kept():
    text = "\n".join([BODY, "", "More drones over Ostrova", BODY.replace("strike", "march")])
    assert "More drones over Ostrova" in remove_furniture(text)


@pytest.mark.parametrize(
    "line",
    [
        "The legion said the Russian version of events was false.",
        "He said the original text of the charter was in Polish.",
        "The army said it would support us with tanks, he said.",
        "Tomorrow, the council meets again.",
        "Thanks to the reading of the verdict, the court adjourned.",
    ],
)
def test_clean_sentences_like_newsletter_lines_are_kept(line):
    assert line in _clean(f"{HEADLINE}\n\n{DATELINE}\n\n{line}\n\n{BODY}").split("\n")
