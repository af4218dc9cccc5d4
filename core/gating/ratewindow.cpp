// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "ratewindow.h"

#include <algorithm>

namespace signalbox {

namespace {

std::size_t indexOf(qint64 second) {
    const qint64 size = RateWindow::windowSeconds;
    return std::size_t(((second % size) + size) % size);
}

qint64 amountOf(qint64 requests, qint64 tokens, RateWindow::Measure measure) {
    return measure == RateWindow::Measure::Requests ? requests : tokens;
}

} // namespace

qint64 RateWindow::secondOf(qint64 mSecs) {
    // Floor division, so instants before the epoch land in the right bucket too.
    return mSecs >= 0 ? mSecs / 1000 : -((-mSecs + 999) / 1000);
}

// The bucket of `second` if it holds that second's counts and is still in the window.
const RateWindow::Bucket *RateWindow::liveBucket(qint64 second, qint64 nowSecond) const {
    const Bucket &bucket = m_buckets[indexOf(second)];
    if (bucket.second != second || second > nowSecond || second <= nowSecond - windowSeconds)
        return nullptr;
    return &bucket;
}

RateWindow::Totals RateWindow::totals(qint64 nowMSecs) const {
    const qint64 nowSecond = secondOf(nowMSecs);
    Totals totals;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.second > nowSecond - windowSeconds && bucket.second <= nowSecond) {
            totals.requests += bucket.requests;
            totals.tokens += bucket.tokens;
        }
    }
    return totals;
}

void RateWindow::add(qint64 nowMSecs, qint64 requests, qint64 tokens) {
    const qint64 second = secondOf(nowMSecs);
    Bucket &bucket = m_buckets[indexOf(second)];
    if (bucket.second != second)
        bucket = Bucket{second, 0, 0};
    bucket.requests += requests;
    bucket.tokens += tokens;
}

void RateWindow::correctTokens(qint64 countedAtMSecs, qint64 nowMSecs, qint64 delta) {
    const qint64 second = secondOf(countedAtMSecs);
    if (!liveBucket(second, secondOf(nowMSecs)))
        return;
    Bucket &bucket = m_buckets[indexOf(second)];
    bucket.tokens = std::max<qint64>(0, bucket.tokens + delta);
}

int RateWindow::secondsUntilFits(qint64 nowMSecs, Measure measure, qint64 extra,
                                 qint64 limit) const {
    if (extra > limit)
        return -1;

    const qint64 nowSecond = secondOf(nowMSecs);
    const Totals current = totals(nowMSecs);
    qint64 remaining = amountOf(current.requests, current.tokens, measure);
    if (remaining + extra <= limit)
        return 0;

    // Walk from the oldest second forward; the answer is when the bucket that makes room leaves.
    for (qint64 second = nowSecond - windowSeconds + 1; second <= nowSecond; ++second) {
        const Bucket *bucket = liveBucket(second, nowSecond);
        if (!bucket)
            continue;
        remaining -= amountOf(bucket->requests, bucket->tokens, measure);
        if (remaining + extra <= limit) {
            const qint64 leavesAt = (second + windowSeconds) * 1000;
            return int(std::max<qint64>(1, (leavesAt - nowMSecs + 999) / 1000));
        }
    }
    return windowSeconds; // not reached: an empty window always fits extra <= limit
}

qint64 RateWindow::oldestLeavesAtMSecs(qint64 nowMSecs) const {
    const qint64 nowSecond = secondOf(nowMSecs);
    for (qint64 second = nowSecond - windowSeconds + 1; second <= nowSecond; ++second) {
        const Bucket *bucket = liveBucket(second, nowSecond);
        if (bucket && (bucket->requests > 0 || bucket->tokens > 0))
            return (second + windowSeconds) * 1000;
    }
    return -1;
}

} // namespace signalbox
