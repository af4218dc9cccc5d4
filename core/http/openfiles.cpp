// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/openfiles.h"

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace signalbox {

namespace {

constexpr int ReserveShare = 16;
constexpr int MinimumReserve = 16;
constexpr int MaximumReserve = 256;

} // namespace

qint64 openFileLimit() {
#ifdef Q_OS_UNIX
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return qint64(limit.rlim_cur);
#endif
    return 0;
}

int clientDescriptorReserve(qint64 limit) {
    return int(std::clamp<qint64>(limit / ReserveShare, MinimumReserve, MaximumReserve));
}

bool inDescriptorReserve(qintptr descriptor, int reserve, qint64 limit) {
    return limit > 0 && descriptor >= limit - reserve;
}

QString outOfDescriptorsMessage(qint64 limit) {
    const QString which =
        limit > 0 ? QStringLiteral(" (open file limit of %1)").arg(limit) : QString();
    return QStringLiteral("Signalbox is out of file descriptors%1. Retry later. Close idle "
                          "connections, or raise the limit with `ulimit -n` before starting "
                          "Signalbox.")
        .arg(which);
}

} // namespace signalbox
