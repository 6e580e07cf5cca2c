"""Lighthouse on the built sites, ours against the peer's (issue 9's budgets).

Each site is served with gzip on the loopback address (bench/serve.py). Lighthouse, pinned in
bench/node/package.json and installed by `make lighthouse`, audits one page of each type (home,
the largest pathway page, the largest quiz page) as a phone (its default: a simulated slow 4G
and a 4x slower CPU) and as a desktop, several times, ours and the peer's interleaved. The table
shows medians. Budgets, on our site:

- CLS 0 on every page type, in every run;
- accessibility, best practices and SEO 100 on every page type, in every run;
- nothing of ours blocks the first paint, and nothing is fetched from another host (fonts);
- performance on a phone at least 95 where the cost is ours: on the same pages with Material's
  JavaScript bundle taken out (its CSS stays: a page cannot be read without it);
- performance above the peer's on each page type and form factor (equal only where both score
  100).

It also prints Lighthouse's figures for each file that holds back the first paint or runs long
on our pages: Material's cost beyond ours.

`python bench/lighthouse.py [ours-site peer-site]` runs this part alone on sites built already.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from serve import served  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "bench" / "node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "bench" / "out" / "lighthouse"
RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", 3))
FORM_FACTORS = {
    name: flags
    for name, flags in {"mobile": [], "desktop": ["--preset=desktop"]}.items()
    if name in os.environ.get("BENCH_LIGHTHOUSE_FORMS", "mobile,desktop").split(",")
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MOBILE_PERFORMANCE_BUDGET = 95
OURS = ("/stylesheets/", "/javascripts/")  # our assets' folders; Material's are under /assets/


@dataclass(frozen=True)
class Run:
    """What one Lighthouse run found on one page."""

    scores: dict[str, int]
    metrics: dict[str, float]  # fcp, lcp, tbt, si (ms), cls
    blocking: dict[str, float]  # render-blocking URL path -> its estimated cost in ms
    scripting: dict[str, float]  # script URL path -> its main-thread time in ms
    hosts: frozenset[str]  # every host a request went to

    @classmethod
    def of(cls, report: dict) -> Run:
        audits = report["audits"]
        blocking = audits["render-blocking-resources"].get("details", {}).get("items", [])
        requests = audits["network-requests"].get("details", {}).get("items", [])
        return cls(
            scores={c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES},
            metrics={
                "fcp": audits["first-contentful-paint"]["numericValue"],
                "lcp": audits["largest-contentful-paint"]["numericValue"],
                "tbt": audits["total-blocking-time"]["numericValue"],
                "si": audits["speed-index"]["numericValue"],
                "cls": audits["cumulative-layout-shift"]["numericValue"],
            },
            blocking={urlsplit(i["url"]).path: i.get("wastedMs", 0) for i in blocking},
            scripting={
                urlsplit(i["url"]).path: i["total"]
                for i in audits["bootup-time"].get("details", {}).get("items", [])
                if i["url"].endswith(".js")
            },
            hosts=frozenset(
                urlsplit(r["url"]).hostname for r in requests if r["url"].startswith("http")
            ),
        )


def chromium() -> str | None:
    candidates = [os.environ.get("PATHWAYS_CHROMIUM")]
    candidates += [shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed (Lighthouse 12 runs on Node.js 18.16 or later)"
    if not LIGHTHOUSE.is_file():
        return "Lighthouse is not installed: run `make lighthouse` (npm ci into bench/node/)"
    if chromium() is None:
        return "no Chromium found (install one, or set PATHWAYS_CHROMIUM)"
    return None


def audit(url: str, form_factor: str, report_path: Path) -> Run:
    """One Lighthouse run of one page; its full JSON report is kept for a closer look."""
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            *FORM_FACTORS[form_factor],
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report_path}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": chromium() or ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        sys.exit(f"Lighthouse failed on {url} ({form_factor}):\n{done.stderr[-3000:]}")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"Lighthouse could not load {url}: {report['runtimeError']}")
    return Run.of(report)


def page_types(site: Path) -> dict[str, str]:
    """Home, and the largest pathway and quiz pages (the worst case of each type)."""

    def largest(folder: str) -> str:
        pages = (site / folder).glob("*/index.html")
        return max(pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix()

    return {"home": "", "pathway": largest("pathways") + "/", "quiz": largest("quizzes") + "/"}


# Ours with Material's JavaScript bundle taken out of every page: what is left is our cost and
# Material's CSS. Our modules mount without it (they fall back when document$ is missing).
MATERIAL_BUNDLE = re.compile(
    r'<script (?:defer )?src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js">'
    r"</script>"
)
WITHOUT_BUNDLE = "ours, no Material JS"


def without_material_js(site: Path, where: Path) -> Path:
    copy = where / "site-without-material-js"
    shutil.copytree(site, copy)
    for page in copy.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(MATERIAL_BUNDLE.sub("", html), encoding="utf-8")
    return copy


def audit_sites(
    sites: dict[str, Path], pages: dict[str, str], forms: list[str], runs: int
) -> dict[tuple[str, str, str], list[Run]]:
    """(site, page type, form factor) -> its runs; the sites interleaved run by run."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    found: dict[tuple[str, str, str], list[Run]] = {}
    with ExitStack() as stack:
        base = {label: stack.enter_context(served(site)) for label, site in sites.items()}
        for run in range(runs):
            for page, path in pages.items():
                for form_factor in forms:
                    for label in sites:
                        name = re.sub(r"\W+", "-", label)
                        report = REPORTS / f"{name}-{page}-{form_factor}-{run + 1}.json"
                        result = audit(base[label] + path, form_factor, report)
                        found.setdefault((label, page, form_factor), []).append(result)
    return found


def _median(values) -> float:
    return statistics.median(values)


def table(found: dict[tuple[str, str, str], list[Run]]) -> list[str]:
    lines = [
        f"  {'page':<8} {'form':<8} {'site':<20} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}"
        f" {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7} {'SI ms':>6} {'CLS':>6}"
    ]
    for (label, page, form_factor), runs in sorted(found.items(), key=_row_order):
        score = {c: _median(r.scores[c] for r in runs) for c in CATEGORIES}
        metric = {m: _median(r.metrics[m] for r in runs) for m in runs[0].metrics}
        lines.append(
            f"  {page:<8} {form_factor:<8} {label:<20} {score['performance']:>4g}"
            f" {score['accessibility']:>4g} {score['best-practices']:>4g}"
            f" {score['seo']:>4g} {metric['fcp']:>7.0f} {metric['lcp']:>7.0f}"
            f" {metric['tbt']:>7.0f} {metric['si']:>6.0f} {metric['cls']:>6.3f}"
        )
    return lines


def _row_order(item) -> tuple:
    (label, page, form_factor), _ = item
    return (list(PAGE_ORDER).index(page), form_factor != "mobile", label != "ours", label)


PAGE_ORDER = ("home", "pathway", "quiz")


def verdicts(found: dict[tuple[str, str, str], list[Run]]) -> list[str]:
    """Each budget missed, in words; empty when all are met."""
    missed = []
    for (label, page, form_factor), ours in sorted(found.items(), key=_row_order):
        where = f"{page} ({form_factor})"
        performance = _median(r.scores["performance"] for r in ours)
        if label == WITHOUT_BUNDLE and performance < MOBILE_PERFORMANCE_BUDGET:
            missed.append(
                f"{where}: performance {performance:g} even without Material's JavaScript, "
                f"under {MOBILE_PERFORMANCE_BUDGET}"
            )
        if label != "ours":
            continue
        if worst := max(r.metrics["cls"] for r in ours):
            missed.append(f"{where}: CLS {worst:.3f}, not 0")
        for category in CATEGORIES[1:]:
            if (low := min(r.scores[category] for r in ours)) < 100:
                missed.append(f"{where}: {category} {low}, not 100")
        if blocking := {p for r in ours for p in r.blocking if p.startswith(OURS)}:
            missed.append(f"{where}: ours blocks the first paint: {sorted(blocking)}")
        if hosts := {h for r in ours for h in r.hosts if h != "127.0.0.1"}:
            missed.append(f"{where}: requests to other hosts: {sorted(hosts)}")
        peer = _median(r.scores["performance"] for r in found[("peer", page, form_factor)])
        if performance < peer or (performance == peer and performance < 100):
            missed.append(f"{where}: performance {performance:g}, not above the peer's {peer:g}")
    return missed


def material_costs(found: dict[tuple[str, str, str], list[Run]]) -> list[str]:
    """Lighthouse's own figures for Material's files on our pages (mobile): how long each holds
    back the first paint, and the main-thread time of its JavaScript."""
    lines = []
    for page in PAGE_ORDER:
        runs = found.get(("ours", page, "mobile"), [])
        if not runs:
            continue
        costs: dict[str, list[float]] = {}
        for run in runs:
            for path, ms in run.blocking.items():
                costs.setdefault(f"{path.rsplit('/', 1)[-1]} blocks {{:.0f}} ms", []).append(ms)
            for path, ms in run.scripting.items():
                costs.setdefault(f"{path.rsplit('/', 1)[-1]} runs {{:.0f}} ms", []).append(ms)
        figures = ", ".join(what.format(_median(ms)) for what, ms in sorted(costs.items()))
        lines.append(f"    {page}: {figures or 'none'}")
    return lines


def lighthouse_budget(sites: dict[str, Path], failures: list[str]) -> None:
    """The Lighthouse table and budgets, or a clear word on why they were skipped."""
    if reason := missing():
        print(f"Lighthouse: SKIPPED, {reason}.")
        return
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    pages = page_types(sites["ours"])
    print(
        f"Lighthouse {version.stdout.strip()} (medians of {RUNS} runs; served with gzip; "
        f"pages: {', '.join(f'{k} /{v}' for k, v in pages.items())}):"
    )
    found = audit_sites(sites, pages, list(FORM_FACTORS), RUNS)
    if "mobile" in FORM_FACTORS:
        with tempfile.TemporaryDirectory() as tmp:
            bare = {WITHOUT_BUNDLE: without_material_js(sites["ours"], Path(tmp))}
            found |= audit_sites(bare, pages, ["mobile"], RUNS)
    print("\n".join(table(found)))
    print("  Files that hold back the first paint or run on our pages (mobile; medians):")
    print("\n".join(material_costs(found)))
    missed = verdicts(found)
    for line in missed:
        print(f"  OVER: {line}")
    if missed:
        failures.append("Lighthouse")


def built_sites(where: Path) -> dict[str, Path]:
    """Our site and its peer, each built into `where` by a strict build."""
    from fixtures import peer_project, scaled_project
    from run import timed_build

    ours = scaled_project(where, 1)
    sites = {"ours": where / "site-ours", "peer": where / "site-peer"}
    timed_build(ours, sites["ours"])
    timed_build(peer_project(ours, where), sites["peer"])
    return sites


def main(argv: list[str]) -> int:
    """This part of `make bench` alone, on sites built already or built here."""
    failures: list[str] = []
    if len(argv) == 2:
        lighthouse_budget({"ours": Path(argv[0]), "peer": Path(argv[1])}, failures)
    elif argv:
        sys.exit("usage: python bench/lighthouse.py [OURS_SITE PEER_SITE]")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            lighthouse_budget(built_sites(Path(tmp)), failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
