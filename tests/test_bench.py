"""`make bench` compares like with like. Its peer site (the source guides as Markdown, our own
questions as mkdocs-quiz pages) and its 50-role fixtures build, with the site's pages, every guide
and every question; its plain-Markdown and mkdocs-macros-floor projects build the same pages as
the site, with the same text. (The bench itself measures time; no test does.)"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from pages import article

from macros.catalog import load_catalog


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = load_bench()
import fixtures  # noqa: E402 - bench/fixtures.py, on sys.path once bench/run.py is loaded


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def test_the_bench_builds_the_same_pages_without_macros_and_with_an_idle_plugin(
    tmp_path, built_site
):
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


def assert_peer_of(ours: Path, ours_site: Path, peer: Path, peer_site: Path) -> None:
    """The peer has our pages, every guide's text and every question of ours, each once."""
    config = (peer / "mkdocs.yml").read_text(encoding="utf-8")
    assert "mkdocs_quiz" in config and "macros" not in config and "hooks" not in config
    assert build_site(peer, peer_site) == []
    assert pages(peer_site) == pages(ours_site)
    catalog = load_catalog(ours)
    guides = fixtures.guide_files()
    assert set(guides) == {role.split(fixtures.COPY_MARK)[0] for role in catalog.pathways}
    for role in catalog.pathways:
        text = article(peer_site / "pathways" / role / "index.html").text
        guide = guides[role.split(fixtures.COPY_MARK)[0]].read_text(encoding="utf-8")
        lines = [line.strip() for line in guide.splitlines()]
        bullets = [line.lstrip("•- ") for line in lines if line.startswith(("•", "- "))]
        assert bullets, f"{role}: its guide has no list items to look for"
        for bullet in bullets:
            assert " ".join(bullet.split()) in text, f"{role}: the guide's {bullet!r} is missing"
    for role, quiz in catalog.quizzes.items():
        shown = article(peer_site / "quizzes" / role / "index.html").find_all("div", cls="quiz")
        assert len(shown) == len(quiz.questions), f"{role}: not one mkdocs-quiz per question"
        for question, block in zip(quiz.questions, shown, strict=True):
            links = [a.attrs.get("href") for a in block.find_all("a")]
            assert str(question.reference.url) in links, f"{role}: {question.id} is not there"


def test_the_peer_site_has_every_guide_and_every_question(tmp_path, built_site):
    peer = fixtures.peer_project(ROOT, tmp_path)
    assert_peer_of(ROOT, built_site, peer, tmp_path / "site-peer")


@pytest.fixture(scope="module")
def fifty_roles(tmp_path_factory):
    """The 50-role fixtures: ours and its peer, built once for the tests below."""
    where = tmp_path_factory.mktemp("bench")
    ours = fixtures.scaled_project(where, fixtures.COPIES)
    assert build_site(ours, where / "site-ours") == []
    return ours, where


def test_the_large_fixture_has_each_pathway_and_quiz_ten_times_over(fifty_roles):
    ours, where = fifty_roles
    real = load_catalog(ROOT)
    scaled = load_catalog(ours)
    assert len(scaled.pathways) == len(real.pathways) * fixtures.COPIES
    assert len(scaled.quizzes) == len(real.quizzes) * fixtures.COPIES
    site = where / "site-ours"
    for folder, roles in (("pathways", scaled.pathways), ("quizzes", scaled.quizzes)):
        built = {p.parent.name for p in (site / folder).glob("*/index.html")}
        assert built == set(roles), f"{folder}: the built pages are not one per role"
    copy = f"ai-model-optimizer{fixtures.COPY_MARK}{fixtures.COPIES}"
    original = article(site / "quizzes" / "ai-model-optimizer" / "index.html")
    copied = article(site / "quizzes" / copy / "index.html")
    ids = [s.attrs["id"] for s in copied.find_all("section", cls="pw-question")]
    questions = real.quiz("ai-model-optimizer").questions
    assert ids == [f"{q.id}{fixtures.COPY_MARK}{fixtures.COPIES}" for q in questions]
    prompts = [p.text for p in original.find_all("div", cls="pw-prompt")]
    assert [p.text for p in copied.find_all("div", cls="pw-prompt")] == prompts


def test_the_large_peer_has_every_guide_and_every_question(fifty_roles):
    ours, where = fifty_roles
    peer = fixtures.peer_project(ours, where)
    assert_peer_of(ours, where / "site-ours", peer, where / "site-peer")
