// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "support/upstreamcallrecorder.h"

#include "providers/upstreamfactory.h"

#include <QTest>

namespace signalbox::testing {

QString UpstreamCallRecorder::run(UpstreamRequest request, HttpClient *network, int timeoutMs) {
    Result<std::unique_ptr<UpstreamCall>> created = createUpstreamCall(std::move(request), network);
    if (!created.ok())
        return QStringLiteral("creating the call failed: ") + created.error();

    call = std::move(created).value();
    connect(call.get(), &UpstreamCall::streamStarted, this, [this] { ++started; });
    connect(call.get(), &UpstreamCall::streamData, this,
            [this](const QByteArray &data) { frames += data; });
    connect(call.get(), &UpstreamCall::finished, this, [this](const UpstreamResult &outcome) {
        ++finished;
        result = outcome;
    });
    call->start();

    if (!QTest::qWaitFor([this] { return finished > 0; }, timeoutMs))
        return QStringLiteral("the call did not finish within %1 ms").arg(timeoutMs);
    return {};
}

void UpstreamCallRecorder::reset() {
    call.reset();
    started = 0;
    frames.clear();
    finished = 0;
    result = {};
}

} // namespace signalbox::testing
