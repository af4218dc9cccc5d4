// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatesnapshot.h"

#include <QColor>
#include <QIcon>

namespace signalbox {

// The console's icons, painted as vectors at whatever size and pixel ratio they are shown, so they
// stay sharp on high-DPI screens without image files.
namespace ConsoleIcons {

enum class Glyph {
    Dashboard,
    Requests,
    Playground,
    Models,
    Stages,
    Gates,
    Providers,
    Settings,
    Pause
};

QColor stateColor(GateState state);
QColor pausedColor();

// A round lamp in the state's colour.
QIcon lamp(GateState state);
// The tray and window icon: a lamp in the state's colour, grey with pause bars while paused.
QIcon status(GateState state, bool paused);
QIcon glyph(Glyph glyph);

} // namespace ConsoleIcons

} // namespace signalbox
