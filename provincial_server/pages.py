"""The officers' HTML pages: one layout, every value escaped, and the
headers that keep a browser strict about them.

Pages are few and small, so they are built with ``html.escape`` on every
value that is not a literal of this module (``esc``); the Content-Security-
Policy allows no script at all and only this module's stylesheet (by its
hash), so even a missed escape could not run code.
"""
from __future__ import annotations

import base64
import hashlib
from html import escape as esc

CSS = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
       "td,th{border:1px solid #888;padding:4px 8px;text-align:left}"
       # the province dashboard (dashboard_page)
       "td.n{text-align:right;white-space:nowrap}td.c{white-space:nowrap}th{background:#f0f0f0}small{color:#555}"
       ".matrix th{font-weight:normal}.matrix tr:first-child th,.matrix tr:nth-child(2) th{font-weight:bold}"
       ".ok{color:#1b5e20;font-weight:bold}.bad{color:#b71c1c;font-weight:bold}.na{color:#666}"
       ".alert{border:2px solid #b71c1c;background:#fff3f3;padding:0 1em;margin:1em 0}"
       "tr.flagged td{background:#fff3f3}h2{margin-top:1.5em}")
_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()

CSP = (f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def page(title: str, body: str) -> str:
    """A whole document; ``body`` is HTML already escaped by the caller."""
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f"<style>{CSS}</style></head>\n<body>{body}</body></html>")


def login_page(message: str = "") -> str:
    note = f"<p>{esc(message)}</p>" if message else ""
    return page("Đăng nhập", f"""<h1>Đăng nhập xem chỉ tiêu</h1>{note}<form method="post" action="/login">
<p><label>Tên đăng nhập <input name="username" autocomplete="username"></label></p>
<p><label>Mật khẩu <input name="password" type="password" autocomplete="current-password"></label></p>
<p><button type="submit">Đăng nhập</button></p></form>""")


def message_page(title: str, message: str, back: str = "/indicators") -> str:
    return page(title, f'<h1>{esc(title)}</h1><p>{esc(message)}</p><p><a href="{esc(back)}">Quay lại</a></p>')


class SecurityHeaders:
    """ASGI middleware: the headers above on every response (JSON too: they
    cost nothing there and no response is left out by mistake)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
