"""Address guard: a URL -> allowed, or refused when it leaves the public web (SSRF).

Only http and https are fetched, and every address the host name resolves to must be public:
loopback, private, link-local, multicast, reserved and unspecified addresses are refused unless
the sources file allows their network (`allow_addresses`). The crawler calls the guard before
every request, redirects included.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from urllib.parse import urlsplit

from vigie.crawl.sources import Network
from vigie.errors import DocumentError

SCHEMES = ("http", "https")


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet.

    >>> [is_public(ipaddress.ip_address(a)) for a in ("196.200.60.1", "127.0.0.1", "10.1.2.3", "169.254.169.254", "::1")]
    [True, False, False, False, False]
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


async def check_url(url: str, allowed: Sequence[Network]) -> str:
    """The address to connect to for a URL; DocumentError when it is not http(s) or its host
    resolves to a refused address. The request goes to this very address, so that a second DNS
    answer (rebinding) cannot send it elsewhere.
    """
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise DocumentError(f"{url}: refused: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise DocumentError(f"{url}: refused: the URL has no host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as err:
        raise DocumentError(f"{url}: cannot resolve host {host}: {err.strerror or err}") from err
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    for address in addresses:
        if is_public(address) or any(address in network for network in allowed):
            continue
        raise DocumentError(
            f"{url}: refused: {host} resolves to {address}, a private, loopback or link-local address; "
            "allow it with allow_addresses in the sources file if it is meant"
        )
    if not addresses:
        raise DocumentError(f"{url}: cannot resolve host {host}: no address")
    return str(addresses[0])
