// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/connectionacceptor.h"

#include "http/openfiles.h"
#include "logging.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace signalbox {

namespace {

// When not even the spare descriptor can be had, accepting stops for this long instead of
// retrying at once.
constexpr int PauseMs = 100;
// Rejections are logged at most this often, each line with the count since the one before.
constexpr int ReportIntervalMs = 10000;
// Number of 4 KiB reads of a rejected client's input per turn of the event loop.
constexpr int DrainChunks = 16;
// A rejected connection with a descriptor of its own stays open this long, at most, after its 503,
// and this many stay open at once.
constexpr int LingerMs = 1000;
constexpr int MaxLingering = 4;

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

// Reads and drops what the client has sent. Returns false at its end of input or on an error.
bool drainInput(int descriptor) {
    char input[4096];
    for (int i = 0; i < DrainChunks; ++i) {
        const ssize_t received = ::recv(descriptor, input, sizeof input, MSG_DONTWAIT);
        if (received > 0)
            continue;
        return received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
    }
    return true;
}

void sendRejection(int descriptor, const QByteArray &response) {
    // Input left unread makes the close send a reset, which can discard the 503 on its way.
    drainInput(descriptor);
    // A new socket's send buffer is empty, so the whole response fits. A failure only means the
    // client has gone already.
    [[maybe_unused]] const auto sent =
        ::send(descriptor, response.constData(), size_t(response.size()), MSG_NOSIGNAL);
}

// Keeps a rejected connection open with its output shut, until the client closes it or LingerMs
// pass, and drops what the client sends. Closed at once, the connection would reply to the
// client's next write with a reset, and a client that writes its body after its headers would
// report a broken pipe instead of the 503.
class LingeringClose : public QObject {
public:
    LingeringClose(int descriptor, QObject *parent)
        : QObject(parent)
        , m_descriptor(descriptor)
        , m_notifier(descriptor, QSocketNotifier::Read) {
        m_notifier.setParent(this);
        m_timeout.setParent(this);
        ::shutdown(descriptor, SHUT_WR);
        connect(&m_notifier, &QSocketNotifier::activated, this, [this] {
            if (!drainInput(m_descriptor))
                finish();
        });
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, &LingeringClose::finish);
        m_timeout.start(LingerMs);
    }

    ~LingeringClose() override {
        m_notifier.setEnabled(false); // before the close, while the descriptor is still valid
        ::close(m_descriptor);
    }

private:
    void finish() {
        m_notifier.setEnabled(false);
        m_timeout.stop();
        deleteLater();
    }

    int m_descriptor;
    QSocketNotifier m_notifier;
    QTimer m_timeout;
};

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
            // The top descriptors stay free for the upstream calls that open connections serve.
            const qint64 limit = openFileLimit();
            if (inDescriptorReserve(descriptor, clientDescriptorReserve(limit), limit))
                reject(descriptor, true);
            else
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
                ++m_unreportedPauses;
                countForReport();
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
        reject(descriptor, false); // the spare must be had back at once
    m_spare = openSpareDescriptor();
    if (descriptor >= 0)
        return Rejection::Rejected;
    return acceptError == EMFILE || acceptError == ENFILE ? Rejection::NoDescriptor
                                                          : Rejection::NonePending;
}

// Sends the rejection to a new connection, closes it, after a while when `linger` allows, and
// counts it for the log.
void ConnectionAcceptor::reject(int descriptor, bool linger) {
    sendRejection(descriptor, m_rejection());
    if (linger && m_lingering < MaxLingering) {
        ++m_lingering;
        auto *lingering = new LingeringClose(descriptor, this);
        connect(lingering, &QObject::destroyed, this, [this] { --m_lingering; });
    } else {
        ::close(descriptor);
    }
    ++m_rejectedTotal;
    ++m_unreported;
    countForReport();
}

// Logs at once when the last line is older than the report interval, else at its end.
void ConnectionAcceptor::countForReport() {
    if (!m_sinceReport.isValid() || m_sinceReport.hasExpired(ReportIntervalMs))
        reportRejections();
    else if (!m_report.isActive())
        m_report.start();
}

void ConnectionAcceptor::pause() {
    m_notifier.setEnabled(false);
    m_resume.start();
}

void ConnectionAcceptor::reportRejections() {
    if (m_unreported == 0 && m_unreportedPauses == 0)
        return;
    QString text = QStringLiteral("Out of file descriptors at the open file limit of %1:")
                       .arg(openFileLimit());
    if (m_unreported > 0)
        text += QStringLiteral(" sent 503 to %1 new %2 and closed %3 (%4 in all).")
                    .arg(m_unreported)
                    .arg(m_unreported == 1 ? QStringLiteral("connection")
                                           : QStringLiteral("connections"),
                         m_unreported == 1 ? QStringLiteral("it") : QStringLiteral("them"))
                    .arg(m_rejectedTotal);
    if (m_unreportedPauses > 0)
        text += QStringLiteral(" Paused accepting for %1 ms %2 times, with no descriptor free "
                               "even to send a 503.")
                    .arg(PauseMs)
                    .arg(m_unreportedPauses);
    qCWarning(lcHttp).noquote() << text
                                << "Close idle connections, or raise the limit with `ulimit -n` "
                                   "before starting Signalbox.";
    m_unreported = 0;
    m_unreportedPauses = 0;
    m_sinceReport.start();
}

} // namespace signalbox
