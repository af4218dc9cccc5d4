// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QNetworkAccessManager>
#include <QObject>

#include <vector>

namespace signalbox {

// Upstream network access managers for the router thread, created as the load needs them.
//
// Qt 6.4's QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host and queues every
// further request to that host until one of them is free (the limit becomes configurable only in
// Qt 6.5, with QHttp1Configuration). A stream keeps its connection until it ends, so with one
// manager the 7th concurrent stream to a provider would wait for the first to finish. Spreading
// requests over several managers lifts that limit to 6 per manager.
class NetworkPool : public QObject {
    Q_OBJECT

public:
    // Connections Qt 6.4 opens per host and manager.
    static constexpr int ConnectionsPerManager = 6;

    explicit NetworkPool(int maxManagers, QObject *parent = nullptr);

    // Returns the first manager with a free connection, creating one while fewer than
    // maxManagers exist, else the one with the fewest requests in flight. Requests to different
    // hosts are counted together, so a manager may be skipped that still had room for this host.
    QNetworkAccessManager *manager();

    int managerCount() const { return int(m_managers.size()); }

private:
    class CountingManager;

    std::vector<CountingManager *> m_managers;
    int m_maxManagers;
};

} // namespace signalbox
