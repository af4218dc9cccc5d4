// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config.h"

namespace signalbox {

namespace {
template <typename T, typename Key>
const T *findBy(const QList<T> &items, const Key &key, QString T::*field) {
    for (const T &item : items) {
        if (item.*field == key)
            return &item;
    }
    return nullptr;
}
} // namespace

const ModelConfig *Config::findModel(const QString &id) const {
    return findBy(models, id, &ModelConfig::id);
}

const ProviderConfig *Config::findProvider(const QString &id) const {
    return findBy(providers, id, &ProviderConfig::id);
}

const StageConfig *Config::findStage(const QString &name) const {
    return findBy(stages, name, &StageConfig::name);
}

} // namespace signalbox
