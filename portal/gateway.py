"""The SMS/WhatsApp gateway: a configured HTTP API that the outbox worker posts text messages
to (JSON {to, channel, text}, bearer token). The portal only ever sends the fixed, content-free
sentence of notices.text_notice(); which provider sits behind the URL is the deployment's choice."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

from flask import current_app

TEXT_CHANNELS = ("sms", "whatsapp")


class GatewayError(Exception):
    """The gateway did not take the message (unreachable, timed out, or not a 2xx answer)."""


def configured() -> bool:
    """Whether a gateway is configured (without one, SMS and WhatsApp are not offered)."""
    return bool(current_app.config.get("NOTIFY_GATEWAY_URL"))


def send(channel: str, to: str, text: str) -> None:
    """POST one message to the gateway; raise GatewayError unless it answers 2xx."""
    if channel not in TEXT_CHANNELS:
        raise ValueError(channel)
    cfg = current_app.config
    url = cfg.get("NOTIFY_GATEWAY_URL")
    if not url:
        raise GatewayError("no gateway configured")
    body = json.dumps({"to": to, "channel": channel, "text": text}).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if cfg.get("NOTIFY_GATEWAY_TOKEN"):
        headers["Authorization"] = f"Bearer {cfg['NOTIFY_GATEWAY_TOKEN']}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=cfg.get("NOTIFY_GATEWAY_TIMEOUT", 10)) as answer:
            status = answer.status
    except urllib.error.HTTPError as error:
        raise GatewayError(f"gateway answered {error.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise GatewayError(type(error).__name__) from None
    if not 200 <= status < 300:
        raise GatewayError(f"gateway answered {status}")
