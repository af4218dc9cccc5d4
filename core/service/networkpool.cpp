// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "service/networkpool.h"

#include "logging.h"

#include <QNetworkReply>

#include <algorithm>

namespace signalbox {

// A manager that counts its replies from creation until they are deleted.
class NetworkPool::CountingManager : public QNetworkAccessManager {
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    int inFlight() const { return m_inFlight; }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override {
        QNetworkReply *reply =
            QNetworkAccessManager::createRequest(operation, request, outgoingData);
        ++m_inFlight;
        connect(reply, &QObject::destroyed, this, [this] { --m_inFlight; });
        return reply;
    }

private:
    int m_inFlight = 0;
};

NetworkPool::NetworkPool(int maxManagers, QObject *parent)
    : QObject(parent)
    , m_maxManagers(qMax(1, maxManagers)) {
}

QNetworkAccessManager *NetworkPool::manager() {
    for (CountingManager *candidate : m_managers) {
        if (candidate->inFlight() < ConnectionsPerManager)
            return candidate;
    }
    if (int(m_managers.size()) < m_maxManagers) {
        m_managers.push_back(new CountingManager(this));
        qCDebug(lcUpstream) << "opened upstream network manager" << m_managers.size()
                            << "of at most" << m_maxManagers;
        return m_managers.back();
    }
    return *std::min_element(m_managers.begin(), m_managers.end(),
                             [](const CountingManager *a, const CountingManager *b) {
                                 return a->inFlight() < b->inFlight();
                             });
}

} // namespace signalbox
