"""Lighthouse on the built sites, ours against the peer's (issue 9's budgets).

Each site is served with gzip on the loopback address (bench/serve.py). Lighthouse, pinned in
bench/node/package.json and installed by `make lighthouse`, audits one page of each type (home,
the largest pathway page, the largest quiz page) as a phone (its default: a simulated slow 4G
and a 4x slower CPU) and as a desktop, several times, ours and the peer's interleaved. The table
shows medians. Budgets, on our site:

- CLS 0 on every page type, in every run;
- accessibility, best practices and SEO 100 on every page type, in every run;
- nothing of ours blocks the first paint, and nothing is fetched from another host (fonts);
- performance at least 95 on a phone, and above the peer's on each page type and form factor
  (equal counts only where both score 100).

`python bench/lighthouse.py [ours-site peer-site]` runs this part alone on sites built already.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MOBILE_PERFORMANCE_BUDGET = 95
OURS = ("/stylesheets/", "/javascripts/")  # our assets' folders; Material's are under /assets/


@dataclass(frozen=True)
class Run:
    """What one Lighthouse run found on one page."""

    scores: dict[str, int]
    metrics: dict[str, float]  # fcp, lcp, tbt (ms), cls
    blocking: dict[str, float]  # render-blocking URL path -> its estimated cost in ms
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
                "cls": audits["cumulative-layout-shift"]["numericValue"],
            },
            blocking={urlsplit(i["url"]).path: i.get("wastedMs", 0) for i in blocking},
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
        return "node is not installed (Lighthouse runs on Node.js 18 or later)"
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


def audit_sites(sites: dict[str, Path], runs: int) -> dict[tuple[str, str, str], list[Run]]:
    """(site, page type, form factor) -> its runs; the sites interleaved run by run."""
    pages = page_types(sites["ours"])
    REPORTS.mkdir(parents=True, exist_ok=True)
    found: dict[tuple[str, str, str], list[Run]] = {}
    with served(sites["ours"]) as ours_url, served(sites["peer"]) as peer_url:
        base = {"ours": ours_url, "peer": peer_url}
        for run in range(runs):
            for page, path in pages.items():
                for form_factor in FORM_FACTORS:
                    for site in sites:
                        report = REPORTS / f"{site}-{page}-{form_factor}-{run + 1}.json"
                        result = audit(base[site] + path, form_factor, report)
                        found.setdefault((site, page, form_factor), []).append(result)
    return found


def _median(values) -> float:
    return statistics.median(values)


def table(found: dict[tuple[str, str, str], list[Run]], pages: dict[str, str]) -> list[str]:
    lines = [
        f"  {'page':<8} {'form':<8} {'site':<5} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}"
        f" {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6}"
    ]
    for page in pages:
        for form_factor in FORM_FACTORS:
            for site in ("ours", "peer"):
                runs = found[(site, page, form_factor)]
                score = {c: _median(r.scores[c] for r in runs) for c in CATEGORIES}
                metric = {m: _median(r.metrics[m] for r in runs) for m in runs[0].metrics}
                lines.append(
                    f"  {page:<8} {form_factor:<8} {site:<5} {score['performance']:>4g}"
                    f" {score['accessibility']:>4g} {score['best-practices']:>4g}"
                    f" {score['seo']:>4g} {metric['fcp']:>7.0f} {metric['lcp']:>7.0f}"
                    f" {metric['tbt']:>7.0f} {metric['cls']:>6.3f}"
                )
    return lines


def verdicts(found: dict[tuple[str, str, str], list[Run]], pages: dict[str, str]) -> list[str]:
    """Each budget missed, in words; empty when all are met."""
    missed = []
    for page in pages:
        for form_factor in FORM_FACTORS:
            ours, peer = found[("ours", page, form_factor)], found[("peer", page, form_factor)]
            where = f"{page} ({form_factor})"
            if worst := max(r.metrics["cls"] for r in ours):
                missed.append(f"{where}: CLS {worst:.3f}, not 0")
            for category in CATEGORIES[1:]:
                if (low := min(r.scores[category] for r in ours)) < 100:
                    missed.append(f"{where}: {category} {low}, not 100")
            blocking = {p for r in ours for p in r.blocking if p.startswith(OURS)}
            if blocking:
                missed.append(f"{where}: ours blocks the first paint: {sorted(blocking)}")
            if hosts := {h for r in ours for h in r.hosts if h != "127.0.0.1"}:
                missed.append(f"{where}: requests to other hosts: {sorted(hosts)}")
            mine = _median(r.scores["performance"] for r in ours)
            theirs = _median(r.scores["performance"] for r in peer)
            if form_factor == "mobile" and mine < MOBILE_PERFORMANCE_BUDGET:
                missed.append(f"{where}: performance {mine:g}, under {MOBILE_PERFORMANCE_BUDGET}")
            if mine < theirs or (mine == theirs and mine < 100):
                missed.append(f"{where}: performance {mine:g}, not above the peer's {theirs:g}")
    return missed


def blocking_costs(found: dict[tuple[str, str, str], list[Run]]) -> list[str]:
    """Lighthouse's estimate of each render-blocking file's cost on our pages (mobile)."""
    costs: dict[str, list[float]] = {}
    for (site, _page, form_factor), runs in found.items():
        if site == "ours" and form_factor == "mobile":
            for run in runs:
                for path, ms in run.blocking.items():
                    costs.setdefault(path.rsplit("/", 1)[-1], []).append(ms)
    return [f"    {name}: {_median(ms):.0f} ms" for name, ms in sorted(costs.items())]


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
    found = audit_sites(sites, RUNS)
    print("\n".join(table(found, pages)))
    print("  render-blocking on our pages, mobile (Lighthouse's estimate of each one's cost):")
    print("\n".join(blocking_costs(found)) or "    none")
    missed = verdicts(found, pages)
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
