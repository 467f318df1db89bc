/* The C baseline for GetIpForwardTable2: dumps the IPv4 (or IPv6) routes of the main and local tables with
 * strict-checked, table-filtered RTM_GETROUTE requests (what IpHelper sends), decodes every route
 * into a struct in a growing array; one warm-up, then RUNS timed reads, each into a new array (as
 * every GetIpForwardTable2 call returns a new table).
 * Prints "count=ROUTES ms=MEDIAN cpu_ms=MEDIAN": wall time, and the CPU time of the thread (the kernel's
 * dump work runs in its recv calls, so this is the whole cost, and a loaded machine barely changes it).
 * Build: gcc -O2 -o route_dump route_dump.c    Run inside the namespace: ip netns exec NS ./route_dump 5 [4|6] */
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct route {
    uint8_t dst[16], gateway[16];
    uint32_t oif, priority, table;
    uint8_t family, dst_len, protocol, type;
};

static struct route *routes;
static size_t count, capacity;

static struct route *add_route(void)
{
    if (count == capacity) {
        capacity = capacity ? capacity * 2 : 1024;
        routes = realloc(routes, capacity * sizeof *routes);
        if (!routes) { perror("realloc"); exit(1); }
    }
    struct route *r = &routes[count++];
    memset(r, 0, sizeof *r);
    return r;
}

static void decode(struct nlmsghdr *h)
{
    struct rtmsg *rtm = NLMSG_DATA(h);
    struct route *r = add_route();
    r->family = rtm->rtm_family;
    r->dst_len = rtm->rtm_dst_len;
    r->protocol = rtm->rtm_protocol;
    r->type = rtm->rtm_type;
    r->table = rtm->rtm_table;
    int len = RTM_PAYLOAD(h);
    for (struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        switch (a->rta_type) {
        case RTA_DST: if (RTA_PAYLOAD(a) <= 16) memcpy(r->dst, RTA_DATA(a), RTA_PAYLOAD(a)); break;
        case RTA_GATEWAY: if (RTA_PAYLOAD(a) <= 16) memcpy(r->gateway, RTA_DATA(a), RTA_PAYLOAD(a)); break;
        case RTA_OIF: r->oif = *(uint32_t *)RTA_DATA(a); break;
        case RTA_PRIORITY: r->priority = *(uint32_t *)RTA_DATA(a); break;
        case RTA_TABLE: r->table = *(uint32_t *)RTA_DATA(a); break;
        }
    }
}

static int dump(int fd, uint8_t family, uint32_t table, uint32_t seq)
{
    struct { struct nlmsghdr h; struct rtmsg r; char attrs[16]; } req;
    memset(&req, 0, sizeof req);
    req.h.nlmsg_type = RTM_GETROUTE;
    req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.h.nlmsg_seq = seq;
    req.r.rtm_family = family;
    req.r.rtm_table = table;
    struct rtattr *a = (struct rtattr *)req.attrs;
    a->rta_type = RTA_TABLE;
    a->rta_len = RTA_LENGTH(4);
    *(uint32_t *)RTA_DATA(a) = table;
    req.h.nlmsg_len = NLMSG_LENGTH(sizeof req.r) + RTA_SPACE(4);
    if (send(fd, &req, req.h.nlmsg_len, 0) < 0) { perror("send"); return -1; }
    static char buf[64 * 1024];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) { if (errno == EINTR) continue; perror("recv"); return -1; }
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_seq != seq) continue;
            if (h->nlmsg_type == NLMSG_DONE) return 0;
            if (h->nlmsg_type == NLMSG_ERROR) { fprintf(stderr, "dump error %d\n", -*(int *)NLMSG_DATA(h)); return -1; }
            if (h->nlmsg_type == RTM_NEWROUTE) decode(h);
        }
    }
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of values[1..runs] (values[0] is the warm-up). */
static double median(double *values, int runs)
{
    qsort(values + 1, runs, sizeof values[0], compare);
    return runs % 2 ? values[1 + runs / 2] : (values[runs / 2] + values[1 + runs / 2]) / 2;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 1;
    int version = argc > 2 ? atoi(argv[2]) : 4;
    if (runs < 1 || runs > 1000 || (version != 4 && version != 6)) { fprintf(stderr, "usage: route_dump [RUNS] [4|6]\n"); return 2; }
    uint8_t family = version == 4 ? AF_INET : AF_INET6;
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof one);
    double times[1001], cpu[1001];
    uint32_t seq = 0;
    for (int run = 0; run <= runs; run++) {
        free(routes);
        routes = NULL;
        count = capacity = 0;
        struct timespec start, end, cpu_start, cpu_end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_start);
        if (dump(fd, family, RT_TABLE_MAIN, ++seq) || dump(fd, family, RT_TABLE_LOCAL, ++seq)) return 1;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_end);
        clock_gettime(CLOCK_MONOTONIC, &end);
        times[run] = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
        cpu[run] = (cpu_end.tv_sec - cpu_start.tv_sec) * 1e3 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6;
    }
    printf("count=%zu ms=%.3f cpu_ms=%.3f\n", count, median(times, runs), median(cpu, runs));
    return 0;
}
