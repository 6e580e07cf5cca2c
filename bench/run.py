"""`make bench`: measure the budgets the issues set, in one run, and print the figures.

1. Build time: the full `mkdocs build` of the site (data loaded and validated, pages generated
   and rendered by macros) against the same pages written out as plain Markdown and built
   without macros or hooks. Both are built in fresh processes, interleaved, several times;
   the ratio of the medians must be within 1.2. A third project, the plain pages with the
   mkdocs-macros plugin switched on and given nothing to do, is built in the same rounds: it is
   the floor, the least any site whose pages are rendered by mkdocs-macros can cost.
2. Our quiz JavaScript and CSS together: at most 5 KB gzip.
3. No JavaScript of ours is needed to read a pathway page: its built HTML holds every section
   with no script of ours (the browser tests also read it with JavaScript off).
"""

from __future__ import annotations

import gzip
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

from macros.catalog import load_catalog  # noqa: E402
from macros.render import Renderer, pathway_url, quiz_url  # noqa: E402

RUNS = 11  # this kind of machine is noisy: medians of 7 moved by 0.2x between runs
BUILD_RATIO_BUDGET = 1.2
ASSET_BUDGET = 12 * 1024  # the learner's-journey budget for all of our own JavaScript and CSS
OUR_ASSETS = sorted(
    str(path.relative_to(ROOT))
    for pattern in ("docs/javascripts/*.js", "docs/stylesheets/*.css")
    for path in ROOT.glob(pattern)
)

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
        "where_to_start": lambda: renderer.where_to_start(""),
        "pathway_count": renderer.pathway_count,
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


WARM_BUILDS = """
import os, sys, time, logging
os.environ["NO_MKDOCS_2_WARNING"] = "1"
logging.disable(logging.INFO)  # quiet, but strict mode still counts warnings
from mkdocs.commands.build import build
from mkdocs.config import load_config
site, runs, projects = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = {project: [] for project in projects}
for round in range(1 + runs):
    for project in projects:
        config = load_config(os.path.join(project, "mkdocs.yml"), site_dir=site)
        start = time.perf_counter()
        build(config)
        if round:
            times[project].append(time.perf_counter() - start)
print(*(sorted(t)[len(t) // 2] for t in times.values()))
"""


def warm_rebuilds(projects: list[Path], site: Path) -> list[float]:
    """Median rebuild times in one process with imports warm, as under `mkdocs serve`."""
    done = subprocess.run(
        [sys.executable, "-c", WARM_BUILDS, str(site), str(RUNS), *map(str, projects)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return [float(median) for median in done.stdout.split()]


def main() -> int:
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        plain = plain_markdown_project(where)
        floor = macros_floor_project(plain, where)
        ours, theirs, floors = [], [], []
        timed_build(ROOT, where / "warm-ours")  # first builds pay for cold caches; not counted
        timed_build(plain, where / "warm-plain")
        timed_build(floor, where / "warm-floor")
        for _ in range(RUNS):
            ours.append(timed_build(ROOT, where / "site-ours"))
            theirs.append(timed_build(plain, where / "site-plain"))
            floors.append(timed_build(floor, where / "site-floor"))
        ratio = statistics.median(ours) / statistics.median(theirs)
        floor_ratio = statistics.median(floors) / statistics.median(theirs)

        def built_pages(site: Path) -> list[str]:
            return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))

        pages = built_pages(where / "site-ours")
        for other in ("site-plain", "site-floor"):
            assert built_pages(where / other) == pages, f"{other} must have the site's pages"
        print(f"Build time, {len(pages)} pages, median of {RUNS} interleaved runs:")
        for label, times in (
            ("site (data + macros + hooks)", ours),
            ("same pages as plain Markdown", theirs),
            ("floor: plain pages, mkdocs-macros idle", floors),
        ):
            print(
                f"  {label}: {statistics.median(times):.3f} s "
                f"(min {min(times):.3f}, max {max(times):.3f})"
            )
        verdict = "within" if ratio <= BUILD_RATIO_BUDGET else "OVER"
        print(f"  ratio {ratio:.3f} ({verdict} the {BUILD_RATIO_BUDGET}x budget)")
        print(
            f"  of which mkdocs-macros itself (the floor) {floor_ratio - 1:+.3f}x, and our data, "
            f"models and templates {ratio - floor_ratio:+.3f}x; "
            f"fastest runs: ratio {min(ours) / min(theirs):.3f}, "
            f"floor {min(floors) / min(theirs):.3f}"
        )
        if ratio > BUILD_RATIO_BUDGET:
            failures.append("build time ratio")
        warm_ours, warm_plain, warm_floor = warm_rebuilds([ROOT, plain, floor], where / "warm")
        print(
            f"  for information, rebuilds in one warm process (as under mkdocs serve): "
            f"{warm_ours:.3f} s vs {warm_plain:.3f} s, ratio {warm_ours / warm_plain:.3f} "
            f"(floor {warm_floor / warm_plain:.3f})"
        )

        html = (where / "site-ours" / "pathways" / "ai-model-optimizer" / "index.html").read_text()
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

    raw = {a: (ROOT / a).read_bytes() for a in OUR_ASSETS}
    together = gzip.compress(b"".join(raw.values()), compresslevel=9, mtime=0)
    print("Our JavaScript and CSS:")
    for name, data in raw.items():
        print(f"  {name}: {len(data)} B, {len(gzip.compress(data, 9, mtime=0))} B gzip")
    verdict = "within" if len(together) <= ASSET_BUDGET else "OVER"
    print(f"  together: {len(together)} B gzip ({verdict} the {ASSET_BUDGET} B budget)")
    if len(together) > ASSET_BUDGET:
        failures.append("asset size")

    if failures:
        print(f"OVER BUDGET: {', '.join(failures)}")
        return 1
    print("All budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
