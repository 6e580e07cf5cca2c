"""Every internal link and anchor of the built site resolves (offline; external links are checked
by the scheduled workflow .github/workflows/links.yml, never here)."""

from __future__ import annotations

import posixpath
from functools import cache
from urllib.parse import unquote, urlsplit

import pytest
from pages import parse

pytestmark = pytest.mark.data


def _ids(path):
    return _ids_cached(str(path))


@cache
def _ids_cached(path: str) -> frozenset[str]:
    from pathlib import Path

    return frozenset(e.attrs["id"] for e in parse(Path(path)).iter() if "id" in e.attrs)


def _site_path() -> str:
    """The path of site_url (where the site is published; "/" for a local build, which has
    none): the 404 page links absolutely to it."""
    from conftest import ROOT
    from mkdocs.config import load_config

    return urlsplit(load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/").path


def _target(site, page, href):
    """The file a link from `page` points at, and its fragment."""
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        assert parts.path.startswith(_site_path()), f"{page}: {href} leaves the site"
        parts = parts._replace(path=parts.path[len(_site_path()) :] or ".")
        page = site / "index.html"
    base = posixpath.dirname(page.relative_to(site).as_posix())
    path = (
        posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if parts.path
        else page.relative_to(site).as_posix()
    )
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    checked = 0
    for page in sorted(built_site.rglob("*.html")):
        for element in parse(page).find_all("a"):
            href = element.attrs.get("href", "")
            scheme = urlsplit(href).scheme
            if not href or scheme in ("http", "https", "mailto"):
                continue
            assert scheme == "", f"{page}: link with scheme {scheme!r}: {href}"
            target, fragment = _target(built_site, page, href)
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {href} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in _ids(target):
                broken.append(f"{page.relative_to(built_site)}: {href} (no #{fragment})")
    assert checked > 500
    assert broken == []
