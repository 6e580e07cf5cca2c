"""External links of the data (resources, quiz references), checked on demand: `pathways links`.

Never run by the tests: the web changes under us. The scheduled workflow runs it weekly.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from .catalog import Catalog

USER_AGENT = "backend-ai-pathways-link-check/1.0 (+https://github.com/)"


def external_links(catalog: Catalog) -> dict[str, list[str]]:
    """URL -> where it is used ("pathway:role" or "quiz:role#question")."""
    found: dict[str, list[str]] = {}
    for role, pathway in catalog.pathways.items():
        resources = [r for s in pathway.skills_to_learn for r in s.resources]
        resources += [r for phase in pathway.roadmap for r in phase.resources]
        for resource in resources:
            if resource.url:
                found.setdefault(resource.url, []).append(f"pathway:{role}")
    for role, quiz in catalog.quizzes.items():
        for question in quiz.questions:
            found.setdefault(question.reference.url, []).append(f"quiz:{role}#{question.id}")
    return found


def check(url: str, timeout: float = 15) -> str | None:
    """None if the URL answers, else what went wrong. HEAD first; some servers only do GET."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return str(getattr(error, "reason", error))
    return "no answer"


def check_all(urls: Iterable[str], workers: int = 8) -> dict[str, str]:
    """URL -> problem, for the URLs that failed."""
    urls = list(urls)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(check, urls)
    return {url: problem for url, problem in zip(urls, results, strict=True) if problem}
