"""The projects `make bench` builds: our site at ten times its size, and the peer site.

The peer is what a user would pick instead of this project: the five source guides as
hand-written Markdown pages plus one mkdocs-quiz page per role holding our own questions, built by
MkDocs + Material with the same theme settings. Both are generated from our data, so they grow
with it; the 50-role fixtures copy each pathway and quiz ten times under new roles.

Also, for issue 2's retired budget: the site's pages written out as plain Markdown, and those
pages with the mkdocs-macros plugin switched on and idle (the floor of any macros site).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from macros.catalog import load_catalog
from macros.render import Renderer, pathway_url, quiz_url
from macros.stubs import write_stubs

ROOT = Path(__file__).resolve().parents[1]
COPIES = 10
COPY_MARK = "-copy-"  # role "x-copy-3" is the third copy of role "x"

# A copy's new role, and new question ids (they must be unique across all quizzes).
_ROLE_LINE = re.compile(r"^role: (\S+)$", re.MULTILINE)
_QUESTION_ID = re.compile(r"^(  - id: )(\S+)$", re.MULTILINE)


# The journey's pages (docs/journey/<name>.md); their stubs call argument-free macros.
JOURNEY_PAGES = ("compare", "fit", "progress")


def _copy_site_files(project: Path) -> None:
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copy(ROOT / "CONTRIBUTING.md", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    (project / "data").mkdir()
    shutil.copy(ROOT / "data" / "skills.yaml", project / "data")  # the site-wide catalogue


def scaled_project(where: Path, copies: int = COPIES) -> Path:
    """Our site with each pathway and quiz `copies` times (the original and copies - 1 more)."""
    project = where / f"ours-{copies}x"
    _copy_site_files(project)
    for folder in ("data/pathways", "quizzes"):
        (project / folder).mkdir(parents=True)
        for source in sorted((ROOT / folder).glob("*.yaml")):
            text = source.read_text(encoding="utf-8")
            (project / folder / source.name).write_text(text, encoding="utf-8")
            for n in range(2, copies + 1):
                role = f"{source.stem}{COPY_MARK}{n}"
                copy = _ROLE_LINE.sub(f"role: {role}", text, count=1)
                if folder == "quizzes":
                    copy = _QUESTION_ID.sub(rf"\g<1>\g<2>{COPY_MARK}{n}", copy)
                (project / folder / f"{role}.yaml").write_text(copy, encoding="utf-8")
    write_stubs(project, load_catalog(project))
    return project


def guide_files() -> dict[str, Path]:
    """Each role's source guide, from the table in sources/README.md."""
    table = (ROOT / "sources" / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\S+\.txt) \| `data/pathways/([\w-]+)\.yaml`", table, re.MULTILINE)
    return {role: ROOT / "sources" / name for name, role in rows}


# The guides' section titles, as a writer of the Markdown would mark them up.
_SECTIONS = {
    "Overview",
    "Your Transferable Skills",
    "Skills You'll Need to Learn",
    "Your Learning Roadmap",
    "Reality Check",
    "Start Your Journey Now",
    "Frequently Asked Questions",
    "Ready to Start Your Transition?",
}


_LABELS = {"Difficulty", "Timeline", "Salary Change", "Demand", "Tasks", "Resources"}
_FIGURE = re.compile(r"^(\d+ weeks?|Critical|Important|Nice to have|[+-]?\d)")


def guide_markdown(text: str) -> str:
    """A source guide as hand-written Markdown: section and item headings, lists, paragraphs."""
    blocks, titled, labelled = [], False, False
    for line in (raw.strip() for raw in text.splitlines()):
        if not line or line.isdigit():  # a roadmap phase's number: its name follows
            continue
        if not titled and not line.startswith("From "):  # the page header's breadcrumbs
            continue
        value, labelled = labelled, line in _LABELS
        if value:
            blocks.append(f"\n{line}\n")
        elif line.startswith(("•", "- ")):  # the guides' list items, in either style
            blocks.append(f"- {line.lstrip('•- ')}")
        elif line in _LABELS or _FIGURE.match(line):
            blocks.append(f"\n**{line}**\n")
        elif line in _SECTIONS:
            blocks.append(f"\n## {line}\n")
        elif not titled:
            blocks.append(f"\n# {line}\n")
            titled = True
        elif len(line) < 70 and not line.endswith((".", ":", "!", "?")) and not line.isdigit():
            blocks.append(f"\n### {line}\n")
        else:
            blocks.append(f"\n{line}\n")
    return "\n".join(blocks).replace("\n\n\n", "\n\n") + "\n"


def _front_matter(title: str, description: str) -> str:
    return "---\n" + yaml.safe_dump({"title": title, "description": description}) + "---\n\n"


def _fill_blank(answer: str) -> str:
    """mkdocs-quiz's blank `[[answer]]` holds one line without `]`: a writer would simplify."""
    return "[[" + " ".join(answer.split()).replace("[", "(").replace("]", ")") + "]]"


def quiz_markdown(quiz) -> str:
    """Our questions in mkdocs-quiz syntax: choice lists, fill-in blanks, the explanation after."""
    parts = ["<!-- mkdocs-quiz intro -->\n"]
    for question in quiz.questions:
        body = [question.prompt.strip(), ""]
        match question.type:
            case "single" | "multiple":
                body += [f"- [{'x' if o.correct else ' '}] {o.text}" for o in question.options]
            case "numeric":
                unit = f" (in {question.answer.unit})" if question.answer.unit else ""
                body += [f"Your answer{unit}: {_fill_blank(f'{question.answer.value:g}')}", "---"]
            case "code-output":
                body += ["```python", question.code.rstrip(), "```", ""]
                body += [f"What it prints: {_fill_blank(question.output)}", "---"]
        body += ["", question.explanation.strip(), ""]
        if question.type == "code-output":
            body += ["It prints:", "", "```text", question.output.rstrip(), "```", ""]
        body += [f"Source: [{question.reference.title}]({question.reference.url})"]
        parts.append("<quiz>\n" + "\n".join(body) + "\n</quiz>\n")
    parts.append("<!-- mkdocs-quiz results -->\n")
    return "\n".join(parts)


def peer_project(ours: Path, where: Path) -> Path:
    """The peer of the site at `ours` (the real one or a scaled copy): its roles, its questions."""
    from mkdocs.utils.yaml import yaml_load  # resolves MkDocs' own tags (!ENV)

    from macros.catalog import load_catalog

    catalog = load_catalog(ours)
    guides = guide_files()
    project = where / f"peer-{ours.name}"
    docs = project / "docs"
    (docs / "pathways").mkdir(parents=True)
    (docs / "quizzes").mkdir()
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for ours_only in ("hooks", "watch", "extra_css", "extra_javascript"):
        config.pop(ours_only, None)  # extra_css: ours is written inline (overrides/main.html)
    config["theme"].pop("custom_dir")
    config["plugins"] = ["search", "mkdocs_quiz"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    links = []
    for role, pathway in catalog.pathways.items():
        guide = guides[role.split(COPY_MARK)[0]].read_text(encoding="utf-8")
        page = _front_matter(pathway.target_role, pathway.summary) + guide_markdown(guide)
        (docs / "pathways" / f"{role}.md").write_text(page, encoding="utf-8")
        links.append(f"- [{pathway.target_role}](pathways/{role}.md)")
        quiz = catalog.quizzes.get(role)
        if quiz is not None:
            title = f"{pathway.target_role} quiz"
            page = _front_matter(title, quiz.description) + quiz_markdown(quiz)
            (docs / "quizzes" / f"{role}.md").write_text(page, encoding="utf-8")
            links.append(f"  ([self-check quiz](quizzes/{role}.md))")
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    home = home.replace("render_macros: true\n", "")
    home = home.replace("{{ pathway_cards() }}", "\n".join(links))
    (docs / "index.md").write_text(home, encoding="utf-8")
    contributing = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    contributing = contributing.replace("render_macros: true\n", "").replace(
        '{{ project_markdown("CONTRIBUTING.md") }}',
        (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"),
    )
    (docs / "contributing.md").write_text(contributing, encoding="utf-8")
    # The journey pages have no peer: it gets their text as we render it, so both have each page.
    from macros.render import Renderer

    renderer = Renderer(catalog)
    (docs / "journey").mkdir()
    for name in JOURNEY_PAGES:
        stub = (ROOT / "docs" / "journey" / f"{name}.md").read_text(encoding="utf-8")
        text = MACRO_CALL.sub(
            lambda call: getattr(renderer, call[1])(f"journey/{name}/"),  # noqa: B023
            stub.replace(MACROS_ON, ""),
        )
        (docs / "journey" / f"{name}.md").write_text(text, encoding="utf-8")
    return project


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
        "compare_page": lambda: renderer.compare_page("journey/compare/"),
        "progress_page": lambda: renderer.progress_page("journey/progress/"),
        "pathway_count": renderer.pathway_count,
        "fit_page": lambda: renderer.fit_page("journey/fit/"),
        "progress_transfer": lambda: renderer.progress_transfer("journey/progress/"),
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
