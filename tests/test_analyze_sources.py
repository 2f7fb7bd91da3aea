from __future__ import annotations

from factmap.analyze.sources import (
    independent_source_keys,
    independent_sources,
    normalise_host,
    normalise_name,
    source_name,
)


def test_sources_source_name_equates_publisher_variants():
    names = ["Reuters", "reuters.com", "Reuters UK", "REUTERS", "https://www.reuters.com/world/", "uk.reuters.com"]
    assert {source_name({"id": "x", "publisher": n}) for n in names} == {"reuters"}
    assert normalise_name("The Guardian") == normalise_name("theguardian.com") == "guardian"
    assert normalise_name("Kyiv Post Online") == normalise_name("kyivpost.com") == "kyivpost"


def test_sources_source_name_keeps_different_outlets_apart():
    assert normalise_name("Fox News") != normalise_name("Fox Business")
    assert normalise_name("Eastern Review") != normalise_name("Eastern Times")
    assert normalise_name("The") == "the"  # a lone article word is kept, not emptied


def test_sources_normalise_host_drops_subdomains_and_public_suffixes():
    assert normalise_host("news.bbc.co.uk") == "bbc"
    assert normalise_host("www.pravda.com.ua") == "pravda"
    assert normalise_host("bordermonitor.example") == "bordermonitor"
    assert normalise_host("co.uk") == "co"


def test_sources_source_name_falls_back_to_host_then_unknown():
    assert source_name({"id": "d1", "publisher": None, "url": "https://www.meridianpost.example/a/b"}) == "meridianpost"
    assert source_name({"id": "d2", "url": "meridianpost.example/a"}) == "meridianpost"
    assert source_name({"id": "d3", "source": "https://news.example.org/x"}) == "example"
    # a file path is not a host: the document is its own source
    assert source_name({"id": "d4", "source": "reports/004_story.txt", "url": None}) == "unknown:d4"
    assert source_name({"id": "d5", "publisher": "  "}) == "unknown:d5"


DOCS = {
    "wire": {"publisher": "Northwire"},
    "site_a": {"publisher": "The Valley Courier"},
    "site_b": {"url": "https://valleytimes.example/x"},
    "site_c": {"publisher": None},
    "own_1": {"publisher": "Border Monitor"},
    "own_2": {"publisher": "Eastern Review"},
    "own_3": {"publisher": "Border Monitor Online"},
}
COPIES = {"site_a": ("wire", 0.9), "site_b": ("wire", 0.6), "site_c": ("wire", 0.7), "wire": ("wire", 1.0)}


def test_sources_wire_story_copied_by_three_sites_counts_as_one():
    assert independent_sources(["wire", "site_a", "site_b", "site_c"], DOCS, COPIES) == 1
    assert independent_sources(["site_a", "site_b"], DOCS, COPIES) == 1
    assert independent_source_keys(["site_b"], DOCS, COPIES) == {"northwire"}


def test_sources_two_independent_outlets_count_as_two():
    assert independent_sources(["own_1", "own_2"], DOCS, COPIES) == 2
    assert independent_sources(["own_1", "own_2", "site_a", "site_c"], DOCS, COPIES) == 3


def test_sources_same_publisher_counts_once():
    assert independent_sources(["own_1", "own_3"], DOCS, COPIES) == 1
    assert independent_sources(["own_1", "own_1"], DOCS, COPIES) == 1


def test_sources_unknown_documents_are_their_own_sources():
    assert independent_sources(["missing_1", "missing_2"], DOCS, COPIES) == 2
    assert independent_sources(["site_c"], DOCS, {}) == 1
    assert independent_sources([], DOCS, COPIES) == 0
    # a copy group whose first document is not known still counts once
    copies = {"p": ("gone", 0.8), "q": ("gone", 0.7)}
    assert independent_source_keys(["p", "q"], {"p": {}, "q": {}}, copies) == {"copy:gone"}
