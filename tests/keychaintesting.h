// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QString>
#include <QUuid>

namespace signalbox::testing {

// Returns why the keychain tests cannot run here, or an empty string when a Secret Service is on
// the session bus. scripts/test starts one: gnome-keyring in a private dbus-run-session.
inline QString secretServiceMissingReason() {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return QStringLiteral("no D-Bus session bus; run the tests with scripts/test, which starts "
                              "gnome-keyring in dbus-run-session");
    if (!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")))
        return QStringLiteral("no Secret Service (org.freedesktop.secrets) on the session bus; "
                              "run the tests with scripts/test, which starts gnome-keyring");
    return {};
}

// A keychain service name of the test's own, so that a test never reads or overwrites the
// user's keys under "signalbox".
inline QString testKeychainService() {
    return QStringLiteral("signalbox-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace signalbox::testing
