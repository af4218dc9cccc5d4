// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "spelling.h"

#include <QString>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace signalbox {

int editDistance(QStringView first, QStringView second) {
    const QString a = first.toString().toLower();
    const QString b = second.toString().toLower();
    std::vector<std::vector<int>> distance(size_t(a.size() + 1),
                                           std::vector<int>(size_t(b.size() + 1)));
    for (qsizetype i = 0; i <= a.size(); ++i)
        distance[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= b.size(); ++j)
        distance[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int change = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int best = std::min({distance[size_t(i - 1)][size_t(j)] + 1,
                                 distance[size_t(i)][size_t(j - 1)] + 1,
                                 distance[size_t(i - 1)][size_t(j - 1)] + change});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                best = std::min(best, distance[size_t(i - 2)][size_t(j - 2)] + 1);
            distance[size_t(i)][size_t(j)] = best;
        }
    }
    return distance[size_t(a.size())][size_t(b.size())];
}

bool looksMisspelled(QStringView typed, QStringView known) {
    const int allowed = known.size() < 6 ? 1 : 2;
    if (std::abs(typed.size() - known.size()) > allowed)
        return false;
    return editDistance(typed, known) <= allowed;
}

} // namespace signalbox
