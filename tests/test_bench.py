"""`make bench` compares like with like: its plain-Markdown and mkdocs-macros-floor projects build
the same pages as the site, with the same text. (The bench itself measures time; no test does.)"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import ROOT, build_site
from pages import article


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def test_the_bench_builds_the_same_pages_without_macros_and_with_an_idle_plugin(
    tmp_path, built_site
):
    bench = load_bench()
    plain = bench.plain_markdown_project(tmp_path)
    floor = bench.macros_floor_project(plain, tmp_path)
    assert "macros" not in (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "floor_module" in (floor / "mkdocs.yml").read_text(encoding="utf-8")

    expected = pages(built_site)
    assert "pathways/ai-model-optimizer/index.html" in expected
    for project in (plain, floor):
        site = tmp_path / f"site-{project.name}"
        assert build_site(project, site) == []
        assert pages(site) == expected
        for page in ("pathways/ai-research-engineer", "quizzes/ai-platform-engineer", ""):
            ours = article(built_site / page / "index.html").text
            theirs = article(site / page / "index.html").text
            assert theirs == ours, f"{project.name}: {page or 'home'} differs from the site's"
