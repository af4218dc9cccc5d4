// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <functional>

namespace signalbox {

// Accepts the connections of a listening socket in place of QTcpServer, so that running out of
// file descriptors is handled. Qt 6.4 takes a failed accept for a temporary error and leaves the
// socket ready, so its event loop retries the accept on every pass and never reports the cause.
// Here a connection that cannot be kept is accepted on a spare descriptor kept for that purpose,
// gets the rejection response and is closed, so clients learn the reason and the loop stays idle.
// A connection that gets one of the top descriptors, which upstream calls need, is rejected too.
class ConnectionAcceptor : public QObject {
    Q_OBJECT

public:
    // `listeningDescriptor` stays owned by the caller and must outlive the acceptor.
    // `rejection` builds the complete HTTP response for a connection that cannot be kept.
    ConnectionAcceptor(qintptr listeningDescriptor, std::function<QByteArray()> rejection,
                       QObject *parent = nullptr);
    ~ConnectionAcceptor() override;

    // Number of connections rejected so far for want of a descriptor.
    int rejectedCount() const { return m_rejectedTotal; }

signals:
    // Emitted for each new connection, non-blocking. The receiver owns the descriptor.
    void accepted(qintptr descriptor);

private:
    enum class Rejection { Rejected, NonePending, NoDescriptor };

    void acceptPending();
    Rejection rejectOne();
    void reject(int descriptor, bool linger);
    void countForReport();
    void pause();
    void reportRejections();

    int m_listening;
    std::function<QByteArray()> m_rejection;
    QSocketNotifier m_notifier;
    QTimer m_resume;
    QTimer m_report;
    int m_spare = -1;
    int m_rejectedTotal = 0;
    int m_unreported = 0;
    int m_unreportedPauses = 0;
    int m_lingering = 0;
    QElapsedTimer m_sinceReport;
};

} // namespace signalbox
