"""The analyst web UI and JSON API (``armsledger serve``).

Server-rendered pages (search, timeline, event with its claims, stories,
provenance graph, deals, articles) and their JSON twins under ``/api/``, over a
store opened read-only. See ``app.py`` for the routes and the security rules.
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
