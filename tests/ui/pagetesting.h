// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "service/routerservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace signalbox::testing {

// Upper bound of every wait in the console page tests.
constexpr int kPageWaitMs = 15000;

// A running router on the demo config (no file, no traffic) for the console pages to edit.
struct DemoRouter {
    QTemporaryDir dataDir;
    std::unique_ptr<RouterService> service;

    // Starts the router and waits for its config. Returns false when it did not start. Keys go
    // to the keychain under `keychainService`, a name of the test's own.
    bool start(const QString &keychainService = QStringLiteral("signalbox-test-pages")) {
        ServiceOptions options;
        options.demo = true;
        options.demoTraffic = false;
        options.listen = QStringLiteral("127.0.0.1:0");
        options.dataDir = dataDir.path();
        service = std::make_unique<RouterService>(options);
        service->setKeychainService(keychainService, 5000);
        QSignalSpy ready(service.get(), &RouterService::ready);
        service->start();
        return ready.wait(kPageWaitMs) && service->config() != nullptr;
    }
};

} // namespace signalbox::testing
