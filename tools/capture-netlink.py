#!/usr/bin/env python3
"""Capture real rtnetlink replies from the running kernel as parser test data.

Usage (as root):   sudo python3 tools/capture-netlink.py [OUTDIR]

OUTDIR defaults to tests/IpHelper.Tests/TestData/netlink (relative to the repo root).

Everything happens inside two throw-away network namespaces (iph-cap-<random>-a / -b) that are
deleted at the end, whatever happens; the host namespace is never modified. Only documentation
addresses are used (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, link-local).

The script is independent of the C# code: Python 3 standard library only. It:
  1. builds namespace A (lo, veth0<->veth1[B], br0 with port vethb0<->vethb1[B], macvlan mv0 on
     veth0, vxlan vx0, tun0, ifb0, addresses, routes, a permanent neighbour) and sends a few UDP
     datagrams over the veth pair so that counters and neighbour entries exist;
  2. re-runs itself under `ip netns exec A` (mode --capture-in-ns) where it opens a
     NETLINK_ROUTE socket (NETLINK_CAP_ACK, NETLINK_EXT_ACK, NETLINK_GET_STRICT_CHK set), sends
     the requests and writes the exact bytes of every recv() buffer to a numbered .bin file;
     right after the read-only dumps it records the `ip -j` oracle;
  3. decodes every .bin with the small decoder below and writes manifest.json, and checks the
     decoding against the `ip -j` oracle.
"""

import json
import os
import re
import secrets
import socket
import struct
import subprocess
import sys
import time

# ---------------------------------------------------------------------------------------------
# Constants (from /usr/include/linux/{netlink,rtnetlink,if_link,if_addr,neighbour}.h)
# ---------------------------------------------------------------------------------------------
NETLINK_ROUTE = 0
SOL_NETLINK = 270
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NETLINK_GET_STRICT_CHK = 12

NLMSG_NOOP, NLMSG_ERROR, NLMSG_DONE, NLMSG_OVERRUN = 1, 2, 3, 4
NLM_F_REQUEST, NLM_F_MULTI, NLM_F_ACK, NLM_F_ECHO = 0x01, 0x02, 0x04, 0x08
NLM_F_DUMP_INTR, NLM_F_DUMP_FILTERED = 0x10, 0x20
NLM_F_ROOT, NLM_F_MATCH = 0x100, 0x200
NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH
NLM_F_EXCL, NLM_F_CREATE = 0x200, 0x400
NLM_F_CAPPED, NLM_F_ACK_TLVS = 0x100, 0x200

NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS, NLMSGERR_ATTR_COOKIE = 1, 2, 3
NLMSGERR_ATTR_POLICY, NLMSGERR_ATTR_MISS_TYPE, NLMSGERR_ATTR_MISS_NEST = 4, 5, 6

RTM = {
    16: "RTM_NEWLINK", 17: "RTM_DELLINK", 18: "RTM_GETLINK",
    20: "RTM_NEWADDR", 21: "RTM_DELADDR", 22: "RTM_GETADDR",
    24: "RTM_NEWROUTE", 25: "RTM_DELROUTE", 26: "RTM_GETROUTE",
    28: "RTM_NEWNEIGH", 29: "RTM_DELNEIGH", 30: "RTM_GETNEIGH",
    1: "NLMSG_NOOP", 2: "NLMSG_ERROR", 3: "NLMSG_DONE", 4: "NLMSG_OVERRUN",
}
RTM_NEWLINK, RTM_GETLINK = 16, 18
RTM_NEWADDR, RTM_GETADDR = 20, 22
RTM_NEWROUTE, RTM_GETROUTE = 24, 26
RTM_NEWNEIGH, RTM_GETNEIGH = 28, 30

AF_UNSPEC, AF_INET, AF_INET6, AF_BRIDGE = 0, 2, 10, 7
AF_NAMES = {0: "AF_UNSPEC", 2: "AF_INET", 7: "AF_BRIDGE", 10: "AF_INET6"}

IFLA_ADDRESS, IFLA_BROADCAST, IFLA_IFNAME, IFLA_MTU, IFLA_LINK = 1, 2, 3, 4, 5
IFLA_MASTER, IFLA_TXQLEN, IFLA_OPERSTATE, IFLA_LINKINFO = 10, 13, 16, 18
IFLA_STATS64, IFLA_EXT_MASK, IFLA_LINK_NETNSID, IFLA_PERM_ADDRESS = 23, 29, 37, 54
IFLA_INFO_KIND, IFLA_INFO_DATA, IFLA_INFO_SLAVE_KIND, IFLA_INFO_SLAVE_DATA = 1, 2, 4, 5
IFLA_AF_SPEC, IFLA_INET_CONF, IFLA_INET6_CONF = 26, 1, 2
IFLA_VXLAN_ID, IFLA_VXLAN_LINK, IFLA_VXLAN_LOCAL, IFLA_VXLAN_PORT = 1, 3, 4, 15
IFLA_MACVLAN_MODE = 1
IFLA_TUN_TYPE = 3
RTEXT_FILTER_VF = 1
OPERSTATES = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"]

IFA_ADDRESS, IFA_LOCAL, IFA_LABEL, IFA_BROADCAST, IFA_CACHEINFO, IFA_FLAGS = 1, 2, 3, 4, 6, 8
IFA_PROTO = 11

RTA_DST, RTA_SRC, RTA_IIF, RTA_OIF, RTA_GATEWAY, RTA_PRIORITY, RTA_PREFSRC = 1, 2, 3, 4, 5, 6, 7
RTA_METRICS, RTA_MULTIPATH, RTA_CACHEINFO, RTA_TABLE, RTA_PREF = 8, 9, 12, 15, 20
RT_TABLE_MAIN = 254
RTPROT_STATIC = 4
RT_SCOPE_UNIVERSE, RT_SCOPE_LINK = 0, 253
RTN_UNICAST = 1
RTN_NAMES = ["unspec", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole",
             "unreachable", "prohibit", "throw", "nat", "xresolve"]

NDA_DST, NDA_LLADDR, NDA_CACHEINFO, NDA_PROBES, NDA_VLAN, NDA_MASTER = 1, 2, 3, 4, 5, 9
NUD_BITS = [(0x01, "INCOMPLETE"), (0x02, "REACHABLE"), (0x04, "STALE"), (0x08, "DELAY"),
            (0x10, "PROBE"), (0x20, "FAILED"), (0x40, "NOARP"), (0x80, "PERMANENT")]

HDR_DIR = "/usr/include/linux"

# ---------------------------------------------------------------------------------------------
# Test topology
# ---------------------------------------------------------------------------------------------
MACS = {
    "veth0": "02:00:00:00:00:01", "veth1": "02:00:00:00:00:02",
    "vethb0": "02:00:00:00:00:03", "vethb1": "02:00:00:00:00:04",
    "br0": "02:00:00:00:00:05", "mv0": "02:00:00:00:00:06",
    "vx0": "02:00:00:00:00:07", "ifb0": "02:00:00:00:00:08",
}


def run(*args, check=True, capture=False):
    r = subprocess.run(list(args), check=False, text=True,
                       stdout=subprocess.PIPE if capture else None,
                       stderr=subprocess.PIPE)
    if check and r.returncode != 0:
        raise RuntimeError("command failed (%d): %s\n%s" % (r.returncode, " ".join(args), r.stderr))
    return r


def build_topology(A, B):
    ip = lambda ns, *a: run("ip", "-n", ns, *a)
    run("ip", "netns", "add", A)
    run("ip", "netns", "add", B)
    ip(A, "link", "set", "lo", "up")
    ip(B, "link", "set", "lo", "up")
    # veth pair veth0 (A) <-> veth1 (B)
    ip(A, "link", "add", "veth0", "address", MACS["veth0"], "type", "veth",
       "peer", "name", "veth1", "address", MACS["veth1"], "netns", B)
    # bridge br0 with port vethb0 (A) <-> vethb1 (B)
    ip(A, "link", "add", "br0", "address", MACS["br0"], "type", "bridge")
    ip(A, "link", "add", "vethb0", "address", MACS["vethb0"], "type", "veth",
       "peer", "name", "vethb1", "address", MACS["vethb1"], "netns", B)
    ip(A, "link", "set", "vethb0", "master", "br0")
    # macvlan on veth0, vxlan, tun, ifb
    ip(A, "link", "add", "mv0", "link", "veth0", "address", MACS["mv0"],
       "type", "macvlan", "mode", "bridge")
    ip(A, "link", "add", "vx0", "address", MACS["vx0"], "type", "vxlan", "id", "42",
       "local", "198.51.100.1", "dstport", "4789", "dev", "veth0")
    ip(A, "tuntap", "add", "mode", "tun", "dev", "tun0")
    ip(A, "link", "add", "ifb0", "address", MACS["ifb0"], "type", "ifb")
    for dev in ("veth0", "vethb0", "br0", "mv0", "vx0", "tun0", "ifb0"):
        ip(A, "link", "set", dev, "up")
    for dev in ("veth1", "vethb1"):
        ip(B, "link", "set", dev, "up")
    # addresses
    ip(A, "addr", "add", "198.51.100.1/24", "dev", "veth0")
    ip(A, "addr", "add", "2001:db8:1::1/64", "dev", "veth0", "nodad")
    ip(A, "addr", "add", "192.0.2.1/24", "dev", "br0")
    ip(A, "addr", "add", "203.0.113.1/24", "dev", "mv0")
    ip(B, "addr", "add", "198.51.100.2/24", "dev", "veth1")
    ip(B, "addr", "add", "2001:db8:1::2/64", "dev", "veth1", "nodad")
    # routes and a permanent neighbour
    ip(A, "route", "add", "203.0.113.128/25", "via", "198.51.100.2")
    ip(A, "-6", "route", "add", "2001:db8:99::/48", "via", "2001:db8:1::2")
    ip(A, "neigh", "add", "198.51.100.2", "lladdr", MACS["veth1"], "nud", "permanent",
       "dev", "veth0")
    # wait for the links to settle (IPv6 link-local DAD, bridge port forwarding)
    time.sleep(2.5)
    # a little traffic over the veth pair (IPv4 uses the permanent neighbour, IPv6 resolves by ND)
    code = ("import socket,time\n"
            "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
            "for i in range(3): s.sendto(b'iphelper-capture', ('198.51.100.2', 9))\n"
            "s6=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM)\n"
            "for i in range(3):\n"
            "    s6.sendto(b'iphelper-capture', ('2001:db8:1::2', 9)); time.sleep(0.2)\n")
    run("ip", "netns", "exec", A, "python3", "-c", code)
    time.sleep(0.5)


# ---------------------------------------------------------------------------------------------
# Netlink encoding helpers
# ---------------------------------------------------------------------------------------------
def align4(n):
    return (n + 3) & ~3


def nla(atype, payload):
    hdr = struct.pack("=HH", 4 + len(payload), atype)
    return hdr + payload + b"\0" * (align4(len(payload)) - len(payload))


def nlmsg(mtype, flags, seq, payload, pid=0):
    return struct.pack("=IHHII", 16 + len(payload), mtype, flags, seq, pid) + payload


def ifinfomsg(family=0, ifindex=0, ifi_type=0, flags=0, change=0):
    return struct.pack("=BxHiII", family, ifi_type, ifindex, flags, change)


def ifaddrmsg(family, prefixlen=0, flags=0, scope=0, ifindex=0):
    return struct.pack("=BBBBI", family, prefixlen, flags, scope, ifindex)


def rtmsg(family, dst_len=0, src_len=0, tos=0, table=0, protocol=0, scope=0, rtype=0, flags=0):
    return struct.pack("=BBBBBBBBI", family, dst_len, src_len, tos, table, protocol, scope,
                       rtype, flags)


def ndmsg(family, ifindex=0, state=0, flags=0, ntype=0):
    return struct.pack("=BxxxiHBB", family, ifindex, state, flags, ntype)


# ---------------------------------------------------------------------------------------------
# Capture (runs inside namespace A)
# ---------------------------------------------------------------------------------------------
def capture_in_ns(outdir, ns_a):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_ROUTE)
    s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    s.setsockopt(SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    s.bind((0, 0))
    port_id = s.getsockname()[0]
    s.settimeout(5)

    ifindex = {}
    for name in ("lo", "veth0", "br0", "mv0"):
        ifindex[name] = socket.if_nametoindex(name)

    seq = [1000]
    records = []

    def exchange(base, mtype, flags, payload, family, description, numbered):
        this_seq = seq[0]
        seq[0] += 1
        req = nlmsg(mtype, flags, this_seq, payload)
        s.send(req)
        bufs = []
        done = False
        while not done:
            # MSG_PEEK|MSG_TRUNC: the return value is the full datagram length
            n = s.recv_into(bytearray(16), 16, socket.MSG_PEEK | socket.MSG_TRUNC)
            data = s.recv(max(65536, n))
            if len(data) != n:
                raise RuntimeError("short read %d != %d" % (len(data), n))
            bufs.append(data)
            off = 0
            while off + 16 <= len(data):
                ln, t, fl, sq, _ = struct.unpack_from("=IHHII", data, off)
                if sq == this_seq and (t in (NLMSG_DONE, NLMSG_ERROR) or not fl & NLM_F_MULTI):
                    done = True
                off += align4(ln) if ln else len(data)
        files = []
        for i, b in enumerate(bufs, 1):
            fname = ("%s-%03d.bin" % (base, i)) if numbered else \
                    (base + ".bin" if len(bufs) == 1 else "%s-%03d.bin" % (base, i))
            with open(os.path.join(outdir, fname), "wb") as f:
                f.write(b)
            files.append(fname)
        records.append({
            "files": files,
            "description": description,
            "request": {
                "type": mtype, "type_name": RTM.get(mtype, str(mtype)),
                "flags": flags, "flags_hex": "0x%x" % flags, "seq": this_seq,
                "family": family, "family_name": AF_NAMES.get(family, str(family)),
                "bytes_hex": req.hex(),
            },
        })

    D = NLM_F_REQUEST | NLM_F_DUMP
    # --- read-only requests ---------------------------------------------------------------
    exchange("link-dump", RTM_GETLINK, D,
             ifinfomsg() + nla(IFLA_EXT_MASK, struct.pack("=I", RTEXT_FILTER_VF)), AF_UNSPEC,
             "RTM_GETLINK dump, AF_UNSPEC, IFLA_EXT_MASK=RTEXT_FILTER_VF (stats included)", True)
    exchange("link-get-veth0", RTM_GETLINK, NLM_F_REQUEST,
             ifinfomsg(ifindex=ifindex["veth0"]) +
             nla(IFLA_EXT_MASK, struct.pack("=I", RTEXT_FILTER_VF)), AF_UNSPEC,
             "RTM_GETLINK for the ifindex of veth0", False)
    exchange("link-get-missing", RTM_GETLINK, NLM_F_REQUEST,
             ifinfomsg(ifindex=9999) + nla(IFLA_EXT_MASK, struct.pack("=I", RTEXT_FILTER_VF)),
             AF_UNSPEC, "RTM_GETLINK for ifindex 9999 (does not exist)", False)
    exchange("addr-dump", RTM_GETADDR, D, ifaddrmsg(AF_UNSPEC), AF_UNSPEC,
             "RTM_GETADDR dump, AF_UNSPEC", True)
    exchange("route4-dump", RTM_GETROUTE, D, rtmsg(AF_INET), AF_INET,
             "RTM_GETROUTE dump, AF_INET, all tables (rtm_table=0)", True)
    exchange("route6-dump", RTM_GETROUTE, D, rtmsg(AF_INET6), AF_INET6,
             "RTM_GETROUTE dump, AF_INET6, all tables (rtm_table=0)", True)
    exchange("neigh-dump", RTM_GETNEIGH, D, ndmsg(AF_UNSPEC), AF_UNSPEC,
             "RTM_GETNEIGH dump, AF_UNSPEC", True)

    # --- oracle, right after the dumps, before anything is changed -------------------------
    oracle = {
        "oracle-link.json": ["ip", "-n", ns_a, "-j", "-s", "-d", "link", "show"],
        "oracle-addr.json": ["ip", "-n", ns_a, "-j", "addr", "show"],
        # -4: without it, `ip route show table all` (iproute2 6.1) dumps AF_UNSPEC = v4 + v6
        "oracle-route4.json": ["ip", "-n", ns_a, "-j", "-4", "route", "show", "table", "all"],
        "oracle-route6.json": ["ip", "-n", ns_a, "-j", "-6", "route", "show", "table", "all"],
        "oracle-neigh.json": ["ip", "-n", ns_a, "-j", "neigh", "show"],
        # plain `ip neigh show` hides NUD_NOARP entries (the multicast ones); the dump has them
        "oracle-neigh-nud-all.json": ["ip", "-n", ns_a, "-j", "neigh", "show", "nud", "all"],
    }
    oracle_cmds = {}
    for fname, cmd in oracle.items():
        out = run(*cmd, capture=True).stdout
        data = json.loads(out)
        with open(os.path.join(outdir, fname), "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
        oracle_cmds[fname] = " ".join(cmd).replace(ns_a, "A")

    # --- requests that fail with an extended ack --------------------------------------------
    A = NLM_F_REQUEST | NLM_F_ACK
    NEW = A | NLM_F_CREATE | NLM_F_EXCL
    v0 = ifindex["veth0"]
    exchange("error-extack-newaddr-prefixlen33", RTM_NEWADDR, NEW,
             ifaddrmsg(AF_INET, 33, 0, RT_SCOPE_UNIVERSE, v0) +
             nla(IFA_LOCAL, socket.inet_aton("198.51.100.9")) +
             nla(IFA_ADDRESS, socket.inet_aton("198.51.100.9")), AF_INET,
             "RTM_NEWADDR 198.51.100.9/33 on veth0 (invalid prefix length)", False)
    exchange("error-extack-newroute-oif9999", RTM_NEWROUTE, NEW,
             rtmsg(AF_INET, 26, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, RT_SCOPE_LINK, RTN_UNICAST) +
             nla(RTA_DST, socket.inet_aton("203.0.113.64")) +
             nla(RTA_OIF, struct.pack("=I", 9999)), AF_INET,
             "RTM_NEWROUTE 203.0.113.64/26 with RTA_OIF=9999 (no such device)", False)
    exchange("error-extack-newroute6-oif9999", RTM_NEWROUTE, NEW,
             rtmsg(AF_INET6, 64, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, RT_SCOPE_UNIVERSE,
                   RTN_UNICAST) +
             nla(RTA_DST, socket.inet_pton(socket.AF_INET6, "2001:db8:77::")) +
             nla(RTA_OIF, struct.pack("=I", 9999)), AF_INET6,
             "RTM_NEWROUTE 2001:db8:77::/64 with RTA_OIF=9999 (no such device)", False)
    exchange("error-extack-newroute-short-dst", RTM_NEWROUTE, NEW,
             rtmsg(AF_INET, 24, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, RT_SCOPE_LINK, RTN_UNICAST) +
             nla(RTA_DST, b"\xcb\x00") +
             nla(RTA_OIF, struct.pack("=I", v0)), AF_INET,
             "RTM_NEWROUTE with a 2-byte RTA_DST (attribute fails policy validation)", False)
    exchange("error-extack-addr-dump-bad-header", RTM_GETADDR, D,
             ifaddrmsg(AF_INET, 8, 0, 0, 0), AF_INET,
             "RTM_GETADDR dump with ifa_prefixlen=8 in the header (rejected by strict checking)",
             False)
    exchange("error-extack-neigh-dump-bad-attr", RTM_GETNEIGH, D,
             ndmsg(AF_INET) + nla(NDA_DST, socket.inet_aton("198.51.100.2")), AF_INET,
             "RTM_GETNEIGH dump with an NDA_DST attribute (not a valid dump filter)", False)

    # --- a successful request with NLM_F_ACK --------------------------------------------------
    exchange("ack-ok", RTM_NEWROUTE, NEW,
             rtmsg(AF_INET, 25, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, RT_SCOPE_LINK, RTN_UNICAST) +
             nla(RTA_DST, socket.inet_aton("192.0.2.128")) +
             nla(RTA_OIF, struct.pack("=I", ifindex["br0"])), AF_INET,
             "RTM_NEWROUTE 192.0.2.128/25 dev br0 (succeeds; made after the dumps and oracle)",
             False)

    with open(os.path.join(outdir, ".capture-records.json"), "w") as f:
        json.dump({"port_id": port_id, "records": records, "oracle_commands": oracle_cmds}, f)


# ---------------------------------------------------------------------------------------------
# Independent decoder
# ---------------------------------------------------------------------------------------------
def header_enum_count(header, first, sentinel):
    """Value of `sentinel` in the enum that starts with `first` (i.e. attribute types >= it are
    not named by the installed UAPI headers)."""
    text = open(os.path.join(HDR_DIR, header)).read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    start = re.search(r"\b%s\b" % first, text).start()
    m = re.compile(r"\b%s\b" % sentinel).search(text, start)
    body = text[start:m.end()]
    names, value = {}, -1
    for line in body.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for item in line.split(","):
            item = item.strip()
            if not item:
                continue
            if "=" in item:
                n, v = (x.strip() for x in item.split("=", 1))
                if v in names:
                    names[n] = names[v]
                    continue
                value = int(v, 0)
            else:
                n = item
                value += 1
            names[n] = value
    return names[sentinel]


def attrs(buf, off, end):
    """Yield (type, nested_flag, payload_offset, payload_bytes)."""
    while off + 4 <= end:
        ln, t = struct.unpack_from("=HH", buf, off)
        if ln < 4:
            break
        yield t & 0x3fff, bool(t & 0x8000), off + 4, bytes(buf[off + 4:off + ln])
        off += align4(ln)


def mac(b):
    return ":".join("%02x" % x for x in b)


def ipaddr(family, b):
    if family == AF_INET and len(b) == 4:
        return socket.inet_ntop(socket.AF_INET, b)
    if family == AF_INET6 and len(b) == 16:
        return socket.inet_ntop(socket.AF_INET6, b)
    return b.hex()


def cstr(b):
    return b.split(b"\0", 1)[0].decode()


def u32(b):
    return struct.unpack("=I", b[:4])[0]


def decode_link(buf, off, end, maxes):
    family, itype, index, flags, change = struct.unpack_from("=BxHiII", buf, off)
    d = {"ifindex": index, "family": family, "type": itype, "flags": flags, "flags_hex": "0x%x" % flags,
         "ifname": None, "mtu": None, "address": None, "broadcast": None, "operstate": None,
         "operstate_value": None, "kind": None, "slave_kind": None, "link": None,
         "link_netnsid": None, "master": None, "txqlen": None, "stats64": None}
    types = []
    nested = {}
    for t, _, _, p in attrs(buf, off + 16, end):
        types.append(t)
        if t == IFLA_AF_SPEC:
            for fam, _, _, fp in attrs(p, 0, len(p)):
                if fam == AF_INET:
                    for st, _, _, sp in attrs(fp, 0, len(fp)):
                        if st == IFLA_INET_CONF:
                            d["inet_conf_entries"] = len(sp) // 4
                elif fam == AF_INET6:
                    st6 = [st for st, _, _, _ in attrs(fp, 0, len(fp))]
                    d["inet6_attr_types"] = st6
                    unk = sorted({x for x in st6 if x >= maxes["IFLA_INET6"]})
                    if unk:
                        nested["IFLA_AF_SPEC/AF_INET6"] = unk
                    for st, _, _, sp in attrs(fp, 0, len(fp)):
                        if st == IFLA_INET6_CONF:
                            d["inet6_conf_entries"] = len(sp) // 4
        if t == IFLA_IFNAME:
            d["ifname"] = cstr(p)
        elif t == IFLA_MTU:
            d["mtu"] = u32(p)
        elif t == IFLA_ADDRESS:
            d["address"] = mac(p)
        elif t == IFLA_BROADCAST:
            d["broadcast"] = mac(p)
        elif t == IFLA_PERM_ADDRESS:
            d["perm_address"] = mac(p)
        elif t == IFLA_OPERSTATE:
            d["operstate_value"] = p[0]
            d["operstate"] = OPERSTATES[p[0]] if p[0] < len(OPERSTATES) else str(p[0])
        elif t == IFLA_LINK:
            d["link"] = struct.unpack("=i", p[:4])[0]
        elif t == IFLA_LINK_NETNSID:
            d["link_netnsid"] = struct.unpack("=i", p[:4])[0]
        elif t == IFLA_MASTER:
            d["master"] = u32(p)
        elif t == IFLA_TXQLEN:
            d["txqlen"] = u32(p)
        elif t == IFLA_STATS64:
            v = struct.unpack_from("=8Q", p)
            d["stats64"] = dict(zip(("rx_packets", "tx_packets", "rx_bytes", "tx_bytes",
                                     "rx_errors", "tx_errors", "rx_dropped", "tx_dropped"), v))
        elif t == IFLA_LINKINFO:
            for it, _, _, ip_ in attrs(p, 0, len(p)):
                if it == IFLA_INFO_KIND:
                    d["kind"] = cstr(ip_)
                elif it == IFLA_INFO_SLAVE_KIND:
                    d["slave_kind"] = cstr(ip_)
            for it, _, _, ip_ in attrs(p, 0, len(p)):
                if it == IFLA_INFO_DATA and d["kind"] == "vxlan":
                    info = {}
                    for vt, _, _, vp in attrs(ip_, 0, len(ip_)):
                        if vt == IFLA_VXLAN_ID:
                            info["id"] = u32(vp)
                        elif vt == IFLA_VXLAN_LINK:
                            info["link"] = u32(vp)
                        elif vt == IFLA_VXLAN_LOCAL:
                            info["local"] = ipaddr(AF_INET, vp)
                        elif vt == IFLA_VXLAN_PORT:
                            info["port"] = struct.unpack(">H", vp[:2])[0]
                    d["vxlan"] = info
                elif it == IFLA_INFO_DATA and d["kind"] == "macvlan":
                    for vt, _, _, vp in attrs(ip_, 0, len(ip_)):
                        if vt == IFLA_MACVLAN_MODE:
                            d["macvlan_mode"] = u32(vp)
                elif it == IFLA_INFO_DATA and d["kind"] == "tun":
                    for vt, _, _, vp in attrs(ip_, 0, len(ip_)):
                        if vt == IFLA_TUN_TYPE:
                            d["tun_type"] = vp[0]
    for t, _, _, p in attrs(buf, off + 16, end):
        if t != IFLA_LINKINFO:
            continue
        for it, _, _, ip_ in attrs(p, 0, len(p)):
            kind = d["kind"] if it == IFLA_INFO_DATA else \
                d["slave_kind"] if it == IFLA_INFO_SLAVE_DATA else None
            key = ("IFLA_INFO_DATA/" if it == IFLA_INFO_DATA else "IFLA_INFO_SLAVE_DATA/") + \
                str(kind)
            lim = {("IFLA_INFO_DATA/bridge"): maxes["IFLA_BR"],
                   ("IFLA_INFO_SLAVE_DATA/bridge"): maxes["IFLA_BRPORT"],
                   ("IFLA_INFO_DATA/vxlan"): maxes["IFLA_VXLAN"],
                   ("IFLA_INFO_DATA/macvlan"): maxes["IFLA_MACVLAN"],
                   ("IFLA_INFO_DATA/tun"): maxes["IFLA_TUN"]}.get(key)
            if kind is None or lim is None:
                continue
            unk = sorted({x for x, _, _, _ in attrs(ip_, 0, len(ip_)) if x >= lim})
            if unk:
                nested[key] = unk
    if d.get("inet_conf_entries", 0) > maxes["IPV4_DEVCONF_entries"]:
        nested["IFLA_INET_CONF entries"] = d["inet_conf_entries"]
    if d.get("inet6_conf_entries", 0) > maxes["DEVCONF_entries"]:
        nested["IFLA_INET6_CONF entries"] = d["inet6_conf_entries"]
    d["attr_types"] = types
    d["attr_types_not_in_headers"] = sorted({t for t in types if t >= maxes["IFLA"]})
    d["nested_not_in_headers"] = nested
    return d


def decode_addr(buf, off, end, maxes):
    family, plen, flags, scope, index = struct.unpack_from("=BBBBI", buf, off)
    d = {"family": family, "prefixlen": plen, "ifa_flags": flags, "scope": scope,
         "ifindex": index, "address": None, "local": None, "label": None, "broadcast": None,
         "flags": None, "cacheinfo": None}
    types = []
    for t, _, _, p in attrs(buf, off + 8, end):
        types.append(t)
        if t == IFA_ADDRESS:
            d["address"] = ipaddr(family, p)
        elif t == IFA_LOCAL:
            d["local"] = ipaddr(family, p)
        elif t == IFA_LABEL:
            d["label"] = cstr(p)
        elif t == IFA_BROADCAST:
            d["broadcast"] = ipaddr(family, p)
        elif t == IFA_FLAGS:
            d["flags"] = u32(p)
        elif t == IFA_PROTO:
            d["proto"] = p[0]
        elif t == IFA_CACHEINFO:
            d["cacheinfo"] = dict(zip(("preferred", "valid", "cstamp", "tstamp"),
                                      struct.unpack_from("=4I", p)))
    d["attr_types"] = types
    d["attr_types_not_in_headers"] = sorted({t for t in types if t >= maxes["IFA"]})
    return d


def decode_route(buf, off, end, maxes):
    (family, dst_len, src_len, tos, table, proto, scope, rtype, flags) = \
        struct.unpack_from("=BBBBBBBBI", buf, off)
    d = {"family": family, "dst_len": dst_len, "src_len": src_len, "tos": tos,
         "rtm_table": table, "protocol": proto, "scope": scope, "type": rtype,
         "type_name": RTN_NAMES[rtype] if rtype < len(RTN_NAMES) else str(rtype),
         "flags": flags, "table": table, "dst": None, "gateway": None, "oif": None,
         "prefsrc": None, "priority": None, "pref": None}
    types = []
    for t, _, _, p in attrs(buf, off + 12, end):
        types.append(t)
        if t == RTA_DST:
            d["dst"] = ipaddr(family, p)
        elif t == RTA_SRC:
            d["src"] = ipaddr(family, p)
        elif t == RTA_GATEWAY:
            d["gateway"] = ipaddr(family, p)
        elif t == RTA_OIF:
            d["oif"] = u32(p)
        elif t == RTA_IIF:
            d["iif"] = u32(p)
        elif t == RTA_PREFSRC:
            d["prefsrc"] = ipaddr(family, p)
        elif t == RTA_PRIORITY:
            d["priority"] = u32(p)
        elif t == RTA_TABLE:
            d["table"] = u32(p)
        elif t == RTA_PREF:
            d["pref"] = p[0]
        elif t == RTA_METRICS:
            d["metrics"] = {mt: u32(mp) for mt, _, _, mp in attrs(p, 0, len(p))}
        elif t == RTA_MULTIPATH:
            d["multipath"] = True
    d["attr_types"] = types
    d["attr_types_not_in_headers"] = sorted({t for t in types if t >= maxes["RTA"]})
    return d


def decode_neigh(buf, off, end, maxes):
    family, index, state, flags, ntype = struct.unpack_from("=BxxxiHBB", buf, off)
    d = {"family": family, "ifindex": index, "state": state,
         "state_names": [n for b, n in NUD_BITS if state & b] or ["NONE"],
         "flags": flags, "ndm_type": ntype, "dst": None, "lladdr": None, "probes": None,
         "master": None, "vlan": None}
    types = []
    for t, _, _, p in attrs(buf, off + 12, end):
        types.append(t)
        if t == NDA_DST:
            d["dst"] = ipaddr(family, p)
        elif t == NDA_LLADDR:
            d["lladdr"] = mac(p)
        elif t == NDA_PROBES:
            d["probes"] = u32(p)
        elif t == NDA_MASTER:
            d["master"] = u32(p)
        elif t == NDA_VLAN:
            d["vlan"] = struct.unpack("=H", p[:2])[0]
        elif t == NDA_CACHEINFO:
            d["cacheinfo"] = dict(zip(("confirmed", "used", "updated", "refcnt"),
                                      struct.unpack_from("=4I", p)))
    d["attr_types"] = types
    d["attr_types_not_in_headers"] = sorted({t for t in types if t >= maxes["NDA"]})
    return d


def decode_ext_ack(buf, off, end, request):
    ext = {"msg": None, "offset": None, "offset_attr": None, "miss_type": None,
           "miss_nest": None, "cookie": None, "policy": None, "tlv_types": []}
    for t, _, _, p in attrs(buf, off, end):
        ext["tlv_types"].append(t)
        if t == NLMSGERR_ATTR_MSG:
            ext["msg"] = cstr(p)
        elif t == NLMSGERR_ATTR_OFFS:
            ext["offset"] = u32(p)
            if request is not None and ext["offset"] + 4 <= len(request):
                ln, at = struct.unpack_from("=HH", request, ext["offset"])
                ext["offset_attr"] = {"nla_len": ln, "nla_type": at & 0x3fff}
        elif t == NLMSGERR_ATTR_MISS_TYPE:
            ext["miss_type"] = u32(p)
        elif t == NLMSGERR_ATTR_MISS_NEST:
            ext["miss_nest"] = u32(p)
        elif t == NLMSGERR_ATTR_COOKIE:
            ext["cookie"] = p.hex()
        elif t == NLMSGERR_ATTR_POLICY:
            # NL_POLICY_TYPE_ATTR_* (netlink.h): 1 TYPE (enum netlink_attribute_type, 4=U32),
            # 2/3 MIN/MAX_VALUE_S, 4/5 MIN/MAX_VALUE_U, 6/7 MIN/MAX_LENGTH, ...
            ext["policy"] = {str(pt): (u32(p2) if len(p2) == 4 else
                                       struct.unpack("=Q", p2)[0] if len(p2) == 8 else p2.hex())
                             for pt, _, _, p2 in attrs(p, 0, len(p))}
    return ext


def decode_buffer(buf, request, maxes):
    msgs = []
    off = 0
    while off + 16 <= len(buf):
        ln, t, fl, sq, pid = struct.unpack_from("=IHHII", buf, off)
        end = off + ln
        m = {"offset": off, "len": ln, "type": t, "type_name": RTM.get(t, str(t)),
             "flags": fl, "flags_hex": "0x%x" % fl, "seq": sq, "pid": pid}
        body = off + 16
        if t == NLMSG_ERROR:
            err = struct.unpack_from("=i", buf, body)[0]
            olen, otype, oflags, oseq, opid = struct.unpack_from("=IHHII", buf, body + 4)
            m["error"] = err
            m["errno"] = -err
            m["errno_name"] = os.strerror(-err) if err else "OK"
            m["capped"] = bool(fl & NLM_F_CAPPED)
            m["ack_tlvs"] = bool(fl & NLM_F_ACK_TLVS)
            m["orig_header"] = {"len": olen, "type": otype, "flags": oflags, "seq": oseq,
                                "pid": opid}
            tlv_off = body + 4 + (16 if fl & NLM_F_CAPPED else olen)
            m["ext_ack"] = decode_ext_ack(buf, tlv_off, end, request) \
                if fl & NLM_F_ACK_TLVS else None
        elif t == NLMSG_DONE:
            m["error"] = struct.unpack_from("=i", buf, body)[0] if ln >= 20 else None
            m["ack_tlvs"] = bool(fl & NLM_F_ACK_TLVS)
            m["ext_ack"] = decode_ext_ack(buf, body + 4, end, request) \
                if fl & NLM_F_ACK_TLVS else None
        elif t == RTM_NEWLINK:
            m["link"] = decode_link(buf, body, end, maxes)
        elif t == RTM_NEWADDR:
            m["addr"] = decode_addr(buf, body, end, maxes)
        elif t == RTM_NEWROUTE:
            m["route"] = decode_route(buf, body, end, maxes)
        elif t == RTM_NEWNEIGH:
            m["neigh"] = decode_neigh(buf, body, end, maxes)
        msgs.append(m)
        off += align4(ln) if ln else len(buf)
    return msgs, off


# ---------------------------------------------------------------------------------------------
# Oracle comparison
# ---------------------------------------------------------------------------------------------
def compare_with_oracle(outdir, manifest):
    load = lambda n: json.load(open(os.path.join(outdir, n)))

    def objs(prefix, key):
        out = []
        for e in manifest["files"]:
            if e["file"].startswith(prefix):
                out += [m[key] for m in e["messages"] if key in m]
        return out

    results = {}
    problems = []

    links = objs("link-dump-", "link")
    names = {l["ifindex"]: l["ifname"] for l in links}
    o = load("oracle-link.json")
    mine = sorted((l["ifindex"], l["ifname"], l["mtu"], l["address"], l["operstate"],
                   names.get(l["master"]) if l["master"] else None) for l in links)
    theirs = sorted((x["ifindex"], x["ifname"], x["mtu"], x.get("address"), x["operstate"],
                     x.get("master")) for x in o)
    results["link"] = {"decoded": len(mine), "oracle": len(theirs), "equal": mine == theirs}
    if mine != theirs:
        problems.append(("link", mine, theirs))

    addrs = objs("addr-dump-", "addr")
    mine = sorted((a["ifindex"], a["local"] or a["address"], a["prefixlen"]) for a in addrs)
    theirs = sorted((x["ifindex"], ai["local"], ai["prefixlen"])
                    for x in load("oracle-addr.json") for ai in x["addr_info"])
    results["addr"] = {"decoded": len(mine), "oracle": len(theirs), "equal": mine == theirs}
    if mine != theirs:
        problems.append(("addr", mine, theirs))

    def route_key(r):
        if r["dst"] is None:
            dst = "default"
        elif (r["family"] == AF_INET and r["dst_len"] == 32) or \
                (r["family"] == AF_INET6 and r["dst_len"] == 128):
            dst = r["dst"]
        else:
            dst = "%s/%d" % (r["dst"], r["dst_len"])
        return (r["type_name"], dst, r["table"], r["gateway"], names.get(r["oif"]))

    table_names = {"main": 254, "local": 255, "default": 253}
    for fam, prefix, oname in (("route4", "route4-dump-", "oracle-route4.json"),
                               ("route6", "route6-dump-", "oracle-route6.json")):
        mine = sorted(route_key(r) for r in objs(prefix, "route"))
        theirs = sorted((x.get("type", "unicast"), x["dst"],
                         table_names.get(x.get("table", "main"), x.get("table")),
                         x.get("gateway"), x.get("dev")) for x in load(oname))
        results[fam] = {"decoded": len(mine), "oracle": len(theirs), "equal": mine == theirs}
        if mine != theirs:
            problems.append((fam, mine, theirs))

    neighs = [n for n in objs("neigh-dump-", "neigh") if n["family"] in (AF_INET, AF_INET6)]
    key = lambda n: (n["dst"], names.get(n["ifindex"]), n["lladdr"], tuple(n["state_names"]))
    okey = lambda x: (x["dst"], x["dev"], x.get("lladdr"), tuple(x.get("state", [])))
    for oname, pick, note in (
            ("oracle-neigh-nud-all.json", lambda n: True, "all AF_INET/AF_INET6 entries"),
            ("oracle-neigh.json", lambda n: "NOARP" not in n["state_names"],
             "entries without NUD_NOARP (plain `ip neigh show` hides those)")):
        mine = sorted(key(n) for n in neighs if pick(n))
        theirs = sorted(okey(x) for x in load(oname))
        k = "neigh" if oname == "oracle-neigh.json" else "neigh-nud-all"
        results[k] = {"decoded": len(mine), "oracle": len(theirs), "equal": mine == theirs,
                      "note": note}
        if mine != theirs:
            problems.append((k, mine, theirs))
    return results, problems


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--capture-in-ns":
        capture_in_ns(sys.argv[2], sys.argv[3])
        return 0

    if os.geteuid() != 0:
        print("must run as root (sudo python3 tools/capture-netlink.py)", file=sys.stderr)
        return 1
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outdir = os.path.abspath(sys.argv[1]) if len(sys.argv) >= 2 else \
        os.path.join(repo, "tests", "IpHelper.Tests", "TestData", "netlink")
    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.endswith(".bin") or f.endswith(".json"):
            os.unlink(os.path.join(outdir, f))

    tag = secrets.token_hex(4)
    A, B = "iph-cap-%s-a" % tag, "iph-cap-%s-b" % tag
    try:
        build_topology(A, B)
        run("ip", "netns", "exec", A, sys.executable, os.path.abspath(__file__),
            "--capture-in-ns", outdir, A)
    finally:
        for ns in (A, B):
            run("ip", "netns", "del", ns, check=False)

    rec_path = os.path.join(outdir, ".capture-records.json")
    rec = json.load(open(rec_path))
    os.unlink(rec_path)

    maxes = {
        "IFLA": header_enum_count("if_link.h", "IFLA_UNSPEC", "__IFLA_MAX"),
        "IFA": header_enum_count("if_addr.h", "IFA_UNSPEC", "__IFA_MAX"),
        "RTA": header_enum_count("rtnetlink.h", "RTA_UNSPEC", "__RTA_MAX"),
        "NDA": header_enum_count("neighbour.h", "NDA_UNSPEC", "__NDA_MAX"),
        "IFLA_INET6": header_enum_count("if_link.h", "IFLA_INET6_UNSPEC", "__IFLA_INET6_MAX"),
        "IFLA_BR": header_enum_count("if_link.h", "IFLA_BR_UNSPEC", "__IFLA_BR_MAX"),
        "IFLA_BRPORT": header_enum_count("if_link.h", "IFLA_BRPORT_UNSPEC", "__IFLA_BRPORT_MAX"),
        "IFLA_VXLAN": header_enum_count("if_link.h", "IFLA_VXLAN_UNSPEC", "__IFLA_VXLAN_MAX"),
        "IFLA_MACVLAN": header_enum_count("if_link.h", "IFLA_MACVLAN_UNSPEC",
                                          "__IFLA_MACVLAN_MAX"),
        "IFLA_TUN": header_enum_count("if_link.h", "IFLA_TUN_UNSPEC", "__IFLA_TUN_MAX"),
        # IFLA_INET_CONF / IFLA_INET6_CONF are arrays of s32 indexed by these enums
        "IPV4_DEVCONF_entries": header_enum_count("ip.h", "IPV4_DEVCONF_FORWARDING",
                                                  "__IPV4_DEVCONF_MAX") - 1,
        "DEVCONF_entries": header_enum_count("ipv6.h", "DEVCONF_FORWARDING", "DEVCONF_MAX"),
    }
    manifest = {
        "kernel": os.uname().release,
        "iproute2": run("ip", "-V", capture=True).stdout.strip(),
        "captured_at_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "byte_order": sys.byteorder,
        "socket": {
            "protocol": "NETLINK_ROUTE",
            "options": ["NETLINK_EXT_ACK=1", "NETLINK_CAP_ACK=1", "NETLINK_GET_STRICT_CHK=1"],
            "port_id": rec["port_id"],
            "recv_buffer": 65536,
        },
        "uapi_header_attr_counts": {
            "note": "__X_MAX from the installed UAPI headers: attribute types >= this value are "
                    "not named by the headers",
            **{k: v for k, v in maxes.items()},
        },
        "topology": {
            "namespace": "A (the capture ran in A; B holds the peers veth1 and vethb1)",
            "links": "lo; veth0 (peer veth1 in B); br0 (bridge) with port vethb0 (peer vethb1 in B); "
                     "mv0 (macvlan mode bridge on veth0); vx0 (vxlan id 42 local 198.51.100.1 "
                     "dstport 4789 dev veth0); tun0 (tuntap mode tun, no process attached); ifb0",
            "macs": MACS,
            "addresses": ["198.51.100.1/24 veth0", "2001:db8:1::1/64 veth0 nodad",
                          "192.0.2.1/24 br0", "203.0.113.1/24 mv0",
                          "(B) 198.51.100.2/24 veth1", "(B) 2001:db8:1::2/64 veth1 nodad"],
            "routes": ["203.0.113.128/25 via 198.51.100.2",
                       "2001:db8:99::/48 via 2001:db8:1::2",
                       "192.0.2.128/25 dev br0 (added by ack-ok, AFTER the dumps and oracle)"],
            "neighbours": ["198.51.100.2 lladdr 02:00:00:00:00:02 nud permanent dev veth0"],
            "traffic": "3 UDP datagrams to 198.51.100.2:9 and 3 to [2001:db8:1::2]:9 from A",
        },
        "oracle": rec["oracle_commands"],
        "oracle_note": "the oracle was recorded right after the dumps; counters and timers "
                       "(stats64, cacheinfo) may differ slightly",
        "files": [],
    }
    for r in rec["records"]:
        req = bytes.fromhex(r["request"]["bytes_hex"])
        for fname in r["files"]:
            buf = open(os.path.join(outdir, fname), "rb").read()
            msgs, used = decode_buffer(buf, req, maxes)
            manifest["files"].append({
                "file": fname, "size": len(buf), "description": r["description"],
                "request": r["request"],
                "message_count": len(msgs), "trailing_bytes": len(buf) - used,
                "messages": msgs,
            })

    results, problems = compare_with_oracle(outdir, manifest)
    manifest["oracle_check"] = results
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")

    total = sum(os.path.getsize(os.path.join(outdir, f)) for f in os.listdir(outdir))
    print("wrote %d files, %d bytes, to %s" % (len(os.listdir(outdir)), total, outdir))
    print("oracle check:", json.dumps(results))
    for p in problems:
        print("MISMATCH", p[0], "\n  decoded:", p[1], "\n  oracle: ", p[2], file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
