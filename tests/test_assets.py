"""Our own JavaScript and CSS are served minified, and what is served is what the sources say.

The browser tests run against the same built site, so they drive the minified modules: a
minifier that broke a module would fail them too.
"""

from __future__ import annotations

import gzip

import pytest
from conftest import ROOT

from macros.assets import minified, own_assets

SOURCES = own_assets(ROOT / "docs")


def test_the_site_has_assets_of_its_own_to_serve():
    names = {p.name for p in SOURCES}
    assert {"quiz.js", "grading.js", "pathways.css"} <= names


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_each_asset_is_served_minified(built_site, source):
    served = (built_site / source.relative_to(ROOT / "docs")).read_text(encoding="utf-8")
    text = source.read_text(encoding="utf-8")
    assert served == minified(source.name, text)
    assert len(gzip.compress(served.encode())) < len(gzip.compress(text.encode()))
    assert "/*" not in served or source.suffix == ".js"  # CSS comments are gone


def test_minifying_keeps_strings_and_regular_expressions():
    script = (
        'export const a = "// not a comment", b = /\\/\\*x/g; // a comment\n'
        "const c = `${a} /* kept */`;"
    )
    out = minified("x.js", script)
    assert '"// not a comment"' in out and "/\\/\\*x/g" in out and "`${a} /* kept */`" in out
    assert "a comment" not in out.replace("not a comment", "")


def test_only_javascript_and_css_are_minified():
    with pytest.raises(ValueError, match="expected a .js or .css file"):
        minified("page.html", "<p>hi</p>")


def test_our_css_is_written_into_each_page_head_not_linked(built_site):
    """A stylesheet link of ours would hold back a phone's first paint by a round trip
    (issue 9's Lighthouse budget): each page carries our CSS, as served, in its head."""
    css = "".join(
        minified(p.name, p.read_text(encoding="utf-8")) for p in SOURCES if p.suffix == ".css"
    )
    pages = sorted(built_site.rglob("*.html"))
    assert any(p.parent.parent.name == "quizzes" for p in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert f"<style>{css}</style>" in head, f"{page}: our CSS is not in the head"
        assert head.index("<style>") > head.index("main."), f"{page}: ours before Material's"
        assert "stylesheets/pathways.css" not in html, f"{page}: still links our stylesheet"
