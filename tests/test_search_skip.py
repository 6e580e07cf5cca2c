"""What search skips is kept from its parser (macros/search_skip.py), and nothing else changes:
the built site, search index included, is byte for byte the site built without the shortcut,
and Material's own parser reads the same sections from a hidden page as from the page."""

from __future__ import annotations

import filecmp

import pytest
from conftest import ROOT, build_site
from material.plugins.search.plugin import Parser

from macros.search_skip import SearchSkip


def sections(html: str) -> list[tuple]:
    """What Material's search parser takes from `html`: each section's id, title, text."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


def differing_files(left, right) -> list[str]:
    compared = filecmp.dircmp(left, right)
    found = [f"{left}/{name}" for name in compared.left_only + compared.right_only]
    found += [f"{left}/{name}" for name in compared.diff_files + compared.funny_files]
    for sub in compared.subdirs.values():
        found += differing_files(sub.left, sub.right)
    return found


def test_the_site_and_its_search_index_are_the_same_without_the_shortcut(
    tmp_path, built_site, monkeypatch
):
    built = [p for p in built_site.rglob("index.html") if "data-search-exclude" in p.read_text()]
    assert built, "no page has anything search skips: this test would prove nothing"
    monkeypatch.setattr(SearchSkip, "hide", lambda self, html: html)
    assert build_site(ROOT, tmp_path / "site") == []
    # The sitemap's dates may be a day apart if the builds straddle midnight; nothing else may be.
    differing = [f for f in differing_files(built_site, tmp_path / "site") if "sitemap" not in f]
    assert differing == []


def test_search_reads_the_same_sections_from_each_quiz_page_with_its_answers_hidden(built_site):
    for page in sorted(built_site.glob("quizzes/*/index.html")):
        html = page.read_text(encoding="utf-8")
        skip = SearchSkip()
        hidden = skip.hide(html)
        assert len(hidden) < len(html) / 2, f"{page}: the answers were not hidden"
        assert sections(hidden) == sections(html), page
        assert skip.restore(hidden) == html
        assert skip.elements == {}


PAGE = (
    '<h1 id="quiz">Quiz</h1><p>Shown</p>'
    '<nav data-search-exclude><h2 id="panel">Progress</h2><ol><li>1</li></ol></nav>'
    '<section><h2 id="q1">Question 1</h2><p>Prompt</p>'
    '<form data-search-exclude><label><input type="radio"> <span>a) key</span></label></form>'
    '<div data-search-exclude>x<div>nested <b>same</b> tag</div>y</div><p>after</p></section>'
    '<section data-search-exclude><dialog><form><h2 id="reset">Reset?</h2><p>t</p></form>'
    "</dialog></section><p>tail</p>"
)


def test_a_heading_inside_a_skipped_element_keeps_its_place_and_the_rest_goes():
    skip = SearchSkip()
    hidden = skip.hide(PAGE)
    for gone in ("a) key", "Progress", "<ol>", "Reset?", "<p>t</p>"):
        assert gone not in hidden
    # search ends this exclusion at the inner </div> and reads "y": left for search to read
    assert "x<div>nested <b>same</b> tag</div>y" in hidden
    assert '<dialog><form><h2 id="reset"></h2></form></dialog>' in hidden
    assert sections(hidden) == sections(PAGE)
    assert skip.restore(hidden) == PAGE


@pytest.mark.parametrize(
    "html",
    [
        # the first hidden element's start tag opens the page's first section (so the h1 after it
        # opens a section with an id): its tags stay
        '<form data-search-exclude><p>k</p></form><h1 id="t">T</h1><p>x</p>'
        "<form data-search-exclude>z</form>",
        '<input data-search-exclude type="text"><div data-search-exclude>a</div><p>b</p>'
        "<p data-search-exclude>c</p>",
        # the later ones leave only their marker, whatever the headings around them
        '<div><section><h2 id="a">A</h2></section><form data-search-exclude><b>k</b></form>'
        't<p data-search-exclude>f</p></div><p>after</p><h3 id="b">B</h3><p data-search-exclude>'
        "x</p>tail",
        # search skips scripts to the end of the page anyway
        "<p>a</p><p data-search-exclude>k</p><script data-search-exclude>s</script><p>b</p>"
        "<p data-search-exclude>m</p><script>t</script>",
    ],
)
def test_search_reads_the_same_sections_with_the_skeletons_left_out(html):
    skip = SearchSkip()
    hidden = skip.hide(html)
    assert "/-->" in hidden, "no skeleton was left out: this case proves nothing"
    assert sections(hidden) == sections(html)
    assert skip.restore(hidden) == html


def test_only_the_pages_first_hidden_element_keeps_its_own_tags():
    skip = SearchSkip()
    page = "<p>a</p><form data-search-exclude><b>k</b></form><p data-search-exclude>f</p><p>b</p>"
    assert skip.hide(page) == (
        "<p>a</p><!--pwskip0--><form data-search-exclude></form><!--/pwskip-->"
        "<!--pwskip1/--><p>b</p>"
    )
    # each page starts anew: its first hidden element keeps its tags
    assert skip.hide(page).startswith("<p>a</p><!--pwskip2--><form data-search-exclude></form>")


@pytest.mark.parametrize(
    "html",
    [
        '<p>x</p><input data-search-exclude type="text"><p>y</p>',  # void: nothing to hide
        "<p>x</p><div data-search-exclude><p>never closed</p>",  # not ours to guess at
        "<div data-search-exclude><p>stray</b> end tag</p></div><p>y</p>",
        "<div data-search-exclude><p/>self-closed</div><p>y</p>",
        '<div data-search-exclude="yes"><p>search deletes the attribute</p></div>',
        '<div data-search-exclude><p data-search-boost="2">and this one</p></div>',
        '<p>data-search-exclude as text</p><code>&lt;b data-search-exclude&gt;</code>',
    ],
)
def test_what_cannot_be_hidden_safely_is_left_for_search_to_read(html):
    skip = SearchSkip()
    assert skip.hide(html) == html
    assert skip.elements == {}


def test_the_quick_skeleton_is_the_token_by_token_one(built_site):
    """_skeleton's shortcut for elements without a heading gives what reading them tag by tag
    gives, on every excluded element of the built pages and on elements broken every way."""
    import random
    import re

    from macros.search_skip import _EXCLUDED_START, _element_end, _skeleton, _tokens_skeleton

    elements = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for found in _EXCLUDED_START.finditer(html):
            end = _element_end(html, found.group(1), found.start())
            if end is not None:
                elements.append(html[found.start() : end])
    assert len(elements) > 500
    pieces = ["<p>", "</p>", "<b>", "</b>", "<div>", "</div>", "<br>", "<br/>", "<p/>", "x", "</i>"]
    rng = random.Random(7)
    for _ in range(3000):
        inner = "".join(rng.choices(pieces, k=rng.randint(0, 8)))
        elements.append(f"<div data-search-exclude>{inner}</div>")
    quick = sum(not re.search(r"<h[1-6]", e, re.IGNORECASE) for e in elements)
    assert quick > 1000  # the shortcut is what is being compared
    for element in elements:
        assert _skeleton(element) == _tokens_skeleton(element), element
