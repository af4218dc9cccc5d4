// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"
#include "ledger/ledgerrecord.h"
#include "providers/upstreamcall.h"
#include "routing/classifier.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace signalbox {

// Asks routing.auto.classifier_model for the category and difficulty of a request, for the
// automatic router when its rules are unsure. One short call with JSON output and a hard time
// limit. The call passes the gates like any request and is billed as a ledger row of kind
// "classifier" under the client request's id. Verdicts are cached by a hash of the excerpt the
// classifier reads. Any failure reports an outcome without a verdict, so the rules' profile is
// used.
class ClassifierCall : public QObject {
    Q_OBJECT

public:
    // The total time the classification may take, from start() to the verdict.
    static constexpr int kTimeoutMs = 3000;

    ClassifierCall(const ApiEnvironment &environment, const QString &requestId,
                   const QString &stage, const QJsonObject &clientBody, QObject *parent = nullptr);
    ~ClassifierCall() override;

    // Starts the classification. `done` runs at most once, possibly before start() returns (a
    // cache hit, a missing key). It does not run when the object is destroyed first.
    void start(std::function<void(const ClassifierOutcome &)> done);

private:
    void admit(UpstreamRequest request);
    void callUpstream(UpstreamRequest request);
    void onFinished(const UpstreamResult &result);
    void onTimeout();
    void fail(const QString &reason, bool called = true);
    void complete(ClassifierOutcome outcome);
    void record(const QString &status, const QString &error);

    ApiEnvironment m_environment;
    QJsonObject m_clientBody;
    QJsonObject m_request; // the classifier's request body, without "model"
    QByteArray m_cacheKey;
    const ModelConfig *m_model = nullptr;
    std::unique_ptr<UpstreamCall> m_call;
    QString m_reservationId;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_timedOut = false;
    bool m_done = false;
    LedgerRecord m_record;
    std::function<void(const ClassifierOutcome &)> m_callback;
};

} // namespace signalbox
