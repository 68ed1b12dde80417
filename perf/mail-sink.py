#!/usr/bin/env python3
"""An SMTP server for load runs: accepts every message, keeps none, prints a count every 10 seconds.

    perf/mail-sink.py [port]      (default 2525; start Celianet with SMTP_PORT=2525)

The count so far is also answered to the command XCNT on the same port ("250 <count>"), as perf/fanout.sh
reads it: `perf/mail-sink.py count [port]` prints it.

Celianet sends a credentials e-mail for every registration, so a load run needs a mail server that keeps up
and does not grow; the tests use GreenMail, which keeps every message in memory.
"""
import asyncio
import sys
import time

received = 0


async def session(reader, writer):
    global received
    writer.write(b"220 mail-sink ready\r\n")
    await writer.drain()
    in_data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if in_data:
            if line in (b".\r\n", b".\n"):
                in_data = False
                received += 1
                writer.write(b"250 OK\r\n")
                await writer.drain()
            continue
        verb = line[:4].upper()
        if verb == b"EHLO":
            writer.write(b"250-mail-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
        elif verb == b"DATA":
            in_data = True
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
        elif verb == b"XCNT":
            writer.write(f"250 {received}\r\n".encode())
        elif verb == b"QUIT":
            writer.write(b"221 Bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()


async def report():
    last = 0
    while True:
        await asyncio.sleep(10)
        if received != last:
            print(f"{time.strftime('%H:%M:%S')} {received} messages ({(received - last) / 10:.1f}/s)", flush=True)
            last = received


async def main(port):
    server = await asyncio.start_server(session, "127.0.0.1", port)
    print(f"mail sink on 127.0.0.1:{port}", flush=True)
    async with server:
        await asyncio.gather(server.serve_forever(), report())


def count(port):
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        f = s.makefile("rwb")
        f.readline()
        f.write(b"XCNT\r\n")
        f.flush()
        print(int(f.readline().split()[1]))
        f.write(b"QUIT\r\n")
        f.flush()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "count":
        count(int(sys.argv[2]) if len(sys.argv) > 2 else 2525)
    else:
        asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2525))
