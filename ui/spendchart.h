// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "service/consoledata.h"

#include <QChartView>
#include <QList>

class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace signalbox {

// Today's cumulative spend as an area against the daily budget line and dashed warning lines.
class SpendChart : public QChartView {
    Q_OBJECT

public:
    explicit SpendChart(QWidget *parent = nullptr);

    void setSeries(const SpendSeries &series);

    const SpendSeries &series() const { return m_data; }
    int warningLineCount() const { return int(m_warnings.size()); }
    QLineSeries *budgetLine() const { return m_budget; }

private:
    void createAxes();
    void hideAreaMarker();
    void updateUsdRange(double top);
    void updateLines(const QDateTime &from, const QDateTime &to);

    SpendSeries m_data;
    QLineSeries *m_spend = nullptr;
    QLineSeries *m_outline = nullptr; // the upper edge of m_area, the same points as m_spend
    QAreaSeries *m_area = nullptr;
    QLineSeries *m_budget = nullptr;
    QList<QLineSeries *> m_warnings;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_usdAxis = nullptr;
};

// Applies the light or dark chart theme that matches the application palette, and localized
// numbers.
void applyPaletteTheme(QChart *chart);

// Sets the axis to cover from..to, widened to whole steps of local time, with a tick per step.
void setTimeRange(QDateTimeAxis *axis, const QDateTime &from, const QDateTime &to);

} // namespace signalbox
