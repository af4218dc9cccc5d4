// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "config/configloader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace signalbox {

// Id lists the reader could not read completely. A reference into an incomplete list is not
// reported as unknown, because the id it names is most likely in the entry that failed to read.
struct ReadGaps {
    bool providerIds = false;
    bool modelIds = false;
};

// Checks values and references like validateConfig(), skipping references into incomplete lists.
QList<ConfigProblem> validateConfig(const Config &config, ReadGaps gaps);

// Turns the JSON tree of a config file into a Config, checking only the shape: JSON types and
// required fields. Values and references are checked afterwards by validateConfig().
// Entries of the models and rate_limits arrays keep their file index even when they are not
// objects, so that a later problem at models[i] points at the right entry.
class ConfigReader {
public:
    Config read(const QJsonObject &root);
    const QList<ConfigProblem> &problems() const { return m_problems; }
    ReadGaps gaps() const { return m_gaps; }

private:
    enum class Presence { Optional, Required };

    ServerConfig readServer(const QJsonObject &root);
    QList<ProviderConfig> readProviders(const QJsonObject &root);
    ModelConfig readModel(const QJsonObject &object, const QString &path);
    Price readPrice(const QJsonObject &model, const QString &modelPath);
    QList<StageConfig> readStages(const QJsonObject &root);
    std::optional<StageOverride> readStageOverride(const QJsonObject &stage,
                                                   const QString &stagePath);
    RoutingConfig readRouting(const QJsonObject &root);
    GatesConfig readGates(const QJsonObject &root);
    QList<RateLimitConfig> readRateLimits(const QJsonObject &gates);
    GateStoreConfig readGateStore(const QJsonObject &gates);

    QJsonValue field(const QJsonObject &object, const QString &path, const QString &key,
                     QJsonValue::Type type, Presence presence);
    QString readString(const QJsonObject &object, const QString &path, const QString &key,
                       Presence presence, const QString &fallback = {});
    double readNumber(const QJsonObject &object, const QString &path, const QString &key,
                      Presence presence, double fallback);
    qint64 readInteger(const QJsonObject &object, const QString &path, const QString &key,
                       Presence presence, qint64 fallback);
    int readMilliseconds(const QJsonObject &object, const QString &path, const QString &key,
                         int fallback);
    bool readBool(const QJsonObject &object, const QString &path, const QString &key,
                  bool fallback);
    QStringList readStringList(const QJsonObject &object, const QString &path, const QString &key);
    QJsonObject readObject(const QJsonObject &object, const QString &path, const QString &key,
                           Presence presence);
    QJsonArray readArray(const QJsonObject &object, const QString &path, const QString &key,
                         Presence presence);

    void addProblem(const QString &path, const QString &message);
    void reportMisspelledFields();

    // The fields read from each object, by the object's path, to tell a misspelled field from an
    // unknown one once the whole config is read.
    struct ReadObject {
        QJsonObject object;
        QSet<QString> keys;
    };

    QList<ConfigProblem> m_problems;
    ReadGaps m_gaps;
    QHash<QString, ReadObject> m_readObjects;
};

// Returns the JSON type for a message, with its article: "a number", "an object", "null".
QString jsonTypeName(QJsonValue::Type type);

// Returns "parent.key", or the key alone at the top level.
QString joinPath(const QString &parent, const QString &key);

// Returns "parent[index]".
QString indexPath(const QString &parent, qsizetype index);

} // namespace signalbox
