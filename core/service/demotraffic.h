// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace signalbox {

// Synthetic pipeline traffic for the demo: every few seconds a request from one of a few stages
// (architecture, code, ui, triage, summarize) goes to the endpoint, so routing and spend move
// without any client.
class DemoTraffic : public QObject {
    Q_OBJECT

public:
    DemoTraffic(const QUrl &endpoint, QObject *parent = nullptr);

    void start();
    void stop();

private:
    void sendOne();
    void scheduleNext();

    QUrl m_endpoint;
    QNetworkAccessManager *m_network = nullptr;
    QTimer m_timer;
    int m_inFlight = 0;
};

} // namespace signalbox
