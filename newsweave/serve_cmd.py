"""`newsweave serve`: the web app and REST API over the store, on this machine by default.

fastapi and uvicorn are imported inside the command, so `newsweave --help` stays fast.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path
from typing import Any

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _existing_folder(path: Path) -> Path:
    """The nearest folder above ``path`` that exists (the store's missing folders would be made in it)."""
    folder = path.resolve().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _err(msg: str) -> None:
    print(f"newsweave serve: {msg}", file=sys.stderr)


def cmd_serve(args: argparse.Namespace) -> int:
    token = args.token or None
    loopback = is_loopback(args.host)
    if not loopback and token is None:
        _err(f"warning: binding to {args.host} makes the store readable and writable by anyone who can reach "
             "this machine; set --token TOKEN (or NEWSWEAVE_TOKEN)")  # fmt: skip
        if not args.insecure:
            _err("refusing to start without a token on a non-loopback address; add --insecure to do it anyway")
            return 2
    if args.max_upload_mb <= 0:
        _err("--max-upload-mb must be positive")
        return 2
    try:
        import uvicorn

        from .web.app import create_app
    except ImportError as e:
        _err(f"the web app needs fastapi and uvicorn ({e.name} is missing): pip install fastapi uvicorn")
        return 1
    from .store.sqlite import SQLiteStore, StoreError

    db = Path(args.db)
    read_only = getattr(args, "read_only", False)
    if not db.exists():
        if read_only:
            _err(f"no store at {args.db!r} to read: run `newsweave run PATH... --db {args.db}` first")
            return 1
        if not os.access(_existing_folder(db), os.W_OK | os.X_OK):
            _err(f"no store at {args.db!r}, and its folder is not writable to make one: pick another --db")
            return 1
        _err(f"no store at {args.db!r} yet: starting with an empty one (add articles with POST /api/articles)")
    elif not read_only and not (os.access(db.resolve().parent, os.W_OK | os.X_OK) and os.access(db, os.W_OK)):
        read_only = True  # a store on a read-only mount or another user's file: served, not changed
        _err(f"{args.db!r} is not writable here (file or folder): serving it read-only, adding articles is off")
    try:  # a file that is no newsweave store: said now, not on every request
        SQLiteStore(args.db, read_only=read_only).close()
    except StoreError as e:
        _err(str(e))
        return 1
    # Host checks guard a loopback server against DNS rebinding; other hosts rely on the token.
    shown = f"[{args.host.strip('[]')}]" if ":" in args.host else args.host
    hosts = sorted({"127.0.0.1", "localhost", "[::1]", shown.lower()}) if loopback else None
    app = create_app(args.db, token=token, max_upload_mb=args.max_upload_mb, allowed_hosts=hosts,
                     read_only=read_only)  # fmt: skip
    how = " read-only" if read_only else ""
    print(f"newsweave: serving {args.db}{how} at http://{shown}:{args.port}/ (API docs at /docs; Ctrl-C to stop)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info" if args.verbose else "warning")
    return 0


def add_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="local web app and REST API over the store")
    p.add_argument("--db", default="newsweave.db", help="SQLite store (default: newsweave.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    p.add_argument(
        "--token",
        default=os.environ.get("NEWSWEAVE_TOKEN"),
        help="require 'Authorization: Bearer TOKEN' or ?token=TOKEN on every request (default: $NEWSWEAVE_TOKEN)",
    )
    p.add_argument("--insecure", action="store_true", help="allow a non-loopback --host without a token")
    p.add_argument("--max-upload-mb", type=float, default=10.0, help="largest accepted request body (default: 10)")
    p.add_argument("--read-only", action="store_true",
                   help="open the store read-only and refuse uploads (automatic when it is not writable)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    p.set_defaults(func=cmd_serve)
