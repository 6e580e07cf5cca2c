"""Pages from models, through the package's own Jinja templates.

Data text is text: every template is autoescaped, data never becomes part of a template's source,
and the one place Markdown from data is allowed (quiz prompts and explanations) goes through
`markdown_html`, which has raw HTML switched off and refuses links that are not http(s).
"""

from __future__ import annotations

import functools
import posixpath
import re
import string
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup, escape

from .cues import shown_order
from .grading import format_number, key_of, option_id
from .models import Pathway
from .plan import FULL_TIME_HOURS, MAX_HOURS, full_time_hours, plan_data

TEMPLATES = Path(__file__).parent / "templates"

# Python-Markdown's escapable characters: markup even after HTML escaping (headings only; page
# bodies are HTML blocks, which Markdown leaves alone).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
# Only http(s) links, and anchors within the page; anything else is left as plain text.
_SAFE_LINK = re.compile(r"^(https?://|#)", re.IGNORECASE)
_markdown.validateLink = lambda url: bool(_SAFE_LINK.match(url.strip()))
# Data text sits under the page's own headings (a question's, an explanation's): a heading of its
# own would break the page's outline, so `# ...` and underlined lines stay text.
_markdown.disable(["heading", "lheading"])
# What starts inline Markdown in CommonMark, or what its normaliser rewrites. Text without any of
# these renders as itself, escaped as markdown-it escapes: most options are such text, and they
# skip the parser (tests/test_render.py holds the shortcut to markdown-it's output).
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]!<&\n\r\x00]")


# A line that could be anything but the next line of a paragraph: blank, or starting (after
# spaces) a fence, a quote, a thematic break, a list item, a reference, or markup we leave alone
# to be safe. Text with no such line, and no space before it, is one paragraph: most prompts and
# explanations are, and they skip markdown-it's block parser (a third of its time on them).
_NOT_PARAGRAPH_LINE = re.compile(r"^[ \t]*(?:$|[`~>*_+\-=\[#|<\\]|\d{1,9}[.)])", re.MULTILINE)


def markdown_html(text: str) -> Markup:
    """The one audited Markdown filter: CommonMark, raw HTML shown as text, only http(s) links."""
    if (
        text
        and not text[0].isspace()
        and "\r" not in text
        and "\0" not in text
        and _NOT_PARAGRAPH_LINE.search(text.rstrip()) is None
    ):  # one paragraph: its text is inline Markdown, as markdown-it's paragraph rule reads it
        return Markup(f"<p>{_markdown.renderInline(text.strip())}</p>\n")
    return Markup(_markdown.render(text))


def markdown_inline(text: str) -> Markup:
    if _INLINE_MARKUP.search(text) is None:
        return Markup(escapeHtml(text))
    return Markup(_markdown.renderInline(text))


def heading_text(text: str) -> Markup:
    """Escape data text for a Markdown heading: HTML-escaped, Markdown punctuation backslashed."""
    return escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text))


def week_ranges(pathway: Pathway) -> list[tuple[int, int]]:
    """Cumulative (first week, last week) of each roadmap phase: (1, 4), (5, 10), ..."""
    ranges, start = [], 1
    for phase in pathway.roadmap:
        ranges.append((start, start + phase.weeks - 1))
        start += phase.weeks
    return ranges


def timeline_shares(pathway: Pathway) -> list[tuple[float, float]]:
    """Each phase's (start, length) as percentages of the whole roadmap, for drawing it."""
    total = pathway.roadmap_weeks
    return [
        (round(100 * (first - 1) / total, 3), round(100 * (last - first + 1) / total, 3))
        for first, last in week_ranges(pathway)
    ]


def stated(items, field: str) -> bool:
    """Whether the source states `field` for at least one item (a column worth a column)."""
    return any(getattr(item, field) is not None for item in items)


def percent(change) -> str:
    if change is None:
        return "not stated"
    prefix = "about " if change.approximate else ""
    if change.high is None:
        return f"{prefix}+{change.low}% or more"
    if change.high == change.low:
        return f"{prefix}+{change.low}%"
    return f"{prefix}+{change.low}% to +{change.high}%"


def months(timeline) -> str:
    if timeline is None:
        return "not stated"
    if timeline.min_months == timeline.max_months:
        return f"{timeline.min_months} months"
    return f"{timeline.min_months}–{timeline.max_months} months"


def dollars(salary_range) -> str:
    if salary_range is None:
        return "not stated"
    return f"${salary_range.min_k}k–${salary_range.max_k}k"


def weeks_label(weeks) -> str:
    if weeks is None:
        return "not stated"
    if weeks == "ongoing":
        return "ongoing"
    return f"{weeks} week{'s' if weeks != 1 else ''}"


def relative_url(target: str, page_url: str) -> str:
    """A link from the page at `page_url` (a directory URL like 'pathways/x/') to `target`."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    return rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")


def pathway_url(role: str) -> str:
    return f"pathways/{role}/"


def quiz_url(role: str) -> str:
    return f"quizzes/{role}/"


def task_id(text: str) -> str:
    """A roadmap or action-plan task's id, from its own text (as an option's id is): saved ticks
    stay with their task when others are added, moved or reworded."""
    return option_id(text)


class ShownOption(NamedTuple):
    letter: str  # of the shown order: a), b), c)
    id: str  # grading.option_id, the value saved answers hold
    text: str
    correct: bool


def shown_options(question) -> list[ShownOption]:
    """A choice question's options in the order shown (cues.shown_order), lettered in that order."""
    order = shown_order(question.id, len(question.options))
    return [
        ShownOption(string.ascii_lowercase[position], option_id(o.text), o.text, o.correct)
        for position, o in enumerate(question.options[i] for i in order)
    ]


@functools.cache
def template_environment() -> Environment:
    """The package's one Jinja environment, shared by every build in a process (so `mkdocs serve`
    rebuilds reuse compiled templates) and backed by Jinja's per-user bytecode cache in the
    temp dir, which it checks against each template's source, as Python does with .pyc files."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=FileSystemBytecodeCache(),
    )
    env.filters.update(
        heading=heading_text,
        markdown=markdown_html,
        markdown_inline=markdown_inline,
        percent=percent,
        months=months,
        dollars=dollars,
        weeks=weeks_label,
        number=format_number,
    )
    from .glance import glance  # glance reads the figures through this module's filters

    env.globals.update(
        task_id=task_id,
        week_ranges=week_ranges,
        shown_options=shown_options,
        key_of=key_of,
        timeline_shares=timeline_shares,
        stated=stated,
        glance=glance,
        plan_data=plan_data,
        full_time_hours=full_time_hours,
        FULL_TIME_HOURS=FULL_TIME_HOURS,
        MAX_HOURS=MAX_HOURS,
    )
    return env


class Renderer:
    """Renders the site's data-driven pages; knows nothing of the site generator."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.env = template_environment()

    def _render(self, name: str, page_url: str, **context) -> str:
        def url(target: str) -> str:
            return relative_url(target, page_url)

        return self.env.get_template(name).render(
            url=url, pathway_url=pathway_url, quiz_url=quiz_url, catalog=self.catalog, **context
        )

    def pathway_page(self, role: str, page_url: str) -> str:
        pathway = self.catalog.pathway(role)
        return self._render(
            "pathway.md.j2", page_url, pathway=pathway, quiz=self.catalog.quizzes.get(role)
        )

    def quiz_page(self, role: str, page_url: str) -> str:
        quiz = self.catalog.quiz(role)
        return self._render("quiz.md.j2", page_url, quiz=quiz, pathway=self.catalog.pathway(role))

    def progress_page(self, page_url: str) -> str:
        from . import journey  # journey scores through this module's fingerprints and task ids

        return self._render(
            "progress.md.j2",
            page_url,
            index=journey.journey_index(self.catalog, lambda t: relative_url(t, page_url)),
            learning=journey.roles_learning(self.catalog),
            task_count=lambda pathway: len(journey.task_ids(pathway)),
            mastered_percent=journey.MASTERED_PERCENT,
        )

    def pathway_cards(self, page_url: str) -> str:
        return self._render("pathway_cards.html.j2", page_url)

    def where_to_start(self, page_url: str) -> str:
        return self._render("where_to_start.html.j2", page_url)

    def compare_page(self, page_url: str) -> str:
        from . import compare

        pathways = self.catalog.pathways
        return self._render(
            "compare.md.j2",
            page_url,
            rows=compare.overlap_rows(pathways, self.catalog.skills),
            matrix=compare.coverage_matrix(pathways),
            best_pair=compare.best_pair,
            critical_count=compare.critical_count,
        )

    def fit_page(self, page_url: str) -> str:
        from .fit import questionnaire, rules  # fit builds on this module's helpers

        return self._render("fit.md.j2", page_url, form=questionnaire(self.catalog), rules=rules())

    def progress_transfer(self, page_url: str) -> str:
        return self._render("progress_transfer.html.j2", page_url)

    def pathway_count(self) -> str:
        """How many pathways there are, as prose writes a count: 'five', '12'."""
        return count_words(len(self.catalog.pathways))


_NUMBER_WORDS = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
]


def count_words(count: int) -> str:
    return _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)


def front_matter_text(text: str) -> str:
    """Data text for a page's title or description: the theme prints these as HTML and
    mkdocs-macros renders the title as a template, so markup and braces become entities."""
    return str(escape(text)).replace("{", "&#123;").replace("}", "&#125;")

