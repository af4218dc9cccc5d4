// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/modellisting.h"
#include "secrets/keylookup.h"

#include <QMetaType>
#include <QString>

namespace signalbox {

// The state of a provider's key or a service secret as the console shows it: its source and masked
// form, never the key itself.
struct KeyStatus {
    QString providerId; // or the account of a service secret, e.g. ".redis-password"
    KeySource source = KeySource::None; // the source in force
    QString maskedKey;                  // e.g. "sk-…9f3c"; empty when there is no key
    QString variable;                   // the environment variable, for the variable sources
    // A key is in the keychain or key file. For a service secret it may be stored while its
    // environment variable is in force.
    bool stored = false;
};

// Whether keys can be kept in the OS keychain.
struct KeychainState {
    enum class Availability { Unknown, Available, Unavailable };

    Availability availability = Availability::Unknown;
    QString message;             // why it is unavailable
    bool keyFileEnabled = false; // the user opted in to the owner-only key file
    QString keyFilePath;
};

} // namespace signalbox

Q_DECLARE_METATYPE(signalbox::KeyStatus)
Q_DECLARE_METATYPE(signalbox::KeychainState)
Q_DECLARE_METATYPE(signalbox::ProviderModels)
