"""Our own JavaScript and CSS as the site serves them: minified, as Material serves its own.

Our CSS is also written into each page's head (`inline_css`, by overrides/main.html), so that no
stylesheet of ours is a request that holds back the first paint; the file stays for generators
that run no hooks, which link it instead.

The readable sources stay under docs/ for contributors; the built copies are minified after each
build, by the MkDocs hook (macros/mkdocs_hooks.py; ProperDocs runs it too). Zensical runs no hooks
and serves the sources as they are, which work the same, only larger. `make bench` holds the served
size to the learner's-journey budget.
"""

from __future__ import annotations

from pathlib import Path

OWN_ASSETS = ("javascripts/*.js", "stylesheets/*.css")


def minified(name: str, text: str) -> str:
    """One asset's text as served. rjsmin and rcssmin strip comments and white space only: they
    rename nothing, so a module's exports and a selector's meaning are untouched."""
    if name.endswith(".js"):
        from rjsmin import jsmin

        return jsmin(text)
    if name.endswith(".css"):
        from rcssmin import cssmin

        return cssmin(text)
    raise ValueError(f"expected a .js or .css file, found {name!r}")


def inline_css(docs_dir: Path) -> str:
    """Our stylesheets, minified and joined, for a `<style>` element in each page's head."""
    sheets = sorted((docs_dir / "stylesheets").glob("*.css"))
    return "".join(minified(sheet.name, sheet.read_text(encoding="utf-8")) for sheet in sheets)


def own_assets(docs_dir: Path) -> list[Path]:
    """Our JavaScript and CSS sources under docs/ (not Material's, which ship minified)."""
    return sorted(path for pattern in OWN_ASSETS for path in docs_dir.glob(pattern))


def minify_site(docs_dir: Path, site_dir: Path) -> list[Path]:
    """Replace the built copy of each of our assets with its minified text; return them."""
    done = []
    for source in own_assets(docs_dir):
        built = site_dir / source.relative_to(docs_dir)
        if built.is_file():
            built.write_text(minified(source.name, source.read_text(encoding="utf-8")), "utf-8")
            done.append(built)
    return done
