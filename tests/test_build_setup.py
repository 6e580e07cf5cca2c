"""How the site is built and navigated: no host baked into a local build, a published build
that needs its address, and contributor pages kept out of the reader's way."""

from __future__ import annotations

import pytest
from conftest import ROOT, BuildFailed, build_site
from pages import parse

from macros.catalog import load_catalog


def test_contributor_pages_leave_the_readers_navigation(built_site):
    catalog = load_catalog(ROOT)
    home = parse(built_site / "index.html")
    nav = home.find("nav", cls="md-nav--primary")
    assert "contributing/" not in {a.attrs.get("href") for a in nav.find_all("a")}
    footer = home.find("footer")
    assert "contributing/" in {a.attrs.get("href") for a in footer.find_all("a")}
    next_link = footer.find("a", cls="md-footer__link--next")
    # The page after home is the navigation's next page (a Journey page, then the pathways).
    pages = [a.attrs["href"] for a in nav.find_all("a") if a.attrs.get("href", ".")[0] not in ".#"]
    assert next_link.attrs["href"] == pages[0]
    assert any(page.removeprefix("pathways/").rstrip("/") in catalog.pathways for page in pages)


def test_a_local_build_names_no_host(built_site):
    hosts = ("127.0.0.1", "localhost", "fonts.googleapis.com", "fonts.gstatic.com")
    for page in built_site.rglob("*.html"):
        document = parse(page)
        addresses = [
            value
            for element in document.iter()
            for name, value in element.attrs.items()
            if name in ("href", "src", "content", "action")
        ]
        assert addresses, page
        named = [a for a in addresses if any(host in a for host in hosts)]
        assert named == [], f"{page.relative_to(built_site)} links to {named}"
        assert not [
            link for link in document.find_all("link") if link.attrs.get("rel") == "canonical"
        ]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(host in sitemap for host in hosts)


def test_a_build_for_publishing_needs_the_site_url(tmp_path, monkeypatch):
    monkeypatch.setenv("PATHWAYS_PUBLISH", "1")
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(BuildFailed, match="SITE_URL"):
        build_site(ROOT, tmp_path / "site")
    monkeypatch.setenv("SITE_URL", "https://example.org/pathways/")
    build_site(ROOT, tmp_path / "published")
    page = (tmp_path / "published" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/pathways/">' in page
