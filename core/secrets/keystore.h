// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace signalbox {

// The outcome of one key store operation.
struct KeyStoreReply {
    enum class Status {
        Ok,          // done, and for a read, key contains the key
        NotFound,    // no key is stored under the account
        Unavailable, // the store cannot be used at all, e.g. no keychain service is running
        Failed,      // the store rejected or failed the operation, as message describes
        TimedOut,    // no reply within the store's timeout
    };

    Status status = Status::Failed;
    QString key;     // reads only; never log it
    QString message; // for people; never contains the key

    bool ok() const { return status == Status::Ok; }
};

using KeyStoreCallback = std::function<void(const KeyStoreReply &reply)>;

// Stores API keys under an account name, one key per provider id. Every operation is
// asynchronous: the callback runs later on the store's thread, exactly once, and only while
// `context` still exists, so a closed window never receives a late reply.
class KeyStore : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~KeyStore() override = default;

    // Names the store in messages for people, e.g. "the keychain".
    virtual QString displayName() const = 0;

    virtual void readKey(const QString &account, QObject *context, KeyStoreCallback done) = 0;
    virtual void writeKey(const QString &account, const QString &key, QObject *context,
                          KeyStoreCallback done) = 0;
    virtual void deleteKey(const QString &account, QObject *context, KeyStoreCallback done) = 0;
};

// Returns the status name for logs: "ok", "not found", "unavailable", "failed", "timed out".
QString keyStoreStatusName(KeyStoreReply::Status status);

} // namespace signalbox
