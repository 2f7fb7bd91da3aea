"""HTML pages: main text, furniture inside the article, page metadata, charset."""

from __future__ import annotations

import pytest

from factmap.errors import NoArticleError
from factmap.ingest import prepare
from factmap.ingest.html import declared_charset, extract_html, html_metadata
from factmap.model import SourceRecord

DATELINE = (
    "KYIV, May 23, 2023 (Reuters) - Two groups of Russian volunteers fighting for Ukraine "
    "said on Monday they had crossed into the Belgorod region of Russia."
)
BODY = (
    "The Freedom of Russia Legion said its fighters had entered several villages. "
    '"We will return," a spokesman said.'
)
SHORT = "It was short."

FURNITURE_HTML = """
<p>Skip to main content</p>
<p>View image in fullscreen</p>
<p>Image caption, Fighters near the border</p>
<p>Fighters near the border. Photograph: Jane Doe/AP</p>
<p>Photo: Reuters</p>
<p>(Getty Images)</p>
<p>Advertisement</p>
<p>ADVERTISEMENT</p>
<p>Sponsored</p>
<p>4 min read</p>
<p>Read more: Who are the Russians fighting for Ukraine?</p>
<h2>Most read</h2>
<p>Ukraine war live updates from the front</p>
<p>Kremlin says the border is secure again</p>
<p>Sign up for the morning briefing</p>
<p>Subscribe to our newsletter</p>
<p>Support our journalism</p>
<p>Share this article</p>
<p>Follow us on X</p>
<p>Comments (12)</p>
<p>Click to share on Facebook (Opens in new window)</p>
<p>* * *</p>
<p>Tags: Ukraine, Russia</p>
<p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>
<p>Copyright © 2023 The Daily Example. All rights reserved.</p>
"""


def _page(head: str = "", article_extra: str = FURNITURE_HTML) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article>
<h1>Russian volunteers claim raid into Belgorod</h1>
<p>By Jane Doe | The Daily Example</p>
<p>{DATELINE}</p>
<p>{BODY}</p>
<p>{SHORT}</p>
{article_extra}
</article></main>
<footer><p>Copyright © 2023 The Daily Example</p></footer>
</body></html>"""


def _record(html: str, url: str | None = None) -> SourceRecord:
    return SourceRecord(id="h", source="h.html", content=html, format="html", sha256="s", url=url)


def test_html_furniture_removed_and_content_kept():
    doc = prepare(_record(_page()))
    lines = doc.text.split("\n")
    assert lines[0] == "Russian volunteers claim raid into Belgorod"
    for sentence in (DATELINE, BODY, SHORT):
        assert sentence in doc.text
    for gone in (
        "Advertisement",
        "ADVERTISEMENT",
        "Sponsored",
        "fullscreen",
        "Photograph",
        "Photo: Reuters",
        "Getty",
        "Read more",
        "Most read",
        "Ukraine war live",
        "Sign up",
        "Subscribe",
        "Support our",
        "Share",
        "Follow us",
        "Comments",
        "Click to share",
        "* * *",
        "Tags:",
        "cookies",
        "Copyright",
        "min read",
        "Skip to",
        "By Jane Doe",
        "Home",
    ):
        assert gone not in doc.text, gone


def test_html_paragraph_breaks_kept():
    page = extract_html(_page(article_extra=""), "p.html")
    assert f"{DATELINE}\n\n{BODY}" in page.text


def test_html_metadata_from_og_tags():
    head = (
        "<title>Raid | The Daily Example</title>"
        '<meta property="og:title" content="Volunteers claim raid">'
        '<meta property="og:site_name" content="The Daily Example">'
        '<meta property="article:published_time" content="2023-05-23T10:00:00+00:00">'
    )
    doc = prepare(_record(_page(head), url="https://www.other.org/x"))
    assert (doc.title, doc.publisher, doc.published) == (
        "Volunteers claim raid",
        "The Daily Example",
        "2023-05-23",
    )
    assert doc.text.startswith("Russian volunteers claim raid into Belgorod\n\n")  # the h1
    assert "Volunteers claim raid" not in doc.text


def test_html_headline_outside_article_is_put_first():
    html = _page().replace("<h1>Russian volunteers claim raid into Belgorod</h1>", "")
    html = html.replace("<main>", "<header><h1>Legion raid headline</h1></header><main>")
    doc = prepare(_record(html))
    assert doc.text.split("\n\n")[0] == "Legion raid headline"
    assert doc.title == "Legion raid headline"


def test_html_metadata_title_without_site_suffix_and_json_ld():
    head = (
        "<title>Volunteers claim raid - Example News</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "datePublished": "2024-03-17T08:00:00Z",'
        ' "publisher": {"@type": "Organization", "name": "Example News"}}]}</script>'
    )
    meta = html_metadata(_page(head))
    assert meta == {
        "title": "Volunteers claim raid",
        "publisher": "Example News",
        "published": "2024-03-17",
        "lang": None,
    }


def test_html_metadata_h1_time_and_publisher_meta():
    head = '<meta name="publisher" content="Kyiv Wire">'
    html = _page(head).replace("<article>", '<article><time datetime="2022-11-05">5 Nov</time>')
    meta = html_metadata(html)
    assert meta == {
        "title": "Russian volunteers claim raid into Belgorod",
        "publisher": "Kyiv Wire",
        "published": "2022-11-05",
        "lang": None,
    }


def test_html_publisher_falls_back_to_text_then_url_host():
    doc = prepare(_record(_page(), url="https://www.example.org/2023/05/raid"))
    assert doc.publisher == "The Daily Example"  # from the byline "By Jane Doe | The Daily Example"
    plain = _page().replace("<p>By Jane Doe | The Daily Example</p>", "").replace("(Reuters) ", "")
    assert prepare(_record(plain, url="https://www.example.org/a")).publisher == "example.org"
    assert prepare(_record(plain)).publisher is None


def test_html_without_article_raises_no_article():
    html = "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>"
    with pytest.raises(NoArticleError) as info:
        prepare(_record(html))
    assert "h.html" in str(info.value)


def test_html_declared_charset():
    assert declared_charset(b'<meta charset="windows-1251">') == "windows-1251"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">')
        == "koi8-r"
    )
    assert declared_charset(b"<p>no charset</p>") is None


def test_html_date_alone_in_a_dated_element_is_the_publication_date():
    page = (
        '<html><head><title>Raid</title></head><body><p class="meta">13 March 2024</p>'
        '<p class="meta">4 min read</p><p>The fighters crossed the border on Tuesday.</p></body></html>'
    )
    assert html_metadata(page)["published"] == "2024-03-13"


def test_html_dated_element_needs_a_full_date_alone():
    page = (
        '<html><body><p class="byline">Updated 13 March 2024 by Jane Roe</p><span class="date">March</span>'
        '<p class="article-meta">Read the story of 2024</p><p>Text.</p></body></html>'
    )
    assert html_metadata(page)["published"] is None


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<html lang="en-GB"><body><p>Text.</p></body></html>', "en-GB"),
        ('<html><head><meta property="og:locale" content="en_US"></head><body><p>T.</p></body></html>', "en-US"),
        (
            '<html><head><meta http-equiv="Content-Language" content="uk"></head><body><p>T.</p></body></html>',
            "uk",
        ),
        ('<html lang="not a tag"><body><p>Text.</p></body></html>', None),
        ("<html><body><p>Text.</p></body></html>", None),
    ],
)
def test_html_metadata_declared_language(markup, expected):
    assert html_metadata(markup)["lang"] == expected


def test_html_page_language_region_fixes_numeric_publication_date():
    british = _page().replace("<html>", '<html lang="en-GB">').replace(
        "<p>By Jane Doe | The Daily Example</p>", "<p>By Jane Doe | The Daily Example</p><p>Published 03/04/2023</p>"
    )
    assert prepare(_record(british)).published == "2023-04-03"
    american = british.replace('lang="en-GB"', 'lang="en-US"')
    assert prepare(_record(american)).published == "2023-03-04"
    unknown = british.replace(' lang="en-GB"', "")
    # "03/04/2023" cannot be read without an order: the dateline's date is used instead
    assert prepare(_record(unknown)).published == "2023-05-23"
