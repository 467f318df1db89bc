/* The C floor for GetBestRoute2: the same two kernel requests IpHelper makes, N times. Each time, one
 * sendmsg carries a plain RTM_GETROUTE (the route the kernel would use, with its source address) and
 * an RTM_GETROUTE with RTM_F_FIB_MATCH | RTM_F_LOOKUP_TABLE (the table entry it came from, the row),
 * each with its own sequence number and no NLM_F_ACK; then both answers are received. Prints
 * "us=AVERAGE cpu_us=AVERAGE": wall-clock and CPU (user + system) microseconds per pair.
 * Build: gcc -O2 -o route_get_pair route_get_pair.c    Run: ip netns exec NS ./route_get_pair 198.51.100.7 100000 */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef RTM_F_FIB_MATCH
#define RTM_F_FIB_MATCH 0x2000
#endif
#ifndef RTM_F_LOOKUP_TABLE
#define RTM_F_LOOKUP_TABLE 0x1000
#endif

struct get { struct nlmsghdr h; struct rtmsg r; char attrs[8]; };

static void fill(struct get *req, const struct in_addr *dst, unsigned seq, unsigned flags)
{
    memset(req, 0, sizeof *req);
    req->h.nlmsg_type = RTM_GETROUTE;
    req->h.nlmsg_flags = NLM_F_REQUEST;
    req->h.nlmsg_seq = seq;
    req->r.rtm_family = AF_INET;
    req->r.rtm_dst_len = 32;
    req->r.rtm_flags = flags;
    struct rtattr *a = (struct rtattr *)req->attrs;
    a->rta_type = RTA_DST;
    a->rta_len = RTA_LENGTH(4);
    memcpy(RTA_DATA(a), dst, 4);
    req->h.nlmsg_len = NLMSG_LENGTH(sizeof req->r) + RTA_SPACE(4);
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: route_get_pair IPV4 COUNT\n"); return 2; }
    struct in_addr dst;
    if (inet_pton(AF_INET, argv[1], &dst) != 1) { fprintf(stderr, "bad address\n"); return 2; }
    long n = atol(argv[2]);
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof one);
    struct get pair[2];
    static char buf[32 * 1024];
    struct timespec start, end, cpuStart, cpuEnd;
    clock_gettime(CLOCK_MONOTONIC, &start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuStart);
    for (long i = 0; i < n; i++) {
        unsigned seq = (unsigned)i * 2 + 1;
        fill(&pair[0], &dst, seq, 0);
        fill(&pair[1], &dst, seq + 1, RTM_F_FIB_MATCH | RTM_F_LOOKUP_TABLE);
        /* The two messages back to back in one datagram, as IpHelper sends them. */
        char out[2 * sizeof(struct get)];
        size_t length = NLMSG_ALIGN(pair[0].h.nlmsg_len);
        memcpy(out, &pair[0], pair[0].h.nlmsg_len);
        memcpy(out + length, &pair[1], pair[1].h.nlmsg_len);
        length += pair[1].h.nlmsg_len;
        if (send(fd, out, length, 0) < 0) { perror("send"); return 1; }
        int answered = 0;
        while (answered < 2) {
            ssize_t got = recv(fd, buf, sizeof buf, 0);
            if (got < 0) { perror("recv"); return 1; }
            for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)got); h = NLMSG_NEXT(h, got)) {
                if (h->nlmsg_type != RTM_NEWROUTE) { fprintf(stderr, "lookup failed\n"); return 1; }
                answered++;
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuEnd);
    double us = ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / 1e3 / n;
    double cpu = ((cpuEnd.tv_sec - cpuStart.tv_sec) * 1e9 + (cpuEnd.tv_nsec - cpuStart.tv_nsec)) / 1e3 / n;
    printf("us=%.3f cpu_us=%.3f\n", us, cpu);
    return 0;
}
