// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "secrets/filekeystore.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>

namespace signalbox {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

KeyStoreReply failure(const QString &message) {
    return KeyStoreReply{KeyStoreReply::Status::Failed, {}, message};
}

// Writes the keys object atomically with owner-only permissions. The temporary file gets them
// before any key is written to it, so no key is ever on disk in a file others can read.
Status writeKeys(const QString &path, const QJsonObject &keys) {
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error{QStringLiteral("failed to create the folder %1 for the key file")
                         .arg(QDir::toNativeSeparators(info.absolutePath()))};
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly)) {
        return Error{QStringLiteral("failed to write the key file %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("keys"), keys}};
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (file.write(json) != json.size() || !file.commit()) {
        return Error{QStringLiteral("failed to write the key file %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    return Ok{};
}

// Reads the keys object. A missing file is an empty object.
Result<QJsonObject> readKeys(const QString &path) {
    QFile file(path);
    if (!file.exists())
        return QJsonObject{};
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("failed to read the key file %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    const QByteArray content = file.readAll();
    if (content.trimmed().isEmpty())
        return QJsonObject{};

    // The parser's message could quote file content, which may be a key, so it is not passed on.
    const QJsonDocument document = QJsonDocument::fromJson(content);
    if (!document.isObject() || !document.object().value(QStringLiteral("keys")).isObject()) {
        return Error{QStringLiteral("the key file %1 is not a valid key file; remove it and store "
                                    "the keys again")
                         .arg(QDir::toNativeSeparators(path))};
    }
    return document.object().value(QStringLiteral("keys")).toObject();
}

} // namespace

FileKeyStore::FileKeyStore(const QString &path, QObject *parent)
    : KeyStore(parent)
    , m_path(path) {
    m_pool.setMaxThreadCount(1);
}

FileKeyStore::~FileKeyStore() {
    m_pool.waitForDone();
}

bool FileKeyStore::exists() const {
    return QFileInfo::exists(m_path);
}

Status FileKeyStore::create() {
    QMutexLocker locker(&m_mutex);
    if (QFileInfo::exists(m_path))
        return Ok{};
    return writeKeys(m_path, {});
}

Status FileKeyStore::remove() {
    QMutexLocker locker(&m_mutex);
    QFile file(m_path);
    if (file.exists() && !file.remove()) {
        return Error{QStringLiteral("failed to remove the key file %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString())};
    }
    return Ok{};
}

QString FileKeyStore::displayName() const {
    return tr("the key file");
}

void FileKeyStore::readKey(const QString &account, QObject *context, KeyStoreCallback done) {
    runInPool([this, account] { return readSync(account); }, context, std::move(done));
}

void FileKeyStore::writeKey(const QString &account, const QString &key, QObject *context,
                            KeyStoreCallback done) {
    runInPool([this, account, key] { return updateSync(account, key); }, context, std::move(done));
}

void FileKeyStore::deleteKey(const QString &account, QObject *context, KeyStoreCallback done) {
    runInPool([this, account] { return updateSync(account, std::nullopt); }, context,
              std::move(done));
}

void FileKeyStore::runInPool(Operation operation, QObject *context, KeyStoreCallback done) {
    // The destructor waits for the pool, so `this` outlives the operation. A reply posted to a
    // store that is deleted before it runs is dropped with the store's other events.
    QPointer<QObject> guard(context);
    m_pool.start([this, operation = std::move(operation), guard, done = std::move(done)] {
        const KeyStoreReply reply = operation();
        QMetaObject::invokeMethod(this, [guard, done, reply] {
            if (guard)
                done(reply);
        });
    });
}

KeyStoreReply FileKeyStore::readSync(const QString &account) {
    QMutexLocker locker(&m_mutex);
    const Result<QJsonObject> keys = readKeys(m_path);
    if (!keys.ok())
        return failure(keys.error());
    const QString key = keys->value(account).toString();
    if (key.isEmpty()) {
        return KeyStoreReply{KeyStoreReply::Status::NotFound,
                             {},
                             QStringLiteral("no key is stored in the key file for this provider")};
    }
    return KeyStoreReply{KeyStoreReply::Status::Ok, key, {}};
}

KeyStoreReply FileKeyStore::updateSync(const QString &account, const std::optional<QString> &key) {
    QMutexLocker locker(&m_mutex);
    Result<QJsonObject> keys = readKeys(m_path);
    if (!keys.ok())
        return failure(keys.error());
    if (key)
        keys.value().insert(account, *key);
    else
        keys.value().remove(account);

    if (Status written = writeKeys(m_path, keys.value()); !written.ok()) {
        qCWarning(lcService).noquote() << written.error();
        return failure(written.error());
    }
    return KeyStoreReply{KeyStoreReply::Status::Ok, {}, {}};
}

} // namespace signalbox
