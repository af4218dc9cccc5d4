// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/connectionacceptor.h"

#include "logging.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace signalbox {

namespace {

// When not even the spare descriptor can be had, accepting stops for this long instead of
// retrying at once.
constexpr int PauseMs = 100;
// Rejections are logged at most this often, each line with the count since the one before.
constexpr int ReportIntervalMs = 10000;
// Number of 4 KiB reads that drop a rejected client's input before the close. Closing a socket
// with unread input sends a reset, which can discard the 503 before the client reads it.
constexpr int DrainChunks = 4;

int openSpareDescriptor() {
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

int acceptOne(int listening) {
#ifdef Q_OS_LINUX
    return ::accept4(listening, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
    const int descriptor = ::accept(listening, nullptr, nullptr);
    if (descriptor >= 0) {
        ::fcntl(descriptor, F_SETFD, FD_CLOEXEC);
        ::fcntl(descriptor, F_SETFL, ::fcntl(descriptor, F_GETFL) | O_NONBLOCK);
    }
    return descriptor;
#endif
}

void sendAndClose(int descriptor, const QByteArray &response) {
    char input[4096];
    for (int i = 0; i < DrainChunks; ++i) {
        if (::recv(descriptor, input, sizeof input, MSG_DONTWAIT) <= 0)
            break;
    }
    // A new socket's send buffer is empty, so the whole response fits. A failure only means the
    // client has gone already.
    [[maybe_unused]] const auto sent =
        ::send(descriptor, response.constData(), size_t(response.size()), MSG_NOSIGNAL);
    ::close(descriptor);
}

} // namespace

ConnectionAcceptor::ConnectionAcceptor(qintptr listeningDescriptor,
                                       std::function<QByteArray()> rejection, QObject *parent)
    : QObject(parent)
    , m_listening(int(listeningDescriptor))
    , m_rejection(std::move(rejection))
    , m_notifier(listeningDescriptor, QSocketNotifier::Read)
    , m_spare(openSpareDescriptor()) {
    // Parented so that moveToThread() on the acceptor moves them too.
    m_notifier.setParent(this);
    m_resume.setParent(this);
    m_report.setParent(this);
    m_resume.setSingleShot(true);
    m_resume.setInterval(PauseMs);
    m_report.setSingleShot(true);
    m_report.setInterval(ReportIntervalMs);
    connect(&m_notifier, &QSocketNotifier::activated, this, &ConnectionAcceptor::acceptPending);
    connect(&m_resume, &QTimer::timeout, this, [this] { m_notifier.setEnabled(true); });
    connect(&m_report, &QTimer::timeout, this, &ConnectionAcceptor::reportRejections);
}

ConnectionAcceptor::~ConnectionAcceptor() {
    reportRejections();
    if (m_spare >= 0)
        ::close(m_spare);
}

void ConnectionAcceptor::acceptPending() {
    for (;;) {
        const int descriptor = acceptOne(m_listening);
        if (descriptor >= 0) {
            emit accepted(descriptor);
            continue;
        }
        switch (errno) {
        case EAGAIN:
#if EWOULDBLOCK != EAGAIN
        case EWOULDBLOCK:
#endif
            return;
        case EINTR:
        case ECONNABORTED:
        case EPROTO:
            continue; // only this connection failed
        case EMFILE:
        case ENFILE:
            switch (rejectOne()) {
            case Rejection::Rejected:
                continue;
            case Rejection::NonePending:
                return;
            case Rejection::NoDescriptor:
                pause();
                return;
            }
            return;
        default:
            qCWarning(lcHttp).noquote() << "Accepting a connection failed:" << strerror(errno)
                                        << "- retrying in" << PauseMs << "ms";
            pause();
            return;
        }
    }
}

// Frees the spare descriptor for one connection, sends it the rejection and takes the spare back.
ConnectionAcceptor::Rejection ConnectionAcceptor::rejectOne() {
    if (m_spare < 0)
        m_spare = openSpareDescriptor();
    if (m_spare < 0)
        return Rejection::NoDescriptor;

    ::close(m_spare);
    const int descriptor = acceptOne(m_listening);
    const int acceptError = errno;
    if (descriptor >= 0)
        sendAndClose(descriptor, m_rejection());
    m_spare = openSpareDescriptor();
    if (descriptor < 0)
        return acceptError == EMFILE || acceptError == ENFILE ? Rejection::NoDescriptor
                                                              : Rejection::NonePending;

    ++m_rejectedTotal;
    ++m_unreported;
    if (!m_sinceReport.isValid() || m_sinceReport.hasExpired(ReportIntervalMs))
        reportRejections();
    else if (!m_report.isActive())
        m_report.start();
    return Rejection::Rejected;
}

void ConnectionAcceptor::pause() {
    m_notifier.setEnabled(false);
    m_resume.start();
}

void ConnectionAcceptor::reportRejections() {
    if (m_unreported == 0)
        return;
    struct rlimit limit = {};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    qCWarning(lcHttp).noquote()
        << QStringLiteral(
               "Out of file descriptors at the open file limit of %1: sent 503 to %2 new "
               "%3 and closed %4 (%5 in all). Close idle connections, or raise the "
               "limit with `ulimit -n` before starting Signalbox.")
               .arg(qulonglong(limit.rlim_cur))
               .arg(m_unreported)
               .arg(m_unreported == 1 ? QStringLiteral("connection")
                                      : QStringLiteral("connections"),
                    m_unreported == 1 ? QStringLiteral("it") : QStringLiteral("them"))
               .arg(m_rejectedTotal);
    m_unreported = 0;
    m_sinceReport.start();
}

} // namespace signalbox
