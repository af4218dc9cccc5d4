// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"

#include <QHash>
#include <QString>

namespace signalbox {

// Where a provider's key came from, in the order they are looked up.
enum class KeySource {
    None,
    Keychain,          // the OS keychain, service "signalbox", account = provider id
    File,              // the opt-in key file in the data folder
    SignalboxVariable, // SIGNALBOX_KEY_<PROVIDER_ID>, or the variable of a service secret
    ProviderVariable,  // the variable the provider's key_env names
};

// A key held in memory on the router thread, with the store it was read from.
struct StoredKey {
    QString key;
    KeySource source = KeySource::None;
};

struct KeyLookup {
    QString key; // empty when no source has one
    KeySource source = KeySource::None;
    QString variable; // the environment variable, for the two variable sources
};

// Looks up a provider's key: a stored key (keychain or key file) first, then
// SIGNALBOX_KEY_<PROVIDER_ID>, then the provider's key_env variable. Whitespace around a key, such
// as the line break that ends a file, is removed, here and in lookUpServiceSecret().
KeyLookup lookUpKey(const ProviderConfig &provider, const QHash<QString, StoredKey> &stored);

// The accounts of Signalbox's own secrets, in the same keychain service as the provider keys. The
// config validator rejects a provider id that starts with '.', so these never name a provider.
inline const QString kRedisPasswordAccount = QStringLiteral(".redis-password");
inline const QString kAccessTokenAccount = QStringLiteral(".access-token");

// Returns true for kRedisPasswordAccount and kAccessTokenAccount.
bool isServiceSecretAccount(const QString &account);

// Returns the variable that overrides a service secret: SIGNALBOX_REDIS_PASSWORD or
// SIGNALBOX_ACCESS_TOKEN. Returns an empty string for any other account.
QString serviceSecretVariable(const QString &account);

// Looks up one of Signalbox's own secrets: its environment variable first, then the value stored
// in the keychain or key file. The variable wins, unlike for provider keys, because it is set for
// one run on purpose (as GH_TOKEN overrides the GitHub CLI's stored login), and because it is
// known at start, before the keychain read finishes.
KeyLookup lookUpServiceSecret(const QString &account, const QHash<QString, StoredKey> &stored);

// Returns a form of the key that is safe to show: the first three and the last four characters
// of a key of at least 16 characters, e.g. "sk-…9f3c", and only bullets for shorter keys.
QString maskKey(const QString &key);

} // namespace signalbox
