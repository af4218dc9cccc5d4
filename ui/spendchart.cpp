// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "spendchart.h"

#include "consoleicons.h"
#include "consoletext.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace signalbox {

namespace {

// Time shown before the first request of the day, so the curve does not start at the edge.
constexpr qint64 LeadSecs = 15 * 60;

constexpr int MaxTimeIntervals = 7;
constexpr int MaxValueIntervals = 6;

qint64 msecs(const QDateTime &time) {
    return time.toMSecsSinceEpoch();
}

// Returns a round step (1, 2, 2.5 or 5 times a power of ten) that divides 0..top into at most
// maxIntervals intervals.
double niceStep(double top, int maxIntervals) {
    const double raw = top / maxIntervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 2.5, 5.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

// Returns a step in minutes that divides the span into at most MaxTimeIntervals intervals.
qint64 timeStepMinutes(qint64 spanMs) {
    const qint64 steps[] = {1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360};
    for (qint64 step : steps) {
        if (spanMs <= step * 60000 * MaxTimeIntervals)
            return step;
    }
    return 720;
}

} // namespace

void setTimeRange(QDateTimeAxis *axis, const QDateTime &from, const QDateTime &to) {
    // Ticks fall on whole steps of local time, e.g. 10:00, 11:00, so their labels are round.
    const qint64 offsetMs = qint64(from.toLocalTime().offsetFromUtc()) * 1000;
    const qint64 stepMs = timeStepMinutes(msecs(to) - msecs(from)) * 60000;
    const qint64 start = (msecs(from) + offsetMs) / stepMs * stepMs - offsetMs;
    const qint64 intervals = std::max<qint64>(1, (msecs(to) - start + stepMs - 1) / stepMs);
    axis->setRange(QDateTime::fromMSecsSinceEpoch(start),
                   QDateTime::fromMSecsSinceEpoch(start + intervals * stepMs));
    axis->setTickCount(int(intervals) + 1);
}

void applyPaletteTheme(QChart *chart) {
    const bool dark = chart->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setLocalizeNumbers(true);
}

SpendChart::SpendChart(QWidget *parent)
    : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    auto *chart = new QChart;
    applyPaletteTheme(chart);
    chart->legend()->setAlignment(Qt::AlignBottom);
    setChart(chart);

    // The area fills below the curve without an outline, which would also draw its vertical
    // edges; the line on top draws the curve alone.
    const QColor color = palette().color(QPalette::Highlight);
    m_outline = new QLineSeries(this);
    m_area = new QAreaSeries(m_outline);
    m_area->setPen(Qt::NoPen);
    QColor fill = color;
    fill.setAlpha(70);
    m_area->setBrush(fill);
    chart->addSeries(m_area);
    m_spend = new QLineSeries;
    m_spend->setName(tr("Spend today"));
    m_spend->setPen(QPen(color, 2));
    chart->addSeries(m_spend);

    m_budget = new QLineSeries;
    m_budget->setPen(QPen(ConsoleIcons::stateColor(GateState::Tripped), 2));
    chart->addSeries(m_budget);
    createAxes();
    setAccessibleName(tr("Cumulative spend today against the daily budget"));
}

void SpendChart::createAxes() {
    m_timeAxis = new QDateTimeAxis(this);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTitleText(tr("Time"));
    m_usdAxis = new QValueAxis(this);
    m_usdAxis->setLabelFormat(QStringLiteral("$%.2f"));
    m_usdAxis->setTitleText(tr("Spend (USD)"));
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_usdAxis, Qt::AlignLeft);
    const QList<QAbstractSeries *> series{m_area, m_spend, m_budget};
    for (QAbstractSeries *each : series) {
        each->attachAxis(m_timeAxis);
        each->attachAxis(m_usdAxis);
    }
    hideAreaMarker();
}

// The area has no legend entry of its own: the line's entry stands for both.
void SpendChart::hideAreaMarker() {
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_area);
    for (QLegendMarker *marker : markers)
        marker->setVisible(false);
}

void SpendChart::setSeries(const SpendSeries &series) {
    m_data = series;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime from = std::max(series.dayStart, now.addSecs(-3600));
    if (!series.points.isEmpty())
        from = std::max(series.dayStart, series.points.first().first.addSecs(-LeadSecs));
    const QDateTime to = std::max(now, series.points.isEmpty() ? now : series.points.last().first);

    // The running total is 0 until the first row of the day, and keeps its last value until now.
    QList<QPointF> points{{double(msecs(from)), 0}};
    for (const auto &[time, total] : series.points)
        points.append({double(msecs(time)), total});
    const double last = series.points.isEmpty() ? 0 : series.points.last().second;
    points.append({double(msecs(to)), last});
    m_spend->replace(points);
    m_outline->replace(points);

    setTimeRange(m_timeAxis, from, to);
    updateLines(m_timeAxis->min(), m_timeAxis->max());
    const double budgetTop = series.dailyBudgetUsd > 0 ? series.dailyBudgetUsd * 1.08 : 0;
    updateUsdRange(std::max({budgetTop, last * 1.15, 0.01}));
}

void SpendChart::updateLines(const QDateTime &from, const QDateTime &to) {
    const double left = double(msecs(from));
    const double right = double(msecs(to));
    const double budget = m_data.dailyBudgetUsd;
    m_budget->setVisible(budget > 0);
    m_budget->replace({{left, budget}, {right, budget}});
    m_budget->setName(tr("Daily budget %1").arg(ConsoleText::usdShort(budget)));

    const qsizetype wanted = budget > 0 ? m_data.warnAt.size() : 0;
    while (m_warnings.size() > wanted) {
        QLineSeries *line = m_warnings.takeLast();
        chart()->removeSeries(line);
        delete line;
    }
    while (m_warnings.size() < wanted) {
        auto *line = new QLineSeries;
        line->setPen(QPen(ConsoleIcons::stateColor(GateState::Warning), 1.5, Qt::DashLine));
        chart()->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_usdAxis);
        m_warnings.append(line);
        hideAreaMarker();
    }

    QStringList fractions;
    for (double fraction : m_data.warnAt)
        fractions << ConsoleText::percent(fraction);
    for (qsizetype i = 0; i < m_warnings.size(); ++i) {
        const double level = budget * m_data.warnAt.at(i);
        m_warnings.at(i)->replace({{left, level}, {right, level}});
        // One legend entry stands for all warning lines.
        m_warnings.at(i)->setName(tr("Warnings at %1").arg(fractions.join(QLatin1String(", "))));
        const QList<QLegendMarker *> markers = chart()->legend()->markers(m_warnings.at(i));
        for (QLegendMarker *marker : markers)
            marker->setVisible(i == 0);
    }
}

void SpendChart::updateUsdRange(double top) {
    const double step = niceStep(top, MaxValueIntervals);
    const int intervals = int(std::ceil(top / step - 1e-9));
    m_usdAxis->setRange(0, intervals * step);
    m_usdAxis->setTickCount(intervals + 1);
    int decimals = 3;
    if (step >= 1)
        decimals = 0;
    else if (step >= 0.1)
        decimals = 1;
    else if (step >= 0.01)
        decimals = 2;
    m_usdAxis->setLabelFormat(QStringLiteral("$%.%1f").arg(decimals));
}

} // namespace signalbox
