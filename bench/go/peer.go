// The Go peer of the benchmark report: the same workloads through github.com/vishvananda/netlink
// (Debian's golang-github-vishvananda-netlink-dev, built offline with GO111MODULE=off and
// GOPATH=/usr/share/gocode). Every subcommand prints one line of key=value figures.
//
//	peer dump RUNS          IPv4 routes of every table, one warm-up then RUNS timed dumps (median ms)
//	peer get DST COUNT      RouteGet(DST) COUNT times after 1000 warm-up calls (us per call)
//	peer links RUNS         LinkList + AddrList(all families), one warm-up then RUNS (median ms)
//	peer insert FIRST COUNT RouteAdd of COUNT host routes 10.x.y.z/32 via 192.0.2.254 dev v0, one request each
//	peer append FILE        RouteAppend of every line of an ip -batch file of the report's route shapes
//	                        ("route append PREFIX via HOP dev v0 [proto bgp] [metric M]"), one request each;
//	                        the file is parsed before the clock starts
//	peer watch COUNT IDLE_S RouteSubscribe (IPv4 and IPv6) until COUNT route adds (RTM_NEWROUTE not from
//	                        proto kernel: the uplink's own routes), IDLE_S seconds without events, or the
//	                        subscription ends (the library closes it on the first error, ENOBUFS included)
package main

import (
	"fmt"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"
)

func main() {
	if len(os.Args) < 2 {
		fail("usage: peer dump|get|links|insert|append|watch ARGS")
	}
	switch os.Args[1] {
	case "dump":
		dump(atoi(os.Args[2]))
	case "get":
		get(net.ParseIP(os.Args[2]), atoi(os.Args[3]))
	case "links":
		links(atoi(os.Args[2]))
	case "insert":
		insert(atoi(os.Args[2]), atoi(os.Args[3]))
	case "append":
		appendFile(os.Args[2])
	case "watch":
		watch(atoi(os.Args[2]), atoi(os.Args[3]))
	default:
		fail("unknown subcommand " + os.Args[1])
	}
}

func dump(runs int) {
	count := 0
	once := func() {
		routes, err := netlink.RouteListFiltered(netlink.FAMILY_V4, &netlink.Route{Table: unix.RT_TABLE_UNSPEC}, netlink.RT_FILTER_TABLE)
		check(err)
		count = len(routes)
	}
	ms := median(runs, once)
	fmt.Printf("count=%d ms=%.3f\n", count, ms)
}

func get(destination net.IP, count int) {
	once := func() {
		_, err := netlink.RouteGet(destination)
		check(err)
	}
	for i := 0; i < 1000; i++ {
		once()
	}
	start := time.Now()
	for i := 0; i < count; i++ {
		once()
	}
	fmt.Printf("us=%.3f\n", float64(time.Since(start).Nanoseconds())/1e3/float64(count))
}

func links(runs int) {
	count := 0
	once := func() {
		links, err := netlink.LinkList()
		check(err)
		addresses, err := netlink.AddrList(nil, netlink.FAMILY_ALL)
		check(err)
		count = len(links) + len(addresses)
	}
	ms := median(runs, once)
	fmt.Printf("count=%d ms=%.3f\n", count, ms)
}

func insert(first, count int) {
	link, err := netlink.LinkByName("v0")
	check(err)
	gateway := net.ParseIP("192.0.2.254")
	start := time.Now()
	for i := first; i < first+count; i++ {
		route := &netlink.Route{
			LinkIndex: link.Attrs().Index,
			Dst:       &net.IPNet{IP: net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)), Mask: net.CIDRMask(32, 32)},
			Gw:        gateway,
		}
		check(netlink.RouteAdd(route))
	}
	fmt.Printf("count=%d ms=%.3f\n", count, float64(time.Since(start).Nanoseconds())/1e6)
}

func appendFile(path string) {
	link, err := netlink.LinkByName("v0")
	check(err)
	data, err := os.ReadFile(path)
	check(err)
	var routes []*netlink.Route
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 5 || fields[0] != "route" || fields[1] != "append" || fields[3] != "via" {
			fail("unexpected line " + line)
		}
		_, dst, err := net.ParseCIDR(fields[2])
		check(err)
		route := &netlink.Route{LinkIndex: link.Attrs().Index, Dst: dst, Gw: net.ParseIP(fields[4])}
		for i := 5; i+1 < len(fields); i++ {
			switch fields[i] {
			case "proto":
				if fields[i+1] != "bgp" {
					fail("unexpected protocol " + fields[i+1])
				}
				route.Protocol = unix.RTPROT_BGP
			case "metric":
				route.Priority = atoi(fields[i+1])
			}
		}
		routes = append(routes, route)
	}
	start := time.Now()
	for _, route := range routes {
		check(netlink.RouteAppend(route))
	}
	fmt.Printf("count=%d ms=%.3f\n", len(routes), float64(time.Since(start).Nanoseconds())/1e6)
}

func watch(count, idleSeconds int) {
	updates := make(chan netlink.RouteUpdate, 1024)
	done := make(chan struct{})
	failures := make(chan error, 1)
	check(netlink.RouteSubscribeWithOptions(updates, done, netlink.RouteSubscribeOptions{
		ErrorCallback: func(err error) {
			select {
			case failures <- err:
			default:
			}
		},
	}))
	fmt.Println("ready")
	events := 0
	var last int64
	idle := time.Duration(idleSeconds) * time.Second
	timer := time.NewTimer(time.Hour)
	closed := false
loop:
	for events < count {
		select {
		case update, open := <-updates:
			if !open {
				closed = true
				break loop
			}
			if update.Type != unix.RTM_NEWROUTE || update.Protocol == unix.RTPROT_KERNEL {
				continue
			}
			events++
			last = monotonicNs()
			timer.Reset(idle)
		case <-timer.C:
			break loop
		}
	}
	close(done)
	fmt.Printf("events=%d last_ns=%d ended_by_error=%t\n", events, last, closed)
	select {
	case err := <-failures:
		fmt.Fprintln(os.Stderr, "peer: subscription error:", err)
	default:
	}
}

func monotonicNs() int64 {
	var ts unix.Timespec
	check(unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts))
	return ts.Nano()
}

func median(runs int, once func()) float64 {
	once()
	times := make([]float64, runs)
	for i := range times {
		start := time.Now()
		once()
		times[i] = float64(time.Since(start).Nanoseconds()) / 1e6
	}
	sort.Float64s(times)
	if runs%2 == 1 {
		return times[runs/2]
	}
	return (times[runs/2-1] + times[runs/2]) / 2
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	check(err)
	return n
}

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "peer:", message)
	os.Exit(1)
}
