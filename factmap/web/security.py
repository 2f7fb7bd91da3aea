"""Safe by default: the headers, limits and write rules every response goes through.

:class:`SecurityMiddleware` (plain ASGI, so it also covers static files and errors):

- adds a strict Content-Security-Policy (no inline script or style, nothing from
  another origin), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
  ``X-Frame-Options: DENY``, and ``Cache-Control: no-store`` on the API;
- refuses a request body over ``max_body`` bytes with 413, before the app reads it;
- refuses a write (POST, PUT, PATCH, DELETE) that is not JSON (415) or that comes from
  another origin (403): a web page elsewhere cannot make the browser post a decision;
- requires ``Authorization: Bearer <token>`` on writes when ``token_required`` (the
  server listens beyond loopback), 401 otherwise;
- when listening on loopback only, accepts only loopback ``Host`` names (403), so a
  DNS-rebinding page cannot read the API.

No CORS headers are ever sent: other origins cannot read the API from a browser.
"""

from __future__ import annotations

import hmac
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from ipaddress import ip_address
from typing import Any

__all__ = ["CSP", "LOOPBACK_HOSTS", "SECURITY_HEADERS", "SecurityMiddleware", "is_loopback", "new_token"]

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

#: Host names a loopback-only server answers to ("testserver" is the test client's).
LOOPBACK_HOSTS: frozenset[str] = frozenset({"127.0.0.1", "localhost", "::1", "[::1]", "testserver"})

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A fresh random write token."""
    return secrets.token_urlsafe(24)


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers") or ():
        if k == name:
            return bytes(v).decode("latin-1")
    return None


def _host_name(host_header: str) -> str:
    """``Host`` header without its port (IPv6 literals keep their brackets)."""
    if host_header.startswith("["):
        return host_header.split("]", 1)[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class SecurityMiddleware:
    """See the module docstring. ``token``: the write token (None: no token accepted);
    ``token_required``: writes need it; ``trusted_hosts``: allowed ``Host`` names (None:
    any)."""

    def __init__(self, app: ASGIApp, *, token: str | None, token_required: bool,
                 max_body: int = 64 * 1024, trusted_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.token = token
        self.token_required = token_required
        self.max_body = max_body
        self.trusted_hosts = None if trusted_hosts is None else frozenset(h.lower() for h in trusted_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        started = False

        async def send_secure(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dict(SECURITY_HEADERS)]
                headers.extend(SECURITY_HEADERS)
                if path.startswith("/api/"):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        refusal = self._refuse(scope)
        if refusal is not None:
            await _error(send_secure, *refusal)
            return
        if scope["method"] in WRITE_METHODS or _header(scope, b"content-length") not in (None, "0"):
            body = await self._read_body(scope, receive)
            if body is None:
                await _error(send_secure, 413, f"request body larger than {self.max_body} bytes; send less")
                return
            receive = _replay(body, receive)
        try:
            await self.app(scope, receive, send_secure)
        except Exception:
            log.exception("error while answering %s %s", scope["method"], path)
            if started:
                raise
            await _error(send_secure, 500, "internal error; the server log has the details")

    def _refuse(self, scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """(status, message, extra headers) when the request must be refused before the app."""
        host = _header(scope, b"host")
        if self.trusted_hosts is not None and (host is None or _host_name(host).lower() not in self.trusted_hosts):
            return 403, "this server answers only to localhost / 127.0.0.1; open it at that address", []
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return 413, f"request body larger than {self.max_body} bytes; send less", []
        if scope["method"] not in WRITE_METHODS:
            return None
        origin = _header(scope, b"origin")
        if origin is not None and host is not None and origin.split("://", 1)[-1].lower() != host.lower():
            return 403, "writes are accepted only from this server's own pages (Origin does not match)", []
        ctype = (_header(scope, b"content-type") or "").split(";", 1)[0].strip().lower()
        if ctype != "application/json":
            return 415, "send the request body as JSON (Content-Type: application/json)", []
        if self.token_required:
            auth = _header(scope, b"authorization") or ""
            given = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
            if not self.token or not given or not hmac.compare_digest(given.encode(), self.token.encode()):
                return 401, (
                    "this server listens beyond localhost: writes need the header "
                    "'Authorization: Bearer <token>' with the token 'factmap serve' printed (or --token / FACTMAP_TOKEN)"
                ), [(b"www-authenticate", b'Bearer realm="factmap"')]
        return None

    async def _read_body(self, scope: Scope, receive: Receive) -> list[Message] | None:
        """The request's body messages, or None when they exceed ``max_body``."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages
            size += len(message.get("body", b""))
            if size > self.max_body:
                return None
            if not message.get("more_body", False):
                return messages


def _replay(messages: list[Message], upstream: Receive) -> Receive:
    """A ``receive`` giving the messages already read, then the client's own."""
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        return await upstream()

    return receive


async def _error(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
