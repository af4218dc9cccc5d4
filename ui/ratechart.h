// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "service/consoledata.h"

#include <QChartView>

class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace signalbox {

// Client requests per minute over the last hour, one bar per minute.
class RateChart : public QChartView {
    Q_OBJECT

public:
    explicit RateChart(QWidget *parent = nullptr);

    void setRate(const RequestRate &rate);
    const RequestRate &rate() const { return m_rate; }

private:
    RequestRate m_rate;
    QLineSeries *m_outline = nullptr;
    QAreaSeries *m_bars = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
};

} // namespace signalbox
