// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QtGlobal>

#include <array>
#include <limits>

namespace signalbox {

// Requests and tokens counted over a sliding window of the last 60 seconds, in one-second buckets.
// An entry counted at second s (milliseconds since the epoch / 1000) stays in the window until
// second s + 60 begins. Every operation touches at most 60 buckets, so it costs well under a
// microsecond and the memory is fixed.
class RateWindow {
public:
    static constexpr int windowSeconds = 60;

    struct Totals {
        qint64 requests = 0;
        qint64 tokens = 0;
    };

    enum class Measure { Requests, Tokens };

    Totals totals(qint64 nowMSecs) const;

    // Counts requests and tokens at the current second.
    void add(qint64 nowMSecs, qint64 requests, qint64 tokens);

    // Adds delta tokens (negative to remove) to the bucket of countedAtMSecs while that bucket is
    // still in the window. The bucket never drops below zero tokens.
    void correctTokens(qint64 countedAtMSecs, qint64 nowMSecs, qint64 delta);

    // Returns the seconds until enough counted entries leave the window that `extra` more fit
    // under `limit`: 0 when they fit now, -1 when `extra` alone is over the limit and never fits.
    int secondsUntilFits(qint64 nowMSecs, Measure measure, qint64 extra, qint64 limit) const;

    // Returns when the oldest counted entry leaves the window, in milliseconds since the epoch,
    // or -1 when the window is empty.
    qint64 oldestLeavesAtMSecs(qint64 nowMSecs) const;

private:
    struct Bucket {
        qint64 second = std::numeric_limits<qint64>::min();
        qint64 requests = 0;
        qint64 tokens = 0;
    };

    static qint64 secondOf(qint64 mSecs);
    const Bucket *liveBucket(qint64 second, qint64 nowSecond) const;

    std::array<Bucket, windowSeconds> m_buckets;
};

} // namespace signalbox
