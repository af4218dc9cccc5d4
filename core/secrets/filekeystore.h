// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "secrets/keystore.h"

#include "result.h"

#include <QMutex>
#include <QThreadPool>

#include <optional>

namespace signalbox {

// Keys in a JSON file readable by its owner only (mode 0600), for machines without a keychain
// service. The keys are not encrypted: anyone who can read the file, or a backup of it, has them.
// The console uses it only after the user opted in.
//
// File format: {"version": 1, "keys": {"PROVIDER_ID": "KEY", ...}}. Every write replaces the
// whole file atomically. The disk work runs on a thread of the store's own, one operation at a
// time, and the callbacks run on the store's thread.
class FileKeyStore : public KeyStore {
    Q_OBJECT

public:
    explicit FileKeyStore(const QString &path, QObject *parent = nullptr);
    ~FileKeyStore() override; // waits for the operation in progress

    QString path() const { return m_path; }

    // Returns true when the file exists, which is how the opt-in is remembered.
    bool exists() const;

    // Creates the file without keys, so that the opt-in persists. Synchronous: the file is tiny.
    Status create();

    // Removes the file and every key in it.
    Status remove();

    QString displayName() const override;
    void readKey(const QString &account, QObject *context, KeyStoreCallback done) override;
    void writeKey(const QString &account, const QString &key, QObject *context,
                  KeyStoreCallback done) override;
    void deleteKey(const QString &account, QObject *context, KeyStoreCallback done) override;

private:
    using Operation = std::function<KeyStoreReply()>;
    void runInPool(Operation operation, QObject *context, KeyStoreCallback done);

    KeyStoreReply readSync(const QString &account);
    KeyStoreReply updateSync(const QString &account, const std::optional<QString> &key);

    const QString m_path;
    QMutex m_mutex; // serializes file access between the pool thread and create() or remove()
    QThreadPool m_pool;
};

} // namespace signalbox
