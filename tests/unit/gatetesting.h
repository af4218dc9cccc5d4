// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/clock.h"
#include "gating/gates.h"
#include "gating/memorygatestore.h"

#include <optional>

namespace signalbox::testing {

inline QDateTime utcTime(const char *text) {
    QDateTime instant = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    instant.setTimeZone(QTimeZone::utc());
    return instant;
}

// Gates over a memory store and a manual clock, with helpers that unwrap the callbacks, which
// the memory store runs before the call returns.
struct GateFixture {
    explicit GateFixture(const QDateTime &start = utcTime("2026-12-04T12:00:00"))
        : clock(start)
        , store(new MemoryGateStore)
        , gates(std::unique_ptr<GateStore>(store), clock) {}

    GateOutcome admit(const GateRequest &request) {
        std::optional<GateOutcome> outcome;
        gates.admit(request, [&](const GateOutcome &result) { outcome = result; });
        if (!outcome) {
            GateRejection missing;
            missing.gateId = QStringLiteral("callback did not run");
            return missing;
        }
        return *outcome;
    }

    GateSnapshot snapshot() {
        GateSnapshot result;
        gates.snapshot([&](const GateSnapshot &taken) { result = taken; });
        return result;
    }

    GateStatus gate(const QString &id) {
        for (const GateStatus &status : snapshot().gates) {
            if (status.id == id)
                return status;
        }
        return {};
    }

    ManualClock clock;
    MemoryGateStore *store; // owned by gates
    Gates gates;
};

inline GateRequest gateRequest(double worstCaseUsd, const QString &stage = QString(),
                               const QString &model = QStringLiteral("gpt-4o"),
                               qint64 tokens = 1000) {
    static int counter = 0;
    GateRequest request;
    request.requestId = QStringLiteral("sb-test-%1").arg(++counter);
    request.model = model;
    request.provider = QStringLiteral("openai");
    request.stage = stage;
    request.worstCaseCostUsd = worstCaseUsd;
    request.estimatedTokens = tokens;
    return request;
}

// Copies rather than pointers, because tests pass the outcome of admit() straight in and a
// pointer into that temporary would dangle.
inline std::optional<GateAdmission> admission(const GateOutcome &outcome) {
    if (const auto *admitted = std::get_if<GateAdmission>(&outcome))
        return *admitted;
    return std::nullopt;
}

inline std::optional<GateRejection> rejection(const GateOutcome &outcome) {
    if (const auto *rejected = std::get_if<GateRejection>(&outcome))
        return *rejected;
    return std::nullopt;
}

} // namespace signalbox::testing
