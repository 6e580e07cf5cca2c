"""Our HTML handed past Markdown (macros/stash.py) comes out as Markdown would have passed it:
every generated page of the real data, converted with the site's own Markdown extensions."""

from __future__ import annotations

import re

import markdown
import pytest
from conftest import ROOT
from mkdocs.utils.yaml import yaml_load

from macros.catalog import load_catalog
from macros.render import Renderer, pathway_url, quiz_url
from macros.stash import HtmlStash

CATALOG = load_catalog(ROOT)
RENDERER = Renderer(CATALOG)


def site_markdown() -> markdown.Markdown:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options
    return markdown.Markdown(extensions=names, extension_configs=settings)


def same_html(text: str) -> str:
    """HTML compared without the blank lines and line breaks between blocks."""
    return re.sub(r">\s+<", "><", text.strip())


def both_ways(page: str) -> tuple[str, str]:
    stash = HtmlStash()
    hidden = stash.hide(page)
    direct = site_markdown().convert(page)
    restored = stash.restore(site_markdown().convert(hidden))
    assert stash.blocks == {}, "a block was left out of the page"
    assert HtmlStash.MARK not in restored
    return same_html(direct), same_html(restored)


def generated_page(name: str) -> str:
    kind, _, role = name.partition(" ")
    if kind == "pathway":
        return RENDERER.pathway_page(role, pathway_url(role))
    if kind == "quiz":
        return RENDERER.quiz_page(role, quiz_url(role))
    return RENDERER.pathway_cards("")


PAGES = [f"pathway {r}" for r in CATALOG.pathways] + [f"quiz {r}" for r in CATALOG.quizzes]


@pytest.mark.parametrize("name", [*PAGES, "cards"])
def test_a_generated_page_comes_out_as_markdown_would_have_passed_it(name):
    direct, restored = both_ways(generated_page(name))
    assert restored == direct


def test_headings_stay_markdown_and_code_inside_html_is_not_a_heading():
    page = (
        '## Roadmap { #roadmap }\n\n<div class="x">\n<pre><code># a comment\n\nx = 1\n'
        "</code></pre>\n\n<p>after a blank line</p>\n</div>\n\n### Next { #next }\n\n<p>end</p>\n"
    )
    direct, restored = both_ways(page)
    assert restored == direct
    assert '<h2 id="roadmap">' in restored and "<h1" not in restored
    assert HtmlStash().hide(page).count(HtmlStash.MARK) == 2


def test_text_that_is_not_html_is_left_to_markdown():
    stash = HtmlStash()
    assert stash.hide("Some *Markdown* text.\n").strip() == "Some *Markdown* text."
    assert stash.blocks == {}


def test_a_block_that_asks_for_markdown_inside_leaves_markdown_its_frame_and_headings():
    page = (
        '<ol class="pw-timeline" markdown="block">\n<li markdown="block">\n\n'
        "### Phase one { #phase-1 }\n\n<p>when</p>\n<div><p>what</p>\n</div>\n</li>\n"
        '<li markdown="block">\n\n### Phase two { #phase-2 }\n\n<p>then <b>open\n\n'
        '<div markdown="1">*inner* Markdown</div>\n</li>\n'
        "</ol>\n\n<p>ours</p>\n"
    )
    stash = HtmlStash()
    hidden = stash.hide(page)
    # The HTML inside the first phase and the block after the list are hidden; the second
    # phase's <b> is never closed, and its <div> asks for Markdown on one line: Markdown reads
    # both as it would have.
    assert sorted(stash.blocks.values()) == ["<p>ours</p>", "<p>when</p>\n<div><p>what</p>\n</div>"]
    assert '<li markdown="block">' in hidden and "### Phase one { #phase-1 }" in hidden
    direct, restored = both_ways(page)
    assert restored == direct
    assert '<h3 id="phase-1">Phase one' in restored  # rendered, with its permalink
