"""The pyroute2 peer of the benchmark report (Debian's python3-pyroute2, run with /usr/bin/python3).

Every subcommand prints one line of key=value figures:
  peer.py dump RUNS           IPv4 routes of every table (get_routes), one warm-up (none when RUNS is 1)
                              then RUNS timed (median ms)
  peer.py get DST COUNT       route('get', dst=DST) COUNT times after 100 warm-up calls (us per call)
  peer.py links RUNS          get_links() + get_addr(), as dump
  peer.py insert FIRST COUNT  route('add') of COUNT host routes 10.x.y.z/32 via 192.0.2.254 dev v0
  peer.py watch COUNT IDLE_S  IPRoute.bind() + get() until COUNT route adds (RTM_NEWROUTE not from proto
                              kernel: the uplink's own routes) or IDLE_S s without events;
                              an overflow (ENOBUFS: events lost) is counted and the watch goes on
"""
import errno
import select
import socket
import statistics
import sys
import time

from pyroute2 import IPRoute

RTPROT_KERNEL = 2


def timed_median(runs, once):
    if runs > 1:
        once()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        once()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def dump(runs):
    result = {}
    with IPRoute() as ipr:
        def once():
            result['count'] = len(list(ipr.get_routes(family=socket.AF_INET)))
        ms = timed_median(runs, once)
    print(f"count={result['count']} ms={ms:.3f}")


def get(destination, count):
    with IPRoute() as ipr:
        for _ in range(100):
            ipr.route('get', dst=destination)
        start = time.perf_counter()
        for _ in range(count):
            ipr.route('get', dst=destination)
        elapsed = time.perf_counter() - start
    print(f"us={elapsed * 1e6 / count:.3f}")


def links(runs):
    result = {}
    with IPRoute() as ipr:
        def once():
            result['count'] = len(list(ipr.get_links())) + len(list(ipr.get_addr()))
        ms = timed_median(runs, once)
    print(f"count={result['count']} ms={ms:.3f}")


def insert(first, count):
    with IPRoute() as ipr:
        index = ipr.link_lookup(ifname='v0')[0]
        start = time.perf_counter()
        for i in range(first, first + count):
            ipr.route('add', dst=f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}/32", gateway='192.0.2.254', oif=index)
        elapsed = time.perf_counter() - start
    print(f"count={count} ms={elapsed * 1e3:.3f}")


def watch(count, idle_seconds):
    events = 0
    last = 0
    overflows = 0
    with IPRoute() as ipr:
        ipr.bind()
        print('ready', flush=True)
        while events < count:
            ready, _, _ = select.select([ipr], [], [], idle_seconds)
            if not ready:
                break
            try:
                messages = ipr.get()
            except OSError as error:
                if error.errno != errno.ENOBUFS:
                    raise
                overflows += 1
                continue
            for message in messages:
                if message['event'] == 'RTM_NEWROUTE' and message['proto'] != RTPROT_KERNEL:
                    events += 1
                    last = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    print(f"events={events} last_ns={last} overflows={overflows}")


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == 'dump':
        dump(int(args[0]))
    elif command == 'get':
        get(args[0], int(args[1]))
    elif command == 'links':
        links(int(args[0]))
    elif command == 'insert':
        insert(int(args[0]), int(args[1]))
    elif command == 'watch':
        watch(int(args[0]), int(args[1]))
    else:
        sys.exit(f"peer.py: unknown subcommand {command}")


main()
