// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "result.h"
#include "routing/taskprofile.h"

#include <QByteArray>
#include <QCache>
#include <QJsonObject>

#include <optional>

namespace signalbox {

// A classifier model's verdict on one request.
struct ClassifierVerdict {
    TaskCategory category = TaskCategory::Chat;
    Difficulty difficulty = Difficulty::Medium;
    double confidence = 0.8; // the model's own figure, 0.8 when it gives none
    QString model;           // registry id of the classifier model
    bool fromCache = false;
};

// The classifier's part in a routing decision: its verdict, or the reason there is none.
struct ClassifierOutcome {
    std::optional<ClassifierVerdict> verdict;
    QString note; // what happened: "answered in 412 ms", "timed out after 3000 ms", ...
};

// Builds the request the classifier model gets, in OpenAI Chat Completions format: a fixed
// instruction and an excerpt of the client's prompt (the system prompt's start, the last user
// message's start and end). It has a small output limit, and JSON mode when the model supports
// it. The upstream call sets the "model" field.
QJsonObject classifierRequest(const QJsonObject &clientBody, bool jsonMode = true);

// Reads the category and difficulty from a Chat Completions response of the classifier. The
// message content must be a JSON object such as {"category":"code","difficulty":"high"},
// optionally inside a ``` fence.
Result<ClassifierVerdict> parseClassifierResponse(const QByteArray &responseBody);

// The cache key of a classification: SHA-256 of the classifier model id and the request it
// would get, so an edited prompt or another classifier model is asked anew.
QByteArray classifierCacheKey(const QString &model, const QJsonObject &classifierRequest);

// Cache of classifier verdicts by cache key, evicting the least recently used. It lives on the
// router thread, so it takes no lock.
class ClassifierCache {
public:
    explicit ClassifierCache(int capacity = 1024);

    std::optional<ClassifierVerdict> find(const QByteArray &key) const;
    void insert(const QByteArray &key, const ClassifierVerdict &verdict);
    int size() const { return int(m_entries.size()); }

private:
    mutable QCache<QByteArray, ClassifierVerdict> m_entries; // find() refreshes the order
};

} // namespace signalbox
