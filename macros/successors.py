"""Build the site with a successor of MkDocs and Material: `python -m macros.successors NAME DIR`.

Run with the Python of the generator's own venv (`make zensical`, `make properdocs`; the tests do
the same). Zensical reads mkdocs.yml and runs `define_env` through its macros extension, but no
MkDocs hooks or plugins: the pages exist because their stubs are files under docs/. ProperDocs, a
fork of MkDocs 1.6, runs mkdocs-macros and our hooks as MkDocs does. Neither is imported here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GENERATORS = ("zensical", "properdocs")
TIMEOUT_S = 600


def build(generator: str, project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Build `project` strictly into `site_dir` with the generator installed beside this Python."""
    if generator not in GENERATORS:
        raise ValueError(f"expected one of {', '.join(GENERATORS)}, found {generator!r}")
    command = Path(sys.executable).with_name(generator)
    if generator == "properdocs":
        args = [command, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site_dir)]
        return subprocess.run(args, cwd=project, capture_output=True, text=True, timeout=TIMEOUT_S)
    # Zensical takes the output folder from the configuration only, and only inside the
    # project: build from a copy that names it, beside the original so relative paths hold.
    inside = site_dir.resolve().relative_to(project.resolve())  # ValueError if outside
    config = project / ".zensical-build.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(f"{text}\nsite_dir: {inside.as_posix()}\n", encoding="utf-8")
    try:
        args = [command, "build", "--strict", "--clean", "-f", config.name]
        return subprocess.run(args, cwd=project, capture_output=True, text=True, timeout=TIMEOUT_S)
    finally:
        config.unlink()


def main(argv: list[str] | None = None) -> int:
    generator, site_dir = argv if argv is not None else sys.argv[1:]
    result = build(generator, Path.cwd(), Path(site_dir))
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
