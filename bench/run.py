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
6. Lighthouse on home, a pathway and a quiz page, ours against the peer's, phone and desktop
   (issue 9; bench/lighthouse.py says which budgets). Skipped, with the reason, where Node.js or
   the pinned Lighthouse (`make lighthouse`) is missing.

`BENCH_RUNS=3 make bench` takes fewer rounds (for a quick look; the figures are then noisier).
"""

from __future__ import annotations

import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fixtures import (  # noqa: E402
    macros_floor_project,
    peer_project,
    plain_markdown_project,
    scaled_project,
)
from lighthouse import lighthouse_budget  # noqa: E402

# This kind of machine is noisy: medians of 7 moved by 0.2x between runs. The 50-role builds
# take ten times as long, so fewer rounds give as steady a median.
RUNS = int(os.environ.get("BENCH_RUNS", 11))
RUNS_LARGE = max(3, RUNS // 2)
PEER_RATIO_BUDGET = 0.8
WARM_RATIO_BUDGET = 1.0
ASSET_BUDGET = 12 * 1024  # the learner's-journey budget for all of our own JavaScript and CSS
OUR_ASSETS = sorted(
    str(path.relative_to(ROOT))
    for pattern in ("docs/javascripts/*.js", "docs/stylesheets/*.css")
    for path in ROOT.glob(pattern)
)


def timed_build(project: Path, site: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `mkdocs build` in a fresh process."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    # Not `-q`: it raises MkDocs' log level above WARNING, so strict mode would miss warnings.
    done = subprocess.run(
        [str(mkdocs), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        cwd=project,
        capture_output=True,
        text=True,
    )
    elapsed, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{done.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def cold_builds(projects: list[Path], where: Path, runs: int) -> list[list[tuple[float, float]]]:
    """Each project built `runs` times in fresh processes, interleaved; a first round uncounted
    (it pays for cold disk caches)."""
    times: list[list[tuple[float, float]]] = [[] for _ in projects]
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
        start, cpu = time.perf_counter(), time.process_time()
        build(load_config(os.path.join(project, "mkdocs.yml"), site_dir=site))
        if round:
            times[project].append((time.perf_counter() - start, time.process_time() - cpu))
print(json.dumps(list(times.values())))
"""


def warm_rebuilds(
    edits: dict[Path, tuple[str, str]], site: Path, runs: int
) -> list[list[tuple[float, float]]]:
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


def _medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in times), statistics.median(c for _, c in times)


def _versus(label: str, ours: list, peer: list, budget: float) -> tuple[str, bool]:
    """One line of figures; the verdict is on CPU time, which other work on a shared machine
    disturbs far less than wall-clock time (the builds are single-threaded)."""
    (ours_wall, ours_cpu), (peer_wall, peer_cpu) = _medians(ours), _medians(peer)
    ratio = ours_cpu / peer_cpu
    line = (
        f"    {label}: ours {ours_cpu:.3f} s CPU ({ours_wall:.3f} s wall), "
        f"peer {peer_cpu:.3f} s CPU ({peer_wall:.3f} s wall); ratio {ratio:.3f} "
        f"(wall {ours_wall / peer_wall:.3f}), {'within' if ratio <= budget else 'OVER'} {budget}x"
    )
    return line, ratio <= budget


def peer_budget(where: Path, failures: list[str]) -> Path:
    """Cold and warm builds of ours and the peer at 5 and 50 roles; return ours at 5 roles."""
    sizes = []
    for copies, runs in ((1, RUNS), (10, RUNS_LARGE)):
        ours = scaled_project(where, copies)
        sizes.append((ours, peer_project(ours, where), runs))
    print("Build time against the peer site (strict builds; medians of interleaved runs):")
    for ours, peer, runs in sizes:
        roles = len(list((ours / "data" / "pathways").glob("*.yaml")))
        cold_ours, cold_peer = cold_builds([ours, peer], where, runs)
        pages = built_pages(where / f"site-{ours.name}")
        assert built_pages(where / f"site-{peer.name}") == pages, "the peer must have our pages"
        warm_ours, warm_peer = warm_rebuilds(_edits(ours, peer), where / "warm", runs)
        print(f"  {roles} roles, {len(pages)} pages, {runs} runs each:")
        for label, ours_times, peer_times, budget, what in (
            ("cold build", cold_ours, cold_peer, PEER_RATIO_BUDGET, "cold build"),
            (
                "warm rebuild after a one-line edit (ours YAML, peer Markdown)",
                warm_ours,
                warm_peer,
                WARM_RATIO_BUDGET,
                "warm rebuild",
            ),
        ):
            line, within = _versus(label, ours_times, peer_times, budget)
            print(line)
            if not within:
                failures.append(f"{what} ratio at {roles} roles")
    return sizes[0][0]


def plain_markdown_figures(ours: Path, where: Path) -> None:
    """Issue 2's retired budget, for information: plain Markdown and the mkdocs-macros floor."""
    plain = plain_markdown_project(where)
    floor = macros_floor_project(plain, where)
    times = cold_builds([ours, plain, floor], where, RUNS)
    pages = built_pages(where / f"site-{ours.name}")
    for other in (plain, floor):
        assert built_pages(where / f"site-{other.name}") == pages, f"{other} must have our pages"
    (ours_wall, ours_cpu), (plain_wall, plain_cpu), (_, floor_cpu) = map(_medians, times)
    ratio, floor_ratio = ours_cpu / plain_cpu, floor_cpu / plain_cpu
    print(
        f"For information, issue 2's retired budget: the same {len(pages)} pages as plain "
        f"Markdown (medians of {RUNS}):\n"
        f"    ours {ours_cpu:.3f} s CPU ({ours_wall:.3f} s wall), plain {plain_cpu:.3f} s CPU "
        f"({plain_wall:.3f} s wall); ratio {ratio:.3f}, of which mkdocs-macros idle (the floor) "
        f"{floor_ratio - 1:+.3f}x and our data, models and templates {ratio - floor_ratio:+.3f}x"
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
    """Our JavaScript and CSS as served (minified by the build's hook), beside their sources."""
    from macros.assets import minified

    source = {a: (ROOT / a).read_text(encoding="utf-8") for a in OUR_ASSETS}
    served = {a: minified(a, text).encode() for a, text in source.items()}
    together = gzip.compress(b"".join(served.values()), compresslevel=9, mtime=0)
    print("Our JavaScript and CSS, as served (minified; the readable source in brackets):")
    for name, data in served.items():
        plain = source[name].encode()
        print(
            f"  {name}: {len(gzip.compress(data, 9, mtime=0))} B gzip "
            f"({len(gzip.compress(plain, 9, mtime=0))} B)"
        )
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
        peer = where / f"site-peer-{ours.name}"
        lighthouse_budget({"ours": where / f"site-{ours.name}", "peer": peer}, failures)
    asset_sizes(failures)
    if failures:
        print(f"OVER BUDGET: {', '.join(failures)}")
        return 1
    print("All budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
