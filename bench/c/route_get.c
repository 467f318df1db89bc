/* The C baseline for GetBestRoute2: N RTM_GETROUTE round trips (send one request, receive its one
 * answer) for one destination; prints "us=AVERAGE", microseconds per round trip.
 * Build: gcc -O2 -o route_get route_get.c    Run: ip netns exec NS ./route_get 198.18.0.1 100000 */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: route_get IPV4 COUNT\n"); return 2; }
    struct in_addr dst;
    if (inet_pton(AF_INET, argv[1], &dst) != 1) { fprintf(stderr, "bad address\n"); return 2; }
    long n = atol(argv[2]);
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof one);
    struct { struct nlmsghdr h; struct rtmsg r; char attrs[8]; } req;
    static char buf[16 * 1024];
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < n; i++) {
        memset(&req, 0, sizeof req);
        req.h.nlmsg_type = RTM_GETROUTE;
        req.h.nlmsg_flags = NLM_F_REQUEST;
        req.h.nlmsg_seq = (unsigned)i + 1;
        req.r.rtm_family = AF_INET;
        req.r.rtm_dst_len = 32;
        struct rtattr *a = (struct rtattr *)req.attrs;
        a->rta_type = RTA_DST;
        a->rta_len = RTA_LENGTH(4);
        memcpy(RTA_DATA(a), &dst, 4);
        req.h.nlmsg_len = NLMSG_LENGTH(sizeof req.r) + RTA_SPACE(4);
        if (send(fd, &req, req.h.nlmsg_len, 0) < 0) { perror("send"); return 1; }
        ssize_t got = recv(fd, buf, sizeof buf, 0);
        if (got < 0) { perror("recv"); return 1; }
        struct nlmsghdr *h = (struct nlmsghdr *)buf;
        if (h->nlmsg_type != RTM_NEWROUTE) { fprintf(stderr, "lookup failed\n"); return 1; }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double us = ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / 1e3 / n;
    printf("us=%.3f\n", us);
    return 0;
}
