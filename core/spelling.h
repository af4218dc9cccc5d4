// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QStringView>

namespace signalbox {

// Returns the number of single-letter insertions, deletions, changes and swaps of neighbours that
// turn one name into the other, ignoring case.
int editDistance(QStringView first, QStringView second);

// Returns true when `typed` is close enough to `known` to be taken for a misspelling of it: one
// letter for names under 6 letters ("gate" for "gates"), two for longer ones. Names whose
// lengths alone differ by more are rejected before any distance is computed, so a long client
// value costs nothing.
bool looksMisspelled(QStringView typed, QStringView known);

} // namespace signalbox
