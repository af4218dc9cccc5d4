// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/modellisting.h"
#include "secrets/keylookup.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace signalbox {

// The routing decision for a sample chat body, as the console's preview shows it.
struct RoutePreview {
    bool ok = false;
    QString level; // explicit, stage, auto or fallback
    QString model;
    QString provider;
    QString stage;
    QStringList candidates; // the model, then its fallbacks in order
    QStringList trace;      // one reason per step
    qint64 estimatedInputTokens = 0;
    double worstCaseCostUsd = 0;
    int httpStatus = 0; // when not ok: the status the endpoint would return
    QString error;      // when not ok: the error message the endpoint would return
};

// The state of a provider's key as the console shows it: its source and masked form, never the
// key itself.
struct KeyStatus {
    QString providerId;
    KeySource source = KeySource::None;
    QString maskedKey; // e.g. "sk-…9f3c"; empty when there is no key
    QString variable;  // the environment variable, for the variable sources
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

Q_DECLARE_METATYPE(signalbox::RoutePreview)
Q_DECLARE_METATYPE(signalbox::KeyStatus)
Q_DECLARE_METATYPE(signalbox::KeychainState)
Q_DECLARE_METATYPE(signalbox::ProviderModels)
