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
    void updateRange(const QDateTime &from, const QDateTime &to, double top);
    void updateLines(const QDateTime &from, const QDateTime &to);

    SpendSeries m_data;
    QLineSeries *m_spend = nullptr;
    QAreaSeries *m_area = nullptr;
    QLineSeries *m_budget = nullptr;
    QList<QLineSeries *> m_warnings;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_usdAxis = nullptr;
};

// Applies the light or dark chart theme that matches the application palette.
void applyPaletteTheme(QChart *chart);

} // namespace signalbox
