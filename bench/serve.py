"""A built site served on the loopback address with gzip, as a static host serves it.

Python's http.server sends files as they are; Lighthouse would then charge both sites for bytes
no real host sends. Text files are gzipped once and kept in memory.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files; text ones gzipped when the client accepts it. A year's cache for the
    theme's fingerprinted assets, as a host would set, and none for anything else."""

    cache: dict[Path, bytes] = {}

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not wants_gzip or not content_type.startswith(COMPRESSED_TYPES):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        fingerprinted = "/assets/" in self.path and ".min." in self.path
        self.send_header("Cache-Control", "max-age=31536000" if fingerprinted else "no-cache")
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    """What send_head returns: a file-like object that do_GET copies out and closes."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self, size: int = -1) -> bytes:
        body, self.body = self.body, b""
        return body

    def close(self) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site at a free loopback port for the length of the block; yields its base URL."""
    handler = type("SiteHandler", (GzipHandler,), {"cache": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
