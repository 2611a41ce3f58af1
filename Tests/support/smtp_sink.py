#!/usr/bin/env python3
"""A real local SMTP server for the tests: aiosmtpd on 127.0.0.1, every message it accepts saved to a
directory as message-N.eml (the bytes received, dot-stuffing undone) and message-N.json (the envelope
and the message as Python's e-mail parser reads it: decoded subject, names and body).

    python3 Tests/support/smtp_sink.py --dir DIR [--user U --password P]

Writes DIR/ready holding the port once it listens. While DIR/fail exists, every recipient is refused
with 451 (a temporary failure), so a test can make the server fail and recover.
"""
import argparse
import email
import email.policy
import json
import os
import pathlib
import signal
import socket
import time
import warnings

# Plain AUTH without TLS is what a local test server does; the warning says nothing new.
warnings.filterwarnings("ignore")

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, directory: pathlib.Path):
        self.dir = directory
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if (self.dir / "fail").exists():
            return "451 4.3.0 Tillfälligt fel, försök igen senare"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        parsed = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "authenticated": bool(getattr(session, "authenticated", False)),
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "date": str(message["Date"]),
            "messageId": str(message["Message-ID"]),
            "contentType": message.get_content_type(),
            "charset": message.get_content_charset(),
            "body": body.get_content() if body is not None else "",
            "defects": [type(d).__name__ for d in message.defects],
        }
        base = self.dir / f"message-{self.count}"
        base.with_suffix(".eml").write_bytes(raw)
        # Written last: a test that sees the JSON sees the whole message.
        tmp = base.with_suffix(".tmp")
        tmp.write_text(json.dumps(parsed, ensure_ascii=False), encoding="utf-8")
        tmp.rename(base.with_suffix(".json"))
        return "250 2.0.0 Mottaget"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    # A test process may have started us with signals blocked; let SIGTERM end us as it should.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parent = os.getppid()
    directory = pathlib.Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        return AuthResult(success=ok)

    options = {}
    if args.user:
        options = {"authenticator": authenticator, "auth_require_tls": False, "auth_required": True}
    port = free_port()
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port, **options)
    controller.start()
    (directory / "ready").write_text(str(port))
    try:
        # Also end when the test process is gone, so that no sink outlives its test run.
        while os.getppid() == parent:
            time.sleep(1)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
