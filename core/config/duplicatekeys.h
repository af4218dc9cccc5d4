// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace signalbox {

// A key that an object of a JSON text defines twice.
struct DuplicateKey {
    QString path; // the key's path in the config's notation: "providers.openai", "models[1].id"
    QString key;
};

// Returns the first key that occurs twice in one object of a valid JSON text, or nothing.
// QJsonDocument keeps one of the two values without a word, so a second provider of the same id
// would vanish from a config. Keys are compared after their escapes are decoded.
std::optional<DuplicateKey> findDuplicateKey(QByteArrayView json);

} // namespace signalbox
