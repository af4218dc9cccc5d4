// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "dashboardpage.h"

#include "consoletext.h"
#include "gatelamps.h"
#include "ratechart.h"
#include "spendbreakdown.h"
#include "spendchart.h"

#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>

namespace signalbox {

namespace {

QLabel *figureLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *noteLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// A caption above a figure and an optional note below it.
QWidget *figureBox(const QString &caption, QLabel *figure, QLabel *note, QWidget *parent) {
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    auto *captionLabel = noteLabel(box);
    captionLabel->setText(caption);
    captionLabel->setBuddy(figure);
    layout->addWidget(captionLabel);
    layout->addWidget(figure);
    if (note)
        layout->addWidget(note);
    return box;
}

// Returns the text with a WORD JOINER (U+2060) after each slash of a URL in it. Qt's line breaker
// allows a break after a slash, so word wrap would split "http://127.0.0.1:8765/v1" between "/"
// and "v1". With the joiners a URL moves to the next line whole. The joiners are invisible.
QString keepUrlsWhole(const QString &text) {
    static const QRegularExpression url(QStringLiteral(R"([A-Za-z][A-Za-z0-9+.-]*://\S+)"));
    QString result;
    qsizetype copied = 0;
    for (const QRegularExpressionMatch &match : url.globalMatch(text)) {
        result += text.mid(copied, match.capturedStart() - copied);
        result += match.captured().replace(QLatin1Char('/'), QStringLiteral("/\u2060"));
        copied = match.capturedEnd();
    }
    result += text.mid(copied);
    return result;
}

QGroupBox *group(const QString &title, QWidget *content, QWidget *parent) {
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(content);
    return box;
}

} // namespace

QString baseUrlText(const QUrl &endpoint) {
    return endpoint.toString() + QLatin1String("/v1");
}

DashboardPage::DashboardPage(RouterService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service) {
    setObjectName(QStringLiteral("dashboard"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(createHeader());

    m_lamps = new GateLampsView(this);
    layout->addWidget(group(tr("Gates"), createLampsArea(), this));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(createCharts());
    split->addWidget(createBreakdowns());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(service, &RouterService::ready, this, &DashboardPage::showEndpoint);
    connect(service, &RouterService::startFailed, this,
            [this] { m_endpointLabel->setText(tr("not running")); });
    connect(service, &RouterService::usageChanged, this, &DashboardPage::showUsage);
    connect(service, &RouterService::gatesChanged, m_lamps, &GateLampsView::setSnapshot);
    connect(service, &RouterService::gatesChanged, this, &DashboardPage::fitLampsArea);
    connect(service, &RouterService::spendSeriesChanged, this, &DashboardPage::showBudget);
    connect(service, &RouterService::requestRateChanged, m_rateChart, &RateChart::setRate);
    connect(service, &RouterService::eventLogged, this, &DashboardPage::addEvent);
    if (!service->endpoint().isEmpty())
        showEndpoint(service->endpoint());
}

QWidget *DashboardPage::createHeader() {
    auto *header = new QWidget(this);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(36);

    m_endpointLabel = figureLabel(header);
    m_endpointLabel->setText(tr("starting…"));
    m_endpointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyButton = new QPushButton(tr("&Copy"), header);
    m_copyButton->setToolTip(tr("Copy the base URL for OpenAI-compatible clients"));
    m_copyButton->setAccessibleName(tr("Copy the endpoint address"));
    m_copyButton->setEnabled(false);
    connect(m_copyButton, &QPushButton::clicked, this, &DashboardPage::copyEndpoint);
    auto *endpointRow = new QHBoxLayout;
    endpointRow->setSpacing(8);
    endpointRow->addWidget(figureBox(tr("Endpoint (base URL)"), m_endpointLabel, nullptr, header));
    endpointRow->addWidget(m_copyButton, 0, Qt::AlignBottom);
    layout->addLayout(endpointRow);

    m_spendLabel = figureLabel(header);
    m_spendLabel->setText(ConsoleText::usd(0));
    m_budgetLabel = noteLabel(header);
    layout->addWidget(figureBox(tr("Spend today"), m_spendLabel, m_budgetLabel, header));
    m_countLabel = figureLabel(header);
    m_countLabel->setText(QLocale().toString(0));
    m_tokensLabel = noteLabel(header);
    layout->addWidget(figureBox(tr("Requests today"), m_countLabel, m_tokensLabel, header));
    layout->addStretch(1);
    return header;
}

// Three rows of lamps at most, and the rest scroll, so that a config with dozens of rate limits
// and model budgets leaves the charts their room.
QWidget *DashboardPage::createLampsArea() {
    auto *area = new QScrollArea(this);
    area->setWidget(m_lamps);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_lampsArea = area;
    fitLampsArea();
    return area;
}

void DashboardPage::fitLampsArea() {
    m_lampsArea->setFixedHeight(m_lamps->heightForRows(3));
}

QWidget *DashboardPage::createCharts() {
    auto *charts = new QWidget(this);
    auto *layout = new QHBoxLayout(charts);
    layout->setContentsMargins(0, 0, 0, 0);
    m_spendChart = new SpendChart(charts);
    m_rateChart = new RateChart(charts);
    layout->addWidget(group(tr("Cumulative spend today"), m_spendChart, charts), 3);
    layout->addWidget(group(tr("Requests per minute, last hour"), m_rateChart, charts), 2);
    return charts;
}

QWidget *DashboardPage::createBreakdowns() {
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_byModel = new SpendBreakdown(SpendBreakdown::Kind::Model, row);
    m_byStage = new SpendBreakdown(SpendBreakdown::Kind::Stage, row);
    m_events = new QListWidget(row);
    m_events->setAccessibleName(tr("Events"));
    m_events->setWordWrap(true);
    m_events->setAlternatingRowColors(true);
    layout->addWidget(group(tr("Spend by model"), m_byModel, row), 1);
    layout->addWidget(group(tr("Spend by stage"), m_byStage, row), 1);
    layout->addWidget(group(tr("Events"), m_events, row), 1);
    return row;
}

void DashboardPage::showEndpoint(const QUrl &endpoint) {
    m_endpointText = baseUrlText(endpoint);
    m_endpointLabel->setText(m_endpointText);
    m_copyButton->setEnabled(true);
}

void DashboardPage::showUsage(const UsageSummary &today) {
    m_spendLabel->setText(ConsoleText::usd(today.costUsd));
    m_countLabel->setText(QLocale().toString(today.requests));
    m_tokensLabel->setText(
        tr("%1 tokens in, %2 out")
            .arg(QLocale().toString(today.inputTokens), QLocale().toString(today.outputTokens)));
    m_byModel->setBuckets(today.byModel);
    m_byStage->setBuckets(today.byStage);
}

void DashboardPage::showBudget(const SpendSeries &series) {
    m_spendChart->setSeries(series);
    if (series.dailyBudgetUsd <= 0) {
        m_budgetLabel->setText(tr("no daily budget set"));
        return;
    }
    const double spent = series.points.isEmpty() ? 0 : series.points.last().second;
    m_budgetLabel->setText(tr("of %1 daily budget (%2)")
                               .arg(ConsoleText::usdShort(series.dailyBudgetUsd),
                                    ConsoleText::percent(spent / series.dailyBudgetUsd)));
}

void DashboardPage::addEvent(const QString &message) {
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    const QString text = tr("%1  %2").arg(time, message);
    auto *item = new QListWidgetItem(keepUrlsWhole(text));
    // Screen readers get the text without the joiners.
    item->setData(Qt::AccessibleTextRole, text);
    m_events->insertItem(0, item);
    while (m_events->count() > MaxEvents)
        delete m_events->takeItem(m_events->count() - 1);
}

void DashboardPage::copyEndpoint() {
    QApplication::clipboard()->setText(m_endpointText);
    emit statusMessage(tr("Copied %1 to the clipboard").arg(m_endpointText));
}

} // namespace signalbox
