// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// The minimum work an HTTP proxy can do on this machine, as a floor for the router's CPU time per
// request: one thread, one epoll set, and for each client connection one upstream connection.
// It reads a request up to its Content-Length, sends those bytes unchanged upstream, reads the
// response the same way and sends it back. No routing, no parsing beyond the two lengths, no
// ledger. The CPU time it takes per request is what the kernel charges any proxy here for its
// reads, sends and waits.
//
//   signalbox-bench-floor-proxy --upstream-port PORT [--work-us N]
//
// With --work-us, it spins for N µs of CPU before it forwards each request, as a router spends
// time on a request (parsing, routing, gates) before its upstream call. The latency such a proxy
// adds, for a few values of N, shows how much work on the path a latency target leaves.
//
// Listens on 127.0.0.1 on a free port and prints "listening on http://127.0.0.1:PORT".
// Only for bench/: it trusts its upstream and handles keep-alive requests with a body length.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace {

struct Side {
    int fd = -1;
    std::string in; // bytes read and not yet forwarded
};

// A client connection and the upstream connection that serves it.
struct Pair {
    Side client;
    Side upstream;
};

// The length of the first complete HTTP message in `bytes`, or 0 while it is incomplete.
size_t messageLength(const std::string &bytes) {
    const size_t headerEnd = bytes.find("\r\n\r\n");
    if (headerEnd == std::string::npos)
        return 0;

    size_t bodyLength = 0;
    std::string_view head(bytes.data(), headerEnd);
    for (size_t line = 0; line < head.size();) {
        size_t next = head.find("\r\n", line);
        if (next == std::string_view::npos)
            next = head.size();
        const std::string_view field = head.substr(line, next - line);
        if (field.size() > 15 && strncasecmp(field.data(), "content-length:", 15) == 0)
            bodyLength = std::strtoul(std::string(field.substr(15)).c_str(), nullptr, 10);
        line = next + 2;
    }
    const size_t total = headerEnd + 4 + bodyLength;
    return bytes.size() >= total ? total : 0;
}

// Keeps this thread busy for `micros` µs of its own CPU time. Time spent waiting for a processor
// does not count.
void spin(long micros) {
    if (micros <= 0)
        return;
    timespec start{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    for (;;) {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        const long elapsed =
            (now.tv_sec - start.tv_sec) * 1000000L + (now.tv_nsec - start.tv_nsec) / 1000L;
        if (elapsed >= micros)
            return;
    }
}

bool sendAll(int fd, const char *data, size_t size) {
    while (size > 0) {
        const ssize_t sent = send(fd, data, size, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false; // the peers here are local and fast; a full buffer is a failure
        data += sent;
        size -= size_t(sent);
    }
    return true;
}

int connectUpstream(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

class FloorProxy {
public:
    FloorProxy(int listenFd, int upstreamPort, long workMicros)
        : m_listenFd(listenFd)
        , m_upstreamPort(upstreamPort)
        , m_workMicros(workMicros)
        , m_epollFd(epoll_create1(EPOLL_CLOEXEC)) {
        watch(m_listenFd);
    }

    void run() {
        epoll_event events[128];
        for (;;) {
            const int ready = epoll_wait(m_epollFd, events, 128, -1);
            for (int i = 0; i < ready; ++i) {
                const int fd = events[i].data.fd;
                if (fd == m_listenFd)
                    acceptClients();
                else
                    readFrom(fd);
            }
        }
    }

private:
    void watch(int fd) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = fd;
        epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event);
    }

    void acceptClients() {
        for (;;) {
            const int client = accept4(m_listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (client < 0)
                return;
            const int upstream = connectUpstream(m_upstreamPort);
            if (upstream < 0) {
                close(client);
                continue;
            }
            const int one = 1;
            setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            auto pair = std::make_shared<Pair>();
            pair->client.fd = client;
            pair->upstream.fd = upstream;
            m_pairs[client] = pair;
            m_pairs[upstream] = pair;
            watch(client);
            watch(upstream);
        }
    }

    void readFrom(int fd) {
        const auto it = m_pairs.find(fd);
        if (it == m_pairs.end())
            return;
        const std::shared_ptr<Pair> pair = it->second;
        Side &from = fd == pair->client.fd ? pair->client : pair->upstream;
        Side &to = fd == pair->client.fd ? pair->upstream : pair->client;

        char buffer[65536];
        const ssize_t got = recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (got < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (got <= 0) {
            drop(*pair);
            return;
        }
        from.in.append(buffer, size_t(got));

        // Whole messages only, as a proxy that routes on the request must wait for all of it.
        while (const size_t length = messageLength(from.in)) {
            if (&from == &pair->client)
                spin(m_workMicros);
            if (!sendAll(to.fd, from.in.data(), length)) {
                drop(*pair);
                return;
            }
            from.in.erase(0, length);
        }
    }

    void drop(Pair &pair) {
        for (Side *side : {&pair.client, &pair.upstream}) {
            m_pairs.erase(side->fd);
            close(side->fd);
        }
    }

    int m_listenFd;
    int m_upstreamPort;
    long m_workMicros;
    int m_epollFd;
    std::unordered_map<int, std::shared_ptr<Pair>> m_pairs;
};

int listenOnLoopback() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        listen(fd, 4096) != 0) {
        std::perror("floor proxy: listen on 127.0.0.1");
        std::exit(1);
    }
    socklen_t size = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr *>(&address), &size);
    std::printf("listening on http://127.0.0.1:%d\n", ntohs(address.sin_port));
    std::fflush(stdout);
    return fd;
}

} // namespace

int main(int argc, char **argv) {
    const bool withWork = argc == 5 && std::strcmp(argv[3], "--work-us") == 0;
    if ((argc != 3 && !withWork) || std::strcmp(argv[1], "--upstream-port") != 0) {
        std::fprintf(stderr, "usage: %s --upstream-port PORT [--work-us N]\n", argv[0]);
        return 2;
    }
    char *portEnd = nullptr;
    const long upstreamPort = std::strtol(argv[2], &portEnd, 10);
    if (!std::isdigit(static_cast<unsigned char>(*argv[2])) || *portEnd != '\0' ||
        upstreamPort <= 0 || upstreamPort > 65535) {
        std::fprintf(stderr, "floor proxy: invalid upstream port '%s'; give 1 to 65535\n", argv[2]);
        return 2;
    }
    char *end = nullptr;
    const long workMicros = withWork ? std::strtol(argv[4], &end, 10) : 0;
    if (withWork && (!std::isdigit(static_cast<unsigned char>(*argv[4])) || *end != '\0' ||
                     workMicros < 0 || workMicros > 1000000)) {
        std::fprintf(stderr, "floor proxy: invalid --work-us '%s'; give 0 to 1000000\n", argv[4]);
        return 2;
    }
    FloorProxy proxy(listenOnLoopback(), int(upstreamPort), workMicros);
    proxy.run();
}
