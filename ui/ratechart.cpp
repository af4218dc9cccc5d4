// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "ratechart.h"

#include "spendchart.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace signalbox {

RateChart::RateChart(QWidget *parent)
    : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 220);
    auto *chart = new QChart;
    applyPaletteTheme(chart);
    chart->legend()->hide();
    setChart(chart);

    // An area over a stepped outline draws the minutes as adjacent bars on a real time axis.
    m_outline = new QLineSeries(this);
    m_bars = new QAreaSeries(m_outline);
    QColor color = palette().color(QPalette::Highlight);
    m_bars->setPen(QPen(color.darker(120), 1));
    color.setAlpha(150);
    m_bars->setBrush(color);
    chart->addSeries(m_bars);

    m_timeAxis = new QDateTimeAxis(this);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTitleText(tr("Time"));
    m_timeAxis->setTickCount(7);
    m_countAxis = new QValueAxis(this);
    m_countAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_countAxis->setTitleText(tr("Requests per minute"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_bars->attachAxis(m_timeAxis);
    m_bars->attachAxis(m_countAxis);
    setAccessibleName(tr("Requests per minute over the last hour"));
}

void RateChart::setRate(const RequestRate &rate) {
    m_rate = rate;
    if (!rate.firstMinute.isValid())
        return;

    const qint64 minuteMs = 60 * 1000;
    const qint64 first = rate.firstMinute.toMSecsSinceEpoch();
    const qint64 gap = 6 * 1000; // keeps neighbouring bars apart
    QList<QPointF> points{{double(first), 0}};
    qint64 top = 0;
    for (qsizetype i = 0; i < rate.perMinute.size(); ++i) {
        const double start = double(first + i * minuteMs);
        const double count = double(rate.perMinute.at(i));
        points << QPointF(start + gap, 0) << QPointF(start + gap, count)
               << QPointF(start + minuteMs - gap, count) << QPointF(start + minuteMs - gap, 0);
        top = std::max(top, rate.perMinute.at(i));
    }
    m_outline->replace(points);

    const qint64 end = first + rate.perMinute.size() * minuteMs;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first).toLocalTime(),
                         QDateTime::fromMSecsSinceEpoch(end).toLocalTime());
    m_countAxis->setRange(0, double(std::max<qint64>(top + 1, 5)));
    m_countAxis->applyNiceNumbers();
    // Whole requests only: one tick per step of a nice integer size.
    m_countAxis->setTickType(QValueAxis::TicksDynamic);
    m_countAxis->setTickAnchor(0);
    m_countAxis->setTickInterval(std::max(1.0, std::ceil(m_countAxis->max() / 5)));
}

} // namespace signalbox
