// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httpclient.h"
#include "support/upstreamcallrecorder.h"

#include <QHostAddress>
#include <QTest>

#include <memory>

namespace signalbox::testing {

// What each provider test runs against: a fake upstream on loopback, the HTTP client that
// reaches it and a recorder of the call. A test class inherits it after QObject, calls
// startFake() from init() and stopFake() from cleanup(), and runs each call with run().
template <typename Fake> class FakeUpstreamFixture {
protected:
    static constexpr int RunTimeoutMs = 10000;

    // Returns false when the fake cannot listen on loopback.
    bool startFake() {
        m_fake = std::make_unique<Fake>();
        m_network = std::make_unique<HttpClient>();
        m_recorder.reset();
        return m_fake->listen(QHostAddress::LocalHost);
    }

    void stopFake() {
        m_recorder.reset();
        m_network.reset();
        m_fake.reset();
    }

    // Runs the call to its end; a call that cannot start or does not finish fails the test.
    void run(UpstreamRequest request) {
        const QString failure = m_recorder.run(std::move(request), m_network.get(), RunTimeoutMs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(m_recorder.finished, 1);
    }

    std::unique_ptr<Fake> m_fake;
    std::unique_ptr<HttpClient> m_network;
    UpstreamCallRecorder m_recorder;
};

} // namespace signalbox::testing
