"""Dashboard: server-rendered pages and the JSON API over a Store (see app.create_app)."""

from __future__ import annotations

from vigie.web.app import create_app

__all__ = ["create_app"]
