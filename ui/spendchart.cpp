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

namespace signalbox {

namespace {

// Time shown before the first request of the day, so the curve does not start at the edge.
constexpr qint64 LeadSecs = 15 * 60;

qint64 msecs(const QDateTime &time) {
    return time.toMSecsSinceEpoch();
}

} // namespace

void applyPaletteTheme(QChart *chart) {
    const bool dark = chart->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

SpendChart::SpendChart(QWidget *parent)
    : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    auto *chart = new QChart;
    applyPaletteTheme(chart);
    chart->legend()->setAlignment(Qt::AlignBottom);
    setChart(chart);

    m_spend = new QLineSeries(this);
    m_area = new QAreaSeries(m_spend);
    m_area->setName(tr("Spend today"));
    QColor fill = palette().color(QPalette::Highlight);
    m_area->setPen(QPen(fill, 2));
    fill.setAlpha(70);
    m_area->setBrush(fill);
    chart->addSeries(m_area);

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
    m_timeAxis->setTickCount(7);
    m_usdAxis = new QValueAxis(this);
    m_usdAxis->setLabelFormat(QStringLiteral("$%.2f"));
    m_usdAxis->setTitleText(tr("Spend (USD)"));
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_usdAxis, Qt::AlignLeft);
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(m_area), static_cast<QAbstractSeries *>(m_budget)}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_usdAxis);
    }
}

void SpendChart::setSeries(const SpendSeries &series) {
    m_data = series;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime from = std::max(series.dayStart, now.addSecs(-3600));
    if (!series.points.isEmpty())
        from = std::max(series.dayStart, series.points.first().first.addSecs(-LeadSecs));
    const QDateTime to = std::max(now, series.points.isEmpty() ? now : series.points.last().first);

    // The running total is 0 until the first row of the day, and holds its last value until now.
    QList<QPointF> points{{double(msecs(from)), 0}};
    for (const auto &[time, total] : series.points)
        points.append({double(msecs(time)), total});
    const double last = series.points.isEmpty() ? 0 : series.points.last().second;
    points.append({double(msecs(to)), last});
    m_spend->replace(points);

    updateLines(from, to);
    const double budgetTop = series.dailyBudgetUsd > 0 ? series.dailyBudgetUsd * 1.08 : 0;
    updateRange(from, to, std::max({budgetTop, last * 1.15, 0.01}));
}

void SpendChart::updateLines(const QDateTime &from, const QDateTime &to) {
    const double left = double(msecs(from));
    const double right = double(msecs(to));
    const double budget = m_data.dailyBudgetUsd;
    m_budget->setVisible(budget > 0);
    m_budget->replace({{left, budget}, {right, budget}});
    m_budget->setName(tr("Daily budget %1").arg(ConsoleText::usdShort(budget)));

    const qsizetype wanted = budget > 0 ? m_data.warnAt.size() : 0;
    while (m_warnings.size() > wanted)
        delete m_warnings.takeLast();
    while (m_warnings.size() < wanted) {
        auto *line = new QLineSeries;
        line->setPen(QPen(ConsoleIcons::stateColor(GateState::Warning), 1.5, Qt::DashLine));
        chart()->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_usdAxis);
        m_warnings.append(line);
    }

    QStringList fractions;
    for (double fraction : m_data.warnAt)
        fractions << ConsoleText::percent(fraction);
    for (qsizetype i = 0; i < m_warnings.size(); ++i) {
        const double level = budget * m_data.warnAt.at(i);
        m_warnings.at(i)->replace({{left, level}, {right, level}});
        // One legend entry stands for all warning lines.
        m_warnings.at(i)->setName(tr("Warnings at %1").arg(fractions.join(QLatin1String(", "))));
        const auto markers = chart()->legend()->markers(m_warnings.at(i));
        for (QLegendMarker *marker : markers)
            marker->setVisible(i == 0);
    }
}

void SpendChart::updateRange(const QDateTime &from, const QDateTime &to, double top) {
    m_timeAxis->setRange(from.toLocalTime(), to.toLocalTime());
    m_usdAxis->setRange(0, top);
    m_usdAxis->applyNiceNumbers();
    const double span = m_usdAxis->max();
    m_usdAxis->setLabelFormat(span < 0.1 ? QStringLiteral("$%.3f") : QStringLiteral("$%.2f"));
}

} // namespace signalbox
