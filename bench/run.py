"""`make bench`: measure the budgets the issues set, in one run, and print the figures.

1. Build time against the peer site (issue 11): what a user would pick instead of this project,
   the five source guides as hand-written Markdown plus one mkdocs-quiz page per role holding our
   own questions (bench/fixtures.py builds it from our data). Our strict build must take at most
   0.8x as long as the peer's, at today's size and with 50 roles (each pathway and quiz copied
   ten times under new roles, the peer's pages likewise). Cold builds run in fresh processes,
   interleaved, several times; the ratio is of the medians.
2. Warm rebuilds, as under `mkdocs serve` (one process; config loaded again for each build):
   ours after a one-line YAML edit against the peer's after a one-line Markdown edit. Ours must
   take at most as long as the peer's.
3. For information, the retired budget of issue 2: the same pages as plain Markdown (no macros,
   no hooks), and the floor, those pages with the mkdocs-macros plugin switched on and idle.
4. Our quiz JavaScript and CSS together: at most 5 KB gzip.
5. No JavaScript of ours is needed to read a pathway page: its built HTML holds every section
   with no script of ours (the browser tests also read it with JavaScript off).

`BENCH_RUNS=3 make bench` takes fewer rounds (for a quick look; the figures are then noisier).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fixtures import peer_project, scaled_project  # noqa: E402

from macros.catalog import load_catalog  # noqa: E402
from macros.render import Renderer, pathway_url, quiz_url  # noqa: E402

# This kind of machine is noisy: medians of 7 moved by 0.2x between runs. The 50-role builds
# take ten times as long, so fewer rounds give as steady a median.
RUNS = int(os.environ.get("BENCH_RUNS", 11))
RUNS_LARGE = max(3, RUNS // 2)
PEER_RATIO_BUDGET = 0.8
WARM_RATIO_BUDGET = 1.0
ASSET_BUDGET = 5 * 1024
OUR_ASSETS = ["docs/javascripts/quiz.js", "docs/stylesheets/pathways.css"]

# A page's macro calls as the pages and the stubs (macros/stubs.py) write them: {{ name("arg") }}.
MACRO_CALL = re.compile(r'\{\{ (\w+)\((?:"([^"]*)")?\) \}\}')
MACROS_ON = "render_macros: true\n"


def plain_markdown_project(where: Path) -> Path:
    """The same site with every generated page written out by hand as plain Markdown."""
    renderer = Renderer(load_catalog(ROOT))
    project = where / "plain"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    from mkdocs.utils.yaml import yaml_load  # resolves MkDocs' own tags (!ENV)

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [
        p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)
    ]
    config.pop("hooks", None)
    config.pop("watch", None)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    # Every page that asks for macros gets each call's output written in, and asks no more.
    expand = {
        "pathway_page": lambda role: renderer.pathway_page(role, pathway_url(role)),
        "quiz_page": lambda role: renderer.quiz_page(role, quiz_url(role)),
        "pathway_cards": lambda: renderer.pathway_cards(""),
        "project_markdown": lambda name: (ROOT / name).read_text(encoding="utf-8"),
    }
    sources = {
        path.relative_to(ROOT / "docs").as_posix(): path.read_text(encoding="utf-8")
        for path in (ROOT / "docs").rglob("*.md")
    }
    for name, text in sources.items():
        if MACROS_ON not in text:
            continue
        target = project / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        plain = MACRO_CALL.sub(lambda call: expand[call[1]](*filter(None, [call[2]])), text)
        target.write_text(plain.replace(MACROS_ON, "", 1), encoding="utf-8")
    return project


def macros_floor_project(plain: Path, where: Path) -> Path:
    """The plain pages with mkdocs-macros switched on and an empty module: the plugin's own cost."""
    project = where / "floor"
    shutil.copytree(plain, project)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].append(
        {"macros": {"module_name": "floor_module", "render_by_default": False}}
    )
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (project / "floor_module.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    return project


def timed_build(project: Path, site: Path) -> float:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    start = time.perf_counter()
    # Not `-q`: it raises MkDocs' log level above WARNING, so strict mode would miss warnings.
    done = subprocess.run(
        [str(mkdocs), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        cwd=project,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{done.stderr}")
    return elapsed


def cold_builds(projects: list[Path], where: Path, runs: int) -> list[list[float]]:
    """Each project built `runs` times in fresh processes, interleaved; a first round uncounted
    (it pays for cold disk caches)."""
    times: list[list[float]] = [[] for _ in projects]
    for round in range(1 + runs):
        for index, project in enumerate(projects):
            elapsed = timed_build(project, where / f"site-{project.name}")
            if round:
                times[index].append(elapsed)
    return times


# One process, as under `mkdocs serve`: before each build, one line of one source file changes
# (a pathway's YAML for us, a guide's Markdown for the peer), and the config is loaded again.
WARM_BUILDS = """
import json, os, sys, time, logging
os.environ["NO_MKDOCS_2_WARNING"] = "1"
logging.disable(logging.INFO)  # quiet, but strict mode still counts warnings
from mkdocs.commands.build import build
from mkdocs.config import load_config
site, runs, edits = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
times = {project: [] for project in edits}
for round in range(1 + runs):
    for project, (name, prefix) in edits.items():
        path = os.path.join(project, name)
        with open(path, encoding="utf-8") as file:
            lines = file.read().split("\\n")
        line = next(i for i, text in enumerate(lines) if text.startswith(prefix))
        lines[line] += f" {round}"
        with open(path, "w", encoding="utf-8") as file:
            file.write("\\n".join(lines))
        start = time.perf_counter()
        build(load_config(os.path.join(project, "mkdocs.yml"), site_dir=site))
        if round:
            times[project].append(time.perf_counter() - start)
print(json.dumps(list(times.values())))
"""


def warm_rebuilds(edits: dict[Path, tuple[str, str]], site: Path, runs: int) -> list[list[float]]:
    """Rebuild times in one warm process after a one-line edit (file, prefix of its line)."""
    import json

    done = subprocess.run(
        [
            sys.executable,
            "-c",
            WARM_BUILDS,
            str(site),
            str(runs),
            json.dumps({str(p): list(edit) for p, edit in edits.items()}),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode != 0:
        sys.exit(f"the warm rebuilds failed:\n{done.stderr}")
    return json.loads(done.stdout)


def built_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def _edits(ours: Path, peer: Path) -> dict[Path, tuple[str, str]]:
    role = sorted((ours / "data" / "pathways").glob("*.yaml"))[0].stem
    return {
        ours: (f"data/pathways/{role}.yaml", "headline: "),
        peer: (f"docs/pathways/{role}.md", "# "),
    }


def peer_budget(where: Path, failures: list[str]) -> Path:
    """Cold and warm builds of ours and the peer at 5 and 50 roles; return ours at 5 roles."""
    med = statistics.median
    sizes = []
    for copies, runs in ((1, RUNS), (10, RUNS_LARGE)):
        ours = scaled_project(where, copies)
        sizes.append((ours, peer_project(ours, where), runs))
    print(f"Build time against the peer site (strict builds; at most {PEER_RATIO_BUDGET}x):")
    rows = []
    for ours, peer, runs in sizes:
        roles = len(list((ours / "data" / "pathways").glob("*.yaml")))
        cold_ours, cold_peer = cold_builds([ours, peer], where, runs)
        pages = built_pages(where / f"site-{ours.name}")
        assert built_pages(where / f"site-{peer.name}") == pages, "the peer must have our pages"
        warm_ours, warm_peer = warm_rebuilds(_edits(ours, peer), where / "warm", runs)
        rows.append((roles, len(pages), runs, cold_ours, cold_peer, warm_ours, warm_peer))
    for roles, pages, runs, cold_ours, cold_peer, warm_ours, warm_peer in rows:
        ratio = med(cold_ours) / med(cold_peer)
        warm = med(warm_ours) / med(warm_peer)
        cold_ok, warm_ok = ratio <= PEER_RATIO_BUDGET, warm <= WARM_RATIO_BUDGET
        print(
            f"  {roles:>2} roles, {pages} pages, medians of {runs} interleaved runs:\n"
            f"    cold build: ours {med(cold_ours):.3f} s (min {min(cold_ours):.3f}), "
            f"peer {med(cold_peer):.3f} s (min {min(cold_peer):.3f}); "
            f"ratio {ratio:.3f} ({'within' if cold_ok else 'OVER'} {PEER_RATIO_BUDGET}x)\n"
            f"    warm rebuild after a one-line edit: ours (YAML) {med(warm_ours):.3f} s, "
            f"peer (Markdown) {med(warm_peer):.3f} s; "
            f"ratio {warm:.3f} ({'within' if warm_ok else 'OVER'} {WARM_RATIO_BUDGET}x)"
        )
        if not cold_ok:
            failures.append(f"cold build ratio at {roles} roles")
        if not warm_ok:
            failures.append(f"warm rebuild ratio at {roles} roles")
    return sizes[0][0]


def plain_markdown_figures(ours: Path, where: Path) -> None:
    """Issue 2's retired budget, for information: plain Markdown and the mkdocs-macros floor."""
    plain = plain_markdown_project(where)
    floor = macros_floor_project(plain, where)
    ours_times, plain_times, floor_times = cold_builds([ours, plain, floor], where, RUNS)
    pages = built_pages(where / f"site-{ours.name}")
    for other in (plain, floor):
        assert built_pages(where / f"site-{other.name}") == pages, f"{other} must have our pages"
    med = statistics.median
    ratio = med(ours_times) / med(plain_times)
    floor_ratio = med(floor_times) / med(plain_times)
    print(
        f"For information, against the same pages as plain Markdown ({len(pages)} pages, "
        f"medians of {RUNS}): ours {med(ours_times):.3f} s, plain {med(plain_times):.3f} s, "
        f"ratio {ratio:.3f}; mkdocs-macros idle (the floor) {floor_ratio - 1:+.3f}x, our data, "
        f"models and templates {ratio - floor_ratio:+.3f}x"
    )


def pathway_page_check(site: Path, failures: list[str]) -> None:
    html = (site / "pathways" / "ai-model-optimizer" / "index.html").read_text()
    ours_scripts = [a for a in OUR_ASSETS if a.endswith(".js") and Path(a).name in html]
    sections = ["at-a-glance", "skills-to-learn", "roadmap", "reality-check", "salary-faq"]
    missing = [s for s in sections if f'id="{s}"' not in html]
    print(
        "Pathway page without JavaScript: every section is in the HTML"
        if not missing
        else f"Pathway page misses sections in its HTML: {missing}"
    )
    print(
        f"  (our quiz.js is loaded site-wide for instant navigation: {bool(ours_scripts)};"
        " it mounts only on [data-pw-quiz])"
    )
    if missing:
        failures.append("pathway page needs JavaScript")


def asset_sizes(failures: list[str]) -> None:
    raw = {a: (ROOT / a).read_bytes() for a in OUR_ASSETS}
    together = gzip.compress(b"".join(raw.values()), compresslevel=9, mtime=0)
    print("Our quiz JavaScript and CSS:")
    for name, data in raw.items():
        print(f"  {name}: {len(data)} B, {len(gzip.compress(data, 9, mtime=0))} B gzip")
    verdict = "within" if len(together) <= ASSET_BUDGET else "OVER"
    print(f"  together: {len(together)} B gzip ({verdict} the {ASSET_BUDGET} B budget)")
    if len(together) > ASSET_BUDGET:
        failures.append("asset size")


def main() -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        ours = peer_budget(where, failures)
        plain_markdown_figures(ours, where)
        pathway_page_check(where / f"site-{ours.name}", failures)
    asset_sizes(failures)
    if failures:
        print(f"OVER BUDGET: {', '.join(failures)}")
        return 1
    print("All budgets met.")
    return 0

if __name__ == "__main__":
    sys.exit(main())
