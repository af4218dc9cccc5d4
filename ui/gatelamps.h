// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatesnapshot.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace signalbox {

class ElidedLabel;

// One gate as a lamp (green, amber, red) with its name and how much of its limit is used; the
// tooltip has the limit, spent, reserved and reset time.
class GateLamp : public QWidget {
    Q_OBJECT

public:
    explicit GateLamp(QWidget *parent = nullptr);

    void setGate(const GateStatus &gate);
    const GateStatus &gate() const { return m_gate; }

private:
    GateStatus m_gate;
    QLabel *m_icon;
    ElidedLabel *m_title;
    ElidedLabel *m_usage;
};

// A lamp for every gate of the latest snapshot, in rows of a few.
class GateLampsView : public QWidget {
    Q_OBJECT

public:
    explicit GateLampsView(QWidget *parent = nullptr);

    void setSnapshot(const GateSnapshot &snapshot);
    QList<GateLamp *> lamps() const { return m_lamps; }
    GateLamp *lamp(const QString &gateId) const;
    // The height that shows up to maxRows rows of lamps, or the note that there are none.
    int heightForRows(int maxRows) const;

private:
    QGridLayout *m_grid;
    QLabel *m_empty;
    QList<GateLamp *> m_lamps;
};

} // namespace signalbox
