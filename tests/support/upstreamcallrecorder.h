// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/upstreamcall.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace signalbox {
class HttpClient;
}

namespace signalbox::testing {

// Runs one upstream call to its end and keeps every signal it emitted, for the provider tests.
class UpstreamCallRecorder : public QObject {
    Q_OBJECT

public:
    // Starts the call and waits up to timeoutMs for finished(). Returns an empty string on success,
    // else why the call could not be created or did not finish in time.
    QString run(UpstreamRequest request, HttpClient *network, int timeoutMs);

    // Drops the call and clears what the last run recorded.
    void reset();

    std::unique_ptr<UpstreamCall> call;
    int started = 0;   // streamStarted() signals
    QByteArray frames; // every streamData() payload, concatenated
    int finished = 0;  // finished() signals: exactly one when the call behaves
    UpstreamResult result;
};

} // namespace signalbox::testing
